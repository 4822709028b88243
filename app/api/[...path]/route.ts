import { handle } from '@/lib/http/handler';
import { notFound } from '@/lib/errors';

// Unknown API paths answer in the error envelope, not with an HTML page.
const unknown = handle(async () => {
  throw notFound('No such API endpoint');
});

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };

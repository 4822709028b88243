import { handle, otherMethods } from '@/lib/http/handler';
import { DOCS_PAGE_HEADERS, docsPage } from '@/lib/openapi/docs-page';

// The OpenAPI document as a page: server-rendered HTML and inline CSS, nothing from another host.
export const GET = handle(async () => {
  return new Response(docsPage(), { headers: DOCS_PAGE_HEADERS });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods } from '@/lib/http/handler';
import { showUser } from '@/lib/users/users';

export const GET = handle(async (request) => {
  const actor = await requireActor({ authorization: request.headers.get('authorization') });
  return json({ user: await showUser({ actor, id: actor.id }) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented } from '@/lib/http/handler';
import { showUser } from '@/lib/users/users';

export const GET = handle(async (request) => {
  const actor = await requireActor(presented(request));
  return json({ user: await showUser({ actor, id: actor.id }) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented } from '@/lib/http/handler';
import { userIdParam } from '@/lib/users/schemas';
import { showUser } from '@/lib/users/users';
import { parseInput } from '@/lib/validation';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(userIdParam, await params, 'path');
  return json({ user: await showUser({ actor, id }) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

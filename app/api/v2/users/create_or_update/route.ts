import { requireActor } from '@/lib/auth/credentials';
import { handle, json, readJson, otherMethods, presented } from '@/lib/http/handler';
import { createOrUpdateUserBody } from '@/lib/users/schemas';
import { createOrUpdateUser } from '@/lib/users/users';
import { parseInput } from '@/lib/validation';

// Zendesk answers 201 when it created the user and 200 when it updated one.
export const POST = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const { user } = parseInput(createOrUpdateUserBody, await readJson(request), 'body');
  const result = await createOrUpdateUser({ actor, user });
  return json({ user: result.user }, result.created ? 201 : 200);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

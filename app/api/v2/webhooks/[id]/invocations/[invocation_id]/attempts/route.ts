import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { listAttempts } from '@/lib/webhooks/log';
import { invocationParams } from '@/lib/webhooks/schemas';

type Context = { params: Promise<{ id: string; invocation_id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id, invocation_id } = parseInput(invocationParams, await params, 'path');
  return json(await listAttempts({ actor, webhookId: id, invocationId: invocation_id }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented, publicUrl, queryOf } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { listInvocations } from '@/lib/webhooks/log';
import { listInvocationsQuery, webhookIdParams } from '@/lib/webhooks/schemas';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(webhookIdParams, await params, 'path');
  const query = parseInput(listInvocationsQuery, queryOf(request), 'query');
  return json(await listInvocations({ actor, webhookId: id, query, url: publicUrl(request) }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

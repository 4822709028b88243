import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented, queryOf, readJson } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { testWebhookBody, testWebhookQuery } from '@/lib/webhooks/schemas';
import { testWebhook } from '@/lib/webhooks/test-send';

export const POST = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const { webhook_id } = parseInput(testWebhookQuery, queryOf(request), 'query');
  const body = parseInput(testWebhookBody, await readJson(request), 'body');
  return json(await testWebhook({ actor, ...(webhook_id !== undefined && { webhookId: webhook_id }), body }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

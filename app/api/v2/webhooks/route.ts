import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented, publicUrl, queryOf, readJson } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { createWebhookBody, listWebhooksQuery } from '@/lib/webhooks/schemas';
import { createWebhook, listWebhooks } from '@/lib/webhooks/webhooks';

export const GET = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const query = parseInput(listWebhooksQuery, queryOf(request), 'query');
  return json(await listWebhooks({ actor, query, url: publicUrl(request) }));
});

export const POST = handle(async (request) => {
  const actor = await requireActor(presented(request));
  const { webhook } = parseInput(createWebhookBody, await readJson(request), 'body');
  return json({ webhook: await createWebhook({ actor, input: webhook }) }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

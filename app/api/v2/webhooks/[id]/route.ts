import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented, readJson } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { patchWebhookBody, updateWebhookBody, webhookIdParams } from '@/lib/webhooks/schemas';
import { deleteWebhook, showWebhook, updateWebhook } from '@/lib/webhooks/webhooks';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(webhookIdParams, await params, 'path');
  return json({ webhook: await showWebhook({ actor, id }) });
});

// Zendesk answers an update with 204 and no body; Show gives the webhook as it is now.
const update = (schema: typeof updateWebhookBody | typeof patchWebhookBody) =>
  handle(async (request, { params }: Context) => {
    const actor = await requireActor(presented(request));
    const { id } = parseInput(webhookIdParams, await params, 'path');
    const { webhook } = parseInput(schema, await readJson(request), 'body');
    await updateWebhook({ actor, id, input: webhook });
    return new Response(null, { status: 204 });
  });

export const PUT = update(updateWebhookBody);
export const PATCH = update(patchWebhookBody);

export const DELETE = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(webhookIdParams, await params, 'path');
  await deleteWebhook({ actor, id });
  return new Response(null, { status: 204 });
});

export const { POST } = otherMethods('GET', 'PUT', 'PATCH', 'DELETE');

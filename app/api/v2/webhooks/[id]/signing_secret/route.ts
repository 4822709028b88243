import { requireActor } from '@/lib/auth/credentials';
import { handle, json, otherMethods, presented } from '@/lib/http/handler';
import { parseInput } from '@/lib/validation';
import { webhookIdParams } from '@/lib/webhooks/schemas';
import { resetSigningSecret, showSigningSecret } from '@/lib/webhooks/webhooks';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(webhookIdParams, await params, 'path');
  return json(await showSigningSecret({ actor, id }), 200, { 'Cache-Control': 'no-store' });
});

// Zendesk answers a reset with 201 and the new secret.
export const POST = handle(async (request, { params }: Context) => {
  const actor = await requireActor(presented(request));
  const { id } = parseInput(webhookIdParams, await params, 'path');
  return json(await resetSigningSecret({ actor, id }), 201, { 'Cache-Control': 'no-store' });
});

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

import { findWebhook } from '@/db/webhooks';
import type { Actor } from '../auth/credentials';
import { ApiError, invalid } from '../errors';
import { requireAdmin } from '../users/users';
import type { TestRequestInput } from './schemas';
import { authenticationHeaders, sendRequest } from './send';
import { signatureHeaders } from './signing';
import { checkEndpoint, resolveAuthentication, webhookNotFound } from './webhooks';

// Zendesk's Test Webhook: one request, sent now, through the address guard, never retried and never
// logged. With `webhook_id` the webhook's endpoint, method, credentials and signing secret fill in
// what the request leaves out; without it the request is signed with the static secret Zendesk
// documents for test requests, so a receiver can check its signature code against it.

export const TEST_SIGNING_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export async function testWebhook({
  actor,
  webhookId,
  body,
}: {
  actor: Actor;
  webhookId?: string;
  body: { request?: TestRequestInput; webhook?: TestRequestInput };
}) {
  requireAdmin(actor);
  const stored = webhookId === undefined ? undefined : await findWebhook({ id: webhookId });
  if (webhookId !== undefined && !stored) throw webhookNotFound();
  const base = body.request ? '/request' : body.webhook ? '/webhook' : '/request';
  const given: TestRequestInput = { ...body.webhook, ...body.request };

  const endpoint = given.endpoint ?? stored?.endpoint;
  if (endpoint === undefined) throw invalid('The endpoint is required (or name a webhook with webhook_id)', { pointer: `${base}/endpoint` });
  await checkEndpoint(endpoint, `${base}/endpoint`);
  const method = given.http_method ?? stored?.httpMethod ?? 'POST';
  const stillStored = stored?.authentication ?? null;
  const auth = given.authentication === undefined ? stillStored : resolveAuthentication(given.authentication, stillStored, `${base}/authentication`);

  const payload = WITH_BODY.has(method) ? (given.payload ?? '{}') : '';
  const headers: Record<string, string> = WITH_BODY.has(method) ? { 'content-type': 'application/json' } : {};
  for (const { key, value } of given.headers ?? []) headers[key.toLowerCase()] = value;
  Object.assign(
    headers,
    authenticationHeaders(auth),
    stored ? { 'x-zendesk-webhook-id': stored.id } : {},
    signatureHeaders(stored?.signingSecret ?? TEST_SIGNING_SECRET, payload),
  );

  const outcome = await sendRequest({ endpoint, method, headers, ...(WITH_BODY.has(method) && { body: payload }) });
  // No answer at all (refused at connect time, a network error, the timeout) is the gateway's failure.
  if (outcome.statusCode === null) throw new ApiError('BadGateway', [{ title: 'The endpoint did not answer', detail: outcome.error ?? outcome.body }]);
  return {
    response: {
      status: outcome.statusCode,
      headers: Object.entries(outcome.headers).map(([key, value]) => ({ key, value })),
      body: outcome.body,
    },
  };
}

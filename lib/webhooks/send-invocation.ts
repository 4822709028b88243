import type { ClaimedInvocation } from '@/db/outbox';
import { refusedEndpoint } from './network';
import { authenticationHeaders, sendRequest } from './send';
import { signatureHeaders } from './signing';

// The network half of a delivery: one claimed invocation sent to its endpoint, signed as Zendesk
// signs, through the address guard. No database here: it runs on the sender thread
// (sender-thread.ts) and its outcome goes back to the delivery loop, which records it.

export interface InvocationOutcome {
  statusCode: number | null;
  body: string;
  durationMs: number;
  retryAfter?: string;
}

/** The outcome of a send that could not be made (it threw, or its thread stopped): a failed attempt, tried again. */
export function notSent(error: unknown): InvocationOutcome {
  return { statusCode: null, body: `Not sent: ${error instanceof Error ? error.message : String(error)}`, durationMs: 0 };
}

/** Sends one claimed invocation; never throws (every outcome is an attempt to record). */
export type InvocationSender = (invocation: ClaimedInvocation) => Promise<InvocationOutcome>;

export const sendInvocation: InvocationSender = async (invocation) => {
  const started = Date.now();
  if (invocation.webhookStatus !== 'active') return { statusCode: null, body: 'Not sent: the webhook is inactive.', durationMs: 0 };
  const refused = await refusedEndpoint(invocation.endpoint);
  if (refused) return { statusCode: null, body: `Not sent: ${refused}.`, durationMs: Date.now() - started };
  const sent = await sendRequest({
    endpoint: invocation.endpoint,
    method: invocation.httpMethod,
    body: invocation.body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-zendesk-webhook-id': invocation.webhookId,
      'x-zendesk-webhook-invocation-id': String(invocation.id),
      ...signatureHeaders(invocation.signingSecret, invocation.body),
      ...authenticationHeaders(invocation.authentication),
    },
  });
  return { statusCode: sent.statusCode, body: sent.body, durationMs: sent.durationMs, retryAfter: sent.headers['retry-after'] };
};

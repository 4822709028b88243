import { randomUUID } from 'node:crypto';
import { claimAlertEmails, claimInvocations, finishAlertEmail, finishInvocationAttempt, type ClaimedInvocation } from '@/db/outbox';
import { env } from '../env';
import { logger } from '../observability/log';
import { countDelivery } from '../observability/metrics';
import { sendAlertEmail, smtpConfigured } from './alerts';
import { refusedEndpoint } from './network';
import { nextAfter } from './retry';
import { authenticationHeaders, sendRequest } from './send';
import { signatureHeaders } from './signing';

// Delivery runs in every app server process (no other service to run): each worker looks for due
// invocations and alert e-mails every WEBHOOK_POLL_MS, claims a few under a lease (so no other
// process sends the same attempt), sends them and records the attempt. A process killed mid-send
// leaves its lease to run out, and another sends the attempt again: at least once, never lost.

const BATCH = 32;
// Longer than a send can take (twice the timeout, and 5 s more), so a lease never runs out under a
// live sender; a killed sender's claims are free again this long after it claimed them.
const leaseMs = () => 2 * env().WEBHOOK_TIMEOUT_MS + 5_000;

/** Sends one claimed invocation and records the attempt; true when it was recorded. */
export async function deliverInvocation(invocation: ClaimedInvocation, leaseToken: string): Promise<void> {
  const { WEBHOOK_RETRY_BASE_MS: baseMs, WEBHOOK_RETRY_WINDOW_MS: windowMs } = env();
  const started = Date.now();
  let outcome: { statusCode: number | null; body: string; durationMs: number; retryAfter?: string };
  if (invocation.webhookStatus !== 'active') {
    outcome = { statusCode: null, body: 'Not sent: the webhook is inactive.', durationMs: 0 };
  } else {
    const refused = await refusedEndpoint(invocation.endpoint);
    if (refused) {
      outcome = { statusCode: null, body: `Not sent: ${refused}.`, durationMs: Date.now() - started };
    } else {
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
      outcome = { ...sent, retryAfter: sent.headers['retry-after'] };
    }
  }
  const now = Date.now();
  const attempts = invocation.attempts + 1;
  // An inactive webhook's invocation ends here; it can be replayed once the webhook is active again.
  const next =
    invocation.webhookStatus !== 'active'
      ? ({ status: 'failed' } as const)
      : nextAfter({ statusCode: outcome.statusCode, retryAfter: outcome.retryAfter, attempts, createdAt: invocation.createdAt, now, baseMs, windowMs });
  const success = next.status === 'success';
  const recorded = await finishInvocationAttempt({
    invocationId: invocation.id,
    leaseToken,
    attempt: { status: success ? 'success' : 'failed', statusCode: outcome.statusCode, durationMs: outcome.durationMs, completedAt: now, responseBody: outcome.body },
    next,
  });
  countDelivery('webhook', next.status === 'pending' ? 'retry' : next.status);
  logger().info(
    {
      webhook_id: invocation.webhookId,
      invocation_id: invocation.id,
      event_id: invocation.eventId,
      attempt: attempts,
      status_code: outcome.statusCode,
      duration_ms: outcome.durationMs,
      outcome: next.status === 'pending' ? 'retry' : next.status,
      ...(next.status === 'pending' && { next_attempt_at: new Date(next.nextAttemptAt).toISOString() }),
      ...(!recorded && { lease_lost: true }),
    },
    'webhook delivery',
  );
}

async function deliverEmails(now: number): Promise<number> {
  if (!smtpConfigured()) return 0;
  const { WEBHOOK_RETRY_BASE_MS: baseMs, WEBHOOK_RETRY_WINDOW_MS: windowMs } = env();
  const leaseToken = randomUUID();
  const claimed = await claimAlertEmails({ now, leaseUntil: now + leaseMs(), leaseToken, limit: BATCH });
  await Promise.all(
    claimed.map(async (email) => {
      const error = await sendAlertEmail(email);
      const at = Date.now();
      // A refused address or message (5xx from the server) is final; anything else is tried again.
      const next = nextAfter({ statusCode: error ? (error.permanent ? 400 : null) : 200, attempts: email.attempts + 1, createdAt: email.createdAt, now: at, baseMs, windowMs });
      await finishAlertEmail({ id: email.id, leaseToken, at, error: error?.message ?? null, next });
      countDelivery('email', next.status === 'pending' ? 'retry' : next.status);
      logger().info({ alert_email_id: email.id, event_id: email.eventId, attempt: email.attempts + 1, outcome: next.status === 'pending' ? 'retry' : next.status, error: error?.message }, 'alert e-mail');
    }),
  );
  return claimed.length;
}

/** One round: claims what is due and delivers it; the number of deliveries made. */
export async function deliverDue(now = Date.now()): Promise<number> {
  const leaseToken = randomUUID();
  const invocations = await claimInvocations({ now, leaseUntil: now + leaseMs(), leaseToken, limit: BATCH });
  const [, emails] = await Promise.all([Promise.all(invocations.map((i) => deliverInvocation(i, leaseToken))), deliverEmails(now)]);
  return invocations.length + emails;
}

const KEY = Symbol.for('help-center-surveys.delivery');
type Holder = { [KEY]?: { stop: () => Promise<void> } };

/**
 * Starts this process's delivery loop (once per process); `stop` lets the round under way finish.
 * A full round goes again at once; an empty or failed one waits WEBHOOK_POLL_MS.
 */
export function startDelivery(): { stop: () => Promise<void> } {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let delivered = 0;
      try {
        delivered = await deliverDue();
      } catch (error) {
        // The database is down or busy: the next round tries again.
        logger().warn({ err: error instanceof Error ? error.message : String(error) }, 'webhook delivery round failed');
      }
      if (stopped) break;
      if (delivered < BATCH) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, env().WEBHOOK_POLL_MS).unref();
        });
      }
    }
  })();
  const handle = {
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      delete holder[KEY];
    },
  };
  holder[KEY] = handle;
  return handle;
}

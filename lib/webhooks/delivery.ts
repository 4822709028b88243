import { randomUUID } from 'node:crypto';
import { claimAlertEmails, claimInvocations, finishAlertEmail, finishInvocationAttempts, type ClaimedInvocation } from '@/db/outbox';
import { env } from '../env';
import { logger } from '../observability/log';
import { countDelivery } from '../observability/metrics';
import { sendAlertEmail, smtpConfigured } from './alerts';
import { groupCommit } from './group-commit';
import { nextAfter } from './retry';
import { MAX_CONCURRENT_SENDS } from './send';
import { notSent, sendInvocation, type InvocationSender } from './send-invocation';

// Delivery runs in every app server process (no other service to run): each worker looks for due
// invocations and alert e-mails every WEBHOOK_POLL_MS, claims a few under a lease (so no other
// process sends the same attempt), sends them and records the attempts. A process killed mid-send
// leaves its lease to run out, and another sends the attempt again: at least once, never lost. In
// the server the requests leave from a thread of their own (sender-thread.ts); claiming and
// recording stay here, on the process's database connection.

const BATCH = 32;
// Never more than an endpoint's sockets (send.ts), so no send waits for a socket.
const IN_FLIGHT = MAX_CONCURRENT_SENDS;
const BUSY_POLL_MS = 50;
// Longer than a send can take (twice the timeout, and 5 s more), so a lease never runs out under a
// live sender; a killed sender's claims are free again this long after it claimed them.
const leaseMs = () => 2 * env().WEBHOOK_TIMEOUT_MS + 5_000;

// The attempts that end together are recorded together (one transaction), each still only under its lease.
const finishInvocationAttempt = groupCommit(finishInvocationAttempts);

/** Sends one claimed invocation (with `send`) and records the attempt. */
export async function deliverInvocation(invocation: ClaimedInvocation, leaseToken: string, send: InvocationSender = sendInvocation): Promise<void> {
  const { WEBHOOK_RETRY_BASE_MS: baseMs, WEBHOOK_RETRY_WINDOW_MS: windowMs } = env();
  // A send that could not be made (the sender thread stopped under it) is a failed attempt, tried
  // again after the backoff, rather than left for its lease to run out.
  const outcome = await send(invocation).catch(notSent);
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
  // A success is in the attempts log and the metrics already: its line is for debugging. A retry or a
  // failure is what an operator looks for.
  logger()[success ? 'debug' : 'info'](
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

/** One round: claims what is due and delivers it (webhook requests sent with `send`); the number of deliveries made. */
export async function deliverDue(now = Date.now(), send: InvocationSender = sendInvocation): Promise<number> {
  const leaseToken = randomUUID();
  const invocations = await claimInvocations({ now, leaseUntil: now + leaseMs(), leaseToken, limit: BATCH });
  const [, emails] = await Promise.all([Promise.all(invocations.map((i) => deliverInvocation(i, leaseToken, send))), deliverEmails(now)]);
  return invocations.length + emails;
}

const KEY = Symbol.for('help-center-surveys.delivery');
type Holder = { [KEY]?: { stop: () => Promise<void> } };

const failed = (what: string) => (error: unknown) =>
  // The database is down or busy: the lease runs out and the attempt is made again.
  logger().warn({ err: error instanceof Error ? error.message : String(error) }, what);

/**
 * Starts this process's delivery loop (once per process); `stop` waits for the deliveries under way.
 * The loop keeps up to IN_FLIGHT invocations in delivery, claiming more as soon as there is room
 * (a busy server answers each step late, and a loop that waited for whole rounds fell behind its
 * events); when fewer were due than it asked for it looks again after BUSY_POLL_MS, and after an
 * empty or failed claim after WEBHOOK_POLL_MS. Alert e-mails go one round at a time beside it. The
 * server passes the sender thread's `send` (sender-thread.ts); the default sends from this thread.
 */
export function startDelivery({ send = sendInvocation }: { send?: InvocationSender } = {}): { stop: () => Promise<void> } {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  let stopped = false;
  let wake: (() => void) | undefined;
  let waitingForRoom = false;
  const inFlight = new Set<Promise<void>>();
  let emails: Promise<unknown> | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, ms).unref();
    });
  const loop = (async () => {
    while (!stopped) {
      const room = IN_FLIGHT - inFlight.size;
      if (room <= 0) {
        waitingForRoom = true;
        await pause(env().WEBHOOK_POLL_MS);
        waitingForRoom = false;
        continue;
      }
      const limit = Math.min(BATCH, room);
      let claimed = -1;
      try {
        const now = Date.now();
        const leaseToken = randomUUID();
        const invocations = await claimInvocations({ now, leaseUntil: now + leaseMs(), leaseToken, limit });
        claimed = invocations.length;
        for (const invocation of invocations) {
          const delivery: Promise<void> = deliverInvocation(invocation, leaseToken, send)
            .catch(failed('webhook delivery failed'))
            .finally(() => {
              inFlight.delete(delivery);
              if (waitingForRoom) wake?.();
            });
          inFlight.add(delivery);
        }
        emails ??= deliverEmails(now)
          .catch(failed('alert e-mail round failed'))
          .finally(() => (emails = undefined));
      } catch (error) {
        failed('webhook delivery round failed')(error);
      }
      if (stopped) break;
      if (claimed === limit) continue;
      await pause(claimed > 0 ? Math.min(BUSY_POLL_MS, env().WEBHOOK_POLL_MS) : env().WEBHOOK_POLL_MS);
    }
    await Promise.all([...inFlight, emails]);
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

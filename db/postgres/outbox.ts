import { toClaimedEmail, toClaimedInvocation, type ClaimedAlertEmail, type ClaimedInvocation, type FinishedAttempt } from '../outbox-rows';
import { ALERT_EVENT_TYPE, type OutboxEvent } from '../schema';
import { pool, postgresTransaction, rows, run, type Queryable } from './client';

/**
 * Common table expressions that record events (webhook_events, their invocations and alert e-mails)
 * inside another statement, so a write and its events are one statement: one round trip, atomic by
 * itself. The events are five arrays from parameter `$first` on (eventParams); `onlyIf`, a condition
 * of the statement (e.g. that its write happened), holds them back when false.
 */
export function eventCtes(first: number, onlyIf = 'true'): string {
  const p = (n: number) => `$${first + n}`;
  return (
    `ev as (insert into webhook_events (id, type, subject, body, created_at) ` +
    `select e.id, e.type, e.subject, e.body, e.at from unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::bigint[]) as e(id, type, subject, body, at) ` +
    `where (${onlyIf}) and (exists (select 1 from webhook_subscriptions s join webhooks w on w.id = s.webhook_id where s.event_type = e.type and w.status = 'active') ` +
    `or (e.type = '${ALERT_EVENT_TYPE}' and exists (select 1 from alert_recipients))) returning id, type, created_at), ` +
    `ev_invocations as (insert into webhook_invocations (webhook_id, event_id, status, attempts, next_attempt_at, lease_until, created_at) ` +
    `select w.id, ev.id, 'pending', 0, ev.created_at, 0, ev.created_at from ev join webhook_subscriptions s on s.event_type = ev.type ` +
    `join webhooks w on w.id = s.webhook_id where w.status = 'active'), ` +
    `ev_emails as (insert into alert_emails (event_id, address, locale, status, attempts, next_attempt_at, lease_until, created_at) ` +
    `select ev.id, a.address, a.locale, 'pending', 0, ev.created_at, 0, ev.created_at from ev cross join alert_recipients a where ev.type = '${ALERT_EVENT_TYPE}')`
  );
}

export function eventParams(events: readonly OutboxEvent[]): unknown[] {
  return [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.subject), events.map((e) => e.body), events.map((e) => e.at)];
}

const RECORD = `with ${eventCtes(1)} select 1`;

/** Records events in one statement, on a transaction's connection (or the pool: atomic by itself). */
export async function recordEventsOn(on: Queryable, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length > 0) await run(on, RECORD, eventParams(events));
}

export async function recordEvents(events: OutboxEvent[]): Promise<void> {
  await recordEventsOn(await pool(), events);
}

const CLAIM_INVOCATIONS =
  "with due as (select id from webhook_invocations where status = 'pending' and next_attempt_at <= $1 and lease_until <= $1 " +
  'order by next_attempt_at limit $2 for update skip locked) ' +
  'update webhook_invocations i set lease_until = $3, lease_token = $4 from due, webhooks w, webhook_events e ' +
  'where i.id = due.id and w.id = i.webhook_id and e.id = i.event_id ' +
  'returning i.id, i.webhook_id, i.event_id, i.attempts, i.created_at, w.endpoint, w.http_method, w.authentication, w.signing_secret, w.status, e.body';

export async function claimInvocations(input: { now: number; leaseUntil: number; leaseToken: string; limit: number }): Promise<ClaimedInvocation[]> {
  const found = await rows(await pool(), CLAIM_INVOCATIONS, [input.now, input.limit, input.leaseUntil, input.leaseToken]);
  return found.map(toClaimedInvocation);
}

const INSERT_ATTEMPT =
  'insert into webhook_attempts (invocation_id, status, status_code, duration_ms, completed_at, response_body) ' +
  'select id, $1, $2, $3, $4, $5 from webhook_invocations where id = $6 and lease_token = $7';
const FINISH_INVOCATION =
  'update webhook_invocations set status = $1, attempts = attempts + 1, next_attempt_at = $2, lease_until = 0, lease_token = null, latest_completed_at = $3 ' +
  'where id = $4 and lease_token = $5 returning webhook_id';

export async function finishInvocationAttempt({ invocationId, leaseToken, attempt: a, next }: FinishedAttempt): Promise<boolean> {
  return postgresTransaction(async (client) => {
    if ((await run(client, INSERT_ATTEMPT, [a.status, a.statusCode, a.durationMs, a.completedAt, a.responseBody, invocationId, leaseToken])) === 0) return false;
    const [webhook] = await rows<[string]>(client, FINISH_INVOCATION, [next.status, next.status === 'pending' ? next.nextAttemptAt : 0, a.completedAt, invocationId, leaseToken]);
    if (webhook && a.status === 'success') await run(client, 'update webhooks set failing_since = null where id = $1 and failing_since is not null', [webhook[0]]);
    if (webhook && a.status === 'failed') await run(client, 'update webhooks set failing_since = $1 where id = $2 and failing_since is null', [a.completedAt, webhook[0]]);
    return true;
  });
}

const CLAIM_EMAILS =
  "with due as (select id from alert_emails where status = 'pending' and next_attempt_at <= $1 and lease_until <= $1 " +
  'order by next_attempt_at limit $2 for update skip locked) ' +
  'update alert_emails a set lease_until = $3, lease_token = $4 from due, webhook_events e where a.id = due.id and e.id = a.event_id ' +
  'returning a.id, a.event_id, a.address, a.locale, a.attempts, a.created_at, e.body';

export async function claimAlertEmails(input: { now: number; leaseUntil: number; leaseToken: string; limit: number }): Promise<ClaimedAlertEmail[]> {
  const found = await rows(await pool(), CLAIM_EMAILS, [input.now, input.limit, input.leaseUntil, input.leaseToken]);
  return found.map(toClaimedEmail);
}

export async function finishAlertEmail(input: {
  id: number;
  leaseToken: string;
  at: number;
  error: string | null;
  next: { status: 'pending'; nextAttemptAt: number } | { status: 'success' | 'failed' };
}): Promise<boolean> {
  const { next } = input;
  return (
    (await run(
      await pool(),
      'update alert_emails set status = $1, attempts = attempts + 1, next_attempt_at = $2, lease_until = 0, lease_token = null, last_error = $3, completed_at = $4 where id = $5 and lease_token = $6',
      [next.status, next.status === 'pending' ? next.nextAttemptAt : 0, input.error, next.status === 'pending' ? null : input.at, input.id, input.leaseToken],
    )) > 0
  );
}

import { toClaimedEmail, toClaimedInvocation, type ClaimedAlertEmail, type ClaimedInvocation, type FinishedAttempt } from '../outbox-rows';
import { ALERT_EVENT_TYPE, type OutboxEvent } from '../schema';
import { pool, retried, rows, run, type Queryable } from './client';

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

// One statement for a round's worth of finished attempts (one round trip, one commit), with the
// effect of finishing them one by one in the order given: each attempt is logged and its invocation
// moved on only while this worker holds its lease (`finished`); a webhook is failing from the first
// failure after its last success (kept when it was failing already), healthy when its last attempt
// succeeded.
const FINISH_ATTEMPTS =
  'with input as (select * from unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[], $8::text[], $9::bigint[]) ' +
  'with ordinality as t(id, lease_token, attempt_status, status_code, duration_ms, completed_at, response_body, next_status, next_attempt_at, ord)), ' +
  'finished as (update webhook_invocations i set status = t.next_status, attempts = i.attempts + 1, next_attempt_at = t.next_attempt_at, ' +
  'lease_until = 0, lease_token = null, latest_completed_at = t.completed_at from input t where i.id = t.id and i.lease_token = t.lease_token ' +
  'returning i.id, i.webhook_id), ' +
  'logged as (insert into webhook_attempts (invocation_id, status, status_code, duration_ms, completed_at, response_body) ' +
  'select t.id, t.attempt_status, t.status_code, t.duration_ms, t.completed_at, t.response_body from input t join finished f on f.id = t.id order by t.ord), ' +
  'outcomes as (select f.webhook_id, t.attempt_status, t.completed_at, t.ord, ' +
  "max(t.ord) filter (where t.attempt_status = 'success') over (partition by f.webhook_id) as last_success from finished f join input t on t.id = f.id), " +
  'health as (select webhook_id, max(last_success) as last_success, ' +
  "min(completed_at) filter (where attempt_status = 'failed' and ord > coalesce(last_success, 0)) as failed_at from outcomes group by webhook_id), " +
  'marked as (update webhooks w set failing_since = case when h.failed_at is null then null when h.last_success is null then coalesce(w.failing_since, h.failed_at) else h.failed_at end ' +
  'from health h where w.id = h.webhook_id and ((h.failed_at is null and w.failing_since is not null) ' +
  'or (h.failed_at is not null and h.last_success is null and w.failing_since is null) ' +
  'or (h.failed_at is not null and h.last_success is not null and w.failing_since is distinct from h.failed_at))) ' +
  'select id from finished';

export async function finishInvocationAttempts(finished: readonly FinishedAttempt[]): Promise<boolean[]> {
  if (finished.length === 0) return [];
  const column = <T>(pick: (f: FinishedAttempt) => T) => finished.map(pick);
  const values = [
    column((f) => f.invocationId),
    column((f) => f.leaseToken),
    column((f) => f.attempt.status),
    column((f) => f.attempt.statusCode),
    column((f) => f.attempt.durationMs),
    column((f) => f.attempt.completedAt),
    column((f) => f.attempt.responseBody),
    column((f) => f.next.status),
    column((f) => (f.next.status === 'pending' ? f.next.nextAttemptAt : 0)),
  ];
  // It locks the invocations, then (for a change of health) their webhooks: deleting a webhook locks
  // the other way round, and PostgreSQL may roll this statement back to end the deadlock.
  const recorded = await retried(async () => rows<[string | number]>(await pool(), FINISH_ATTEMPTS, values));
  const ids = new Set(recorded.map(([id]) => Number(id)));
  return finished.map((f) => ids.has(f.invocationId));
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

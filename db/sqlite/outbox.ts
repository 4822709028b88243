import { toClaimedEmail, toClaimedInvocation, type ClaimedAlertEmail, type ClaimedInvocation, type FinishedAttempt } from '../outbox-rows';
import { ALERT_EVENT_TYPE, type OutboxEvent } from '../schema';
import { preparedOnce, reader, serialized, writer, type Db } from './client';

const SUBSCRIBED = "select w.id from webhook_subscriptions s join webhooks w on w.id = s.webhook_id where s.event_type = @type and w.status = 'active'";

const statements = preparedOnce(writer, (db: Db) => {
  const sqlite = db.$client;
  return {
    insertEvent: sqlite.prepare(
      `insert into webhook_events (id, type, subject, body, created_at) select @id, @type, @subject, @body, @at
       where exists (${SUBSCRIBED}) or (@type = '${ALERT_EVENT_TYPE}' and exists (select 1 from alert_recipients))`,
    ),
    insertInvocations: sqlite.prepare(
      `insert into webhook_invocations (webhook_id, event_id, status, attempts, next_attempt_at, lease_until, created_at)
       select w.id, @id, 'pending', 0, @at, 0, @at from webhook_subscriptions s join webhooks w on w.id = s.webhook_id where s.event_type = @type and w.status = 'active'`,
    ),
    insertEmails: sqlite.prepare(
      `insert into alert_emails (event_id, address, locale, status, attempts, next_attempt_at, lease_until, created_at)
       select @id, address, locale, 'pending', 0, @at, 0, @at from alert_recipients order by id`,
    ),
    dueInvocations: sqlite
      .prepare("select id from webhook_invocations where status = 'pending' and next_attempt_at <= @now and lease_until <= @now order by next_attempt_at limit @limit")
      .pluck(),
    lease: sqlite.prepare('update webhook_invocations set lease_until = ?, lease_token = ? where id = ?'),
    claimedInvocation: sqlite
      .prepare(
        `select i.id, i.webhook_id, i.event_id, i.attempts, i.created_at, w.endpoint, w.http_method, w.authentication, w.signing_secret, w.status, e.body
         from webhook_invocations i join webhooks w on w.id = i.webhook_id join webhook_events e on e.id = i.event_id where i.id = ?`,
      )
      .raw(true),
    insertAttempt: sqlite.prepare(
      'insert into webhook_attempts (invocation_id, status, status_code, duration_ms, completed_at, response_body) select id, ?, ?, ?, ?, ? from webhook_invocations where id = ? and lease_token = ?',
    ),
    finishInvocation: sqlite.prepare(
      'update webhook_invocations set status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = 0, lease_token = null, latest_completed_at = ? where id = ? and lease_token = ?',
    ),
    webhookSucceeded: sqlite.prepare('update webhooks set failing_since = null where id = (select webhook_id from webhook_invocations where id = ?) and failing_since is not null'),
    webhookFailed: sqlite.prepare('update webhooks set failing_since = ? where id = (select webhook_id from webhook_invocations where id = ?) and failing_since is null'),
    dueEmails: sqlite
      .prepare("select id from alert_emails where status = 'pending' and next_attempt_at <= @now and lease_until <= @now order by next_attempt_at limit @limit")
      .pluck(),
    leaseEmail: sqlite.prepare('update alert_emails set lease_until = ?, lease_token = ? where id = ?'),
    claimedEmail: sqlite
      .prepare('select a.id, a.event_id, a.address, a.locale, a.attempts, a.created_at, e.body from alert_emails a join webhook_events e on e.id = a.event_id where a.id = ?')
      .raw(true),
    finishEmail: sqlite.prepare(
      'update alert_emails set status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = 0, lease_token = null, last_error = ?, completed_at = ? where id = ? and lease_token = ?',
    ),
  };
});

// Looked up on the reader first: most rounds find nothing due, and must not take the write lock for that.
const anyDue = preparedOnce(reader, (db: Db) => ({
  invocations: db.$client
    .prepare("select 1 from webhook_invocations where status = 'pending' and next_attempt_at <= @now and lease_until <= @now limit 1")
    .pluck(),
  emails: db.$client.prepare("select 1 from alert_emails where status = 'pending' and next_attempt_at <= @now and lease_until <= @now limit 1").pluck(),
}));

/** Records events inside the caller's transaction (on the writer): each to its webhooks and, for rated_bad, its alert recipients. */
export function recordEventRows(events: readonly OutboxEvent[]): void {
  if (events.length === 0) return;
  const s = statements();
  for (const e of events) {
    const event = { id: e.id, type: e.type, subject: e.subject, body: e.body, at: e.at };
    if (s.insertEvent.run(event).changes === 0) continue;
    s.insertInvocations.run({ id: e.id, type: e.type, at: e.at });
    if (e.type === ALERT_EVENT_TYPE) s.insertEmails.run({ id: e.id, at: e.at });
  }
}

export async function recordEvents(events: OutboxEvent[]): Promise<void> {
  return serialized(() => writer().$client.transaction(() => recordEventRows(events)).immediate());
}

export async function claimInvocations(input: { now: number; leaseUntil: number; leaseToken: string; limit: number }): Promise<ClaimedInvocation[]> {
  if (anyDue().invocations.get({ now: input.now }) === undefined) return [];
  return serialized(() =>
    writer()
      .$client.transaction(() => {
        const s = statements();
        const ids = s.dueInvocations.all({ now: input.now, limit: input.limit }) as number[];
        return ids.map((id) => {
          s.lease.run(input.leaseUntil, input.leaseToken, id);
          return toClaimedInvocation(s.claimedInvocation.get(id) as unknown[]);
        });
      })
      .immediate(),
  );
}

/**
 * Logs attempts and moves their invocations on, all in one transaction (one commit for a round's
 * worth of deliveries), in the order given; for each, whether it was recorded: nothing happens to an
 * invocation whose lease was lost (another worker owns it now).
 */
export async function finishInvocationAttempts(finished: readonly FinishedAttempt[]): Promise<boolean[]> {
  return serialized(() =>
    writer()
      .$client.transaction(() => {
        const s = statements();
        return finished.map(({ invocationId, leaseToken, attempt: a, next }) => {
          if (s.insertAttempt.run(a.status, a.statusCode, a.durationMs, a.completedAt, a.responseBody, invocationId, leaseToken).changes === 0) return false;
          s.finishInvocation.run(next.status, next.status === 'pending' ? next.nextAttemptAt : 0, a.completedAt, invocationId, leaseToken);
          if (a.status === 'success') s.webhookSucceeded.run(invocationId);
          else s.webhookFailed.run(a.completedAt, invocationId);
          return true;
        });
      })
      .immediate(),
  );
}

export async function claimAlertEmails(input: { now: number; leaseUntil: number; leaseToken: string; limit: number }): Promise<ClaimedAlertEmail[]> {
  if (anyDue().emails.get({ now: input.now }) === undefined) return [];
  return serialized(() =>
    writer()
      .$client.transaction(() => {
        const s = statements();
        const ids = s.dueEmails.all({ now: input.now, limit: input.limit }) as number[];
        return ids.map((id) => {
          s.leaseEmail.run(input.leaseUntil, input.leaseToken, id);
          return toClaimedEmail(s.claimedEmail.get(id) as unknown[]);
        });
      })
      .immediate(),
  );
}

export async function finishAlertEmail(input: {
  id: number;
  leaseToken: string;
  at: number;
  error: string | null;
  next: { status: 'pending'; nextAttemptAt: number } | { status: 'success' | 'failed' };
}): Promise<boolean> {
  const { next } = input;
  return serialized(
    () =>
      statements().finishEmail.run(next.status, next.status === 'pending' ? next.nextAttemptAt : 0, input.error, next.status === 'pending' ? null : input.at, input.id, input.leaseToken)
        .changes > 0,
  );
}

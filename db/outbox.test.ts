import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isPostgres, migrateDb } from './client';
import { claimInvocations, finishInvocationAttempts, recordEvents, type ClaimedInvocation, type FinishedAttempt } from './outbox';
import { databaseUrl } from './url';
import { webhookMaker } from './webhook-fixtures';
import { findWebhook, insertWebhook, listAttempts, listInvocations } from './webhooks';

// Runs on both databases (vitest.config.ts), each file on a database of its own: finishing a round's
// attempts together has the effect of finishing them one by one, in order.

const TYPE = 'zen:event-type:survey_response.answered';
const T0 = 1_800_000_000_000;
const webhook = webhookMaker('01HYYYYYYYYYYYYYYYYYYYY', T0).make;

const done = (invocation: ClaimedInvocation, leaseToken: string, ok: boolean, at: number): FinishedAttempt => ({
  invocationId: invocation.id,
  leaseToken,
  attempt: { status: ok ? 'success' : 'failed', statusCode: ok ? 200 : 500, durationMs: 3, completedAt: at, responseBody: `answer at ${at}` },
  next: ok ? { status: 'success' } : { status: 'pending', nextAttemptAt: at + 1_000 },
});

describe('finishing attempts together', () => {
  it('logs each attempt under its lease, moves its invocation on, and marks each webhook as its attempts in order say', async () => {
    await migrateDb();
    // Five webhooks on one event type; two events, so each webhook has two invocations.
    const hooks = [];
    for (let i = 0; i < 5; i++) hooks.push(await insertWebhook({ webhook: webhook(), subscriptions: [TYPE] }));
    for (const [i, id] of ['01J1111111111111111111111A', '01J1111111111111111111111B'].entries()) {
      await recordEvents([{ id, type: TYPE, subject: 's', body: '{}', at: T0 + i }]);
    }
    const claimed = await claimInvocations({ now: T0 + 10, leaseUntil: T0 + 60_000, leaseToken: 'lease-1', limit: 100 });
    expect(claimed).toHaveLength(10);
    const of = (hook: { id: string }) => claimed.filter((c) => c.webhookId === hook.id).sort((a, b) => a.id - b.id);
    const [failThenOk, okThenFail, failTwice, stolen] = hooks;
    const finished = [
      done(of(failThenOk!)[0]!, 'lease-1', false, T0 + 100),
      done(of(okThenFail!)[0]!, 'lease-1', true, T0 + 101),
      done(of(failTwice!)[0]!, 'lease-1', false, T0 + 102),
      done(of(stolen!)[0]!, 'another worker', true, T0 + 103),
      done(of(failThenOk!)[1]!, 'lease-1', true, T0 + 104),
      done(of(okThenFail!)[1]!, 'lease-1', false, T0 + 105),
      done(of(failTwice!)[1]!, 'lease-1', false, T0 + 106),
    ];
    expect(await finishInvocationAttempts(finished)).toEqual([true, true, true, false, true, true, true]);

    const failingSince = async (hook: { id: string }) => (await findWebhook({ id: hook.id }))!.failingSince;
    expect(await failingSince(failThenOk!)).toBeNull();
    expect(await failingSince(okThenFail!)).toBe(T0 + 105);
    expect(await failingSince(failTwice!)).toBe(T0 + 102);
    expect(await failingSince(stolen!)).toBeNull();

    // Each recorded attempt is logged once with what the endpoint answered; the invocation moved on.
    const [first, second] = of(failThenOk!);
    expect(await listAttempts({ invocationId: first!.id })).toMatchObject([{ status: 'failed', statusCode: 500, completedAt: T0 + 100, responseBody: `answer at ${T0 + 100}` }]);
    expect(await listAttempts({ invocationId: second!.id })).toMatchObject([{ status: 'success', statusCode: 200, completedAt: T0 + 104 }]);
    const invocations = await listInvocations({ webhookId: failThenOk!.id, order: 'asc', limit: 10 });
    expect(invocations).toMatchObject([
      { id: first!.id, status: 'pending', attempts: 1, nextAttemptAt: T0 + 1_100, leaseToken: null, leaseUntil: 0, latestCompletedAt: T0 + 100 },
      { id: second!.id, status: 'success', attempts: 1, leaseToken: null, latestCompletedAt: T0 + 104 },
    ]);
    // The attempt under a lost lease changed nothing.
    expect(await listAttempts({ invocationId: of(stolen!)[0]!.id })).toEqual([]);
    expect((await listInvocations({ webhookId: stolen!.id, order: 'asc', limit: 10 }))[0]).toMatchObject({ status: 'pending', attempts: 0, leaseToken: 'lease-1' });

    // A webhook failing already keeps the time it began failing; a success later clears it.
    const again = await claimInvocations({ now: T0 + 2_000, leaseUntil: T0 + 90_000, leaseToken: 'lease-2', limit: 100 });
    const retry = again.filter((c) => c.webhookId === failTwice!.id);
    expect(retry).toHaveLength(2);
    expect(await finishInvocationAttempts([done(retry[0]!, 'lease-2', false, T0 + 2_100)])).toEqual([true]);
    expect(await failingSince(failTwice!)).toBe(T0 + 102);
    expect(await finishInvocationAttempts([done(retry[1]!, 'lease-2', true, T0 + 2_200)])).toEqual([true]);
    expect(await failingSince(failTwice!)).toBeNull();
    expect(await finishInvocationAttempts([])).toEqual([]);
  });
});

describe.skipIf(!isPostgres())('finishing attempts beside a transaction that locks the other way round', () => {
  it('runs again when PostgreSQL ends the deadlock by rolling the finish back', async () => {
    await migrateDb();
    const hook = await insertWebhook({ webhook: webhookMaker('01HZZZZZZZZZZZZZZZZZZZZ', T0).make(), subscriptions: [TYPE] });
    await recordEvents([{ id: '01J2222222222222222222222A', type: TYPE, subject: 's', body: '{}', at: T0 }]);
    // (The invocations the test above left pending are claimed too.)
    const claimed = (await claimInvocations({ now: T0 + 10, leaseUntil: T0 + 60_000, leaseToken: 'lease-d', limit: 100 })).find((c) => c.webhookId === hook.id);
    // Another transaction holds the webhook's row, as deleting the webhook does before its invocations.
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      // It waits long before looking for a deadlock, so the finish (waiting first) is the one rolled back.
      await other.query("set deadlock_timeout = '10s'");
      await other.query('begin');
      await other.query('select 1 from webhooks where id = $1 for update', [hook.id]);
      // A failure changes the webhook's health: the finish locks the invocation, then waits for the webhook.
      const finishing = finishInvocationAttempts([done(claimed!, 'lease-d', false, T0 + 100)]);
      await expect.poll(async () => (await other.query('select count(*)::int as n from pg_locks where not granted')).rows[0].n, { timeout: 5_000 }).toBe(1);
      // Now the other transaction wants the invocation: a deadlock, and the finish is rolled back.
      const locking = other.query('select 1 from webhook_invocations where id = $1 for update', [claimed!.id]);
      await locking;
      await other.query('commit');
      expect(await finishing).toEqual([true]);
    } finally {
      await other.end();
    }
    expect(await listAttempts({ invocationId: claimed!.id })).toMatchObject([{ status: 'failed', statusCode: 500 }]);
    expect((await findWebhook({ id: hook.id }))!.failingSince).toBe(T0 + 100);
  });
});

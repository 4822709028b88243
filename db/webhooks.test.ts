import { describe, expect, it } from 'vitest';
import { migrateDb } from './client';
import { recordEvents } from './outbox';
import {
  deleteWebhook,
  findInvocation,
  findWebhook,
  insertWebhook,
  listAttempts,
  listInvocations,
  listWebhooks,
  replayInvocation,
  setSigningSecret,
  updateWebhook,
} from './webhooks';
import { webhookMaker } from './webhook-fixtures';

// Runs on both databases (vitest.config.ts): the same rows and the same orders from each.

const ANSWERED = 'zen:event-type:survey_response.answered';
const OFFERED = 'zen:event-type:survey_response.offered';
const webhooks = webhookMaker('01HZZZZZZZZZZZZZZZZZZZZ', 1_700_000_000_000);
const newWebhook = webhooks.make;

describe('webhooks', () => {
  it('keeps a webhook with its subscriptions, and replaces them on update', async () => {
    await migrateDb();
    const made = await insertWebhook({ webhook: newWebhook({ authentication: { type: 'bearer_token', add_position: 'header', data: { token: 't' } } }), subscriptions: [OFFERED, ANSWERED] });
    expect(made.subscriptions).toEqual([ANSWERED, OFFERED]);
    expect(await findWebhook({ id: made.id })).toEqual({ ...made, failingSince: null });
    const changed = await updateWebhook({ id: made.id, changes: { name: 'renamed', authentication: null, updatedBy: 2, updatedAt: made.updatedAt + 1 }, subscriptions: [OFFERED] });
    expect(changed).toEqual({ ...made, failingSince: null, name: 'renamed', authentication: null, updatedBy: 2, updatedAt: made.updatedAt + 1, subscriptions: [OFFERED] });
    expect(await updateWebhook({ id: 'nope', changes: { updatedBy: 1, updatedAt: 1 } })).toBeUndefined();
    expect(await setSigningSecret({ id: made.id, secret: 'other', updatedBy: 1, updatedAt: 2 })).toBe(true);
    expect((await findWebhook({ id: made.id }))?.signingSecret).toBe('other');
    expect(await deleteWebhook({ id: made.id })).toBe(true);
    expect(await findWebhook({ id: made.id })).toBeUndefined();
    expect(await deleteWebhook({ id: made.id })).toBe(false);
  });

  it('pages by name byte by byte, ties by id, both ways, with filters', async () => {
    await migrateDb();
    const tag = `p${Date.now()}`;
    const names = ['b', 'B', 'a', 'b'].map((x) => `${x} ${tag}`);
    const hooks = [];
    for (const [i, name] of names.entries()) hooks.push(await insertWebhook({ webhook: newWebhook({ name, status: i === 0 ? 'inactive' : 'active' }), subscriptions: [] }));
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const all = await listWebhooks({ nameContains: tag.toUpperCase(), sort: 'name', order: 'asc', limit: 10 });
    // Upper case sorts first, as bytes do; the two "b" are in id order.
    expect(ids(all)).toEqual([hooks[1]!.id, hooks[2]!.id, hooks[0]!.id, hooks[3]!.id]);
    const after = await listWebhooks({ nameContains: tag, sort: 'name', order: 'asc', boundary: { op: 'gt', value: names[0]!, id: hooks[0]!.id }, limit: 10 });
    expect(ids(after)).toEqual([hooks[3]!.id]);
    const before = await listWebhooks({ nameContains: tag, sort: 'name', order: 'desc', boundary: { op: 'lt', value: names[0]!, id: hooks[0]!.id }, limit: 10 });
    expect(ids(before)).toEqual([hooks[2]!.id, hooks[1]!.id]);
    const byTime = await listWebhooks({ nameContains: tag, sort: 'created_at', order: 'desc', boundary: { op: 'lt', value: hooks[2]!.createdAt, id: hooks[2]!.id }, limit: 10 });
    expect(ids(byTime)).toEqual([hooks[1]!.id, hooks[0]!.id]);
    expect(ids(await listWebhooks({ nameContains: tag, status: 'inactive', sort: 'status', order: 'asc', limit: 10 }))).toEqual([hooks[0]!.id]);
  });

  it('lists invocations newest first, and a replay is a new pending one of the same event', async () => {
    await migrateDb();
    const made = newWebhook();
    const n = webhooks.made();
    const hook = await insertWebhook({ webhook: made, subscriptions: [`zen:event-type:test.${n}`] });
    const at = Date.now();
    const events = [1, 2, 3].map((i) => ({ id: `01J0000000000000000000${String(n).padStart(2, '0')}${i}X`.slice(0, 26), type: `zen:event-type:test.${n}`, subject: 's', body: '{}', at: at + i }));
    // One at a time: the ids of invocations recorded together are in no promised order.
    for (const event of events) await recordEvents([event]);
    const listed = await listInvocations({ webhookId: hook.id, order: 'desc', limit: 10 });
    expect(listed.map((i) => i.eventId)).toEqual(events.map((e) => e.id).reverse());
    expect(listed.every((i) => i.status === 'pending' && i.attempts === 0)).toBe(true);
    const older = await listInvocations({ webhookId: hook.id, order: 'desc', boundary: { op: 'lt', id: listed[0]!.id }, limit: 1 });
    expect(older.map((i) => i.id)).toEqual([listed[1]!.id]);
    expect(await listInvocations({ webhookId: hook.id, status: 'success', order: 'desc', limit: 10 })).toEqual([]);
    expect(await listAttempts({ invocationId: listed[0]!.id })).toEqual([]);

    const replayed = await replayInvocation({ invocationId: listed[2]!.id, at: at + 10 });
    expect(replayed).toEqual({
      id: expect.any(Number),
      webhookId: hook.id,
      eventId: events[0]!.id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at + 10,
      leaseUntil: 0,
      leaseToken: null,
      createdAt: at + 10,
      latestCompletedAt: null,
    });
    expect(replayed!.id).toBeGreaterThan(listed[0]!.id);
    expect(await findInvocation({ webhookId: hook.id, id: replayed!.id })).toEqual(replayed);
    expect(await findInvocation({ webhookId: 'other', id: replayed!.id })).toBeUndefined();
    expect(await replayInvocation({ invocationId: 999_999_999, at })).toBeUndefined();
    // Deleting the webhook takes its invocations with it.
    await deleteWebhook({ id: hook.id });
    expect(await findInvocation({ webhookId: hook.id, id: replayed!.id })).toBeUndefined();
  });
});

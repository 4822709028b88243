import { beforeAll, describe, expect, it } from 'vitest';
import { insertSurveyResponsesBatch, type BatchItem } from '@/db/survey-responses';
import type { Actor } from '../auth/credentials';
import { newId } from '../ids';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { createSurvey } from '../surveys/surveys';
import { ensureCursorSecret } from './cursor';
import { FEED_SETTLE_MS, listSurveyResponses } from './list';
import { createSurveyResponse, showSurveyResponse } from './responses';
import { listSurveyResponsesQuery } from './schemas';

// The List on the database itself (both dialects): the change feed's order when updated_at ties,
// states judged at a given time, and who sees what.

const admin: Actor = { id: 1, email: 'admin@example.com', role: 'admin', locale: 'en-us' };
const URL_ = 'http://localhost/api/v2/guide/survey_responses';
let surveyId = '';

beforeAll(async () => {
  await ensureCursorSecret();
  const { questions } = defaultCsatDefinition();
  surveyId = (await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions } as never })).id;
});

type Listed = { id: string; state: string; updated_at: string };
type Page = { survey_responses: Listed[]; meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null } };

async function list(query: Record<string, string>, { actor = admin, now }: { actor?: Actor; now?: number } = {}): Promise<Page> {
  const text = await listSurveyResponses({ actor, query: listSurveyResponsesQuery.parse(query), url: URL_, ...(now !== undefined && { now }) });
  return JSON.parse(text) as Page;
}

/** Every id, following page[after] `size` rows a page. */
async function walk(query: Record<string, string>, size = 2): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await list({ ...query, 'page[size]': String(size), ...(after && { 'page[after]': after }) });
    found.push(...page.survey_responses.map((r) => r.id));
    if (!page.meta.has_more) return found;
    after = page.meta.after_cursor;
  }
  throw new Error('too many pages');
}

/** Responses written as they are (times chosen by the test), all for `assignee`. */
async function insert(assignee: number, rows: { updatedAt: number; answeredAt?: number; expiresAt?: number; responderId?: number }[]) {
  const batch: BatchItem[] = rows.map((r) => {
    const id = newId(r.updatedAt);
    return {
      response: {
        id,
        surveyId,
        surveyVersion: 1,
        responderId: r.responderId ?? null,
        subjectZrns: ['zen:ticket:1'],
        locale: 'en-us',
        tokenHash: `h-${id}`,
        expiresAt: r.expiresAt ?? r.updatedAt + 86_400_000,
        answeredAt: r.answeredAt ?? null,
        createdAt: r.updatedAt,
        updatedAt: r.updatedAt,
        assigneeId: assignee,
        tags: [`a${assignee}`],
      },
      answers: [],
    };
  });
  await insertSurveyResponsesBatch(batch);
  return batch.map((b) => b.response);
}

describe('the change feed', () => {
  it('orders by (updated_at, id): rows that tie on the millisecond are each seen once, both ways', async () => {
    const t = 1_764_547_200_000;
    // Five rows in one millisecond, one before and one after, inserted out of order.
    const rows = await insert(101, [{ updatedAt: t + 1 }, ...Array.from({ length: 5 }, () => ({ updatedAt: t })), { updatedAt: t - 1 }]);
    const expected = [...rows].sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    const scope = { 'filter[assignee_ids]': '101' };
    expect(await walk({ ...scope, sort: 'updated_at' })).toEqual(expected);
    expect(await walk({ ...scope, sort: 'updated_at' }, 1)).toEqual(expected);
    expect(await walk({ ...scope, sort: '-updated_at' }, 3)).toEqual([...expected].reverse());
    // Unfiltered too (the walk on the (updated_at, id) index), bounded to these rows by time.
    expect(await walk({ 'filter[updated_at_start]': String(t - 1), 'filter[updated_at_end]': String(t + 1), sort: 'updated_at' })).toEqual(expected);
    expect(await walk({ 'filter[tags]': 'a101', sort: 'updated_at' }, 3)).toEqual(expected);

    // page[before] walks back against the order.
    const last = await list({ ...scope, sort: 'updated_at', 'page[size]': '2', 'filter[updated_at_start]': String(t) });
    const next = await list({ ...scope, sort: 'updated_at', 'page[size]': '2', 'page[after]': last.meta.after_cursor! });
    const back = await list({ ...scope, sort: 'updated_at', 'page[size]': '2', 'page[before]': next.meta.before_cursor! });
    expect(back.survey_responses.map((r) => r.id)).toEqual(expected.slice(1, 3));
  });
});

describe('the change feed leaves out the last FEED_SETTLE_MS', () => {
  it('shows a change once it has settled, so that no write in flight can commit behind a cursor', async () => {
    const now = Date.now();
    const [settled, fresh] = await insert(404, [{ updatedAt: now - FEED_SETTLE_MS - 1 }, { updatedAt: now - FEED_SETTLE_MS + 1 }]);
    const feed = async (sort: string, at: number) =>
      (await list({ 'filter[assignee_ids]': '404', sort }, { now: at })).survey_responses.map((r) => r.id);
    expect(await feed('updated_at', now)).toEqual([settled!.id]);
    expect(await feed('-updated_at', now)).toEqual([settled!.id]);
    expect(await feed('updated_at', now + 2)).toEqual([settled!.id, fresh!.id]);
    // The id order shows everything at once.
    expect(await feed('id', now)).toEqual([settled!.id, fresh!.id]);
  });
});

describe('state', () => {
  it('is judged at the time of the read: offered before expires_at, expired from then on, answered once submitted', async () => {
    const t = 1_764_600_000_000;
    const [open, expiring, answered] = await insert(202, [
      { updatedAt: t, expiresAt: t + 10_000 },
      { updatedAt: t + 1, expiresAt: t + 5_000 },
      { updatedAt: t + 2, expiresAt: t + 5_000, answeredAt: t + 3 },
    ]);
    const states = async (now: number, state?: string) =>
      (await list({ 'filter[assignee_ids]': '202', ...(state && { 'filter[state]': state }) }, { now })).survey_responses.map((r) => [r.id, r.state]);
    expect(await states(t + 4_999)).toEqual([[open!.id, 'offered'], [expiring!.id, 'offered'], [answered!.id, 'answered']]);
    expect(await states(t + 5_000)).toEqual([[open!.id, 'offered'], [expiring!.id, 'expired'], [answered!.id, 'answered']]);
    expect(await states(t + 5_000, 'offered')).toEqual([[open!.id, 'offered']]);
    expect(await states(t + 5_000, 'expired')).toEqual([[expiring!.id, 'expired']]);
    expect(await states(t + 5_000, 'answered')).toEqual([[answered!.id, 'answered']]);
    expect(await states(t + 10_000, 'expired,answered')).toEqual([[open!.id, 'expired'], [expiring!.id, 'expired'], [answered!.id, 'answered']]);
    expect(await states(t + 10_000, 'offered,answered')).toEqual([[answered!.id, 'answered']]);
    expect(await states(t, 'offered,expired')).toEqual([[open!.id, 'offered'], [expiring!.id, 'offered']]);
  });
});

describe('who sees what', () => {
  it('an agent sees their own and the assigned; an end user only their own', async () => {
    const agent: Actor = { id: 303, email: 'agent@example.com', role: 'agent', locale: 'en-us' };
    const endUser: Actor = { id: 303, email: 'user@example.com', role: 'end_user', locale: 'en-us' };
    const created = [];
    for (const input of [{ assignee_id: 303 }, { assignee_id: 304 }, { assignee_id: 303, tags: ['x'] }]) {
      created.push((await createSurveyResponse({ actor: admin, input: { survey_id: surveyId, subject_zrns: ['zen:ticket:9'], locale: 'en-us', ...input } })).id);
    }
    const ids = async (actor: Actor, query: Record<string, string> = {}) => (await list(query, { actor })).survey_responses.map((r) => r.id);
    expect(await ids(agent)).toEqual([created[0], created[2]]);
    expect(await ids(agent, { 'filter[tags]': 'x' })).toEqual([created[2]]);
    const later = Date.now() + FEED_SETTLE_MS;
    expect((await list({ sort: '-updated_at' }, { actor: agent, now: later })).survey_responses.map((r) => r.id)).toEqual([created[2], created[0]]);
    expect(await ids(endUser)).toEqual([]);
    await expect(showSurveyResponse({ actor: agent, id: created[0]! })).resolves.toContain('"assignee_id":303');
    await expect(showSurveyResponse({ actor: agent, id: created[1]! })).rejects.toMatchObject({ status: 403 });
    await expect(showSurveyResponse({ actor: endUser, id: created[0]! })).rejects.toMatchObject({ status: 403 });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { walkAdminResponses, type AdminResponseCriteria, type AdminResponseRow } from '@/db/admin-responses';
import { idBoundsFor, idTime } from '../../ids';
import { ensureCursorSecret } from '../../survey-responses/cursor';
import { fillSurveyResponses } from '../../survey-responses/synthetic';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import { seedSurvey } from '../../surveys/surveys';
import { addUser } from '../../users/users';
import { parseResponseFilters, type ResponseFilters } from './filters';
import { listAdminResponses } from './list';
import { criteriaOf } from './query';
import { parseAnswers } from './view';

const admin = { id: 0, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
let surveyId = '';
let all: AdminResponseRow[] = [];

/** Every row in id order, read page by page with the smallest budgets, so every window edge is crossed. */
async function walkAll(criteria: AdminResponseCriteria, order: 'asc' | 'desc', limit: number, scan: number) {
  const out: AdminResponseRow[] = [];
  let boundary: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const { rows, scanEnd } = await walkAdminResponses({
      criteria,
      ...(boundary && { boundary: { op: order === 'desc' ? 'lt' : 'gt', id: boundary } }),
      order,
      limit,
      scan,
    });
    out.push(...rows);
    boundary = rows.length === limit ? rows[rows.length - 1]!.id : scanEnd;
    if (boundary === undefined) return out;
  }
  throw new Error('the walk did not end');
}

const reasonsOf = (r: AdminResponseRow) =>
  parseAnswers(r.answersJson).flatMap((a) => (a.type === 'closed_ended' ? (a.selections ?? []).map((s) => s.option_id) : []));

beforeAll(async () => {
  // As the server's start does.
  await ensureCursorSecret();
  const responder = await addUser({ email: `r-${Date.now()}@example.com`, name: 'Rae', role: 'end_user', locale: 'de' });
  admin.id = (await addUser({ email: `a-${Date.now()}@example.com`, name: 'Ada', role: 'admin', locale: 'en-us' })).id;
  const definition = defaultCsatDefinition();
  surveyId = (await seedSurvey({ type: 'CUSTOMER_SATISFACTION', definition })).id;
  await fillSurveyResponses({ count: 240, surveyId, version: 1, definition, days: 20, responderIds: [responder.id, admin.id] });
  all = await walkAll({}, 'desc', 1000, 1000);
});

describe('walkAdminResponses', () => {
  it('finds exactly the matching rows, in order, across pages and scan budgets', async () => {
    expect(all).toHaveLength(240);
    const reason = reasonsOf(all.find((r) => reasonsOf(r).length > 0)!)[0]!;
    const mid = all[120]!;
    const range = idBoundsFor(idTime(all[200]!.id), idTime(mid.id));
    const cases: [AdminResponseCriteria, (r: AdminResponseRow) => boolean][] = [
      [{ surveyId }, () => true],
      [{ surveyId, rating: 5 }, (r) => r.rating === 5],
      [{ ratingCategory: 'bad' }, (r) => r.ratingCategory === 'bad'],
      [{ reasonOptionId: reason }, (r) => reasonsOf(r).includes(reason)],
      [{ responderId: admin.id, locale: 'fr' }, (r) => r.responderId === admin.id && r.locale === 'fr'],
      [{ subjectZrn: mid.subjectZrns[0]! }, (r) => r.id === mid.id],
      [{ hasComment: true, method: 'link' }, (r) => parseAnswers(r.answersJson).some((a) => a.type === 'open_ended')],
      [{ states: { states: ['offered'], now: Date.now() } }, (r) => r.answeredAt === null],
      [{ states: { states: ['expired'], now: Date.now() } }, () => false],
      [{ states: { states: ['expired', 'answered'], now: Date.now() + 60 * 86_400_000 } }, () => true],
      [{ states: { states: ['answered'], now: Date.now() }, groupId: 3 }, (r) => r.answeredAt !== null && r.groupId === 3],
      [{ assigneeId: 7 }, (r) => r.assigneeId === 7],
      [{ assigneeId: 7, surveyId, ratingCategory: 'good' }, (r) => r.assigneeId === 7 && r.ratingCategory === 'good'],
      [{ brandId: 2, tag: 'tier:1' }, (r) => r.brandId === 2 && r.tags.includes('tier:1')],
      [{ tag: 'tier:3', idRange: range }, (r) => r.tags.includes('tier:3') && r.id >= range.lo && r.id <= range.hi],
      [{ idRange: range, rating: 4 }, (r) => r.id >= range.lo && r.id <= range.hi && r.rating === 4],
    ];
    for (const [criteria, test] of cases) {
      const expected = all.filter(test).map((r) => r.id);
      expect((await walkAll(criteria, 'desc', 5, 7)).map((r) => r.id), JSON.stringify(criteria)).toEqual(expected);
      expect((await walkAll(criteria, 'asc', 3, 4)).map((r) => r.id), JSON.stringify(criteria)).toEqual([...expected].reverse());
    }
  });
});

describe('listAdminResponses', () => {
  it('pages 50 rows newest first, forth and back, keeping the filters in the links', async () => {
    const filters = { survey: surveyId } satisfies ResponseFilters;
    const first = await listAdminResponses({ admin, filters });
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id));
    expect(first.prevHref).toBeUndefined();
    const after = new URL(first.nextHref!, 'http://x').searchParams;
    expect(after.get('survey')).toBe(surveyId);
    const second = await listAdminResponses({ admin, filters, cursor: { after: after.get('after')! } });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(50, 100).map((r) => r.id));
    const before = new URL(second.prevHref!, 'http://x').searchParams.get('before')!;
    const back = await listAdminResponses({ admin, filters, cursor: { before } });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id));
    expect(back.prevHref).toBeUndefined();
    expect(back.nextHref).toBeDefined();
  });

  it('shows ratings with their labels and categories, and refuses a forged cursor', async () => {
    const { rows } = await listAdminResponses({ admin, filters: { survey: surveyId, rating: 5 } });
    expect(rows[0]).toMatchObject({ rating: { rating: 5, emoji: '😀' }, category: 'Good', method: 'link', answered: true });
    await expect(listAdminResponses({ admin, filters: {}, cursor: { after: 'abc.def' } })).rejects.toThrow(/page link/);
  });
});

describe('criteriaOf', () => {
  it('maps URL filters to the database criteria', () => {
    const parsed = parseResponseFilters({
      survey: surveyId, from: '2026-01-02', to: '2026-01-03', rating: '3', category: 'bad', reason: 'opt',
      comment: 'no', state: 'offered,expired', locale: 'pt_BR', subject: 'zen:ticket:9', method: 'link',
      assignee: '12', group: '3', brand: '900719925474099', tag: 'VIP:Gold',
    });
    expect(parsed.success).toBe(true);
    expect(criteriaOf(parsed.data!, { responderId: 7 }, 5)).toEqual({
      subjectZrn: 'zen:ticket:9', responderId: 7, surveyId, rating: 3, ratingCategory: 'bad', reasonOptionId: 'opt',
      hasComment: false, states: { states: ['offered', 'expired'], now: 5 }, locale: 'pt-br', method: 'link',
      assigneeId: 12, groupId: 3, brandId: 900719925474099, tag: 'vip:gold',
      idRange: idBoundsFor(Date.parse('2026-01-02T00:00:00Z'), Date.parse('2026-01-03T23:59:59.999Z')),
    });
    expect(criteriaOf({}, { nobody: true })).toBeUndefined();
    expect(criteriaOf({})).toEqual({});
  });

  it('refuses attribution and states that cannot be', () => {
    const problems = (params: Record<string, string>) => parseResponseFilters(params).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ assignee: '0' })).toEqual(['assignee: must be a positive whole number']);
    expect(problems({ group: 'abc' })).toEqual(['group: must be a positive whole number']);
    expect(problems({ brand: '99999999999999999' })).toEqual(['brand: must be a positive whole number']);
    expect(problems({ brand: '9007199254740992' })).toEqual(['brand: must be at most 2^53 - 1']);
    expect(problems({ tag: 'no spaces' })).toEqual(['tag: must be a tag: 1 to 80 characters of a-z, 0-9, _, : and -']);
    expect(problems({ state: 'answered,closed' })).toEqual(['state: must list offered, answered or expired']);
    expect(parseResponseFilters({ state: 'answered, answered' }).data).toEqual({ state: ['answered'] });
  });
});

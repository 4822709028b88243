import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCursorSecret } from '../../survey-responses/cursor';
import { createSurveyResponse, submitSurveyResponse } from '../../survey-responses/responses';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import { createSurvey } from '../../surveys/surveys';
import { addUser } from '../../users/users';
import { parseResponseFilters } from '../survey-responses/filters';
import { listAdminResponses } from '../survey-responses/list';
import { surveyOverview, type ReadyOverview } from './overview';

const admin = { id: 1, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
const st = (value: string) => ({ type: 'static' as const, value });

beforeAll(async () => {
  await ensureCursorSecret();
});

type Offer = { id: string; token: string };

async function offer(surveyId: string, attribution: { assignee_id?: number; group_id?: number; brand_id?: number }, expiresAt?: string): Promise<Offer> {
  const { id, links } = await createSurveyResponse({
    actor: admin,
    input: { survey_id: surveyId, subject_zrns: ['zen:ticket:1'], locale: 'en-us', ...attribution, ...(expiresAt && { expires_at: expiresAt }) },
  });
  return { id, token: new URLSearchParams(links.url_path.split('?')[1]).get('access_token')! };
}

const rate = (questionId: string, r: Offer, rating: number) =>
  submitSurveyResponse({ id: r.id, accessToken: r.token, answers: [{ type: 'rating_scale', question_id: questionId, rating }] });

async function ready(surveyId: string): Promise<ReadyOverview> {
  const o = await surveyOverview({ admin, query: { survey: surveyId } });
  if (!o.ok) throw new Error(o.problem);
  return o;
}

/** Every response the responses table lists at an address (all pages). */
async function rowsAt(href: string): Promise<string[]> {
  const url = new URL(href, 'http://admin');
  const filters = parseResponseFilters(Object.fromEntries(url.searchParams));
  if (!filters.success) throw new Error(filters.error.message);
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listAdminResponses({ admin, filters: filters.data, ...(after && { cursor: { after } }) });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextHref) return ids.sort();
    after = new URL(page.nextHref, 'http://admin').searchParams.get('after')!;
  }
}

const figures = (o: ReadyOverview, dimension: string) =>
  o.breakdowns.find((b) => b.dimension === dimension)!.rows.map((r) => ({
    id: r.id, ...(r.name && { name: r.name }), offered: r.offered.count, answered: r.answered.count, rated: r.rated, rate: r.responseRate, score: r.score,
  }));

describe('overview breakdowns', () => {
  it('counts CSAT, answered and response rate per assignee, group and brand exactly, through changed ratings and expiry', async () => {
    const { questions } = defaultCsatDefinition();
    const survey = await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions } as never });
    const rating = survey.questions[0]!.id;
    // An agent who is a user here shows by name; 900001 is an assignee known only to the helpdesk.
    const agent = await addUser({ email: `agent-${Date.now()}@example.com`, name: 'Agnes Agent', role: 'agent', locale: 'en-us' });
    const [a, b] = [agent.id, 900001];
    const r1 = await offer(survey.id, { assignee_id: a, group_id: 71, brand_id: 5 });
    const r2 = await offer(survey.id, { assignee_id: a, group_id: 71 });
    const r3 = await offer(survey.id, { assignee_id: a, group_id: 72, brand_id: 5 });
    const r4 = await offer(survey.id, { assignee_id: b, group_id: 72, brand_id: 6 });
    const r5 = await offer(survey.id, { assignee_id: b, brand_id: 6 }, new Date(Date.now() + 1500).toISOString());
    await offer(survey.id, {}); // no attribution: in the headline figures only
    await rate(rating, r1, 5);
    await rate(rating, r2, 2);
    await rate(rating, r4, 4);
    await rate(rating, r1, 1); // changed from good to bad: counted once, as bad
    await rate(rating, r2, 5); // and from bad to good
    await rate(rating, r4, 5); // good to good
    await new Promise((resolve) => setTimeout(resolve, 1600)); // r5 expires unanswered; r3 stays offered

    const o = await ready(survey.id);
    expect([o.offered.count, o.answered.count]).toEqual([6, 3]);
    expect(figures(o, 'assignee')).toEqual([
      { id: a, name: 'Agnes Agent', offered: 3, answered: 2, rated: 2, rate: (100 * 2) / 3, score: 50 },
      { id: b, offered: 2, answered: 1, rated: 1, rate: 50, score: 100 },
    ]);
    expect(figures(o, 'group')).toEqual([
      { id: 71, offered: 2, answered: 2, rated: 2, rate: 100, score: 50 },
      { id: 72, offered: 2, answered: 1, rated: 1, rate: 50, score: 100 },
    ]);
    expect(figures(o, 'brand')).toEqual([
      { id: 5, offered: 2, answered: 1, rated: 1, rate: 50, score: 0 },
      { id: 6, offered: 2, answered: 1, rated: 1, rate: 50, score: 100 },
    ]);

    // Each figure links to exactly its rows.
    const [byA, byB] = o.breakdowns[0]!.rows;
    expect(await rowsAt(byA!.offered.href)).toEqual([r1.id, r2.id, r3.id].sort());
    expect(await rowsAt(byA!.answered.href)).toEqual([r1.id, r2.id].sort());
    expect(await rowsAt(byA!.scoreHref)).toEqual([r2.id]);
    expect(await rowsAt(byB!.offered.href)).toEqual([r4.id, r5.id].sort());
    const group72 = o.breakdowns[1]!.rows[1]!;
    expect(await rowsAt(group72.answered.href)).toEqual([r4.id]);
    const brand5 = o.breakdowns[2]!.rows[0]!;
    expect(await rowsAt(brand5.offered.href)).toEqual([r1.id, r3.id].sort());
    expect(brand5.answered.href).toBe(`/admin/survey_responses?survey=${survey.id}&from=${o.range.from}&to=${o.range.to}&brand=5&state=answered`);
    // The states as the responses table filters them.
    expect(await rowsAt(`/admin/survey_responses?survey=${survey.id}&assignee=${b}&state=expired`)).toEqual([r5.id]);
    expect(await rowsAt(`/admin/survey_responses?survey=${survey.id}&state=offered`)).toHaveLength(2);
    expect(await rowsAt(`/admin/survey_responses?survey=${survey.id}&brand=5&state=offered,expired`)).toEqual([r3.id]);
  });

  it('gives NPS per assignee on an NPS survey, and nothing for a range without responses', async () => {
    const campaign = await createSurvey({
      actor: admin,
      survey: {
        type: 'NET_PROMOTER_SCORE',
        state: 'enabled',
        questions: [{ type: 'rating_scale_numeric', sub_type: 'net_promoter_score', headline: st('Recommend us?'), options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })) }],
      },
    });
    const rating = campaign.questions[0]!.id;
    for (const score of [10, 9, 7, 3]) await rate(rating, await offer(campaign.id, { assignee_id: 800001 }), score);
    await offer(campaign.id, { assignee_id: 800001 });
    const o = await ready(campaign.id);
    expect(figures(o, 'assignee')).toEqual([{ id: 800001, offered: 5, answered: 4, rated: 4, rate: 80, score: 25 }]);
    expect(figures(o, 'group')).toEqual([]);
    const past = await surveyOverview({ admin, query: { survey: campaign.id, from: '2020-01-01', to: '2020-01-31' } });
    expect(past.ok && past.breakdowns.map((b) => b.rows.length)).toEqual([0, 0, 0]);
  });

  it('shows the 10 most answered assignees, and all of them when asked', async () => {
    const { questions } = defaultCsatDefinition();
    const survey = await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions } as never });
    const rating = survey.questions[0]!.id;
    // Assignee 500000 + k has k answered responses (k = 0..11) and one more offered.
    for (let k = 0; k < 12; k++) {
      for (let n = 0; n < k; n++) await rate(rating, await offer(survey.id, { assignee_id: 500000 + k, brand_id: 3 }), 5);
      await offer(survey.id, { assignee_id: 500000 + k });
    }
    const o = await ready(survey.id);
    const [assignees, groups, brands] = o.breakdowns;
    expect(assignees!.rows.map((r) => [r.id, r.answered.count, r.offered.count])).toEqual(
      Array.from({ length: 10 }, (_, i) => [500011 - i, 11 - i, 12 - i]),
    );
    expect(assignees!.total).toBe(12);
    expect(assignees!.allHref).toBe(`/admin?survey=${survey.id}&from=${o.range.from}&to=${o.range.to}&all=assignee#by-assignee`);
    expect([groups!.total, groups!.allHref, brands!.total, brands!.allHref]).toEqual([0, undefined, 1, undefined]);

    const whole = await surveyOverview({ admin, query: { survey: survey.id, all: 'assignee' } });
    if (!whole.ok) throw new Error(whole.problem);
    expect(whole.breakdowns[0]!.rows.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => 500011 - i));
    expect(whole.breakdowns[0]!.allHref).toBeUndefined();
  });
});

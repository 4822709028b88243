import { describe, expect, it } from 'vitest';
import { createWriteKey } from '../../auth/write-keys';
import { ingestRequest } from '../../ingestion/ingest';
import { createSurveyResponse, submitSurveyResponse } from '../../survey-responses/responses';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import { createSurvey } from '../../surveys/surveys';
import { surveyOverview } from './overview';

const admin = { id: 1, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
const st = (value: string) => ({ type: 'static' as const, value });

async function csatSurvey() {
  const { questions } = defaultCsatDefinition();
  const survey = await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions } as never });
  const reason = survey.questions[1] as { id: string; options: { id: string; label: { value: string } }[] };
  return { id: survey.id, rating: survey.questions[0]!.id, reason };
}

describe('surveyOverview', () => {
  it('counts offered, answered and ratings exactly, also when an answer is changed', async () => {
    const survey = await csatSurvey();
    const offer = async () => {
      const { id, links } = await createSurveyResponse({ actor: admin, input: { survey_id: survey.id, subject_zrns: ['zen:ticket:1'], locale: 'en-us' } });
      return { id, token: new URLSearchParams(links.url_path.split('?')[1]).get('access_token')! };
    };
    const [a, b] = [await offer(), await offer(), await offer()];
    const rate = (r: { id: string; token: string }, rating: number, reason?: string) =>
      submitSurveyResponse({
        id: r.id,
        accessToken: r.token,
        answers: [
          { type: 'rating_scale', question_id: survey.rating, rating },
          ...(reason ? [{ type: 'closed_ended' as const, question_id: survey.reason.id, selections: [reason] }] : []),
        ],
      });
    await rate(a!, 5);
    await rate(b!, 2, survey.reason.options[0]!.id);
    await rate(a!, 4); // changed: the 5 moves to 4, nothing is counted twice
    await rate(b!, 2, survey.reason.options[1]!.id); // the reason changed too

    const o = await surveyOverview({ admin, query: { survey: survey.id } });
    if (!o.ok) throw new Error(o.problem);
    expect([o.offered.count, o.answered.count, o.rated, o.responseRate]).toEqual([3, 2, 2, (100 * 2) / 3]);
    expect(o.score).toBe(50);
    expect(o.distribution.map((d) => [d.rating, d.count])).toEqual([[1, 0], [2, 1], [3, 0], [4, 1], [5, 0]]);
    expect(o.categories.map((c) => [c.category, c.count])).toEqual([['good', 1], ['bad', 1]]);
    expect(o.trend.at(-1)).toMatchObject({ offered: 3, answered: 2, rated: 2, good: 1, bad: 1, score: 50 });
    expect(o.trend).toHaveLength(30);
    expect(o.reasons.map((r) => [r.optionId, r.count, r.share])).toEqual([[survey.reason.options[1]!.id, 1, 100]]);
    expect(o.followUp.map((r) => [r.id, r.rating])).toEqual([[b!.id, 2]]);
    expect(o.distribution[1]!.href).toBe(`/admin/survey_responses?survey=${survey.id}&from=${o.range.from}&to=${o.range.to}&rating=2`);
  });

  it('gives NPS for a campaign, week buckets for long ranges, and a problem for a bad range', async () => {
    const campaign = await createSurvey({
      actor: admin,
      survey: {
        type: 'NET_PROMOTER_SCORE',
        state: 'enabled',
        questions: [{ type: 'rating_scale_numeric', sub_type: 'net_promoter_score', headline: st('Recommend us?'), options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })) }],
      },
    });
    const { writeKey } = await createWriteKey({});
    for (const [i, rating] of [10, 9, 8, 3, 0, 10].entries()) {
      await ingestRequest({ raw: { writeKey, campaign: campaign.id, rating, userId: `overview-${i}` } });
    }
    const o = await surveyOverview({ admin, query: { survey: campaign.id, from: '2026-01-01', to: '2026-12-31' }, now: Date.parse('2026-12-31T12:00:00Z') });
    if (!o.ok) throw new Error(o.problem);
    expect(o.survey.nps).toBe(true);
    expect(o.range.bucket).toBe('week');
    expect(o.trend[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-04' }); // Thursday to Sunday
    expect(o.trend[1]).toMatchObject({ from: '2026-01-05', to: '2026-01-11' });
    expect(o.categories.map((c) => [c.category, c.count])).toEqual([['good', 3], ['neutral', 1], ['bad', 2]]);
    expect(o.score).toBeCloseTo((100 * (3 - 2)) / 6);
    expect(o.distribution).toHaveLength(11);

    const bad = await surveyOverview({ admin, query: { survey: campaign.id, from: '2026-02-01', to: '2026-01-01' } });
    expect(bad).toMatchObject({ ok: false, problem: 'The start of the range is after its end.' });
    expect(await surveyOverview({ admin, query: { survey: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } })).toMatchObject({ ok: false, problem: 'No survey has this id.' });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { findDailyCounts, findReasonCounts } from '@/db/admin-figures';
import { findSurveyResponse } from '@/db/survey-responses';
import { saveAnswersIfUnchanged } from '@/db/transaction';
import type { Actor } from '../auth/credentials';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { createSurvey, updateSurvey } from '../surveys/surveys';
import { DAY_MS } from '../time';
import { createSurveyResponse, submitSurveyResponse } from './responses';

// Submit on the database itself (both dialects): the one-step write used when the response is as it
// was read, its refusal when it is not, and answers written by racing submits.

const admin: Actor = { id: 1, email: 'admin@example.com', role: 'admin', locale: 'en-us' };
let survey: { id: string; rating: string; reason: string; comment: string; option: string };

beforeAll(async () => {
  const definition = defaultCsatDefinition();
  const made = await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions: definition.questions } as never });
  const [rating, reason, comment] = made.questions as { id: string; options?: { id?: string }[] }[];
  survey = { id: made.id, rating: rating!.id, reason: reason!.id, comment: comment!.id, option: reason!.options![0]!.id! };
});

async function offer(surveyId = survey.id) {
  const made = await createSurveyResponse({ actor: admin, input: { survey_id: surveyId, locale: 'en-us', subject_zrns: [] } as never });
  return { id: made.id, token: new URL(made.links.url_path, 'http://x').searchParams.get('access_token')! };
}

const answers = (rating: number, comment: string) => [
  { type: 'rating_scale', question_id: survey.rating, rating },
  ...(rating <= 3 ? [{ type: 'closed_ended', question_id: survey.reason, selections: [survey.option] }] : []),
  { type: 'open_ended', question_id: survey.comment, value: comment },
];

const today = () => Math.floor(Date.now() / DAY_MS);

describe('submit', () => {
  it('writes nothing in one step when the response changed since it was read', async () => {
    const { id } = await offer();
    const row = (await findSurveyResponse({ id }))!;
    const save = { id, answers: [], answersJson: '[]', at: Date.now(), rating: null, ratingCategory: null, hasComment: false, events: [] };
    expect(await saveAnswersIfUnchanged({ ...save, expectedUpdatedAt: row.updatedAt - 1 })).toBe(false);
    expect(await saveAnswersIfUnchanged({ ...save, at: row.expiresAt, expectedUpdatedAt: row.updatedAt })).toBe(false);
    expect((await findSurveyResponse({ id }))!.answeredAt).toBeNull();
    expect(await saveAnswersIfUnchanged({ ...save, expectedUpdatedAt: row.updatedAt })).toBe(true);
    expect((await findSurveyResponse({ id }))!.answeredAt).toBe(save.at);
  });

  it('keeps answers and figures exact when the same response is submitted many times at once', async () => {
    const { id, token } = await offer();
    const before = (await findDailyCounts({ surveyId: survey.id, fromDay: today() - 1, toDay: today() + 1 })).reduce((n, c) => n + c.responses, 0);
    const ratings = [1, 5, 2, 4, 3, 1, 5, 2];
    await Promise.all(ratings.map((r, i) => submitSurveyResponse({ id, accessToken: token, answers: answers(r, `try ${i}`) as never })));
    const row = (await findSurveyResponse({ id }))!;
    const stored = JSON.parse(row.answersJson) as { type: string; rating?: number; value?: string }[];
    const rating = stored.find((a) => a.type === 'rating_scale')!.rating!;
    // One of the submits won whole: its rating, its comment, a reason exactly when the rating is bad.
    const winner = ratings.findIndex((r, i) => r === rating && stored.some((a) => a.value === `try ${i}`));
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(stored.some((a) => a.type === 'closed_ended')).toBe(rating <= 3);
    expect(row.rating).toBe(rating);
    // The daily figures count the response once, in its final cell.
    const counts = await findDailyCounts({ surveyId: survey.id, fromDay: today() - 1, toDay: today() + 1 });
    expect(counts.reduce((n, c) => n + c.responses, 0)).toBe(before);
    expect(counts.filter((c) => c.answered && c.rating === rating).reduce((n, c) => n + c.responses, 0)).toBeGreaterThanOrEqual(1);
    const reasons = await findReasonCounts({ surveyId: survey.id, fromDay: today() - 1, toDay: today() + 1 });
    expect(reasons.reduce((n, r) => n + r.responses, 0)).toBe(rating <= 3 ? 1 : 0);
  });

  it('refuses a response whose survey was disabled after it was read', async () => {
    const definition = defaultCsatDefinition();
    const own = await createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions: definition.questions } as never });
    const { id, token } = await offer(own.id);
    const rating = (own.questions[0] as { id: string }).id;
    await updateSurvey({ actor: admin, id: own.id, survey: { state: 'disabled' } });
    await expect(submitSurveyResponse({ id, accessToken: token, answers: [{ type: 'rating_scale', question_id: rating, rating: 5 }] as never })).rejects.toMatchObject({ status: 409 });
    expect((await findSurveyResponse({ id }))!.answeredAt).toBeNull();
  });
});

import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, offer } from '../support/api';

const st = (value: string) => ({ type: 'static', value });

function customSurvey(headline = 'How was it?') {
  return {
    type: 'CUSTOMER_SATISFACTION',
    questions: [
      {
        type: 'rating_scale_numeric',
        alias: 'rating',
        sub_type: 'customer_satisfaction',
        headline: st(headline),
        options: [
          { rating: 1, label: st('Bad'), follow_up: { question_id: 'why' } },
          { rating: 2, label: st('Good'), follow_up: { question_id: 'comment' } },
        ],
      },
      { type: 'closed_ended', alias: 'why', headline: st('Why?'), options: [{ label: st('Slow') }, { label: st('Rude') }] },
      { type: 'open_ended', alias: 'comment', headline: { type: 'dynamic', key: 'dc.surveys.customer_satisfaction.questions.comment', value: 'Comment' } },
    ],
  };
}

async function createSurvey(request: APIRequestContext, survey: unknown = customSurvey()) {
  const res = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).survey;
}

test('admins create a survey: ids assigned, follow-ups by alias resolved, dynamic texts localized', async ({ request }) => {
  const survey = await createSurvey(request);
  expect(survey).toMatchObject({ type: 'CUSTOMER_SATISFACTION', version: 1, state: 'enabled' });
  const [rating, why, comment] = survey.questions;
  expect(rating.options[0].follow_up).toEqual({ question_id: why.id });
  expect(rating.options[1].follow_up).toEqual({ question_id: comment.id });
  expect(why.options[0]).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), label: st('Slow'), follow_up: null });

  const res = await request.get(`/api/v2/guide/de/surveys/${survey.id}/1`);
  expect(res.status()).toBe(200);
  const shown = (await res.json()).survey;
  expect(shown.questions[2].headline).toEqual({
    type: 'dynamic',
    key: 'dc.surveys.customer_satisfaction.questions.comment',
    value: 'Möchten Sie uns noch etwas zu Ihrer Erfahrung mitteilen?',
  });
  expect(shown.questions[0].headline).toEqual(st('How was it?'));
});

test('updating questions makes a new version; old responses stay pinned to theirs', async ({ request }) => {
  const survey = await createSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const res = await request.put(`/api/v2/guide/surveys/${survey.id}`, { headers: adminAuth(), data: { survey: { questions: customSurvey('Rate us').questions } } });
  expect(res.status()).toBe(200);
  const v2 = (await res.json()).survey;
  expect(v2.version).toBe(2);
  // Questions keep their ids across versions when their alias stays.
  expect(v2.questions.map((q: { id: string }) => q.id)).toEqual(survey.questions.map((q: { id: string }) => q.id));

  expect((await (await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/1`)).json()).survey.questions[0].headline.value).toBe('How was it?');
  expect((await (await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/2`)).json()).survey.questions[0].headline.value).toBe('Rate us');
  // A version above the latest gives the latest.
  expect((await (await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/99`)).json()).survey.version).toBe(2);

  const old = (await (await request.get(`/api/v2/guide/en-us/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;
  expect(old.survey.version).toBe(1);
  const submitted = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    data: { survey_response: { access_token: token, answers: [{ type: 'rating_scale', question_id: survey.questions[0].id, rating: 2 }] } },
  });
  expect(submitted.status()).toBe(200);
  const fresh = await offer(request, { surveyId: survey.id });
  const shown = (await (await request.get(`/api/v2/guide/survey_responses/${fresh.id}`, { headers: adminAuth() })).json()).survey_response;
  expect(shown.survey.version).toBe(2);
});

test('a disabled survey accepts no submit and no new response (409), and can be enabled again', async ({ request }) => {
  const survey = await createSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const setState = (state: string) => request.put(`/api/v2/guide/surveys/${survey.id}`, { headers: adminAuth(), data: { survey: { state } } });
  const disabled = await setState('disabled');
  expect(disabled.status()).toBe(200);
  expect((await disabled.json()).survey).toMatchObject({ state: 'disabled', version: 1 });

  const answers = [{ type: 'rating_scale', question_id: survey.questions[0].id, rating: 2 }];
  const res = await request.post(`/api/v2/guide/survey_responses/${id}`, { data: { survey_response: { access_token: token, answers } } });
  expect(res.status()).toBe(409);
  expect(await res.json()).toEqual({
    errors: [{ code: 'Conflict', status: '409', title: 'The survey associated with this survey response has been disabled' }],
  });
  const create = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, subject_zrns: ['zen:ticket:1'], locale: 'en-us' } },
  });
  expect(create.status()).toBe(409);
  expect(await create.json()).toEqual({
    errors: [{ code: 'Conflict', status: '409', title: 'The survey associated with this survey response has been disabled' }],
  });
  const shown = (await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;
  expect(shown.survey.state).toBe('disabled');
  expect(shown.answers).toEqual([]);

  expect((await setState('enabled')).status()).toBe(200);
  expect((await request.post(`/api/v2/guide/survey_responses/${id}`, { data: { survey_response: { access_token: token, answers } } })).status()).toBe(200);
});

test('surveys list is for agents and admins; show is anonymous; unknown survey is 404', async ({ request }) => {
  const seeded = await defaultSurvey(request);
  const agent = await makeUser(request, 'agent');
  const endUser = await makeUser(request, 'end_user');
  const listed = await request.get('/api/v2/guide/fr/surveys', { headers: agent.auth });
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.meta).toEqual({ has_more: false, after_cursor: null, before_cursor: null });
  const csat = body.surveys.find((s: { id: string }) => s.id === seeded.id);
  expect(csat.questions[0].headline.value).toBe("Comment évaluez-vous l'assistance que vous avez reçue ?");
  expect((await request.get('/api/v2/guide/fr/surveys', { headers: endUser.auth })).status()).toBe(403);
  expect((await request.get('/api/v2/guide/fr/surveys')).status()).toBe(401);
  expect((await request.get('/api/v2/guide/fr/surveys?filter[types]=NOPE', { headers: agent.auth })).status()).toBe(400);

  const missing = await request.get('/api/v2/guide/en-us/surveys/01ARZ3NDEKTSV4RRFFQ69G5FAV/1');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The survey is not found by provided id' }] });
  expect((await request.get(`/api/v2/guide/en-us/surveys/${seeded.id}/zero`)).status()).toBe(400);
});

test('survey management is admin-only and validates the questions', async ({ request }) => {
  const agent = await makeUser(request, 'agent');
  expect((await request.post('/api/v2/guide/surveys', { headers: agent.auth, data: { survey: customSurvey() } })).status()).toBe(403);
  const seeded = await defaultSurvey(request);
  expect((await request.put(`/api/v2/guide/surveys/${seeded.id}`, { headers: agent.auth, data: { survey: { state: 'disabled' } } })).status()).toBe(403);

  const invalid = customSurvey();
  invalid.questions[0]!.options!.push({ rating: 3, label: st('Great'), follow_up: { question_id: 'nowhere' } });
  const res = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: invalid } });
  expect(res.status()).toBe(400);
  expect((await res.json()).errors).toEqual([
    { code: 'BadRequest', status: '400', title: 'Invalid survey', detail: 'follow_up names no question of this survey', source: { pointer: '/survey/questions/0/options/2/follow_up' } },
  ]);
  const backwards = customSurvey();
  (backwards.questions[1] as { options: { follow_up?: unknown }[] }).options[0]!.follow_up = { question_id: 'rating' };
  expect((await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: backwards } })).status()).toBe(400);
  expect((await request.put('/api/v2/guide/surveys/01ARZ3NDEKTSV4RRFFQ69G5FAV', { headers: adminAuth(), data: { survey: { state: 'enabled' } } })).status()).toBe(404);
  // Sanity: the seeded survey still takes answers.
  const { id, token } = await offer(request, { surveyId: seeded.id });
  expect((await request.post(`/api/v2/guide/survey_responses/${id}`, { data: { survey_response: { access_token: token, answers: csatAnswers(seeded, 4) } } })).status()).toBe(200);
});

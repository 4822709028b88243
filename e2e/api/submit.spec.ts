import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, offer, type Survey } from '../support/api';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const submit = (request: APIRequestContext, id: string, body: unknown, headers: Record<string, string> = {}) =>
  request.post(`/api/v2/guide/survey_responses/${id}`, { headers, data: body });

const show = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;

test('the access token alone submits; answers come back in the list shape', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const [ratingQ, reasonQ, commentQ] = survey.questions;
  const res = await submit(request, id, { survey_response: { access_token: token, answers: csatAnswers(survey, 2, '  Too slow  ') } });
  expect(res.status()).toBe(200);
  const { survey_response: body } = await res.json();
  const times = { created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO) };
  expect(body.answers).toEqual([
    { type: 'rating_scale', question: { id: ratingQ!.id, type: 'rating_scale_emoji', sub_type: 'customer_satisfaction' }, rating: 2, rating_category: 'bad', ...times },
    { type: 'closed_ended', question: { id: reasonQ!.id, type: 'closed_ended' }, selections: [{ type: 'predefined', option_id: reasonQ!.options![0]!.id }], ...times },
    { type: 'open_ended', question: { id: commentQ!.id, type: 'open_ended' }, value: 'Too slow', ...times },
  ]);
  expect(body.id).toBe(id);
  expect(await show(request, id)).toEqual(body);
});

test('a good rating skips the reason; unanswered questions are stored as skipped', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const [ratingQ, reasonQ, commentQ] = survey.questions;
  const res = await submit(request, id, {
    survey_response: { access_token: token, answers: [{ type: 'rating_scale', question_id: ratingQ!.id, rating: 4 }] },
  });
  expect(res.status()).toBe(200);
  const { answers } = (await res.json()).survey_response;
  expect(answers.map((a: { type: string; question: { id: string } }) => [a.type, a.question.id])).toEqual([
    ['rating_scale', ratingQ!.id],
    ['skipped', reasonQ!.id],
    ['skipped', commentQ!.id],
  ]);
  expect(answers[0].rating_category).toBe('good');
});

test('the responder submits with their own credentials; others need the token', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const other = await makeUser(request, 'end_user');
  const { id, token } = await offer(request, { surveyId: survey.id, responderId: responder.id });
  const answers = csatAnswers(survey, 5);

  const noCredentials = await submit(request, id, { survey_response: { answers } });
  expect(noCredentials.status()).toBe(401);
  expect(await noCredentials.json()).toEqual({ errors: [{ code: 'Unauthorized', status: '401', title: 'Unauthorized to access the resource' }] });
  expect((await submit(request, id, { survey_response: { answers, access_token: 'wrong' } })).status()).toBe(401);

  const someoneElse = await submit(request, id, { survey_response: { answers } }, other.auth);
  expect(someoneElse.status()).toBe(403);
  expect(await someoneElse.json()).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });
  expect((await submit(request, id, { survey_response: { answers } }, adminAuth())).status()).toBe(403);
  expect((await show(request, id)).answers).toEqual([]);

  expect((await submit(request, id, { survey_response: { answers } }, responder.auth)).status()).toBe(200);
  expect((await submit(request, id, { survey_response: { answers, access_token: token } }, other.auth)).status()).toBe(200);
});

test('resubmitting replaces the answers: created_at kept, updated_at moves', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const first = (await (await submit(request, id, { survey_response: { access_token: token, answers: csatAnswers(survey, 1, 'Bad') } })).json()).survey_response;
  await new Promise((r) => setTimeout(r, 20));
  const [ratingQ, , commentQ] = survey.questions;
  const res = await submit(request, id, {
    survey_response: {
      access_token: token,
      answers: [
        { type: 'rating_scale', question_id: ratingQ!.id, rating: 5 },
        { type: 'open_ended', question_id: commentQ!.id, value: 'Better now' },
      ],
    },
  });
  expect(res.status()).toBe(200);
  const second = (await res.json()).survey_response;
  expect(second.answers[0].rating).toBe(5);
  expect(second.answers[0].created_at).toBe(first.answers[0].created_at);
  expect(Date.parse(second.answers[0].updated_at)).toBeGreaterThan(Date.parse(first.answers[0].updated_at));
  expect(second.answers[1].type).toBe('skipped');
  expect(second.answers[2].value).toBe('Better now');
  expect(second.created_at).toBe(first.created_at);
  expect(Date.parse(second.updated_at)).toBeGreaterThan(Date.parse(first.updated_at));
});

test('a selection in the read shape (predefined/option_id) is accepted too', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const [ratingQ, reasonQ] = survey.questions;
  const option = reasonQ!.options![2]!.id!;
  const res = await submit(request, id, {
    survey_response: {
      access_token: token,
      answers: [
        { type: 'rating_scale', question_id: ratingQ!.id, rating: 3 },
        { type: 'closed_ended', question_id: reasonQ!.id, selections: [{ type: 'predefined', option_id: option }] },
      ],
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).survey_response.answers[1].selections).toEqual([{ type: 'predefined', option_id: option }]);
});

test('answers are checked against the pinned version; a rejected submit changes nothing', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const [ratingQ, reasonQ, commentQ] = survey.questions as [Survey['questions'][0], Survey['questions'][0], Survey['questions'][0]];
  const good = await submit(request, id, { survey_response: { access_token: token, answers: csatAnswers(survey, 4, 'Kept') } });
  const stored = (await good.json()).survey_response;
  const reason = { type: 'closed_ended', question_id: reasonQ.id, selections: [{ type: 'pre_defined', value: reasonQ.options![0]!.id }] };
  const cases: [unknown[], string, string][] = [
    [[{ type: 'rating_scale', question_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', rating: 1 }], '/survey_response/answers/0/question_id', 'the question is not part of this survey version'],
    [[{ type: 'rating_scale', question_id: ratingQ.id, rating: 6 }], '/survey_response/answers/0/rating', 'rating must be one of 1, 2, 3, 4, 5'],
    [[{ type: 'open_ended', question_id: ratingQ.id, value: 'x' }], '/survey_response/answers/0/type', `question ${ratingQ.id} takes a rating_scale answer`],
    [
      [{ type: 'rating_scale', question_id: ratingQ.id, rating: 1 }, { type: 'closed_ended', question_id: reasonQ.id, selections: [{ type: 'pre_defined', value: commentQ.id }] }],
      '/survey_response/answers/1/selections/0',
      'the option is not one of this question',
    ],
    [[{ type: 'rating_scale', question_id: ratingQ.id, rating: 1 }, { type: 'rating_scale', question_id: ratingQ.id, rating: 2 }], '/survey_response/answers/1/question_id', 'the question is answered twice'],
    [[{ type: 'open_ended', question_id: commentQ.id, value: 'only a comment' }], '/survey_response/answers', `the first question (${ratingQ.id}) must be answered`],
    [[{ type: 'rating_scale', question_id: ratingQ.id, rating: 5 }, reason], '/survey_response/answers/1/question_id', 'the question is not asked after the answers given'],
  ];
  for (const [answers, pointer, detail] of cases) {
    const res = await submit(request, id, { survey_response: { access_token: token, answers } });
    expect(res.status(), detail).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ code: 'BadRequest', status: '400', title: 'Invalid answer', detail, source: { pointer } }] });
  }
  expect(await show(request, id)).toEqual(stored);
});

test('after expires_at a submit is refused with 409 and the answers stay', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id, expiresAt: new Date(Date.now() + 2_000).toISOString() });
  expect((await submit(request, id, { survey_response: { access_token: token, answers: csatAnswers(survey, 5, 'In time') } })).status()).toBe(200);
  const stored = await show(request, id);
  // Wait out the expiry (a wait for the clock, not a timing assertion).
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(stored.expires_at) - Date.now() + 50)));
  const res = await submit(request, id, { survey_response: { access_token: token, answers: csatAnswers(survey, 1, 'Late') } });
  expect(res.status()).toBe(409);
  expect(await res.json()).toEqual({
    errors: [{ code: 'Conflict', status: '409', title: 'The survey response has expired and can no longer be edited' }],
  });
  expect(await show(request, id)).toEqual(stored);
});

test('an unknown or malformed response id is 404 with credentials, 401 with only a token', async ({ request }) => {
  const body = { survey_response: { access_token: 'x', answers: [{ type: 'skipped', question_id: 'q' }] } };
  for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'not-an-id']) {
    const res = await submit(request, id, body, adminAuth());
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The survey response could not be found' }] });
    // Without credentials it answers as a wrong token does: which ids exist is not for anyone to probe.
    const anonymous = await submit(request, id, body);
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).errors[0].code).toBe('Unauthorized');
  }
});

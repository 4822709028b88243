import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { adminAuth, csatAnswers, defaultSurvey, makeCsatSurvey, makeNpsCampaign, makeUser, offer, suiteCredentials, uniqueTicket } from '../support/api';

// What real Zendesk and SatisMeter clients send (docs/zendesk-api.md, "Leniency"): `.json` suffixes,
// fields we do not keep, empty query parameters, numbers past 2^53 - 1, methods a route lacks.

const TOO_LARGE = 'must be at most 9007199254740991 (2^53 - 1)';
const invalid = (detail: string, source: Record<string, string>) => ({
  errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail, source }],
});

test('every /api/v2 route answers the same with `.json` appended', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const me = await request.get('/api/v2/users/me.json', { headers: adminAuth() });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(suiteCredentials().adminEmail);
  expect(await (await request.get(`/api/v2/users/${user.id}.json`, { headers: adminAuth() })).json()).toEqual(
    await (await request.get(`/api/v2/users/${user.id}`, { headers: adminAuth() })).json(),
  );
  const upserted = await request.post('/api/v2/users/create_or_update.json', {
    headers: adminAuth(),
    data: { user: { email: user.email, name: 'Renamed' } },
  });
  expect(upserted.status()).toBe(200);
  expect((await upserted.json()).user).toMatchObject({ id: user.id, name: 'Renamed' });

  const created = await request.post('/api/v2/guide/survey_responses.json', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, responder_id: user.id, subject_zrns: [uniqueTicket()], locale: 'en-us' } },
  });
  expect(created.status()).toBe(200);
  const id = (await created.json()).survey_response.id as string;
  const submitted = await request.post(`/api/v2/guide/survey_responses/${id}.json`, {
    headers: user.auth,
    data: { survey_response: { answers: csatAnswers(survey, 5) } },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const shown = await request.get(`/api/v2/guide/survey_responses/${id}.json`, { headers: adminAuth() });
  expect(await shown.json()).toEqual(await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json());
  const localized = await request.get(`/api/v2/guide/de/survey_responses/${id}.json`, { headers: adminAuth() });
  expect((await localized.json()).survey_response.id).toBe(id);
  const listed = await request.get(`/api/v2/guide/survey_responses.json?filter[responder_ids]=${user.id}`, { headers: adminAuth() });
  expect((await listed.json()).survey_responses.map((r: { id: string }) => r.id)).toEqual([id]);

  const surveys = await request.get('/api/v2/guide/en-us/surveys.json', { headers: adminAuth() });
  expect((await surveys.json()).surveys.map((s: { id: string }) => s.id)).toContain(survey.id);
  const version = await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/${survey.version}.json`);
  expect((await version.json()).survey.id).toBe(survey.id);
  const own = await makeCsatSurvey(request);
  const disabled = await request.put(`/api/v2/guide/surveys/${own.id}.json`, { headers: adminAuth(), data: { survey: { state: 'disabled' } } });
  expect((await disabled.json()).survey.state).toBe('disabled');

  const unknown = await request.get('/api/v2/nothing/here.json', { headers: adminAuth() });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).errors[0].code).toBe('NotFound');
});

test('fields we do not keep are ignored in Zendesk-shaped bodies; the known ones are still checked', async ({ request }) => {
  const email = `zendesk-${randomUUID()}@example.com`;
  const made = await request.post('/api/v2/users/create_or_update', {
    headers: adminAuth(),
    data: { user: { email, name: 'Zed', role: 'end-user', verified: true, phone: '+15555550100', time_zone: 'Berlin', user_fields: { plan: 'pro' }, tags: ['vip'] } },
  });
  expect(made.status(), await made.text()).toBe(201);
  expect((await made.json()).user).toMatchObject({ email, name: 'Zed', role: 'end_user' });
  const badRole = await request.post('/api/v2/users/create_or_update', { headers: adminAuth(), data: { user: { email, role: 'boss', verified: true } } });
  expect(badRole.status()).toBe(400);
  expect((await badRole.json()).errors).toEqual([expect.objectContaining({ code: 'BadRequest', source: { pointer: '/user/role' } })]);

  const survey = await defaultSurvey(request);
  const created = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, responder_id: null, subject_zrns: [uniqueTicket()], locale: 'en-us', ticket_id: 7 }, extra: true },
  });
  expect(created.status(), await created.text()).toBe(200);
  const token = new URL((await created.json()).survey_response.links.url_path, 'http://x').searchParams.get('access_token');
  const [rating, reason] = survey.questions;
  const submitted = await request.post(`/api/v2/guide/survey_responses/${(await created.json()).survey_response.id}`, {
    data: {
      survey_response: {
        access_token: token,
        answers: [
          { type: 'rating_scale', question_id: rating!.id, rating: 1, label: 'Very unsatisfied' },
          { type: 'closed_ended', question_id: reason!.id, selections: [{ type: 'pre_defined', value: reason!.options![0]!.id, label: 'x' }] },
        ],
        status: 'answered',
      },
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect((await submitted.json()).survey_response.answers[1].selections).toEqual([{ type: 'predefined', option_id: reason!.options![0]!.id }]);

  // Our own extension bodies (survey definitions) stay strict and name the unknown key.
  const strict = await request.post('/api/v2/guide/surveys', {
    headers: adminAuth(),
    data: { survey: { type: 'CUSTOM', questions: [{ type: 'open_ended', headline: { type: 'static', value: 'Hi' } }], colour: 'red' } },
  });
  expect(strict.status()).toBe(400);
  expect((await strict.json()).errors[0].detail).toContain('colour');
});

test('an empty query parameter means absent, as in Zendesk’s own List example', async ({ request }) => {
  const user = await makeUser(request, 'end_user');
  const survey = await defaultSurvey(request);
  const { id } = await offer(request, { surveyId: survey.id, responderId: user.id });
  const sample = await request.get('/api/v2/guide/survey_responses?filter=&page=&sort=', { headers: adminAuth() });
  expect(sample.status(), await sample.text()).toBe(200);
  const res = await request.get(`/api/v2/guide/survey_responses?filter[responder_ids]=${user.id}&filter[created_at_start]=&page[size]=&page[after]=&sort=`, {
    headers: adminAuth(),
  });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).survey_responses.map((r: { id: string }) => r.id)).toEqual([id]);
  const types = await request.get('/api/v2/guide/en-us/surveys?filter[types]=', { headers: adminAuth() });
  expect(types.status()).toBe(200);
});

test('numbers past 2^53 - 1 are a 400, never rounded; a survey version past the latest gives the latest', async ({ request }) => {
  const big = '9007199254740993';
  const user = await request.get(`/api/v2/users/${big}`, { headers: adminAuth() });
  expect(user.status()).toBe(400);
  expect(await user.json()).toEqual(invalid(TOO_LARGE, { parameter: 'id' }));
  const epoch = await request.get(`/api/v2/guide/survey_responses?filter[created_at_start]=${big}`, { headers: adminAuth() });
  expect(await epoch.json()).toEqual(invalid(TOO_LARGE, { parameter: 'filter[created_at_start]' }));
  const responders = await request.get(`/api/v2/guide/survey_responses?filter[responder_ids]=4,${big}`, { headers: adminAuth() });
  expect(responders.status()).toBe(400);
  expect((await responders.json()).errors[0].source).toEqual({ parameter: 'filter[responder_ids]' });

  const survey = await defaultSurvey(request);
  // Written as JSON text, so each number reaches the server as a client wrote it.
  for (const responder of [`"${big}"`, big, '18446744073709551616', '1e300']) {
    const created = await request.post('/api/v2/guide/survey_responses', {
      data: `{"survey_response":{"survey_id":"${survey.id}","responder_id":${responder},"subject_zrns":["${uniqueTicket()}"],"locale":"en-us"}}`,
      headers: { ...adminAuth(), 'Content-Type': 'application/json' },
    });
    expect(created.status(), responder).toBe(400);
    expect((await created.json()).errors[0].source, responder).toEqual({ pointer: '/survey_response/responder_id' });
  }

  const campaign = await makeNpsCampaign(request);
  const ingested = await request.post('/api/responses', {
    data: `{"writeKey":"${suiteCredentials().writeKey}","campaign":"${campaign.id}","rating":9,"userId":9007199254740993}`,
    headers: { 'Content-Type': 'application/json' },
  });
  expect(ingested.status()).toBe(400);
  expect((await ingested.json()).errors[0].source).toEqual({ pointer: '/userId' });

  const latest = await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/9007199254740991`);
  expect(latest.status()).toBe(200);
  expect((await latest.json()).survey.version).toBe(survey.version);
  const past = await request.get(`/api/v2/guide/en-us/surveys/${survey.id}/${big}`);
  expect(await past.json()).toEqual(invalid(TOO_LARGE, { parameter: 'version' }));
});

test('a method a route lacks is a 405 naming the ones it has; HEAD is answered like GET, without a body', async ({ request }) => {
  const cases: [string, string, string][] = [
    ['DELETE', '/api/v2/users/me', 'GET, HEAD, OPTIONS'],
    ['GET', '/api/v2/users/create_or_update', 'POST, OPTIONS'],
    ['PATCH', '/api/v2/guide/survey_responses', 'GET, POST, HEAD, OPTIONS'],
    ['PUT', '/api/v2/guide/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV.json', 'GET, POST, HEAD, OPTIONS'],
    ['POST', '/api/v2/guide/en-us/surveys', 'GET, HEAD, OPTIONS'],
    ['GET', '/api/v2/guide/surveys', 'POST, OPTIONS'],
    ['DELETE', '/api/v2/guide/surveys/x', 'PUT, OPTIONS'],
    ['GET', '/api/responses', 'POST, OPTIONS'],
  ];
  for (const [method, path, allow] of cases) {
    const res = await request.fetch(path, { method, headers: adminAuth() });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers()['allow'], `${method} ${path}`).toBe(allow);
    expect(await res.json()).toEqual({ errors: [{ code: 'MethodNotAllowed', status: '405', title: 'Method not allowed' }] });
  }
  const get = await request.get('/api/v2/users/me.json', { headers: adminAuth() });
  const head = await request.head('/api/v2/users/me.json', { headers: adminAuth() });
  expect(head.status()).toBe(200);
  expect(head.headers()['content-type']).toBe(get.headers()['content-type']);
  expect((await head.body()).length).toBe(0);
  const headUnauthorized = await request.head('/api/v2/users/me');
  expect(headUnauthorized.status()).toBe(401);
});

test('ingestion: an empty-string trait means not given, and the method is matched whatever its case', async ({ request }) => {
  const campaign = await makeNpsCampaign(request);
  const userId = `user-${randomUUID()}`;
  const email = `app-${randomUUID()}@example.com`;
  const post = (data: Record<string, unknown>) =>
    request.post('/api/responses', { data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, userId, forceSurvey: true, ...data } });
  const first = await post({ rating: 9, method: 'in-app', traits: { email, name: 'Ann' } });
  expect(first.status(), await first.text()).toBe(201);
  expect((await first.json()).method).toBe('In-App');
  const second = await post({ rating: 7, method: 'MOBILE', traits: { email: '', name: '', plan: 'pro' } });
  expect(second.status(), await second.text()).toBe(201);
  const body = await second.json();
  expect(body.method).toBe('Mobile');
  expect(body.user.traits).toEqual({ email, name: 'Ann', plan: 'pro' });
  const stored = await request.get(`/api/v2/users/${body.user.id}`, { headers: adminAuth() });
  expect((await stored.json()).user.email).toBe(email);
  const wrong = await post({ rating: 7, method: 'Carrier pigeon' });
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).errors[0].source).toEqual({ pointer: '/method' });
});

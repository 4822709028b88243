import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, offer, uniqueTicket } from '../support/api';

// Whatever a client sends, the answer is a 4xx in the envelope, never a 5xx, and nothing changes.

const bodies: unknown[] = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  42,
  {},
  { survey_response: null },
  { survey_response: [] },
  { survey_response: { answers: 'x' } },
  { survey_response: { answers: [null] } },
  { survey_response: { answers: [{ type: 'rating_scale' }] } },
  { survey_response: { answers: [{ type: 'rating_scale', question_id: 'q', rating: '5' }] } },
  { survey_response: { answers: [{ type: 'rating_scale', question_id: 'q', rating: 1.5 }] } },
  { survey_response: { answers: [{ type: 'closed_ended', question_id: 'q', selections: [{ type: 'other', value: 'x' }] }] } },
  { survey_response: { answers: [{ type: 'open_ended', question_id: 'q', value: 'x'.repeat(10_001) }] } },
  { survey_response: { answers: [{ type: 'unknown', question_id: 'q' }] } },
  { survey_response: { survey_id: {}, responder_id: -1, subject_zrns: 'zen:ticket:1', locale: 5 } },
  { survey_response: { survey_id: 'x', responder_id: '12abc', subject_zrns: ['ticket:1'], locale: 'en-us' } },
  { survey_response: { survey_id: 'x', subject_zrns: [], locale: 'english please' } },
  { survey_response: { survey_id: 'x', subject_zrns: ['zen:ticket:1'], locale: 'en-us', expires_at: 'tomorrow' } },
  { user: { email: 'not-an-email' } },
  { user: { email: 'a@example.com', role: 'root' } },
  { survey: { type: 'CSAT', questions: [] } },
  { survey: { type: 'CUSTOM', questions: [{ type: 'open_ended' }] } },
  { survey: { state: 'paused' } },
  { survey: {} },
  { webhook: null },
  { webhook: [] },
  { webhook: { name: 'x', status: 'on', endpoint: 'ftp://example.com/', http_method: 'GET', request_format: 'xml', subscriptions: 'all' } },
  { webhook: { name: '', status: 'active', endpoint: 'not a url', http_method: 'POST', request_format: 'json' } },
  { webhook: { name: 'x', status: 'active', endpoint: 'http://exa mple.com/', http_method: 'POST', request_format: 'json', subscriptions: ['zen:event-type:nope'] } },
  { webhook: { authentication: { type: 'api_key', data: {} } } },
  { request: { endpoint: 'not a url' } },
  { request: { endpoint: 'http://127.0.0.1:9/', http_method: 'TRACE', headers: [{ key: 'Host', value: 'x' }] } },
];

test('a batch of malformed bodies gets 4xx on every write endpoint and changes nothing', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const zrn = uniqueTicket();
  const { id, token } = await offer(request, { surveyId: survey.id, zrns: [zrn] });
  const submitted = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    data: { survey_response: { access_token: token, answers: csatAnswers(survey, 3, 'Original') } },
  });
  const before = (await submitted.json()).survey_response;
  const listBefore = await (await request.get(`/api/v2/guide/survey_responses?filter[subject_zrns]=${zrn}`, { headers: adminAuth() })).json();
  const surveysBefore = await (await request.get('/api/v2/guide/en-us/surveys', { headers: adminAuth() })).json();

  const hook = await request.post('/api/v2/webhooks', {
    headers: adminAuth(),
    data: { webhook: { name: `malformed ${zrn}`, status: 'inactive', endpoint: 'http://127.0.0.1:9/', http_method: 'POST', request_format: 'json' } },
  });
  expect(hook.status()).toBe(201);
  const webhookId = (await hook.json()).webhook.id as string;
  const webhookBefore = await (await request.get(`/api/v2/webhooks/${webhookId}`, { headers: adminAuth() })).json();
  const webhooksBefore = await (await request.get('/api/v2/webhooks?page[size]=100', { headers: adminAuth() })).json();
  const endpoints: [string, 'post' | 'put' | 'patch'][] = [
    ['/api/v2/webhooks', 'post'],
    [`/api/v2/webhooks/${webhookId}`, 'put'],
    [`/api/v2/webhooks/${webhookId}`, 'patch'],
    ['/api/v2/webhooks/test', 'post'],
    ['/api/v2/guide/survey_responses', 'post'],
    [`/api/v2/guide/survey_responses/${id}`, 'post'],
    ['/api/v2/guide/surveys', 'post'],
    [`/api/v2/guide/surveys/${survey.id}`, 'put'],
    ['/api/v2/users/create_or_update', 'post'],
  ];
  for (const [path, method] of endpoints) {
    for (const body of bodies) {
      const res = await request[method](path, {
        headers: { ...adminAuth(), 'Content-Type': 'application/json' },
        data: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      });
      const label = `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`;
      expect(res.status(), label).toBeGreaterThanOrEqual(400);
      expect(res.status(), label).toBeLessThan(500);
      const json = await res.json();
      expect(json.errors.length, label).toBeGreaterThan(0);
      for (const e of json.errors) expect(e).toMatchObject({ code: expect.any(String), status: String(res.status()), title: expect.any(String) });
    }
  }
  const malformed = await request.post('/api/v2/guide/survey_responses', { headers: { ...adminAuth(), 'Content-Type': 'application/json' }, data: Buffer.from('{') });
  expect(await malformed.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Malformed JSON', detail: 'The request body is not valid JSON' }],
  });

  const after = (await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;
  expect(after).toEqual(before);
  expect(await (await request.get(`/api/v2/guide/survey_responses?filter[subject_zrns]=${zrn}`, { headers: adminAuth() })).json()).toEqual(listBefore);
  const surveysAfter = await (await request.get('/api/v2/guide/en-us/surveys', { headers: adminAuth() })).json();
  const seededAfter = surveysAfter.surveys.find((s: { id: string }) => s.id === survey.id);
  expect(seededAfter).toEqual(surveysBefore.surveys.find((s: { id: string }) => s.id === survey.id));
  expect(await (await request.get(`/api/v2/webhooks/${webhookId}`, { headers: adminAuth() })).json()).toEqual(webhookBefore);
  // No webhook was made by a malformed create (other tests make theirs meanwhile: only ours are compared).
  const names = (list: { webhooks: { name: string }[] }) => list.webhooks.map((w) => w.name).filter((n) => n.includes(zrn));
  expect(names(await (await request.get('/api/v2/webhooks?page[size]=100', { headers: adminAuth() })).json())).toEqual(names(webhooksBefore));
  expect((await request.delete(`/api/v2/webhooks/${webhookId}`, { headers: adminAuth() })).status()).toBe(204);
});

test('a body over 1 MiB is refused with 400 before it is read whole', async ({ request }) => {
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: { ...adminAuth(), 'Content-Type': 'application/json' },
    data: Buffer.from(JSON.stringify({ survey_response: { padding: 'x'.repeat(1_100_000) } })),
  });
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Request body too large', detail: 'The limit is 1 MiB' }],
  });
});

/** A body sent in chunks (no Content-Length), as a streaming client sends it. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += 64 * 1024)));
    },
  });
}

test('a chunked body is read as it arrives and refused once it passes 1 MiB', async ({ baseURL, request }) => {
  const post = (text: string) =>
    fetch(`${baseURL}/api/v2/guide/survey_responses`, {
      method: 'POST',
      headers: { ...adminAuth(), 'Content-Type': 'application/json' },
      body: chunked(text),
      duplex: 'half',
    } as RequestInit);
  const [survey, user] = await Promise.all([defaultSurvey(request), makeUser(request, 'end_user')]);
  const small = await post(JSON.stringify({ survey_response: { survey_id: survey.id, responder_id: user.id, subject_zrns: [uniqueTicket()], locale: 'en-us' } }));
  expect(small.status).toBe(200);
  const big = await post(JSON.stringify({ survey_response: { padding: 'x'.repeat(1_100_000) } }));
  expect(big.status).toBe(400);
  expect(await big.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Request body too large', detail: 'The limit is 1 MiB' }],
  });
});

test('a method a route does not offer is 405 in the envelope', async ({ request }) => {
  for (const [method, path] of [
    ['delete', '/api/v2/guide/survey_responses'],
    ['put', '/api/v2/guide/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['get', '/api/v2/guide/surveys'],
    ['post', '/api/v2/users/me'],
  ] as const) {
    const res = await request[method](path, { headers: adminAuth() });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(await res.json()).toEqual({ errors: [{ code: 'MethodNotAllowed', status: '405', title: 'Method not allowed' }] });
  }
});

test('unknown API paths answer 404 in the envelope', async ({ request }) => {
  const res = await request.get('/api/v2/nothing/here');
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toContain('application/json');
  expect(await res.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'No such API endpoint' }] });
});

test('a path whose percent-escapes do not decode is 400: in the envelope under /api, plain elsewhere', async ({ request }) => {
  for (const path of ['/api/v2/guide/survey_responses/%ZZ', '/api/v2/guide/%E0/surveys', '/api/v2/users/%ZZ', '/api/v2/nothing/%ZZ']) {
    const res = await request.get(path, { headers: adminAuth() });
    expect(res.status(), path).toBe(400);
    expect(await res.json(), path).toEqual({
      errors: [{ code: 'BadRequest', status: '400', title: 'Malformed URL', detail: 'The path has a percent-escape that does not decode' }],
    });
  }
  const page = await request.get('/hc/de/survey_responses/%ZZ?access_token=x');
  expect(page.status()).toBe(400);
  expect(page.headers()['content-type']).toContain('text/plain');
  // A valid escape still reaches the route: here an unknown id behind valid credentials.
  const valid = await request.get('/api/v2/guide/survey_responses/%30%31', { headers: adminAuth() });
  expect(valid.status()).toBe(404);
});

test('credentials are checked before the path: without them a bad id is 401, not 400', async ({ request }) => {
  const long = 'A'.repeat(101);
  for (const [method, path] of [
    ['get', `/api/v2/guide/survey_responses/${long}`],
    ['get', `/api/v2/guide/de/survey_responses/${long}`],
    ['put', `/api/v2/guide/surveys/${long}`],
    ['get', `/api/v2/users/${long}`],
  ] as const) {
    const res = await request[method](path, { data: {} });
    expect(res.status(), `${method} ${path}`).toBe(401);
  }
});

test('values no database column can hold are refused alike on both databases: a NUL character, ids past 32 bits', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const { id, token } = await offer(request, { surveyId: survey.id });
  const [rating, , comment] = survey.questions;
  const nul = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({
      survey_response: {
        access_token: token,
        answers: [
          { type: 'rating_scale', question_id: rating!.id, rating: 5 },
          { type: 'open_ended', question_id: comment!.id, value: 'nul \u0000 here' },
        ],
      },
    }),
  });
  expect(nul.status()).toBe(400);
  expect(await nul.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: 'Text may not contain the NUL character (\\u0000)' }],
  });
  // A backslash before "u0000" is text, not a NUL.
  const text = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    data: { survey_response: { access_token: token, answers: [{ type: 'rating_scale', question_id: rating!.id, rating: 5 }, { type: 'open_ended', question_id: comment!.id, value: 'a \\u0000 b' }] } },
  });
  expect(text.status()).toBe(200);
  expect(JSON.stringify(await text.json())).toContain('a \\\\u0000 b');

  const nulEmail = await request.get('/api/v2/users/me', { headers: { Authorization: `Basic ${Buffer.from('\0/token:x').toString('base64')}` } });
  expect(nulEmail.status()).toBe(401);
  const bigUser = await request.get('/api/v2/users/3000000000', { headers: adminAuth() });
  expect(bigUser.status()).toBe(404);
  const bigResponder = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, responder_id: 3_000_000_000, subject_zrns: [uniqueTicket()], locale: 'en-us' } },
  });
  expect(bigResponder.status()).toBe(400);
  expect((await bigResponder.json()).errors[0].detail).toBe('No user has this id');
  const bigFilter = await request.get('/api/v2/guide/survey_responses?filter[responder_ids]=3000000000', { headers: adminAuth() });
  expect(bigFilter.status()).toBe(200);
  expect((await bigFilter.json()).survey_responses).toEqual([]);
});

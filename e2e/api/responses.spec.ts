import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, cli, defaultSurvey, suiteCredentials } from '../support/api';

const st = (value: string) => ({ type: 'static', value });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Campaign {
  id: string;
  questions: { id: string; options?: { id?: string }[] }[];
}

async function makeCampaign(request: APIRequestContext, type: 'NET_PROMOTER_SCORE' | 'CUSTOM', settings: Record<string, unknown> = {}): Promise<Campaign> {
  const questions =
    type === 'NET_PROMOTER_SCORE'
      ? [
          {
            type: 'rating_scale_numeric',
            alias: 'nps',
            sub_type: 'net_promoter_score',
            headline: st('How likely are you to recommend us?'),
            options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })),
          },
          { type: 'open_ended', alias: 'why', headline: st('What is the main reason for your score?') },
        ]
      : [
          { type: 'closed_ended', alias: 'feature', headline: st('Which feature do you use most?'), options: [{ label: st('Reports') }, { label: st('Alerts') }] },
          { type: 'open_ended', alias: 'wish', headline: st('What should we build next?') },
        ];
  const res = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: { type, settings, questions } } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).survey as Campaign;
}

const post = (request: APIRequestContext, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  request.post('/api/responses', { data: { writeKey: suiteCredentials().writeKey, ...data }, headers });

async function responsesOf(request: APIRequestContext, responderId: number) {
  const res = await request.get(`/api/v2/guide/survey_responses?filter[responder_ids]=${responderId}`, { headers: adminAuth() });
  return (await res.json()).survey_responses as { id: string; survey: { id: string }; answers: { type: string; rating?: number; question: { sub_type?: string } }[] }[];
}

test('an NPS response is stored in the shared model and shows in the Zendesk list', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const userId = `user-${randomUUID()}`;
  const res = await post(request, {
    campaign: campaign.id,
    method: 'Mobile',
    rating: 9,
    answers: [{ id: 'why', value: 'Fast support' }],
    userId,
    traits: { name: 'Ada', plan: 'pro' },
  });
  expect(res.status(), await res.text()).toBe(201);
  expect(res.headers()['access-control-allow-origin']).toBe('*');
  const body = await res.json();
  expect(body).toEqual({
    id: expect.stringMatching(/^[0-9A-Z]{26}$/),
    campaign: campaign.id,
    method: 'Mobile',
    rating: 9,
    category: 'promoter',
    answers: [
      { id: campaign.questions[0]!.id, label: 'How likely are you to recommend us?', value: 9 },
      { id: campaign.questions[1]!.id, label: 'What is the main reason for your score?', value: 'Fast support' },
    ],
    user: { id: expect.any(Number), userId, anonymousId: null, traits: { name: 'Ada', plan: 'pro' } },
    forced: false,
    created: expect.stringMatching(ISO),
  });
  const listed = await responsesOf(request, body.user.id);
  expect(listed.map((r) => r.id)).toEqual([body.id]);
  expect(listed[0]!.survey.id).toBe(campaign.id);
  expect(listed[0]!.answers[0]).toMatchObject({ type: 'rating_scale', rating: 9, rating_category: 'good', question: { sub_type: 'net_promoter_score' } });
});

test('a second answer inside the re-survey window is a duplicate; forceSurvey skips the check; the window ends', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE', { resurvey_days: 2 / 86_400 });
  const userId = `user-${randomUUID()}`;
  const first = await post(request, { campaign: campaign.id, rating: 3, userId });
  expect(first.status()).toBe(201);
  const again = await post(request, { campaign: campaign.id, rating: 10, userId });
  expect(again.status()).toBe(400);
  expect(await again.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Duplicate response', detail: expect.any(String) }],
  });
  const forced = await post(request, { campaign: campaign.id, rating: 10, userId, forceSurvey: true });
  expect(forced.status()).toBe(201);
  expect((await forced.json()).forced).toBe(true);
  // Wait out the two-second window (a wait for the clock, not a timing assertion).
  await new Promise((r) => setTimeout(r, 2_100));
  expect((await post(request, { campaign: campaign.id, rating: 8, userId })).status()).toBe(201);
  expect(await responsesOf(request, (await first.json()).user.id)).toHaveLength(3);
});

test('targeting: every condition must hold on the merged traits, else it is a duplicate', async ({ request }) => {
  const targeting = [
    { trait: 'plan', op: 'eq', value: 'pro' },
    { trait: 'seats', op: 'gte', value: 10 },
    { trait: 'signedUpAt', op: 'after', value: '2026-01-01T00:00:00Z' },
    { trait: 'beta', op: 'exists' },
  ];
  const [c1, c2] = [await makeCampaign(request, 'NET_PROMOTER_SCORE', { targeting }), await makeCampaign(request, 'NET_PROMOTER_SCORE', { targeting })];
  const userId = `user-${randomUUID()}`;
  const traits = { plan: 'pro', seats: 12, signedUpAt: '2026-03-01T00:00:00Z', beta: true };
  for (const wrong of [{ plan: 'free' }, { seats: 3 }, { signedUpAt: '2025-06-01T00:00:00Z' }, { beta: null }]) {
    const res = await post(request, { campaign: c1.id, rating: 7, userId, traits: { ...traits, ...wrong } });
    expect(res.status(), JSON.stringify(wrong)).toBe(400);
    expect((await res.json()).errors[0].title).toBe('Duplicate response');
  }
  expect((await post(request, { campaign: c1.id, rating: 7, userId, traits })).status()).toBe(201);
  // Traits stored with the user are used when a later post sends none.
  const later = await post(request, { campaign: c2.id, rating: 6, userId });
  expect(later.status()).toBe(201);
  expect((await later.json()).user.traits).toEqual(traits);
});

test('anonymous responses only where the campaign allows them; duplicates by anonymousId', async ({ request }) => {
  const closed = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const open = await makeCampaign(request, 'NET_PROMOTER_SCORE', { allow_anonymous: true });
  const anonymousId = `anon-${randomUUID()}`;
  const refused = await post(request, { campaign: closed.id, rating: 5, anonymousId });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).errors[0].source).toEqual({ pointer: '/anonymousId' });
  const ok = await post(request, { campaign: open.id, rating: 5, anonymousId });
  expect(ok.status()).toBe(201);
  expect((await ok.json()).user).toEqual({ id: null, userId: null, anonymousId, traits: {} });
  expect((await post(request, { campaign: open.id, rating: 6, anonymousId })).status()).toBe(400);
  const both = await post(request, { campaign: open.id, rating: 6, anonymousId, userId: 'x' });
  expect(both.status()).toBe(400);
});

test('custom campaigns take answers only: options by id or label, questions by id or alias', async ({ request }) => {
  const campaign = await makeCampaign(request, 'CUSTOM');
  const userId = `user-${randomUUID()}`;
  expect((await post(request, { campaign: campaign.id, rating: 9, userId })).status()).toBe(400);
  const res = await post(request, { campaign: campaign.id, userId, answers: [{ id: 'feature', value: 'Alerts' }, { id: campaign.questions[1]!.id, value: 'Dark mode' }] });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  expect(body).toMatchObject({ rating: null, category: null, method: 'In-App' });
  expect(body.answers).toEqual([
    { id: campaign.questions[0]!.id, label: 'Which feature do you use most?', value: [campaign.questions[0]!.options![1]!.id] },
    { id: campaign.questions[1]!.id, label: 'What should we build next?', value: 'Dark mode' },
  ]);
  const unknownOption = await post(request, { campaign: campaign.id, userId: `user-${randomUUID()}`, answers: [{ id: 'feature', value: 'Nope' }] });
  expect(unknownOption.status()).toBe(400);
  expect((await unknownOption.json()).errors[0].source).toEqual({ pointer: '/answers/0/value' });
});

test('write keys, campaigns and states: 401, 404, 409', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const made = cli<{ writeKey: string; write_key: { id: number } }>('writekey', 'add', '--description', 'revoked in a test');
  expect(made.status).toBe(0);
  const userId = `user-${randomUUID()}`;
  expect((await post(request, { writeKey: made.json.writeKey, campaign: campaign.id, rating: 9, userId })).status()).toBe(201);
  expect(cli('writekey', 'revoke', '--id', String(made.json.write_key.id)).status).toBe(0);
  for (const writeKey of [made.json.writeKey, 'not-a-key']) {
    const res = await post(request, { writeKey, campaign: campaign.id, rating: 9, userId: `user-${randomUUID()}` });
    expect(res.status()).toBe(401);
    expect((await res.json()).errors[0]).toMatchObject({ code: 'Unauthorized', status: '401' });
  }
  // An API token is not a write key.
  expect((await post(request, { writeKey: suiteCredentials().token, campaign: campaign.id, rating: 9, userId })).status()).toBe(401);
  // No write key, or something that cannot be one, is missing credentials too: 401 before the body is checked.
  for (const writeKey of [undefined, '', 5, null]) {
    const res = await request.post('/api/responses', { data: { writeKey, campaign: 5, rating: 'x' } });
    expect(res.status(), String(writeKey)).toBe(401);
    expect((await res.json()).errors[0]).toMatchObject({ code: 'Unauthorized', status: '401' });
  }

  const csat = await defaultSurvey(request);
  for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', csat.id]) {
    const res = await post(request, { campaign: id, rating: 9, userId });
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The campaign could not be found' }] });
  }
  await request.put(`/api/v2/guide/surveys/${campaign.id}`, { headers: adminAuth(), data: { survey: { state: 'disabled' } } });
  const disabled = await post(request, { campaign: campaign.id, rating: 9, userId: `user-${randomUUID()}` });
  expect(disabled.status()).toBe(409);
  expect(await disabled.json()).toEqual({ errors: [{ code: 'Conflict', status: '409', title: 'The campaign has been disabled' }] });
});

test('Idempotency-Key: a retry gets the first answer; another body is 409; 20 parallel posts store one', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const userId = `user-${randomUUID()}`;
  const key = { 'Idempotency-Key': randomUUID() };
  const data = { campaign: campaign.id, rating: 10, userId };
  const first = await post(request, data, key);
  expect(first.status()).toBe(201);
  const retry = await post(request, data, key);
  expect(retry.status()).toBe(201);
  expect(retry.headers()['idempotent-replayed']).toBe('true');
  expect(await retry.json()).toEqual(await first.json());
  const other = await post(request, { ...data, rating: 2 }, key);
  expect(other.status()).toBe(409);

  const burstUser = `user-${randomUUID()}`;
  const burstKey = { 'Idempotency-Key': randomUUID() };
  const burst = await Promise.all(Array.from({ length: 20 }, () => post(request, { campaign: campaign.id, rating: 4, userId: burstUser }, burstKey)));
  const bodies = await Promise.all(burst.map((r) => r.json()));
  expect(burst.map((r) => r.status())).toEqual(Array(20).fill(201));
  expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
  expect(await responsesOf(request, bodies[0].user.id)).toHaveLength(1);

  // A retry still gets its first answer after the campaign was disabled.
  await request.put(`/api/v2/guide/surveys/${campaign.id}`, { headers: adminAuth(), data: { survey: { state: 'disabled' } } });
  const late = await post(request, data, key);
  expect(late.status()).toBe(201);
  expect(late.headers()['idempotent-replayed']).toBe('true');
  expect(await late.json()).toEqual(await first.json());
  expect((await post(request, { ...data, rating: 2 }, key)).status()).toBe(409);
});

test('bad bodies of every shape get 4xx and store nothing; CORS answers preflights on this route only', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const userId = `user-${randomUUID()}`;
  const seeded = await post(request, { campaign: campaign.id, rating: 9, userId, forceSurvey: true });
  const responderId = (await seeded.json()).user.id;
  const bad: unknown[] = [
    {},
    { campaign: campaign.id, rating: 9 },
    { campaign: campaign.id, userId, rating: 11 },
    { campaign: campaign.id, userId, rating: 4.5 },
    { campaign: campaign.id, userId, rating: '9' },
    { campaign: campaign.id, userId },
    { campaign: campaign.id, userId, rating: 9, method: 'Web' },
    { campaign: campaign.id, userId, rating: 9, answers: 'x' },
    { campaign: campaign.id, userId, rating: 9, answers: [{ id: 'nope', value: 'x' }] },
    { campaign: campaign.id, userId, rating: 9, answers: [{ id: 'why', value: 5 }] },
    { campaign: campaign.id, userId, rating: 9, answers: [{ id: 'nps', value: 'x' }] },
    { campaign: campaign.id, userId, rating: 9, traits: 'x' },
    { campaign: campaign.id, userId, rating: 9, traits: { nested: { a: 1 } } },
    { campaign: campaign.id, userId, rating: 9, traits: { locale: 'not a locale!!' } },
    { campaign: campaign.id, userId, rating: 9, traits: { email: 'NOT-AN-EMAIL' } },
    { campaign: campaign.id, userId, rating: 9, forceSurvey: 'yes' },
    { campaign: 5, userId, rating: 9 },
  ];
  for (const body of bad) {
    const res = await post(request, { ...(body as object), forceSurvey: (body as { forceSurvey?: unknown }).forceSurvey ?? true });
    expect(res.status(), JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    expect(res.status(), JSON.stringify(body)).toBeLessThan(500);
    expect((await res.json()).errors.length).toBeGreaterThan(0);
  }
  for (const raw of ['', '{', '[]', 'null']) {
    const res = await request.post('/api/responses', { headers: { 'Content-Type': 'application/json' }, data: Buffer.from(raw) });
    expect(res.status(), raw).toBe(400);
  }
  expect(await responsesOf(request, responderId)).toHaveLength(1);

  const preflight = await request.fetch('/api/responses', {
    method: 'OPTIONS',
    headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  expect(preflight.headers()['access-control-allow-headers']).toContain('Idempotency-Key');
  const api = await request.get('/api/v2/users/me', { headers: { ...adminAuth(), Origin: 'https://app.example.com' } });
  expect(api.headers()['access-control-allow-origin']).toBeUndefined();
});

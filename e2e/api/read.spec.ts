import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, offer, uniqueTicket } from '../support/api';

type Page = {
  survey_responses: { id: string; responder_id: number | null }[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { prev: string | null; next: string | null };
};

const list = async (request: APIRequestContext, query: string, headers = adminAuth()) => {
  const res = await request.get(`/api/v2/guide/survey_responses?${query}`, { headers });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Page;
};
const ids = (page: Page) => page.survey_responses.map((r) => r.id);

test('show localized resolves dynamic content in the requested locale, falling back to en-us', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const { id, token } = await offer(request, { surveyId: survey.id, responderId: responder.id });
  await request.post(`/api/v2/guide/survey_responses/${id}`, { data: { survey_response: { access_token: token, answers: csatAnswers(survey, 1) } } });

  const ja = (await (await request.get(`/api/v2/guide/ja/survey_responses/${id}`, { headers: responder.auth })).json()).survey_response;
  expect(ja.answers[0].question).toEqual({
    id: survey.questions[0]!.id,
    alias: 'customer satisfaction rating',
    type: 'rating_scale_emoji',
    sub_type: 'customer_satisfaction',
    headline: { type: 'dynamic', key: 'dc.surveys.customer_satisfaction.questions.rating', value: '今回のサポートをどのように評価しますか？' },
    options: expect.arrayContaining([
      { rating: 1, label: { type: 'dynamic', key: 'dc.surveys.customer_satisfaction.question.rating.options.very_unsatisfied', value: '非常に不満' }, emoji: { type: 'static', value: '😞' } },
    ]),
  });
  expect(ja.answers[1].question.options[0].label.value).toBe('問題の解決に時間がかかりすぎた');
  expect(ja.answers[2].question.headline.value).toBe('今回のご体験について、ほかにご意見はありますか？');

  const fallback = (await (await request.get(`/api/v2/guide/ko/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;
  expect(fallback.answers[0].question.headline.value).toBe('How would you rate the support you received?');
  const region = (await (await request.get(`/api/v2/guide/pt-BR/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response;
  expect(region.answers[0].question.headline.value).toBe('Como você avalia o atendimento que recebeu?');
});

test('show: admins see all, responders their own, others get 403, no credentials 401', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const agent = await makeUser(request, 'agent');
  const { id } = await offer(request, { surveyId: survey.id, responderId: responder.id });
  for (const path of [`/api/v2/guide/survey_responses/${id}`, `/api/v2/guide/fr/survey_responses/${id}`]) {
    expect((await request.get(path, { headers: adminAuth() })).status()).toBe(200);
    expect((await request.get(path, { headers: responder.auth })).status()).toBe(200);
    const res = await request.get(path, { headers: agent.auth });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });
    expect((await request.get(path)).status()).toBe(401);
  }
});

test('list filters: responder ids and subjects (OR within, AND across), created_at range', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const [alice, bob] = [await makeUser(request, 'end_user'), await makeUser(request, 'end_user')];
  const [t1, t2] = [uniqueTicket(), uniqueTicket()];
  const a1 = await offer(request, { surveyId: survey.id, responderId: alice.id, zrns: [t1] });
  const a2 = await offer(request, { surveyId: survey.id, responderId: alice.id, zrns: [t2] });
  const b1 = await offer(request, { surveyId: survey.id, responderId: bob.id, zrns: [t1, t2] });

  expect(ids(await list(request, `filter[responder_ids]=${alice.id}`))).toEqual([a1.id, a2.id]);
  expect(ids(await list(request, `filter[responder_ids]=${alice.id},${bob.id}`))).toEqual([a1.id, a2.id, b1.id]);
  expect(ids(await list(request, `filter[subject_zrns]=${t1}`))).toEqual([a1.id, b1.id]);
  expect(ids(await list(request, `filter[subject_zrns]=${t1},${t2}`))).toEqual([a1.id, a2.id, b1.id]);
  expect(ids(await list(request, `filter[subject_zrns]=${t2}&filter[responder_ids]=${bob.id}`))).toEqual([b1.id]);
  expect(ids(await list(request, `filter[subject_zrns]=${t1}&sort=-id`))).toEqual([b1.id, a1.id]);

  const createdAt = async (id: string) =>
    Date.parse((await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json()).survey_response.created_at);
  const [c1, c2] = [await createdAt(a1.id), await createdAt(a2.id)];
  const range = (start: number, end: number) => list(request, `filter[responder_ids]=${alice.id}&filter[created_at_start]=${start}&filter[created_at_end]=${end}`);
  expect(ids(await range(c1, c2))).toEqual([a1.id, a2.id]);
  expect(ids(await range(c2 + 1, c2 + 60_000))).toEqual([]);
  expect(ids(await range(c1 - 60_000, c1 - 1))).toEqual([]);
  // Values below 10^11 are epoch seconds.
  expect(ids(await range(Math.floor(c1 / 1000), Math.floor(c2 / 1000)))).toEqual([a1.id, a2.id]);
});

test('list: non-admins see only their own responses, whatever the filter', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const [alice, bob] = [await makeUser(request, 'end_user'), await makeUser(request, 'agent')];
  const zrn = uniqueTicket();
  const mine = await offer(request, { surveyId: survey.id, responderId: alice.id, zrns: [zrn] });
  await offer(request, { surveyId: survey.id, responderId: bob.id, zrns: [zrn] });
  expect(ids(await list(request, `filter[subject_zrns]=${zrn}`, alice.auth))).toEqual([mine.id]);
  expect(ids(await list(request, `filter[responder_ids]=${bob.id}`, alice.auth))).toEqual([]);
  expect(ids(await list(request, `filter[subject_zrns]=${zrn}`, bob.auth))).toHaveLength(1);
  expect((await request.get('/api/v2/guide/survey_responses')).status()).toBe(401);
});

test('cursor pagination walks forward and back in both sort orders', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const made: string[] = [];
  for (let i = 0; i < 5; i++) made.push((await offer(request, { surveyId: survey.id, responderId: responder.id })).id);
  const filter = `filter[responder_ids]=${responder.id}&page[size]=2`;

  for (const [sort, expected] of [['id', made], ['-id', [...made].reverse()]] as const) {
    const p1 = await list(request, `${filter}&sort=${sort}`);
    expect(ids(p1)).toEqual(expected.slice(0, 2));
    expect(p1.meta.has_more).toBe(true);
    expect(p1.links.prev).toBeNull();
    const p2 = await list(request, `${filter}&sort=${sort}&page[after]=${p1.meta.after_cursor}`);
    expect(ids(p2)).toEqual(expected.slice(2, 4));
    const p3 = await list(request, `${filter}&sort=${sort}&page[after]=${p2.meta.after_cursor}`);
    expect(ids(p3)).toEqual(expected.slice(4));
    expect(p3.meta.has_more).toBe(false);
    expect(p3.links.next).toBeNull();

    const back = await list(request, `${filter}&sort=${sort}&page[before]=${p3.meta.before_cursor}`);
    expect(ids(back)).toEqual(expected.slice(2, 4));
    expect(back.meta.has_more).toBe(true);
    const first = await list(request, `${filter}&sort=${sort}&page[before]=${back.meta.before_cursor}`);
    expect(ids(first)).toEqual(expected.slice(0, 2));
    expect(first.meta.has_more).toBe(false);
    expect(first.links.prev).toBeNull();

    // The links are ready to follow.
    const viaLink = await request.get(p1.links.next!, { headers: adminAuth() });
    expect(ids((await viaLink.json()) as Page)).toEqual(expected.slice(2, 4));
  }

  // Behind a proxy the links carry the origin the client used, not the server's own hostname.
  const proxied = await list(request, filter, { ...adminAuth(), 'x-forwarded-host': 'help.example.com', 'x-forwarded-proto': 'https' });
  expect(proxied.links.next).toMatch(/^https:\/\/help\.example\.com\/api\/v2\/guide\/survey_responses\?/);
});

test('pagination over several responders and subjects merges their walks in id order, both ways', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const [a, b] = [await makeUser(request, 'end_user'), await makeUser(request, 'end_user')];
  const [t1, t2] = [uniqueTicket(), uniqueTicket()];
  const made: string[] = [];
  for (let i = 0; i < 6; i++) {
    const zrns = i === 2 ? [t1, t2] : [i % 2 ? t1 : t2];
    made.push((await offer(request, { surveyId: survey.id, responderId: (i % 3 ? a : b).id, zrns })).id);
  }
  for (const filter of [`filter[responder_ids]=${a.id},${b.id}`, `filter[subject_zrns]=${t1},${t2}`]) {
    for (const [sort, expected] of [['id', made], ['-id', [...made].reverse()]] as const) {
      const base = `${filter}&sort=${sort}&page[size]=4`;
      const p1 = await list(request, base);
      expect(ids(p1), filter).toEqual(expected.slice(0, 4));
      const p2 = await list(request, `${base}&page[after]=${p1.meta.after_cursor}`);
      expect(ids(p2), filter).toEqual(expected.slice(4));
      expect(p2.meta.has_more).toBe(false);
      const back = await list(request, `${base}&page[before]=${p2.meta.before_cursor}`);
      expect(ids(back), filter).toEqual(expected.slice(0, 4));
    }
  }
});

test('show: an unknown or malformed id is 404, localized or not', async ({ request }) => {
  for (const path of ['/api/v2/guide/survey_responses/', '/api/v2/guide/de/survey_responses/']) {
    for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'nope']) {
      const res = await request.get(`${path}${id}`, { headers: adminAuth() });
      expect(res.status()).toBe(404);
      expect(await res.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The survey response could not be found' }] });
    }
  }
});

test('list: a tampered or foreign cursor, bad filters and both cursors at once are 400; size is clamped', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  await offer(request, { surveyId: survey.id, responderId: responder.id });
  const page = await list(request, `filter[responder_ids]=${responder.id}`);
  const cursor = page.meta.after_cursor!;
  const [payload, mac] = cursor.split('.');
  const forged = `${Buffer.from('id:01ARZ3NDEKTSV4RRFFQ69G5FAV').toString('base64url')}.${mac}`;
  const bad: [string, string][] = [
    [`page[after]=${forged}`, 'page[after]'],
    [`page[before]=${payload}`, 'page[before]'],
    [`page[after]=${cursor}&sort=-id`, 'page[after]'],
    [`page[after]=${cursor}&page[before]=${cursor}`, 'page[before]'],
    ['page[size]=0', 'page[size]'],
    ['page[size]=abc', 'page[size]'],
    ['sort=created_at', 'sort'],
    ['filter[responder_ids]=abc', 'filter[responder_ids]'],
    ['filter[subject_zrns]=ticket:1', 'filter[subject_zrns]'],
    ['filter[created_at_start]=yesterday', 'filter[created_at_start]'],
  ];
  for (const [query, parameter] of bad) {
    const res = await request.get(`/api/v2/guide/survey_responses?${query}`, { headers: adminAuth() });
    expect(res.status(), query).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ code: 'BadRequest', status: '400', source: { parameter } });
  }
  // Above 100 is clamped, not refused (the clamp itself is unit-tested).
  expect((await request.get('/api/v2/guide/survey_responses?page[size]=1000', { headers: adminAuth() })).status()).toBe(200);
  expect((await request.get('/api/v2/guide/survey_responses?page[size]=99999999999999999999999', { headers: adminAuth() })).status()).toBe(200);
});

import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, basicAuth, makeUser, suiteCredentials, uniqueTicket, type TestUser } from '../support/api';

// The two references' own example requests, replayed as they are written, with only their ids (and
// the addresses that identify a user) replaced by ones the test made.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const times = () => ({ created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO) });

// ---------------------------------------------------------------------------------------------------
// Zendesk, "CSAT Survey Responses" (the Guide survey_responses API):
// https://developer.zendesk.com/api-reference/ticketing/ticket-management/csat_survey_responses/
// Its per-language code samples call `https://your_account_subdomain.zendesk.com/api/v2/api/v2/guide/…`
// (the prefix doubled, a slip of the page); the curl samples give the path as the API serves it.
// ---------------------------------------------------------------------------------------------------

interface ReferenceSurvey {
  id: string;
  version: number;
  questions: [{ id: string }, { id: string; options: [{ id: string }] }, { id: string }, { id: string }];
}

const st = (value: string) => ({ type: 'static', value });
const dc = (key: string, value: string) => ({ type: 'dynamic', key: `dc.surveys.customer_satisfaction.${key}`, value });

/**
 * The survey the reference's examples answer: a two-point numeric CSAT rating, a reason after a bad
 * rating, a comment, and an additional comment with a static headline (its Show example's questions).
 */
async function referenceSurvey(request: APIRequestContext): Promise<ReferenceSurvey> {
  const questions = [
    {
      type: 'rating_scale_numeric',
      alias: 'customer satisfaction rating',
      sub_type: 'customer_satisfaction',
      headline: dc('questions.rating', 'How would you rate your experience?'),
      options: [
        { rating: 1, label: dc('question.rating.options.bad_rating', 'Bad'), follow_up: { question_id: 'reason' } },
        { rating: 2, label: dc('question.rating.options.good_rating', 'Good'), follow_up: { question_id: 'comment' } },
      ],
    },
    {
      type: 'closed_ended',
      alias: 'reason',
      headline: dc('questions.reason', 'Select a reason for your experience'),
      options: [{ label: dc('question.reason.options.too_long', 'The issue took too long to resolve'), follow_up: { question_id: 'comment' } }],
    },
    {
      type: 'open_ended',
      alias: 'comment',
      headline: dc('questions.comment', 'Share your thoughts on the support you received'),
      follow_up: { question_id: 'additional comment' },
    },
    { type: 'open_ended', alias: 'additional comment', headline: st('A question to demonstrate a static headline') },
  ];
  const res = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: { type: 'CUSTOMER_SATISFACTION', questions } } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).survey as ReferenceSurvey;
}

/** The reference's Create example body ("Example body"), its ids replaced. */
async function createAsReference(request: APIRequestContext, survey: ReferenceSurvey, responder: TestUser, zrn = uniqueTicket()) {
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { locale: 'en-us', responder_id: String(responder.id), subject_zrns: [zrn], survey_id: survey.id } },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { survey_response } = (await res.json()) as { survey_response: { id: string; links: { url_path: string } } };
  return { id: survey_response.id, zrn, accessToken: new URL(survey_response.links.url_path, 'http://x').searchParams.get('access_token')! };
}

/** The Create answer for the reference survey: one numeric rating link per scale point. */
const createdBody = (urlPath: string) => ({
  survey_response: {
    id: expect.stringMatching(ULID),
    links: {
      type: 'rating_link_numeric',
      url_path: urlPath,
      rating_links: [
        { rating: 1, label: dc('question.rating.options.bad_rating', 'Bad'), url_path: `${urlPath}&rating=1` },
        { rating: 2, label: dc('question.rating.options.good_rating', 'Good'), url_path: `${urlPath}&rating=2` },
      ],
    },
  },
});

/** The reference's four answers, as its Submit examples send them. */
const referenceAnswers = (survey: ReferenceSurvey, comment: string) => [
  { question_id: survey.questions[0].id, rating: 1, type: 'rating_scale' },
  { question_id: survey.questions[1].id, selections: [{ type: 'pre_defined', value: survey.questions[1].options[0].id }], type: 'closed_ended' },
  { question_id: survey.questions[2].id, type: 'open_ended', value: comment },
  { question_id: survey.questions[3].id, type: 'skipped' },
];

/** The questions as Submit, List and the unlocalized Show give them: id and type (and sub_type). */
const minimalQuestions = (survey: ReferenceSurvey): Record<string, unknown>[] => [
  { id: survey.questions[0].id, type: 'rating_scale_numeric', sub_type: 'customer_satisfaction' },
  { id: survey.questions[1].id, type: 'closed_ended' },
  { id: survey.questions[2].id, type: 'open_ended' },
  { id: survey.questions[3].id, type: 'open_ended' },
];

/** A response answered with the reference's answers (the reference's "200 OK" bodies, plus our fields). */
function answeredBody(
  survey: ReferenceSurvey,
  response: { id: string; zrn: string },
  responder: TestUser,
  comment: string,
  questions = minimalQuestions(survey),
) {
  return {
    survey_response: {
      id: response.id,
      survey: { id: survey.id, version: survey.version, state: 'enabled' },
      survey_id: survey.id,
      survey_version: survey.version,
      responder_id: responder.id,
      subject_zrns: [response.zrn],
      subjects: [{ id: response.zrn.split(':')[2], type: 'ticket', zrn: response.zrn }],
      locale: 'en-us',
      answers: [
        { type: 'rating_scale', question: questions[0], rating: 1, rating_category: 'bad', ...times() },
        { type: 'closed_ended', question: questions[1], selections: [{ type: 'predefined', option_id: survey.questions[1].options[0].id }], ...times() },
        { type: 'open_ended', question: questions[2], value: comment, ...times() },
        { type: 'skipped', question: questions[3], ...times() },
      ],
      expires_at: expect.stringMatching(ISO),
      ...times(),
      assignee_id: null, group_id: null, brand_id: null, tags: [], state: 'answered',
    },
  };
}

test('Zendesk, Create Survey Response: the example body, responder_id as a string', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const responder = await makeUser(request, 'end_user');
  // "Example body" (also the Go, Java, Node.js, Python and Ruby samples).
  const zrn = uniqueTicket();
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: { ...adminAuth(), 'Content-Type': 'application/json' },
    data: { survey_response: { locale: 'en-us', responder_id: String(responder.id), subject_zrns: [zrn], survey_id: survey.id } },
  });
  expect(res.status(), await res.text()).toBe(200);
  const created = await res.json();
  const urlPath: string = created.survey_response.links.url_path;
  expect(urlPath).toMatch(new RegExp(`^/hc/en-us/survey_responses/${created.survey_response.id}\\?access_token=[A-Za-z0-9_-]{32}$`));
  expect(created).toEqual(createdBody(urlPath));

  const shown = await request.get(`/api/v2/guide/survey_responses/${created.survey_response.id}`, { headers: adminAuth() });
  expect((await shown.json()).survey_response).toMatchObject({ responder_id: responder.id, subject_zrns: [zrn], answers: [] });
});

test('Zendesk, Create Survey Response: the curl sample, responder_id as a number, posted to the path with a trailing slash', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const responder = await makeUser(request, 'end_user');
  // curl follows no redirect unless told to (-L): the answer to this very request is what its user gets.
  const res = await request.post('/api/v2/guide/survey_responses/', {
    headers: { ...adminAuth(), 'Content-Type': 'application/json' },
    data: { survey_response: { locale: 'en-us', survey_id: survey.id, responder_id: responder.id, subject_zrns: [uniqueTicket()] } },
    maxRedirects: 0,
  });
  expect(res.status(), `${res.headers().location ?? ''} ${await res.text()}`).toBe(200);
  const created = await res.json();
  expect(created).toEqual(createdBody(created.survey_response.links.url_path));
});

test('Zendesk, Submit Survey Response: the example body as the responder, the curl sample with the access token', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const responder = await makeUser(request, 'end_user');

  // "Example body" (and the language samples): the responder's own credentials, `locale` beside the answers.
  const first = await createAsReference(request, survey, responder);
  const example = await request.post(`/api/v2/guide/survey_responses/${first.id}`, {
    headers: basicAuth(responder.email),
    data: { survey_response: { answers: referenceAnswers(survey, 'Some other feedback'), locale: 'en-us' } },
  });
  expect(example.status(), await example.text()).toBe(200);
  expect(await example.json()).toEqual(answeredBody(survey, first, responder, 'Some other feedback'));

  // The curl sample: an integration's credentials, the response's own id and the link's access token in the body.
  const second = await createAsReference(request, survey, responder);
  const curl = await request.post(`/api/v2/guide/survey_responses/${second.id}`, {
    headers: { ...adminAuth(), 'Content-Type': 'application/json' },
    data: { survey_response: { id: second.id, locale: 'en-us', access_token: second.accessToken, answers: referenceAnswers(survey, 'I had to wait for too long') } },
  });
  expect(curl.status(), await curl.text()).toBe(200);
  const answered = answeredBody(survey, second, responder, 'I had to wait for too long');
  expect(await curl.json()).toEqual(answered);
  const shown = await request.get(`/api/v2/guide/survey_responses/${second.id}`, { headers: adminAuth() });
  expect(await shown.json()).toEqual(answered);
});

test('Zendesk, Show Survey Response: the curl sample in en-us gives the full localized questions', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const response = await createAsReference(request, survey, responder);
  const submitted = await request.post(`/api/v2/guide/survey_responses/${response.id}`, {
    headers: basicAuth(responder.email),
    data: { survey_response: { answers: referenceAnswers(survey, 'I had to repeatedly answer the same questions.'), locale: 'en-us' } },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);

  const res = await request.get(`/api/v2/guide/en-us/survey_responses/${response.id}`, { headers: basicAuth(responder.email) });
  expect(res.status()).toBe(200);
  const [rating, reason, comment, additional] = survey.questions;
  // Keys this product ships messages for show them; the reference survey's own keys show its values.
  const questions = [
    {
      id: rating.id,
      alias: 'customer satisfaction rating',
      type: 'rating_scale_numeric',
      sub_type: 'customer_satisfaction',
      headline: dc('questions.rating', 'How would you rate the support you received?'),
      options: [
        { rating: 1, label: dc('question.rating.options.bad_rating', 'Bad') },
        { rating: 2, label: dc('question.rating.options.good_rating', 'Good') },
      ],
    },
    {
      id: reason.id,
      alias: 'reason',
      type: 'closed_ended',
      headline: dc('questions.reason', 'What was the main reason for your rating?'),
      options: [{ id: reason.options[0].id, label: dc('question.reason.options.too_long', 'The issue took too long to resolve') }],
    },
    { id: comment.id, alias: 'comment', type: 'open_ended', headline: dc('questions.comment', 'Anything else you would like to share about your experience?') },
    { id: additional.id, alias: 'additional comment', type: 'open_ended', headline: st('A question to demonstrate a static headline') },
  ];
  const expected = answeredBody(survey, response, responder, 'I had to repeatedly answer the same questions.', questions);
  expect(await res.json()).toEqual(expected);
});

interface Listed {
  survey_responses: { id: string; created_at: string }[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { prev: string | null; next: string | null };
}
/** A List page: its three members, the cursors and links each a string or null. */
function expectListShape(body: Listed) {
  expect(Object.keys(body).sort()).toEqual(['links', 'meta', 'survey_responses']);
  expect(Array.isArray(body.survey_responses)).toBe(true);
  expect(Object.keys(body.meta).sort()).toEqual(['after_cursor', 'before_cursor', 'has_more']);
  expect(typeof body.meta.has_more).toBe('boolean');
  expect(Object.keys(body.links).sort()).toEqual(['next', 'prev']);
  for (const value of [body.meta.after_cursor, body.meta.before_cursor, body.links.prev, body.links.next]) {
    expect(value === null || typeof value === 'string', String(value)).toBe(true);
  }
}

test('Zendesk, List Survey Responses: the language samples, empty filter, page and sort included', async ({ request }) => {
  const survey = await referenceSurvey(request);
  await createAsReference(request, survey, await makeUser(request, 'end_user'));
  // curl, Go and Python write the query out; Java, Node.js (axios `params`) and Ruby build the same one.
  const res = await request.get('/api/v2/guide/survey_responses?filter=&page=&sort=', { headers: { ...adminAuth(), 'Content-Type': 'application/json' } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as Listed;
  expectListShape(body);
  expect(body.survey_responses.length).toBeGreaterThan(0);
  // As if none were given: ascending ids, pages of 100.
  const ids = body.survey_responses.map((r) => r.id);
  expect(ids).toEqual([...ids].sort());
  expect(ids.length).toBeLessThanOrEqual(100);
});

test('Zendesk, List Survey Responses: curl_subject_zrns_and_responder_ids', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const [first, second, third] = [await makeUser(request, 'end_user'), await makeUser(request, 'end_user'), await makeUser(request, 'end_user')];
  const [ticket1, ticket2] = [uniqueTicket(), uniqueTicket()];
  const a = await createAsReference(request, survey, first, ticket1);
  const b = await createAsReference(request, survey, second, ticket2);
  await createAsReference(request, survey, third, ticket1); // another responder's
  await createAsReference(request, survey, first); // another subject's

  const res = await request.get(`/api/v2/guide/survey_responses?filter[subject_zrns]=${ticket1},${ticket2}&filter[responder_ids]=${first.id},${second.id}`, {
    headers: adminAuth(),
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toEqual({
    survey_responses: [a, b].map(({ id }) => expect.objectContaining({ id })),
    meta: { has_more: false, after_cursor: expect.any(String), before_cursor: expect.any(String) },
    links: { prev: null, next: null },
  });
});

test('Zendesk, List Survey Responses: curl_created_at', async ({ request }) => {
  const survey = await referenceSurvey(request);
  const mine = await createAsReference(request, survey, await makeUser(request, 'end_user'));

  // The sample's own range, in epoch milliseconds: whatever it finds was created inside it.
  const [start, end] = [1741275900000, 1741785117000];
  const res = await request.get(`/api/v2/guide/survey_responses?filter[created_at_start]=${start}&filter[created_at_end]=${end}`, { headers: adminAuth() });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as Listed;
  expectListShape(body);
  for (const r of body.survey_responses) {
    expect(Date.parse(r.created_at)).toBeGreaterThanOrEqual(start);
    expect(Date.parse(r.created_at)).toBeLessThanOrEqual(end);
  }

  // The same query around the test's own response finds it.
  const shown = await request.get(`/api/v2/guide/survey_responses/${mine.id}`, { headers: adminAuth() });
  const createdAt = Date.parse((await shown.json()).survey_response.created_at);
  const around = await request.get(`/api/v2/guide/survey_responses?filter[created_at_start]=${createdAt}&filter[created_at_end]=${createdAt}`, {
    headers: adminAuth(),
  });
  expect(around.status()).toBe(200);
  expect(((await around.json()) as Listed).survey_responses.map((r) => r.id)).toContain(mine.id);
});

// ---------------------------------------------------------------------------------------------------
// SatisMeter, "Insert-response API": https://help.satismeter.com/en/articles/2908445-insert-response-api
// (the NPS example, with "rating": 10) and the other edition of that article,
// https://support.satismeter.com/hc/en-us/articles/6980464243475-Insert-response-API (no rating).
// Copies of both pages give the trait either as "007@sis.gov.uk" or as `"email": ""` (the form the
// product contract quotes): an integration copying the example may send either, and both replay here.
// ---------------------------------------------------------------------------------------------------

async function makeCampaign(request: APIRequestContext, type: 'NET_PROMOTER_SCORE' | 'CUSTOM') {
  const question = { type: 'open_ended', alias: 'question', headline: st('What is the main reason for your score?') };
  const nps = {
    type: 'rating_scale_numeric',
    alias: 'nps',
    sub_type: 'net_promoter_score',
    headline: st('How likely are you to recommend us?'),
    options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })),
  };
  const questions = type === 'NET_PROMOTER_SCORE' ? [nps, question] : [question];
  const res = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: { type, questions } } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).survey as { id: string; questions: { id: string }[] };
}

test('SatisMeter, the NPS example (rating 10, "email": "") is stored as it stands', async ({ request }) => {
  const campaign = await makeCampaign(request, 'NET_PROMOTER_SCORE');
  const userId = `007-${randomUUID()}`;
  const res = await request.post('/api/responses', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      writeKey: suiteCredentials().writeKey,
      campaign: campaign.id,
      method: 'In-App',
      rating: 10,
      answers: [{ id: campaign.questions[1]!.id, value: 'QUESTION_ANSWER' }],
      userId,
      traits: { name: 'James Bond', email: '' },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  expect(await res.json()).toEqual({
    id: expect.stringMatching(ULID),
    campaign: campaign.id,
    method: 'In-App',
    rating: 10,
    category: 'promoter',
    answers: [
      { id: campaign.questions[0]!.id, label: 'How likely are you to recommend us?', value: 10 },
      { id: campaign.questions[1]!.id, label: 'What is the main reason for your score?', value: 'QUESTION_ANSWER' },
    ],
    // An empty trait is one not given.
    user: { id: expect.any(Number), userId, anonymousId: null, traits: { name: 'James Bond' } },
    forced: false,
    created: expect.stringMatching(ISO),
  });
});

test('SatisMeter, the example without a rating: with the address, then with "email": "" (the stored address stays)', async ({ request }) => {
  const [first, second] = [await makeCampaign(request, 'CUSTOM'), await makeCampaign(request, 'CUSTOM')];
  const userId = `007-${randomUUID()}`;
  const email = `007-${randomUUID()}@sis.gov.uk`;
  const post = (campaign: { id: string; questions: { id: string }[] }, traits: Record<string, string>) =>
    request.post('/api/responses', {
      headers: { 'Content-Type': 'application/json' },
      data: {
        writeKey: suiteCredentials().writeKey,
        campaign: campaign.id,
        method: 'In-App',
        answers: [{ id: campaign.questions[0]!.id, value: 'QUESTION_ANSWER' }],
        userId,
        traits,
      },
    });
  const body = (campaign: { id: string; questions: { id: string }[] }) => ({
    id: expect.stringMatching(ULID),
    campaign: campaign.id,
    method: 'In-App',
    rating: null,
    category: null,
    answers: [{ id: campaign.questions[0]!.id, label: 'What is the main reason for your score?', value: 'QUESTION_ANSWER' }],
    user: { id: expect.any(Number), userId, anonymousId: null, traits: { name: 'James Bond', email } },
    forced: false,
    created: expect.stringMatching(ISO),
  });

  const withAddress = await post(first, { name: 'James Bond', email });
  expect(withAddress.status(), await withAddress.text()).toBe(201);
  const stored = await withAddress.json();
  expect(stored).toEqual(body(first));

  const withEmpty = await post(second, { name: 'James Bond', email: '' });
  expect(withEmpty.status(), await withEmpty.text()).toBe(201);
  const again = await withEmpty.json();
  expect(again).toEqual(body(second));
  expect(again.user.id).toBe(stored.user.id);
});

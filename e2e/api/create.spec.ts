import { expect, test } from '../support/test';
import { adminAuth, defaultSurvey, makeUser, offer, uniqueTicket } from '../support/api';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('create answers 200 with one emoji rating link per scale point, localized', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, responder_id: String(responder.id), subject_zrns: [uniqueTicket()], locale: 'de' } },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  const id: string = body.survey_response.id;
  const path = body.survey_response.links.url_path as string;
  expect(path).toMatch(new RegExp(`^/hc/de/survey_responses/${id}\\?access_token=[A-Za-z0-9_-]{32}$`));
  const labels = ['Sehr unzufrieden', 'Unzufrieden', 'Weder zufrieden noch unzufrieden', 'Zufrieden', 'Sehr zufrieden'];
  const keys = ['very_unsatisfied', 'unsatisfied', 'neutral', 'satisfied', 'very_satisfied'];
  const emoji = ['😞', '🙁', '😐', '🙂', '😀'];
  expect(body).toEqual({
    survey_response: {
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      links: {
        type: 'rating_link_emoji',
        url_path: path,
        rating_links: labels.map((value, i) => ({
          rating: i + 1,
          label: { type: 'dynamic', key: `dc.surveys.customer_satisfaction.question.rating.options.${keys[i]}`, value },
          emoji: { type: 'static', value: emoji[i] },
          url_path: `${path}&rating=${i + 1}`,
        })),
      },
    },
  });
});

test('the created response is unanswered, pinned to the latest version and expires in 28 days', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const zrn = uniqueTicket();
  const before = Date.now();
  const { id } = await offer(request, { surveyId: survey.id, responderId: responder.id, zrns: [zrn, 'zen:conversation:8f9f6f8e-1d2c-4a4b-9c1d-0e1f2a3b4c5d'] });
  const res = await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toEqual({
    survey_response: {
      id,
      survey: { id: survey.id, version: survey.version, state: 'enabled' },
      survey_id: survey.id,
      survey_version: survey.version,
      responder_id: responder.id,
      subject_zrns: [zrn, 'zen:conversation:8f9f6f8e-1d2c-4a4b-9c1d-0e1f2a3b4c5d'],
      subjects: [
        { id: zrn.split(':')[2], type: 'ticket', zrn },
        { id: '8f9f6f8e-1d2c-4a4b-9c1d-0e1f2a3b4c5d', type: 'conversation', zrn: 'zen:conversation:8f9f6f8e-1d2c-4a4b-9c1d-0e1f2a3b4c5d' },
      ],
      locale: 'en-us',
      answers: [],
      expires_at: expect.stringMatching(ISO),
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
      assignee_id: null, group_id: null, brand_id: null, tags: [], state: 'offered',
    },
  });
  const created = Date.parse(body.survey_response.created_at);
  expect(created).toBeGreaterThanOrEqual(before - 5);
  expect(Date.parse(body.survey_response.expires_at) - created).toBe(28 * 24 * 3600 * 1000);
});

test('create accepts an explicit expires_at and an anonymous responder', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  const { id } = await offer(request, { surveyId: survey.id, responderId: null, expiresAt });
  const body = await (await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() })).json();
  expect(body.survey_response.expires_at).toBe(expiresAt);
  expect(body.survey_response.responder_id).toBeNull();
});

test('create: unknown survey → 404, unknown responder or past expiry → 400, non-admins → 403', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const post = (data: unknown, headers = adminAuth()) => request.post('/api/v2/guide/survey_responses', { headers, data });
  const base = { survey_id: survey.id, subject_zrns: [uniqueTicket()], locale: 'en-us' };

  const unknownSurvey = await post({ survey_response: { ...base, survey_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } });
  expect(unknownSurvey.status()).toBe(404);
  expect(await unknownSurvey.json()).toEqual({
    errors: [{ code: 'NotFound', status: '404', title: 'The survey is not found by provided id' }],
  });

  const unknownUser = await post({ survey_response: { ...base, responder_id: 999_999_999 } });
  expect(unknownUser.status()).toBe(400);
  expect(await unknownUser.json()).toEqual({
    errors: [
      { code: 'BadRequest', status: '400', title: 'Invalid request', detail: 'No user has this id', source: { pointer: '/survey_response/responder_id' } },
    ],
  });

  for (const expires_at of ['2020-01-01T00:00:00Z', '9999-12-31T23:59:59-01:00']) {
    const res = await post({ survey_response: { ...base, expires_at } });
    expect(res.status(), expires_at).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        { code: 'BadRequest', status: '400', title: 'Invalid request', detail: 'expires_at must be in the future and at most 3650 days ahead', source: { pointer: '/survey_response/expires_at' } },
      ],
    });
  }

  for (const role of ['agent', 'end_user'] as const) {
    const user = await makeUser(request, role);
    const res = await post({ survey_response: base }, user.auth);
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });
  }
  const anonymous = await post({ survey_response: base }, {});
  expect(anonymous.status()).toBe(401);
});

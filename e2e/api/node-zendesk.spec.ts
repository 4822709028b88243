import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/test';
// node-zendesk is CommonJS whose exports Node cannot name for an ES module: its default import is
// module.exports.
import nodeZendesk, { type ZendeskClient } from 'node-zendesk';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, suiteCredentials, uniqueTicket } from '../support/api';

// The API driven by node-zendesk, the Zendesk client most Node integrations use, configured as a
// customer would: credentials and the endpoint, nothing else. node-zendesk appends `.json` to every
// path, sends `Content-Type: application/json` on GETs too, and has no survey_responses client: an
// integration reaches those through the generic request methods of any core client (here `users`,
// whose unwrapping only looks for top-level `user`/`users` keys, which survey bodies never have).

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function zendesk(username: string, token = suiteCredentials().token): ZendeskClient {
  return nodeZendesk.createClient({ username, token, endpointUri: `${test.info().project.use.baseURL}/api/v2` });
}
const asAdmin = () => zendesk(suiteCredentials().adminEmail);

/** What node-zendesk resolves with: the fetch response (status, headers) and the unwrapped body. */
interface Answer<T> {
  response: { status: number };
  result: T;
}
type Path = (string | number | Record<string, unknown>)[];

/**
 * node-zendesk's generic request: the path as segments, a trailing object being the query (its own
 * clients pass such arrays, though its declarations say string).
 */
function call<T>(client: ZendeskClient, method: 'GET' | 'POST', path: Path, body?: unknown): Promise<Answer<T>> {
  const request = client.users.request(method, path as unknown as string, ...(body === undefined ? [] : [body]));
  return request as unknown as Promise<Answer<T>>;
}

/** node-zendesk's generic walk: follows `links.next` (or `next_page`) and returns every page's body. */
function callAll<T>(client: ZendeskClient, path: Path): Promise<T[]> {
  return client.users.requestAll('GET', path) as Promise<T[]>;
}

/**
 * What a caller of node-zendesk learns from an error answer. `request` rejects with a plain Error
 * whose message names the status only; the body reaches the client's `debug::result` listeners, which
 * is where an integration that logs Zendesk's errors reads it.
 */
async function failure(client: ZendeskClient, run: (client: ZendeskClient) => Promise<unknown>) {
  let body: unknown;
  client.users.on('debug::result', (event: { detail: unknown }) => (body = event.detail));
  const error = await run(client).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('the call succeeded');
  return { message: error.message, body };
}
const rejected = (status: number, reason: string) => `Request processing failed: Zendesk Error (${status}): ${reason}`;

interface User {
  id: number;
  email: string;
}
interface Created {
  survey_response: { id: string; links: { url_path: string; rating_links: { rating: number; url_path: string }[] } };
}
interface Page {
  survey_responses: { id: string }[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { prev: string | null; next: string | null };
}

test('users: create_or_update with fields Zendesk has and we do not, then me and show', async () => {
  const email = `zd-${randomUUID()}@example.com`;
  const zendeskOnly = { verified: true, phone: '+1 555 0100', time_zone: 'Europe/Berlin', user_fields: { plan: 'gold' }, tags: ['vip'] };
  const created = await asAdmin().users.createOrUpdate({ user: { email, name: 'Zed Client', role: 'end_user', locale: 'de', ...zendeskOnly } });
  expect((created.response as Answer<unknown>['response']).status).toBe(201);
  const user = created.result as unknown as User;
  const expected = {
    id: expect.any(Number),
    name: 'Zed Client',
    email,
    role: 'end_user',
    locale: 'de',
    external_id: null,
    created_at: expect.stringMatching(ISO),
    updated_at: expect.stringMatching(ISO),
  };
  expect(user).toEqual(expected);

  // The same call again updates by email: the known fields are applied, the others ignored.
  const updated = await asAdmin().users.createOrUpdate({ user: { email, name: 'Zed Renamed', ...zendeskOnly, verified: false } });
  expect((updated.response as Answer<unknown>['response']).status).toBe(200);
  const renamed = { ...user, name: 'Zed Renamed', updated_at: expect.stringMatching(ISO) };
  expect(updated.result).toEqual(renamed);

  expect((await zendesk(email).users.me()).result).toEqual(renamed);
  expect((await zendesk(email).users.show(user.id)).result).toEqual(renamed);
  expect((await asAdmin().users.show(user.id)).result).toEqual(renamed);
});

test('users: known fields are still validated; unknown ids, other users and bad tokens are refused', async ({ request }) => {
  const agent = await makeUser(request, 'agent');
  const other = await makeUser(request, 'end_user');

  const invalid = await failure(asAdmin(), (c) => c.users.createOrUpdate({ user: { email: `zd-${randomUUID()}@example.com`, role: 'owner', verified: true } }));
  expect(invalid.message).toBe(rejected(400, 'Bad Request'));
  expect(invalid.body).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: expect.any(String), source: { pointer: '/user/role' } }],
  });

  const missing = await failure(asAdmin(), (c) => c.users.show(999_999_999));
  expect(missing.message).toBe(rejected(404, 'Item not found'));
  expect(missing.body).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The user could not be found' }] });

  const forbidden = await failure(zendesk(agent.email), (c) => c.users.show(other.id));
  expect(forbidden.message).toBe(rejected(403, 'Forbidden'));
  expect(forbidden.body).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });

  const badToken = await failure(zendesk(agent.email, 'not-a-token'), (c) => c.users.me());
  expect(badToken.message).toBe(rejected(401, 'Not Authorized'));
  expect(badToken.body).toEqual({ errors: [{ code: 'Unauthorized', status: '401', title: 'Unauthorized to access the resource' }] });
});

test('survey responses: create, submit as the responder, show localized and unlocalized', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const zrn = uniqueTicket();

  const created = await call<Created>(asAdmin(), 'POST', ['guide', 'survey_responses'], {
    survey_response: { survey_id: survey.id, responder_id: responder.id, subject_zrns: [zrn], locale: 'en-us' },
  });
  expect(created.response.status).toBe(200);
  const { id, links } = created.result.survey_response;
  expect(links.url_path).toMatch(new RegExp(`^/hc/en-us/survey_responses/${id}\\?access_token=[A-Za-z0-9_-]{32}$`));
  expect(created.result).toEqual({
    survey_response: {
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      links: {
        type: 'rating_link_emoji',
        url_path: links.url_path,
        rating_links: [1, 2, 3, 4, 5].map((rating) => ({
          rating,
          label: { type: 'dynamic', key: expect.stringMatching(/^dc\.surveys\.customer_satisfaction\.question\.rating\.options\./), value: expect.any(String) },
          emoji: { type: 'static', value: expect.any(String) },
          url_path: `${links.url_path}&rating=${rating}`,
        })),
      },
    },
  });

  const [ratingQ, reasonQ, commentQ] = survey.questions;
  const submitted = await call<{ survey_response: Record<string, unknown> }>(zendesk(responder.email), 'POST', ['guide', 'survey_responses', id], {
    survey_response: { answers: csatAnswers(survey, 2, 'Too slow') },
  });
  expect(submitted.response.status).toBe(200);
  const times = { created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO) };
  const stored = {
    id,
    survey: { id: survey.id, version: survey.version, state: 'enabled' },
    survey_id: survey.id,
    survey_version: survey.version,
    responder_id: responder.id,
    subject_zrns: [zrn],
    subjects: [{ id: zrn.split(':')[2], type: 'ticket', zrn }],
    locale: 'en-us',
    answers: [
      { type: 'rating_scale', question: { id: ratingQ!.id, type: 'rating_scale_emoji', sub_type: 'customer_satisfaction' }, rating: 2, rating_category: 'bad', ...times },
      { type: 'closed_ended', question: { id: reasonQ!.id, type: 'closed_ended' }, selections: [{ type: 'predefined', option_id: reasonQ!.options![0]!.id }], ...times },
      { type: 'open_ended', question: { id: commentQ!.id, type: 'open_ended' }, value: 'Too slow', ...times },
    ],
    expires_at: expect.stringMatching(ISO),
    ...times,
    assignee_id: null, group_id: null, brand_id: null, tags: [], state: 'answered',
  };
  expect(submitted.result).toEqual({ survey_response: stored });

  const unlocalized = await call<unknown>(zendesk(responder.email), 'GET', ['guide', 'survey_responses', id]);
  expect(unlocalized.response.status).toBe(200);
  expect(unlocalized.result).toEqual(submitted.result);

  // The localized Show carries the full questions: node-zendesk sees what a plain HTTP client sees.
  const localized = await call<{ survey_response: { answers: { question: { headline: { value: string } } }[] } }>(
    asAdmin(),
    'GET',
    ['guide', 'en-us', 'survey_responses', id],
  );
  expect(localized.response.status).toBe(200);
  const plain = await request.get(`/api/v2/guide/en-us/survey_responses/${id}`, { headers: adminAuth() });
  expect(localized.result).toEqual(await plain.json());
  expect(localized.result.survey_response.answers[0]!.question.headline.value).toBe('How would you rate the support you received?');
});

test('survey responses: the access token submits whoever the credentials are; without it others get 403', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  // node-zendesk always sends credentials: here those of someone with no right over the response.
  const stranger = await makeUser(request, 'end_user');
  const created = await call<Created>(asAdmin(), 'POST', ['guide', 'survey_responses'], {
    survey_response: { survey_id: survey.id, responder_id: responder.id, subject_zrns: [uniqueTicket()], locale: 'fr' },
  });
  const { id, links } = created.result.survey_response;
  const accessToken = new URL(links.url_path, 'http://x').searchParams.get('access_token');

  const withoutToken = await failure(zendesk(stranger.email), (c) =>
    call(c, 'POST', ['guide', 'survey_responses', id], { survey_response: { answers: csatAnswers(survey, 5) } }),
  );
  expect(withoutToken.message).toBe(rejected(403, 'Forbidden'));
  expect(withoutToken.body).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });

  const withToken = await call<{ survey_response: { id: string; answers: { type: string; rating?: number; value?: string }[] } }>(
    zendesk(stranger.email),
    'POST',
    ['guide', 'survey_responses', id],
    { survey_response: { access_token: accessToken, answers: csatAnswers(survey, 5, 'Merci') } },
  );
  expect(withToken.response.status).toBe(200);
  expect(withToken.result.survey_response.id).toBe(id);
  expect(withToken.result.survey_response.answers.map((a) => [a.type, a.rating ?? a.value ?? null])).toEqual([
    ['rating_scale', 5],
    ['skipped', null],
    ['open_ended', 'Merci'],
  ]);
});

test('survey responses: requestAll follows links.next to the end of a filtered list', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const zrn = uniqueTicket();
  const made: string[] = [];
  for (let i = 0; i < 5; i++) {
    const created = await call<Created>(asAdmin(), 'POST', ['guide', 'survey_responses'], {
      survey_response: { survey_id: survey.id, responder_id: null, subject_zrns: [zrn], locale: 'en-us' },
    });
    made.push(created.result.survey_response.id);
  }

  const pages = await callAll<Page>(asAdmin(), ['guide', 'survey_responses', { filter: { subject_zrns: zrn }, page: { size: 2 } }]);
  expect(pages.map((page) => page.survey_responses.map((r) => r.id))).toEqual([made.slice(0, 2), made.slice(2, 4), made.slice(4)]);
  expect(pages.map((page) => page.meta.has_more)).toEqual([true, true, false]);
  expect(pages[0]!.links.prev).toBeNull();
  expect(pages[2]!.links.next).toBeNull();
  for (const page of pages.slice(0, 2)) expect(page.links.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/guide\/survey_responses/);

  // Descending, in one page: the same five.
  const [all, ...more] = await callAll<Page>(asAdmin(), ['guide', 'survey_responses', { filter: { subject_zrns: zrn }, sort: '-id' }]);
  expect(more).toEqual([]);
  expect(all!.survey_responses.map((r) => r.id)).toEqual([...made].reverse());
  expect(all!.meta).toEqual({ has_more: false, after_cursor: expect.any(String), before_cursor: expect.any(String) });
});

test('survey responses: errors reach node-zendesk callers with their status and envelope', async ({ request }) => {
  const survey = await defaultSurvey(request);

  const unknown = await failure(asAdmin(), (c) => call(c, 'GET', ['guide', 'survey_responses', '01ARZ3NDEKTSV4RRFFQ69G5FAV']));
  expect(unknown.message).toBe(rejected(404, 'Item not found'));
  expect(unknown.body).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The survey response could not be found' }] });
  const unknownLocalized = await failure(asAdmin(), (c) => call(c, 'GET', ['guide', 'de', 'survey_responses', '01ARZ3NDEKTSV4RRFFQ69G5FAV']));
  expect(unknownLocalized.body).toEqual(unknown.body);

  const unknownSurvey = await failure(asAdmin(), (c) =>
    call(c, 'POST', ['guide', 'survey_responses'], { survey_response: { survey_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', subject_zrns: [uniqueTicket()], locale: 'en-us' } }),
  );
  expect(unknownSurvey.message).toBe(rejected(404, 'Item not found'));
  expect(unknownSurvey.body).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The survey is not found by provided id' }] });

  // A bad known field is refused by name, even next to fields we do not know.
  const badBody = await failure(asAdmin(), (c) =>
    call(c, 'POST', ['guide', 'survey_responses'], {
      survey_response: { survey_id: survey.id, subject_zrns: ['ticket:99'], locale: 'en-us', brand_name: 'Acme' },
    }),
  );
  expect(badBody.message).toBe(rejected(400, 'Bad Request'));
  expect(badBody.body).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: expect.any(String), source: { pointer: '/survey_response/subject_zrns/0' } }],
  });

  const badToken = await failure(zendesk(suiteCredentials().adminEmail, 'not-a-token'), (c) => call(c, 'GET', ['guide', 'survey_responses']));
  expect(badToken.message).toBe(rejected(401, 'Not Authorized'));
  expect(badToken.body).toEqual({ errors: [{ code: 'Unauthorized', status: '401', title: 'Unauthorized to access the resource' }] });

  // requestAll does not wrap its errors: the caller gets the status and the envelope on the error.
  const walk = await callAll(asAdmin(), ['guide', 'survey_responses', { filter: { responder_ids: 'abc' } }]).then(
    () => undefined,
    (e: unknown) => e as { statusCode?: number; result?: unknown },
  );
  expect(walk?.statusCode).toBe(400);
  expect(walk?.result).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: expect.any(String), source: { parameter: 'filter[responder_ids]' } }],
  });
});

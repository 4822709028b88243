import { randomInt, randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, makeUser, uniqueTicket, type Survey } from '../support/api';

// Attribution (docs/zendesk-api.md): assignee_id, group_id, brand_id and tags are recorded when a
// survey is offered, never changed by a submit, shown on Show and List, and filter the List.
// Every test uses ids and tags of its own.

type Row = { id: string; assignee_id: number | null; group_id: number | null; brand_id: number | null; tags: string[]; state: string };
type Page = { survey_responses: Row[]; meta: { has_more: boolean; after_cursor: string | null } };

const uniqueId = () => randomInt(1, 2 ** 47);
const uniqueTag = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

interface Attribution {
  assignee_id?: number | string | null;
  group_id?: number | string | null;
  brand_id?: number | string | null;
  tags?: string[];
}

async function offerWith(request: APIRequestContext, survey: Survey, attribution: Attribution, responderId: number | null = null) {
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: survey.id, responder_id: responderId, subject_zrns: [uniqueTicket()], locale: 'en-us', ...attribution } },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { id, links } = (await res.json()).survey_response as { id: string; links: { url_path: string } };
  return { id, token: new URL(links.url_path, 'http://x').searchParams.get('access_token')! };
}

const show = async (request: APIRequestContext, id: string, headers = adminAuth()) => {
  const res = await request.get(`/api/v2/guide/survey_responses/${id}`, { headers });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).survey_response as Row;
};

/** Every row a List query finds, following page[after] two rows a page. */
async function all(request: APIRequestContext, query: string, headers = adminAuth()): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res = await request.get(`/api/v2/guide/survey_responses?${query}&page[size]=2${after ? `&page[after]=${after}` : ''}`, { headers });
    expect(res.status(), await res.text()).toBe(200);
    const page = (await res.json()) as Page;
    found.push(...page.survey_responses.map((r) => r.id));
    if (!page.meta.has_more) return found;
    after = page.meta.after_cursor;
  }
  throw new Error('more than 20 pages');
}

test('attribution is recorded at Create, shown on Show and List, and survives a submit that sends other values', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const responder = await makeUser(request, 'end_user');
  const [assignee, group, brand] = [uniqueId(), uniqueId(), uniqueId()];
  const tag = uniqueTag('vip');
  // Ids as digits too (as responder_id); tags lower-cased and deduplicated.
  const { id, token } = await offerWith(request, survey, { assignee_id: String(assignee), group_id: group, brand_id: brand, tags: [tag.toUpperCase(), tag, 'lang:de'] }, responder.id);
  const expected = { assignee_id: assignee, group_id: group, brand_id: brand, tags: [tag, 'lang:de'] };
  expect(await show(request, id)).toMatchObject({ ...expected, state: 'offered' });

  // The customer answers after an "unassign on resolve" automation: the submit may even carry other values.
  const other = { assignee_id: uniqueId(), group_id: uniqueId(), brand_id: uniqueId(), tags: ['other'] };
  const submitted = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    data: { survey_response: { access_token: token, answers: csatAnswers(survey, 2), ...other } },
  });
  expect(submitted.status()).toBe(200);
  expect((await submitted.json()).survey_response).toMatchObject({ ...expected, state: 'answered' });
  // Again, by the responder with their own credentials.
  const again = await request.post(`/api/v2/guide/survey_responses/${id}`, {
    headers: responder.auth,
    data: { survey_response: { answers: csatAnswers(survey, 5), ...other } },
  });
  expect(again.status()).toBe(200);
  expect(await show(request, id)).toMatchObject({ ...expected, state: 'answered' });
  expect(await show(request, id, responder.auth)).toMatchObject(expected);

  const listed = await request.get(`/api/v2/guide/survey_responses?filter[assignee_ids]=${assignee}`, { headers: adminAuth() });
  expect(((await listed.json()) as Page).survey_responses).toEqual([expect.objectContaining({ id, ...expected, state: 'answered' })]);
  expect(await all(request, `filter[assignee_ids]=${other.assignee_id}`)).toEqual([]);

  // Without attribution: nulls and no tags.
  const plain = await offerWith(request, survey, {});
  expect(await show(request, plain.id)).toMatchObject({ assignee_id: null, group_id: null, brand_id: null, tags: [] });
});

test('Create refuses attribution of the wrong shape with a 400 naming the field', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const cases: [Attribution | Record<string, unknown>, string][] = [
    [{ assignee_id: 0 }, '/survey_response/assignee_id'],
    [{ group_id: 2 ** 53 }, '/survey_response/group_id'],
    [{ brand_id: '9007199254740992' }, '/survey_response/brand_id'],
    [{ assignee_id: 'abc' }, '/survey_response/assignee_id'],
    [{ tags: ['two words'] }, '/survey_response/tags/0'],
    [{ tags: ['x'.repeat(81)] }, '/survey_response/tags/0'],
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, '/survey_response/tags'],
    [{ tags: 'vip' }, '/survey_response/tags'],
  ];
  for (const [attribution, pointer] of cases) {
    const res = await request.post('/api/v2/guide/survey_responses', {
      headers: adminAuth(),
      data: { survey_response: { survey_id: survey.id, subject_zrns: [uniqueTicket()], locale: 'en-us', ...attribution } },
    });
    expect(res.status(), JSON.stringify(attribution)).toBe(400);
    expect((await res.json()).errors, JSON.stringify(attribution)).toEqual([
      expect.objectContaining({ code: 'BadRequest', title: 'Invalid request', source: { pointer } }),
    ]);
  }
});

test('every attribution filter returns exactly its rows across cursor pages: OR within a filter, AND across', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const [a1, a2, g1, g2, b1] = [uniqueId(), uniqueId(), uniqueId(), uniqueId(), uniqueId()];
  const [t1, t2] = [uniqueTag('t1'), uniqueTag('t2')];
  const specs: Attribution[] = [
    { assignee_id: a1, group_id: g1, brand_id: b1, tags: [t1] },
    { assignee_id: a1, group_id: g2, tags: [t1, t2] },
    { assignee_id: a2, group_id: g1, brand_id: b1 },
    { assignee_id: a2, tags: [t2] },
    { assignee_id: a1, group_id: g1, brand_id: b1, tags: [t2] },
    { group_id: g2, brand_id: b1, tags: [t1] },
    { assignee_id: a2, group_id: g2, tags: [t1, t2] },
  ];
  const made: { id: string; spec: Attribution }[] = [];
  for (const spec of specs) made.push({ id: (await offerWith(request, survey, spec)).id, spec });
  const where = (test: (s: Attribution) => boolean) => made.filter((m) => test(m.spec)).map((m) => m.id);
  const has = (s: Attribution, tag: string) => (s.tags ?? []).includes(tag);

  const cases: [string, string[]][] = [
    [`filter[assignee_ids]=${a1}`, where((s) => s.assignee_id === a1)],
    [`filter[assignee_ids]=${a1},${a2}`, where((s) => s.assignee_id === a1 || s.assignee_id === a2)],
    [`filter[group_ids]=${g1}`, where((s) => s.group_id === g1)],
    [`filter[group_ids]=${g1},${g2}`, where((s) => s.group_id === g1 || s.group_id === g2)],
    [`filter[brand_ids]=${b1}`, where((s) => s.brand_id === b1)],
    [`filter[tags]=${t1}`, where((s) => has(s, t1))],
    [`filter[tags]=${t1.toUpperCase()},${t2}`, where((s) => has(s, t1) || has(s, t2))],
    [`filter[assignee_ids]=${a1}&filter[tags]=${t2}`, where((s) => s.assignee_id === a1 && has(s, t2))],
    [`filter[group_ids]=${g1}&filter[brand_ids]=${b1}`, where((s) => s.group_id === g1 && s.brand_id === b1)],
    [`filter[tags]=${t1}&filter[group_ids]=${g2}`, where((s) => has(s, t1) && s.group_id === g2)],
    [`filter[assignee_ids]=${a2}&filter[group_ids]=${g2}&filter[tags]=${t1},${t2}`, where((s) => s.assignee_id === a2 && s.group_id === g2)],
    [`filter[tags]=${t1},${t2}&filter[state]=offered`, where((s) => has(s, t1) || has(s, t2))],
    [`filter[tags]=${t1},${t2}&filter[state]=answered,expired`, []],
  ];
  for (const [query, expected] of cases) {
    expect(await all(request, query), query).toEqual(expected);
    expect(await all(request, `${query}&sort=-id`), `${query}&sort=-id`).toEqual([...expected].reverse());
    // Never edited, so updated_at order is creation order; the feed shows a change once it has settled (2 s).
    await expect.poll(() => all(request, `${query}&sort=updated_at`), { message: `${query}&sort=updated_at`, timeout: 10_000 }).toEqual(expected);
  }
  // Every case found something, but never everything.
  expect(cases.slice(0, -1).every(([, e]) => e.length > 0 && e.length < made.length)).toBe(true);

  for (const bad of ['filter[assignee_ids]=x', 'filter[group_ids]=0', 'filter[brand_ids]=9007199254740992', 'filter[tags]=a%20b', 'filter[state]=open']) {
    const res = await request.get(`/api/v2/guide/survey_responses?${bad}`, { headers: adminAuth() });
    expect(res.status(), bad).toBe(400);
  }
});

test('agents List and Show the responses assigned to them as well as their own; others do not', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const [agent, otherAgent, customer] = [await makeUser(request, 'agent'), await makeUser(request, 'agent'), await makeUser(request, 'end_user')];
  const tag = uniqueTag('agent');
  const own = await offerWith(request, survey, { tags: [tag] }, agent.id);
  const assigned = await offerWith(request, survey, { assignee_id: agent.id, tags: [tag] }, customer.id);
  const both = await offerWith(request, survey, { assignee_id: agent.id, tags: [tag] }, agent.id);
  const elsewhere = await offerWith(request, survey, { assignee_id: otherAgent.id, tags: [tag] }, customer.id);

  expect(await show(request, assigned.id, agent.auth)).toMatchObject({ id: assigned.id, assignee_id: agent.id });
  expect((await request.get(`/api/v2/guide/survey_responses/${elsewhere.id}`, { headers: agent.auth })).status()).toBe(403);
  expect((await request.get(`/api/v2/guide/fr/survey_responses/${assigned.id}`, { headers: agent.auth })).status()).toBe(200);
  expect((await request.get(`/api/v2/guide/survey_responses/${assigned.id}`, { headers: otherAgent.auth })).status()).toBe(403);

  expect(await all(request, `filter[tags]=${tag}`, agent.auth)).toEqual([own.id, assigned.id, both.id]);
  expect(await all(request, 'sort=-id', agent.auth)).toEqual([both.id, assigned.id, own.id]);
  expect(await all(request, `filter[responder_ids]=${customer.id}`, agent.auth)).toEqual([assigned.id]);
  await expect.poll(() => all(request, `filter[assignee_ids]=${agent.id}&sort=updated_at`, agent.auth), { timeout: 10_000 }).toEqual([assigned.id, both.id]);
  expect(await all(request, `filter[assignee_ids]=${otherAgent.id}`, agent.auth)).toEqual([]);
  expect(await all(request, `filter[tags]=${tag}`, otherAgent.auth)).toEqual([elsewhere.id]);
  // The customer sees what they answer, not what is assigned to anyone.
  expect(await all(request, `filter[tags]=${tag}`, customer.auth)).toEqual([assigned.id, elsewhere.id]);
});

import { randomInt } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, csatAnswers, defaultSurvey, uniqueTicket, type Survey } from '../support/api';

// Response states and the change feed (docs/zendesk-api.md): `state` is computed when a response is
// read; sort=updated_at pages on (updated_at, id), so a sync client that keeps its last cursor sees
// every response created or edited since; it shows a change once it has settled (FEED_SETTLE_MS, 2 s),
// hence the polls. Each test scopes its lists by an assignee id of its own.

type Row = { id: string; state: string; answers: unknown[]; updated_at: string };
type Page = { survey_responses: Row[]; meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null } };

const uniqueId = () => randomInt(1, 2 ** 47);

async function offerFor(request: APIRequestContext, survey: Survey, assignee: number, expiresAt?: string) {
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: {
      survey_response: {
        survey_id: survey.id,
        subject_zrns: [uniqueTicket()],
        locale: 'en-us',
        assignee_id: assignee,
        ...(expiresAt && { expires_at: expiresAt }),
      },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { id, links } = (await res.json()).survey_response as { id: string; links: { url_path: string } };
  return { id, token: new URL(links.url_path, 'http://x').searchParams.get('access_token')! };
}

const submit = (request: APIRequestContext, survey: Survey, r: { id: string; token: string }, rating: number) =>
  request.post(`/api/v2/guide/survey_responses/${r.id}`, { data: { survey_response: { access_token: r.token, answers: csatAnswers(survey, rating) } } });

async function page(request: APIRequestContext, query: string): Promise<Page> {
  const res = await request.get(`/api/v2/guide/survey_responses?${query}`, { headers: adminAuth() });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Page;
}
const ids = (p: Page) => p.survey_responses.map((r) => r.id);
const settled = { timeout: 10_000, intervals: [250] };

test('states move from offered to answered, or to expired once expires_at passes; filter[state] follows', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const assignee = uniqueId();
  const soon = new Date(Date.now() + 2_500).toISOString();
  const short = await offerFor(request, survey, assignee, soon);
  const answered = await offerFor(request, survey, assignee);
  const open = await offerFor(request, survey, assignee);
  expect((await submit(request, survey, answered, 4)).status()).toBe(200);

  const states = async (query = '') => {
    const p = await page(request, `filter[assignee_ids]=${assignee}${query}`);
    return Object.fromEntries(p.survey_responses.map((r) => [r.id, r.state]));
  };
  const byState = async (state: string) => ids(await page(request, `filter[assignee_ids]=${assignee}&filter[state]=${state}`));

  expect(await states()).toEqual({ [short.id]: 'offered', [answered.id]: 'answered', [open.id]: 'offered' });
  expect(await byState('offered')).toEqual([short.id, open.id]);
  expect(await byState('answered')).toEqual([answered.id]);
  expect(await byState('expired')).toEqual([]);
  expect(await byState('answered,expired')).toEqual([answered.id]);
  const shown = (await (await request.get(`/api/v2/guide/survey_responses/${short.id}`, { headers: adminAuth() })).json()).survey_response as Row;
  expect(shown).toMatchObject({ state: 'offered', answers: [] });

  // Wait out the short one's expiry.
  await expect.poll(async () => (await states())[short.id], { timeout: 10_000, intervals: [500] }).toBe('expired');
  expect(await byState('offered')).toEqual([open.id]);
  expect(await byState('expired')).toEqual([short.id]);
  expect(await byState('offered,expired')).toEqual([short.id, open.id]);
  expect(await byState('answered,offered')).toEqual([answered.id, open.id]);
  expect(await byState('offered,answered,expired')).toEqual([short.id, answered.id, open.id]);
  expect(ids(await page(request, `filter[assignee_ids]=${assignee}&filter[state]=expired&sort=updated_at`))).toEqual([short.id]);
  const expired = (await (await request.get(`/api/v2/guide/survey_responses/${short.id}`, { headers: adminAuth() })).json()).survey_response as Row;
  expect(expired).toMatchObject({ state: 'expired', answers: [] });
  // An expired response takes no answers; the state stays expired.
  expect((await submit(request, survey, short, 5)).status()).toBe(409);
  expect(await byState('expired')).toEqual([short.id]);
});

test('the change feed: sort=updated_at pages in (updated_at, id) order and returns an edited old response after the stored cursor', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const assignee = uniqueId();
  const made: { id: string; token: string }[] = [];
  for (let i = 0; i < 3; i++) made.push(await offerFor(request, survey, assignee));
  const [r1, r2, r3] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0]];
  const scope = `filter[assignee_ids]=${assignee}&page[size]=2`;

  // Shown once settled (the unit tests hold the window itself).
  await expect.poll(async () => ids(await page(request, `filter[assignee_ids]=${assignee}&sort=updated_at`)), settled).toEqual([r1.id, r2.id, r3.id]);
  // A sync client reads the whole feed and keeps the last cursor.
  const p1 = await page(request, `${scope}&sort=updated_at`);
  expect(ids(p1)).toEqual([r1.id, r2.id]);
  expect(p1.meta.has_more).toBe(true);
  const p2 = await page(request, `${scope}&sort=updated_at&page[after]=${p1.meta.after_cursor}`);
  expect(ids(p2)).toEqual([r3.id]);
  expect(p2.meta.has_more).toBe(false);
  const stored = p2.meta.after_cursor!;
  expect(ids(await page(request, `${scope}&sort=updated_at&page[after]=${stored}`))).toEqual([]);

  // The oldest response is answered (edited): it moves past the stored cursor.
  expect((await submit(request, survey, r1, 2)).status()).toBe(200);
  await expect.poll(async () => ids(await page(request, `${scope}&sort=updated_at&page[after]=${stored}`)), settled).toEqual([r1.id]);
  const next = await page(request, `${scope}&sort=updated_at&page[after]=${stored}`);
  expect(next.survey_responses[0]!.state).toBe('answered');
  // Edited again: after the newer cursor once more (at least once per change).
  expect((await submit(request, survey, r1, 5)).status()).toBe(200);
  await expect.poll(async () => ids(await page(request, `${scope}&sort=updated_at&page[after]=${next.meta.after_cursor}`)), settled).toEqual([r1.id]);

  // Newest change first, and back again with page[before].
  const d1 = await page(request, `${scope}&sort=-updated_at`);
  expect(ids(d1)).toEqual([r1.id, r3.id]);
  const d2 = await page(request, `${scope}&sort=-updated_at&page[after]=${d1.meta.after_cursor}`);
  expect(ids(d2)).toEqual([r2.id]);
  expect(ids(await page(request, `${scope}&sort=-updated_at&page[before]=${d2.meta.before_cursor}`))).toEqual([r1.id, r3.id]);

  // filter[updated_at_start|end]: inclusive milliseconds, or seconds below 10^11.
  const shown = (await (await request.get(`/api/v2/guide/survey_responses/${r1.id}`, { headers: adminAuth() })).json()).survey_response as Row;
  const edited = Date.parse(shown.updated_at);
  expect(ids(await page(request, `${scope}&sort=updated_at&filter[updated_at_start]=${edited}`))).toEqual([r1.id]);
  expect(ids(await page(request, `${scope}&sort=updated_at&filter[updated_at_start]=${edited}&filter[updated_at_end]=${edited}`))).toEqual([r1.id]);
  const mine = `filter[assignee_ids]=${assignee}`;
  expect(ids(await page(request, `${mine}&sort=updated_at&filter[updated_at_end]=${edited - 1}`))).toEqual([r2.id, r3.id]);
  expect(ids(await page(request, `${mine}&filter[updated_at_start]=${edited + 1}`))).toEqual([]);
  // Seconds: the end second includes its last millisecond; read as milliseconds it would find nothing.
  expect(ids(await page(request, `${mine}&filter[updated_at_end]=${Math.floor(edited / 1000)}`))).toEqual([r1.id, r2.id, r3.id]);
  expect(ids(await page(request, `${mine}&filter[updated_at_start]=${Math.floor(edited / 1000) + 1}`))).toEqual([]);
});

test('a cursor of one sort is refused by another; bad feed parameters are 400s', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const assignee = uniqueId();
  for (let i = 0; i < 2; i++) await offerFor(request, survey, assignee);
  const scope = `filter[assignee_ids]=${assignee}&page[size]=1`;
  await expect.poll(async () => ids(await page(request, `${scope}&sort=-updated_at`)).length, settled).toBe(1);
  const cursors: Record<string, string> = {};
  for (const sort of ['id', '-id', 'updated_at', '-updated_at']) cursors[sort] = (await page(request, `${scope}&sort=${sort}`)).meta.after_cursor!;
  for (const [issued, cursor] of Object.entries(cursors)) {
    for (const sort of Object.keys(cursors)) {
      const res = await request.get(`/api/v2/guide/survey_responses?${scope}&sort=${sort}&page[after]=${cursor}`, { headers: adminAuth() });
      if (sort === issued) {
        expect(res.status()).toBe(200);
        continue;
      }
      expect(res.status(), `${issued} → ${sort}`).toBe(400);
      expect(await res.json()).toEqual({
        errors: [{ code: 'BadRequest', status: '400', title: 'Invalid cursor', detail: 'The cursor is not one this API issued', source: { parameter: 'page[after]' } }],
      });
    }
  }
  for (const bad of ['sort=updated', 'filter[updated_at_start]=x', 'filter[updated_at_end]=9007199254740992', 'filter[updated_at_start]=-1']) {
    const res = await request.get(`/api/v2/guide/survey_responses?${bad}`, { headers: adminAuth() });
    expect(res.status(), bad).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ code: 'BadRequest', title: 'Invalid request' });
  }
});

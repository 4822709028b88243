import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { signInAsAdmin } from '../admin/support';
import { adminAuth, basicAuth, cli, csatAnswers, defaultSurvey, makeNpsCampaign, makeUser, offer, suiteCredentials } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';

// Two app servers on one database, as behind a load balancer: nothing one of them knows only in its
// own memory may change what the other answers. The project's server is one; this file starts a
// second on the same database (the same SQLite file, or the same PostgreSQL database).

test.describe.configure({ mode: 'serial' });

let second: ChildProcess | undefined;
let other = '';

test.beforeAll(async ({ request }, info) => {
  const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
  const port = 3230 + info.parallelIndex * 2 + (info.project.name === 'postgres' ? 1 : 0);
  second = spawn('node_modules/.bin/next', ['start', '-p', String(port)], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
  other = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await request.get(`${other}/api/health`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  second?.kill('SIGTERM');
});

const listOf = async (request: APIRequestContext, base: string, query: string) => {
  const res = await request.get(`${base}/api/v2/guide/survey_responses?${query}`, { headers: adminAuth() });
  expect(res.status()).toBe(200);
  return (await res.json()) as { survey_responses: { id: string; answers: unknown[] }[]; meta: { has_more: boolean; after_cursor: string | null } };
};

test('a response offered on one server is submitted on the other and listed the same on both', async ({ request, baseURL }) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const offered = await offer(request, { surveyId: survey.id, responderId: user.id });
  const submit = await request.post(`${other}/api/v2/guide/survey_responses/${offered.id}`, {
    data: { survey_response: { access_token: offered.token, answers: csatAnswers(survey, 2, 'Slow') } },
  });
  expect(submit.status(), await submit.text()).toBe(200);
  const here = await listOf(request, baseURL!, `filter[responder_ids]=${user.id}`);
  const there = await listOf(request, other, `filter[responder_ids]=${user.id}`);
  expect(here.survey_responses.map((r) => r.id)).toEqual([offered.id]);
  expect(here.survey_responses[0]!.answers).toHaveLength(3);
  expect(there).toEqual(here);
});

test('a cursor from one server pages on the other', async ({ request, baseURL }) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await offer(request, { surveyId: survey.id, responderId: user.id })).id);
  const first = await listOf(request, baseURL!, `filter[responder_ids]=${user.id}&page[size]=2`);
  expect(first.meta.has_more).toBe(true);
  const next = await listOf(request, other, `filter[responder_ids]=${user.id}&page[size]=2&page[after]=${first.meta.after_cursor}`);
  expect([...first.survey_responses, ...next.survey_responses].map((r) => r.id)).toEqual(ids);
});

test('an admin session made on one server opens the other; signing out on the other ends it on both', async ({ page, request, baseURL }) => {
  await signInAsAdmin(page);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'hcs_session')!;
  const headers = { cookie: `hcs_session=${cookie.value}` };
  const overview = await request.get(`${other}/admin`, { headers, maxRedirects: 0 });
  expect(overview.status()).toBe(200);
  expect(await overview.text()).toContain('Overview');
  const out = await request.post(`${other}/admin/sign-out`, { headers: { ...headers, origin: other }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  const after = await request.get(`${baseURL}/admin`, { headers, maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers().location).toContain('/admin/sign-in');
});

test('an API token revoked through one server is refused by the other at once', async ({ page, request }) => {
  const description = `two servers ${randomUUID()}`;
  const made = cli<{ token: string }>('token', 'add', '--description', description);
  const auth = basicAuth(suiteCredentials().adminEmail, made.json.token);
  expect((await request.get(`${other}/api/v2/users/me`, { headers: auth })).status()).toBe(200);
  const listed = cli<{ api_tokens: { id: number; description: string }[] }>('token', 'list');
  const id = listed.json.api_tokens.find((t) => t.description === description)!.id;
  // Revoked in the admin view of the project's server.
  await signInAsAdmin(page);
  await page.goto('/admin/keys');
  await page.getByRole('link', { name: `Revoke API token ${id}` }).click();
  await page.getByRole('button', { name: `Revoke API token ${id}` }).click();
  await expect(page).toHaveURL(/\/admin\/keys\?revoked=/);
  expect((await request.get(`${other}/api/v2/users/me`, { headers: auth })).status()).toBe(401);
});

test('20 concurrent posts with one Idempotency-Key across both servers store one response', async ({ request, baseURL }) => {
  const campaign = await makeNpsCampaign(request);
  const userId = `user-${randomUUID()}`;
  const key = randomUUID();
  const { writeKey } = suiteCredentials();
  const burst = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      request.post(`${i % 2 ? other : baseURL}/api/responses`, {
        headers: { 'Idempotency-Key': key },
        data: { writeKey, campaign: campaign.id, rating: 9, userId },
      }),
    ),
  );
  expect(burst.map((r) => r.status())).toEqual(Array(20).fill(201));
  const bodies = await Promise.all(burst.map((r) => r.json()));
  expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  const stored = await listOf(request, other, `filter[responder_ids]=${bodies[0].user.id}`);
  expect(stored.survey_responses).toHaveLength(1);
});

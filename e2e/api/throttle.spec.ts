import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { expect, test } from '../support/test';
import { adminAuth, basicAuth, defaultSurvey, makeNpsCampaign, offer, suiteCredentials } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';

// Failed credentials are limited per client address, with counters in the database: past the limit a
// failure is a 429 with Retry-After (a localized page on the survey page), a right credential is never
// refused, and a sign-in throttle never locks the admin out from another address. Two servers of
// this file's own share the project's database with a limit of 3 failures a minute and
// TRUST_PROXY=true, so each test picks its client address by X-Forwarded-For.

test.describe.configure({ mode: 'serial' });
const LIMIT = 3;
const servers: ChildProcess[] = [];
const bases: string[] = [];

test.beforeAll(async ({ request }, info) => {
  test.setTimeout(120_000);
  const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
  const first = 3340 + info.parallelIndex * 4 + (info.project.name === 'postgres' ? 2 : 0);
  for (const port of [first, first + 1]) {
    const env = { ...process.env, DATABASE_URL: databaseUrl, RATE_LIMIT_FAILURES: String(LIMIT), RATE_LIMIT_WINDOW_S: '60', TRUST_PROXY: 'true' };
    servers.push(spawn('node_modules/.bin/next', ['start', '-p', String(port)], { env, stdio: 'ignore' }));
    bases.push(`http://127.0.0.1:${port}`);
  }
  for (const base of bases) {
    await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 90_000 }).toBe(200);
  }
});

test.afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
});

/** A client address of the test's own, as the proxy in front of the servers saw it (the last one). */
let clients = 0;
const client = () => ({ 'X-Forwarded-For': `198.51.100.7, 10.${Date.now() % 250}.${randomInt(0, 255)}.${++clients % 255}` });

test('a wrong API token is a 401 up to the limit, then a 429 with Retry-After; a right one always works', async ({ request }) => {
  const from = client();
  const wrong = { ...from, ...basicAuth(suiteCredentials().adminEmail, 'not-a-token') };
  for (let i = 0; i < LIMIT; i++) expect((await request.get(`${bases[0]}/api/v2/users/me`, { headers: wrong })).status()).toBe(401);
  const refused = await request.get(`${bases[0]}/api/v2/users/me`, { headers: wrong });
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await refused.json()).toEqual({
    errors: [{ code: 'TooManyRequests', status: '429', title: 'Too many failed attempts', detail: `Try again in ${retryAfter} seconds` }],
  });
  // A client cannot name its own address past the proxy's: the header we note it in is overwritten.
  expect((await request.get(`${bases[0]}/api/v2/users/me`, { headers: { ...wrong, 'X-Hcs-Client-Address': '192.0.2.1' } })).status()).toBe(429);
  // The right token from the same address is never refused; another address is not limited.
  expect((await request.get(`${bases[0]}/api/v2/users/me`, { headers: { ...from, ...adminAuth() } })).status()).toBe(200);
  expect((await request.get(`${bases[0]}/api/v2/users/me`, { headers: { ...client(), ...basicAuth(suiteCredentials().adminEmail, 'not-a-token') } })).status()).toBe(401);
});

test('the count is kept in the database: failures on two servers add up', async ({ request }) => {
  const from = client();
  const post = (base: string) => request.post(`${base}/api/responses`, { headers: from, data: { writeKey: 'not-a-write-key', campaign: 'x', userId: 'u' } });
  expect((await post(bases[0]!)).status()).toBe(401);
  expect((await post(bases[1]!)).status()).toBe(401);
  expect((await post(bases[0]!)).status()).toBe(401);
  expect((await post(bases[1]!)).status()).toBe(429);
});

test('wrong access tokens: the Submit API answers 429, the survey page a localized 429 page', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const offered = await offer(request, { surveyId: survey.id, locale: 'de' });
  const api = client();
  const submit = () =>
    request.post(`${bases[0]}/api/v2/guide/survey_responses/${offered.id}`, {
      headers: api,
      data: { survey_response: { access_token: 'not-the-token', answers: [{ type: 'skipped', question_id: survey.questions[0]!.id }] } },
    });
  for (let i = 0; i < LIMIT; i++) expect((await submit()).status()).toBe(401);
  expect((await submit()).status()).toBe(429);

  const page = client();
  const open = (token: string) => request.get(`${bases[1]}/hc/de/survey_responses/${offered.id}?access_token=${token}&rating=4`, { headers: page });
  for (let i = 0; i < LIMIT; i++) expect((await open('not-the-token')).status()).toBe(404);
  const refused = await open('not-the-token');
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(refused.headers()['content-type']).toContain('text/html');
  expect(await refused.text()).toContain('Zu viele Versuche');
  // The emailed link itself still opens from that address.
  expect((await open(offered.token)).status()).toBe(200);
});

test('sign-in: past the limit an address is refused even the right password; the admin elsewhere signs in', async ({ request }) => {
  const { adminEmail, adminPassword } = suiteCredentials();
  const attacker = client();
  const signIn = (headers: Record<string, string>, password: string) =>
    request.post(`${bases[0]}/admin/session`, { headers, form: { email: adminEmail, password }, maxRedirects: 0 });
  for (let i = 0; i < LIMIT; i++) expect((await signIn(attacker, `guess-${i}`)).headers()['location']).toBe('/admin/sign-in?error=invalid');
  const locked = await signIn(attacker, adminPassword);
  expect(locked.status()).toBe(303);
  expect(locked.headers()['location']).toMatch(/^\/admin\/sign-in\?error=throttled&wait=1$/);
  expect(locked.headers()['set-cookie']).toBeUndefined();
  const admin = await signIn(client(), adminPassword);
  expect(admin.headers()['location']).toBe('/admin');
  expect(admin.headers()['set-cookie']).toContain('hcs_session=');
  // A write key that works is never refused either.
  const campaign = await makeNpsCampaign(request);
  const ok = await request.post(`${bases[0]}/api/responses`, { headers: attacker, data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, userId: `u-${randomInt(1e9)}`, rating: 9 } });
  expect(ok.status()).toBe(201);
});

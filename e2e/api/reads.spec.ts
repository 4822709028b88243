import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { expect, test } from '../support/test';
import { readContents } from '@/db/copy';
import { startReceiver } from '../support/receiver';
import { createDatabase, dropDatabase } from '@/db/postgres/databases';

// GET and HEAD never write, from the first request on a new database on (a read-only replica, or a
// mail scanner opening every link, must change nothing). A server starts on a database of its own; the
// test writes what there is to read, takes a copy of every table, reads every page and API it can,
// and compares.

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL || process.env.TEST_POSTGRES_URL;
const ADMIN = { email: 'reads-admin@example.com', password: 'reads-password-1234' };

test.describe('reads', () => {
  test.setTimeout(120_000);
  let server: ChildProcess | undefined;
  let cleanup = async () => {};
  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await cleanup();
  });

  test('no GET or HEAD of any API, survey page or admin page writes to the database', async ({ request }, info) => {
    const onPostgres = info.project.name === 'postgres';
    let databaseUrl: string;
    if (onPostgres) {
      const name = `hcs_e2e_reads_${process.pid}`;
      databaseUrl = await createDatabase(adminUrl!, name);
      cleanup = () => dropDatabase(adminUrl!, name).catch(() => {});
    } else {
      mkdirSync('.test-data', { recursive: true });
      const file = `.test-data/reads-${process.pid}-${randomUUID()}.db`;
      databaseUrl = `file:${file}`;
      cleanup = async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      };
    }
    const env = { ...process.env, DATABASE_URL: databaseUrl, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    // The CLI makes the database as the server's first start would, and an API token.
    const made = spawnSync('node_modules/.bin/tsx', ['scripts/cli.ts', 'token', 'add', '--description', 'reads'], { env, encoding: 'utf8' });
    const token = (JSON.parse(made.stdout.trim().split('\n').pop()!) as { token: string }).token;
    const port = 3250 + info.parallelIndex * 2 + (onPostgres ? 1 : 0);
    server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], { env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);

    // What there is to read: a user, a response offered and answered, an admin session.
    const auth = { Authorization: `Basic ${Buffer.from(`${ADMIN.email}/token:${token}`).toString('base64')}` };
    const surveys = await (await request.get(`${base}/api/v2/guide/en-us/surveys`, { headers: auth })).json();
    const survey = surveys.surveys[0] as { id: string; version: number; questions: { id: string }[] };
    const user = (await (await request.post(`${base}/api/v2/users/create_or_update`, { headers: auth, data: { user: { email: `reader-${randomUUID()}@example.com`, name: 'R' } } })).json()).user;
    const offered = await request.post(`${base}/api/v2/guide/survey_responses`, {
      headers: auth,
      data: { survey_response: { survey_id: survey.id, responder_id: user.id, subject_zrns: ['zen:ticket:1'], locale: 'en-us' } },
    });
    const { id, links } = (await offered.json()).survey_response as { id: string; links: { url_path: string } };
    const accessToken = new URL(links.url_path, base).searchParams.get('access_token');
    const submitted = await request.post(`${base}/api/v2/guide/survey_responses/${id}`, {
      data: { survey_response: { access_token: accessToken, answers: [{ type: 'rating_scale', question_id: survey.questions[0]!.id, rating: 5 }] } },
    });
    expect(submitted.status()).toBe(200);
    // A webhook with a delivered invocation, so its log has something to read.
    const receiver = await startReceiver();
    const created = await request.post(`${base}/api/v2/webhooks`, {
      headers: auth,
      data: { webhook: { name: 'reads', status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json', subscriptions: ['zen:event-type:survey_response.offered'] } },
    });
    expect(created.status()).toBe(201);
    const hook = ((await created.json()) as { webhook: { id: string } }).webhook.id;
    await request.post(`${base}/api/v2/guide/survey_responses`, {
      headers: auth,
      data: { survey_response: { survey_id: survey.id, subject_zrns: ['zen:ticket:2'], locale: 'en-us' } },
    });
    const invocations = async () =>
      ((await (await request.get(`${base}/api/v2/webhooks/${hook}/invocations`, { headers: auth })).json()) as { invocations: { id: string; status: string }[] }).invocations;
    await expect.poll(async () => (await invocations()).map((i) => i.status), { timeout: 20_000 }).toEqual(['success']);
    const invocation = (await invocations())[0]!.id;
    await receiver.close();
    const signedIn = await request.post(`${base}/admin/session`, { form: ADMIN, maxRedirects: 0 });
    expect(signedIn.status()).toBe(303);
    const cookie = signedIn.headers()['set-cookie']!.split(';')[0]!;

    const before = await readContents(databaseUrl);
    const reads: [string, Record<string, string>][] = [
      ['/api/health', {}],
      ['/api/v2/guide/survey_responses', auth],
      ['/api/v2/guide/survey_responses?page[size]=1&sort=-id', auth],
      [`/api/v2/guide/survey_responses/${id}`, auth],
      [`/api/v2/guide/de/survey_responses/${id}.json`, auth],
      ['/api/v2/guide/en-us/surveys', auth],
      [`/api/v2/guide/en-us/surveys/${survey.id}/${survey.version}`, {}],
      ['/api/v2/users/me', auth],
      [`/api/v2/users/${user.id}`, auth],
      ['/api/v2/webhooks', auth],
      [`/api/v2/webhooks/${hook}`, auth],
      [`/api/v2/webhooks/${hook}/signing_secret`, auth],
      [`/api/v2/webhooks/${hook}/invocations`, auth],
      [`/api/v2/webhooks/${hook}/invocations/${invocation}/attempts`, auth],
      [links.url_path, {}],
      [`${links.url_path}&rating=2`, {}],
      ['/', {}],
      ['/admin/sign-in', {}],
      ...['/admin', '/admin/survey_responses', `/admin/survey_responses/${id}`, '/admin/survey_responses/export', '/admin/surveys', `/admin/surveys/${survey.id}`, '/admin/users', `/admin/users/${user.id}`, '/admin/keys', '/admin/webhooks', `/admin/webhooks/${hook}`, '/admin/webhooks/alerts'].map(
        (path): [string, Record<string, string>] => [path, { Cookie: cookie }],
      ),
    ];
    for (const [path, headers] of reads) {
      for (const method of ['GET', 'HEAD']) {
        const res = await request.fetch(`${base}${path}`, { method, headers, maxRedirects: 0 });
        expect(res.status(), `${method} ${path}`).toBe(200);
      }
    }
    expect(await readContents(databaseUrl)).toEqual(before);
  });
});

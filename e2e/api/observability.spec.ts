import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { csatAnswers, defaultSurvey, offer } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';

// Watching the server (docs/operations.md): /api/ready, /metrics and the request log. The project's
// server answers the first tests; the others start servers of their own on the project's database:
// one with METRICS_TOKEN, its stdout read, and a migrations folder this file can add to (a newer
// version of the app against an older database); and `npm start` with two workers.

test.describe.configure({ mode: 'serial' });

const ULID = '01J9ZX5W3V7Q8R2M4N6P0K1H2G';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, every line checked: comments are HELP or TYPE, samples `name{labels} value`. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      expect(line).toMatch(/^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    expect(match, line).not.toBeNull();
    const labels = Object.fromEntries([...(match![2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: match![1]!, labels, value: Number(match![3]) });
  }
  return samples;
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0;

async function scrape(request: APIRequestContext, base: string, headers: Record<string, string> = {}) {
  const res = await request.get(`${base}/metrics`, { headers });
  expect(res.status(), await res.text()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseMetrics(await res.text());
}

const waitForHealth = (request: APIRequestContext, base: string) =>
  expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 90_000 }).toBe(200);

const portsOf = (info: { parallelIndex: number; project: { name: string } }) => 3290 + info.parallelIndex * 4 + (info.project.name === 'postgres' ? 2 : 0);

test('GET /api/ready is 200 on the running server', async ({ request }) => {
  const res = await request.get('/api/ready');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(await res.json()).toEqual({ status: 'ready' });
});

test('/metrics counts a request by its method, route template and status, with its latency histogram', async ({ request, baseURL }) => {
  const series = { method: 'DELETE', route: '/api/ready', status: '405' };
  const before = valueOf(await scrape(request, baseURL!), 'http_server_request_duration_seconds_count', series);
  // Only this test sends DELETE /api/ready, so the count moves by exactly one.
  expect((await request.delete('/api/ready')).status()).toBe(405);
  // A path with an id and an access token in its query is counted under its template.
  expect((await request.get(`/api/v2/guide/survey_responses/${ULID}?access_token=not-a-token`)).status()).toBe(401);
  const samples = await scrape(request, baseURL!);
  expect(valueOf(samples, 'http_server_request_duration_seconds_count', series)).toBe(before + 1);
  expect(valueOf(samples, 'http_server_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(before + 1);
  expect(valueOf(samples, 'http_server_request_duration_seconds_sum', series)).toBeGreaterThan(0);
  const shown = { method: 'GET', route: '/api/v2/guide/survey_responses/{id}', status: '401' };
  expect(valueOf(samples, 'http_server_request_duration_seconds_count', shown)).toBeGreaterThanOrEqual(1);
  const text = JSON.stringify(samples);
  expect(text).not.toContain(ULID);
  expect(text).not.toContain('not-a-token');
  for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'hcs_db_waiting']) {
    expect(samples.map((s) => s.name)).toContain(name);
  }
  if (test.info().project.name === 'postgres') expect(samples.map((s) => s.labels.state)).toContain('idle');
});

test('/metrics counts survey responses offered and answered', async ({ request, baseURL }) => {
  const counts = async () => {
    const samples = await scrape(request, baseURL!);
    return {
      offered: valueOf(samples, 'hcs_survey_responses_offered_total', { source: 'api' }),
      answered: valueOf(samples, 'hcs_survey_responses_answered_total', { source: 'submit' }),
    };
  };
  const before = await counts();
  const survey = await defaultSurvey(request);
  const offered = await offer(request, { surveyId: survey.id });
  const submit = () =>
    request.post(`/api/v2/guide/survey_responses/${offered.id}`, {
      data: { survey_response: { access_token: offered.token, answers: csatAnswers(survey, 5) } },
    });
  expect((await submit()).status()).toBe(200);
  expect((await submit()).status()).toBe(200); // an edit: answered once
  const after = await counts();
  // Other test files offer and answer on this server at the same time: at least ours are counted.
  expect(after.offered).toBeGreaterThanOrEqual(before.offered + 1);
  expect(after.answered).toBeGreaterThanOrEqual(before.answered + 1);
});

test.describe('a server with METRICS_TOKEN, its log read', () => {
  const token = `metrics-${randomUUID()}`;
  let server: ChildProcess | undefined;
  let base = '';
  let migrations = '';
  let variable = '';
  const output: string[] = [];
  const logLines = () =>
    output
      .join('')
      .split('\n')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });

  test.beforeAll(async ({ request }, info) => {
    const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
    const postgres = info.project.name === 'postgres';
    variable = postgres ? 'MIGRATIONS_DIR_POSTGRES' : 'MIGRATIONS_DIR';
    migrations = mkdtempSync(path.join(tmpdir(), 'hcs-e2e-migrations-'));
    cpSync(path.join('db', postgres ? 'postgres' : 'sqlite', 'migrations'), migrations, { recursive: true });
    const port = portsOf(info);
    server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, METRICS_TOKEN: token, LOG_LEVEL: 'info', [variable]: migrations },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    base = `http://127.0.0.1:${port}`;
    await waitForHealth(request, base);
  });

  test.afterAll(() => {
    server?.kill('SIGTERM');
    if (migrations) rmSync(migrations, { recursive: true, force: true });
  });

  test('/metrics asks for the bearer METRICS_TOKEN', async ({ request }) => {
    const unauthorized = await request.get(`${base}/metrics`);
    expect(unauthorized.status()).toBe(401);
    expect(unauthorized.headers()['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(await unauthorized.json()).toEqual({ errors: [{ code: 'Unauthorized', status: '401', title: 'Unauthorized to access the resource' }] });
    for (const authorization of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token]) {
      expect((await request.get(`${base}/metrics`, { headers: { authorization } })).status(), authorization).toBe(401);
    }
    const samples = await scrape(request, base, { authorization: `Bearer ${token}` });
    expect(valueOf(samples, 'http_server_request_duration_seconds_count', { method: 'GET', route: '/metrics', status: '401' })).toBe(5);
  });

  test('one JSON line per request, with the route template and request id and no secret', async ({ request }) => {
    const requestId = `e2e-${randomUUID()}`;
    const secrets = { query: `query-secret-${randomUUID()}`, password: `password-secret-${randomUUID()}`, cookie: `cookie-secret-${randomUUID()}` };
    const basic = Buffer.from(`admin@example.com/token:${secrets.password}`).toString('base64');
    const res = await request.get(`${base}/api/v2/guide/survey_responses/${ULID}?access_token=${secrets.query}`, {
      headers: { authorization: `Basic ${basic}`, cookie: `hcs_session=${secrets.cookie}`, 'x-request-id': requestId },
    });
    expect(res.status()).toBe(401);
    expect(res.headers()['x-request-id']).toBe(requestId);
    await expect.poll(() => logLines().filter((line) => line.request_id === requestId)).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        pid: expect.any(Number),
        hostname: expect.any(String),
        request_id: requestId,
        method: 'GET',
        route: '/api/v2/guide/survey_responses/{id}',
        status: 401,
        duration_ms: expect.any(Number),
        msg: 'request',
      },
    ]);
    const everything = output.join('');
    for (const secret of [...Object.values(secrets), basic, ULID]) expect(everything).not.toContain(secret);
  });

  test('a request without a usable X-Request-Id gets a new one, in its answer and its log line', async ({ request }) => {
    for (const given of [undefined, 'not a valid id']) {
      const res = await request.get(`${base}/`, { headers: given ? { 'x-request-id': given } : {} });
      expect(res.status()).toBe(200);
      const requestId = res.headers()['x-request-id']!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await expect
        .poll(() => logLines().find((line) => line.request_id === requestId))
        .toMatchObject({ method: 'GET', route: '/', status: 200 });
    }
  });

  test('GET /api/ready is 503 while this version has a migration the database lacks, and 200 again once applied', async ({ request }) => {
    expect((await request.get(`${base}/api/ready`)).status()).toBe(200);
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const original = readFileSync(journalFile, 'utf8');
    const journal = JSON.parse(original) as { entries: { idx: number; when: number; tag: string }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_newer' });
    writeFileSync(path.join(migrations, '9999_newer.sql'), 'select 1;');
    writeFileSync(journalFile, JSON.stringify(journal));
    try {
      const res = await request.get(`${base}/api/ready`);
      expect(res.status()).toBe(503);
      expect(res.headers()['retry-after']).toBe('5');
      expect(await res.json()).toEqual({
        errors: [{ code: 'ServiceUnavailable', status: '503', title: 'Service unavailable', detail: 'The database lacks 1 migration(s) of this version' }],
      });
    } finally {
      writeFileSync(journalFile, original);
    }
    expect((await request.get(`${base}/api/ready`)).status()).toBe(200);
  });
});

/** A GET on a connection of its own: the cluster hands each new connection to the next worker. */
const getAlone = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', reject);
  });

test('with WEB_CONCURRENCY=2, /metrics answers for both workers together', async ({ request }, info) => {
  test.setTimeout(150_000);
  const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
  const port = portsOf(info) + 1;
  const server = spawn('node_modules/.bin/tsx', ['scripts/start.ts', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '2' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(request, base);
    // Both workers are up once the primary can collect from each.
    await expect.poll(async () => (await request.get(`${base}/metrics`).catch(() => undefined))?.status(), { timeout: 90_000 }).toBe(200);
    const series = { method: 'GET', route: '/api/health', status: '200' };
    const before = valueOf(await scrape(request, base), 'http_server_request_duration_seconds_count', series);
    for (let i = 0; i < 20; i++) expect(await getAlone(`${base}/api/health`)).toBe(200);
    // Whichever worker answers the scrape, all 20 are counted.
    for (let i = 0; i < 4; i++) {
      expect(valueOf(await scrape(request, base), 'http_server_request_duration_seconds_count', series)).toBe(before + 20);
    }
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
});

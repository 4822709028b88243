import { spawn } from 'node:child_process';
import http from 'node:http';
import { expect, test } from '../support/test';
import { adminAuth, defaultSurvey, uniqueTicket } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';

// SIGTERM under steady keep-alive traffic: the server stops taking connections, answers what it
// accepted (none with a 5xx), closes each connection after its answer, and exits within
// SHUTDOWN_TIMEOUT_S. A second server on the project's database takes the signal; this file's
// clients keep reading and writing through it on kept-alive connections until it refuses them.

const TIMEOUT_S = 5;

interface Result {
  status?: number;
  /** How the request failed without an answer: refused (not accepted) or reset on a reused socket. */
  error?: string;
}

function call(agent: http.Agent, base: URL, method: string, path: string, body?: unknown): Promise<Result> {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { agent, host: base.hostname, port: base.port, method, path, headers: { ...adminAuth(), ...(data && { 'Content-Type': 'application/json' }) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode! }));
        res.on('error', (error) => resolve({ error: `answer cut: ${error.message}` }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(data);
  });
}

/** A POST whose body arrives in two parts, `pause` ms apart: a request the server has accepted and is
 * still reading when the signal comes. Its socket is kept alive afterwards unless the server closes it. */
function slowPost(agent: http.Agent, base: URL, path: string, parts: [string, string], pause: number): Promise<Result & { connection?: string }> {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method: 'POST', path, headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.write(parts[0]);
    setTimeout(() => req.end(parts[1]), pause);
  });
}

test('SIGTERM under keep-alive traffic: every accepted request is answered, none 5xx, and the process exits in time', async ({ request }, info) => {
  test.setTimeout(90_000);
  const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
  const port = 3270 + info.parallelIndex * 2 + (info.project.name === 'postgres' ? 1 : 0);
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_S: String(TIMEOUT_S) },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const base = new URL(`http://127.0.0.1:${port}`);
  await expect.poll(async () => (await request.get(`${base.origin}/api/health`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
  const survey = await defaultSurvey(request);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const results: Result[] = [];
  let refused = false;
  const worker = async (i: number) => {
    while (!refused) {
      const result =
        i % 2 === 0
          ? await call(agent, base, 'GET', '/api/v2/guide/survey_responses?page[size]=5')
          : await call(agent, base, 'POST', '/api/v2/guide/survey_responses', {
              survey_response: { survey_id: survey.id, subject_zrns: [uniqueTicket()], locale: 'en-us' },
            });
      results.push(result);
      if (result.error === 'ECONNREFUSED') refused = true;
    }
  };
  const workers = Array.from({ length: 4 }, (_, i) => worker(i));
  await expect.poll(() => results.length, { timeout: 30_000 }).toBeGreaterThan(40);
  const answeredBefore = results.filter((r) => r.status).length;
  const slowAgent = new http.Agent({ keepAlive: true });
  const slow = slowPost(slowAgent, base, '/api/responses', ['{"writeKey":', '"not-a-key","campaign":"c","userId":"u"}'], 1_500);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stoppedAt = Date.now();
  server.kill('SIGTERM');
  const code = await exited;
  const tookS = (Date.now() - stoppedAt) / 1000;
  refused = true;
  await Promise.all(workers);
  agent.destroy();
  const slowAnswer = await slow;
  slowAgent.destroy();

  expect(tookS).toBeLessThan(TIMEOUT_S + 2);
  expect([0, 143]).toContain(code);
  // The request still arriving when the signal came was read to its end and answered (401: the key
  // is wrong), on a connection the server then closed.
  expect(slowAnswer).toEqual({ status: 401, connection: 'close' });
  // Answers went on arriving after the signal (the server did not just drop its connections) ...
  expect(results.filter((r) => r.status).length).toBeGreaterThan(answeredBefore);
  // ... every one a 200, none reset or cut half way: the only failures are new connections, which the
  // stopping server refuses.
  expect(results.filter((r) => r.status !== undefined && r.status !== 200)).toEqual([]);
  expect(results.filter((r) => r.error && r.error !== 'ECONNREFUSED')).toEqual([]);
});

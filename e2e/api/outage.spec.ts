import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { expect, test } from '../support/test';
import { createDatabase, dropDatabase } from '@/db/postgres/databases';

// A database that goes away is a 503 (never a 400 or a 500), and the server recovers by itself when
// it comes back. The server under test reaches PostgreSQL through a TCP relay that the test cuts and
// restores; PostgreSQL itself keeps running for the other tests. PostgreSQL only: an SQLite file
// does not go away while its server runs.

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL || process.env.TEST_POSTGRES_URL;

/** Forwards a local port to PostgreSQL; `cut()` refuses new connections and drops open ones. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { open, cut, url: () => Object.assign(new URL(target), { hostname: '127.0.0.1', port: String(port) }).toString() };
}

test.describe('database outage', () => {
  test.setTimeout(120_000);

  let server: ChildProcess | undefined;
  const name = `hcs_e2e_outage_${process.pid}`;
  test.afterAll(async () => {
    server?.kill('SIGTERM');
    if (adminUrl) await dropDatabase(adminUrl, name).catch(() => {});
  });

  test('a database that is down answers 503 in the envelope, and the server recovers by itself', async ({ request }) => {
    // Skipped in the sqlite project: an SQLite file cannot be cut off from a running server the way a
    // network database can (see the header); and without a PostgreSQL admin URL there is no server to stop.
    test.skip(test.info().project.name !== 'postgres' || !adminUrl, 'PostgreSQL only');
    const direct = new URL(await createDatabase(adminUrl!, name));
    const path = relay(direct);
    await path.open();
    const port = 3300 + (process.pid % 500);
    server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: { ...process.env, DATABASE_URL: path.url(), DATABASE_POOL_MAX: '4' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
    const made = spawnSync('node_modules/.bin/tsx', ['scripts/cli.ts', 'token', 'add'], {
      env: { ...process.env, DATABASE_URL: direct.toString() },
      encoding: 'utf8',
    });
    const { token } = JSON.parse(made.stdout.trim().split('\n').pop()!) as { token: string };
    const auth = { Authorization: `Basic ${Buffer.from(`admin@example.com/token:${token}`).toString('base64')}` };
    const me = () => request.get(`${base}/api/v2/users/me`, { headers: auth });
    expect((await me()).status()).toBe(200);

    await path.cut();
    const down = await me();
    expect(down.status()).toBe(503);
    expect(down.headers()['retry-after']).toBe('5');
    expect(await down.json()).toEqual({
      errors: [{ code: 'ServiceUnavailable', status: '503', title: 'Service unavailable', detail: 'The database cannot be reached; try again shortly' }],
    });
    // A write too: nothing the client sent is at fault.
    const create = await request.post(`${base}/api/v2/guide/survey_responses`, {
      headers: auth,
      data: { survey_response: { survey_id: '01J00000000000000000000000', responder_id: 1, subject_zrns: ['zen:ticket:1'], locale: 'en-us' } },
    });
    expect(create.status()).toBe(503);
    // The readiness check takes the instance out of rotation.
    const ready = await request.get(`${base}/api/ready`);
    expect(ready.status()).toBe(503);
    expect(ready.headers()['retry-after']).toBe('5');
    expect(await ready.json()).toEqual(await down.json());
    // The survey page says so in the customer's language.
    const page = await request.get(`${base}/hc/de/survey_responses/01J00000000000000000000000?access_token=x`);
    expect(page.status()).toBe(503);
    expect(await page.text()).toContain('Die Umfrage kann gerade nicht geöffnet werden');

    await path.open();
    await expect.poll(async () => (await me()).status(), { timeout: 30_000 }).toBe(200);
    expect((await request.get(`${base}/api/ready`)).status()).toBe(200);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/test';
import { adminAuth } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';

// The address guard as production runs it: the suite's own servers allow private networks (their
// receivers listen on 127.0.0.1), so this file starts a server of its own on the project's database
// with WEBHOOK_ALLOW_PRIVATE_NETWORKS=false. Endpoints on loopback, link-local (the cloud metadata
// address) or private addresses are refused with a 400 and change nothing.

// One worker runs the file, so one server per project takes its port.
test.describe.configure({ mode: 'serial' });
let server: ChildProcess | undefined;
let base = '';

test.beforeAll(async ({ request }, info) => {
  test.setTimeout(120_000);
  const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
  const port = 3400 + (info.project.name === 'postgres' ? 1 : 0);
  const env = { ...process.env, DATABASE_URL: databaseUrl, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' };
  server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], { env, stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 90_000 }).toBe(200);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

const refusal = (host: string, address: string, pointer = '/webhook/endpoint') => ({
  errors: [
    {
      code: 'BadRequest',
      status: '400',
      title: 'Invalid endpoint',
      detail: `The endpoint is refused: ${host} resolves to ${address}, a loopback, private, link-local or metadata address`,
      source: { pointer },
    },
  ],
});

test('create refuses loopback, metadata and private endpoints, and makes nothing', async ({ request }) => {
  const name = `guarded ${randomUUID()}`;
  const webhook = { name, status: 'active', http_method: 'POST', request_format: 'json', subscriptions: ['zen:event-type:survey_response.answered'] };
  for (const [endpoint, host] of [
    ['http://127.0.0.1:3400/hook', '127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['https://10.0.0.8/hook', '10.0.0.8'],
    ['http://[::1]:8080/', '::1'],
  ] as const) {
    const res = await request.post(`${base}/api/v2/webhooks`, { headers: adminAuth(), data: { webhook: { ...webhook, endpoint } } });
    expect(res.status(), endpoint).toBe(400);
    expect(await res.json()).toEqual(refusal(host, host));
  }
  const localhost = await request.post(`${base}/api/v2/webhooks`, { headers: adminAuth(), data: { webhook: { ...webhook, endpoint: 'http://localhost:3400/' } } });
  expect(localhost.status()).toBe(400);
  expect((await localhost.json()).errors[0].detail).toMatch(/^The endpoint is refused: localhost resolves to (127\.0\.0\.1|::1), /);
  const listed = await request.get(`${base}/api/v2/webhooks?filter[name_contains]=${encodeURIComponent(name)}`, { headers: adminAuth() });
  expect((await listed.json()).webhooks).toEqual([]);
});

test('an update to a private endpoint is refused and leaves the webhook as it was; so is a test send', async ({ request }) => {
  const created = await request.post(`${base}/api/v2/webhooks`, {
    headers: adminAuth(),
    // A public address literal: checked without a lookup, never called (the webhook stays inactive).
    data: { webhook: { name: `public ${randomUUID()}`, status: 'inactive', endpoint: 'https://93.184.216.34/hook', http_method: 'POST', request_format: 'json' } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { webhook } = await created.json();
  try {
    const url = `${base}/api/v2/webhooks/${webhook.id}`;
    const patched = await request.patch(url, { headers: adminAuth(), data: { webhook: { endpoint: 'http://169.254.169.254/' } } });
    expect(patched.status()).toBe(400);
    expect(await patched.json()).toEqual(refusal('169.254.169.254', '169.254.169.254'));
    expect((await (await request.get(url, { headers: adminAuth() })).json()).webhook).toEqual(webhook);

    const tested = await request.post(`${base}/api/v2/webhooks/test`, { headers: adminAuth(), data: { request: { endpoint: 'http://192.168.1.1/' } } });
    expect(tested.status()).toBe(400);
    expect(await tested.json()).toEqual(refusal('192.168.1.1', '192.168.1.1', '/request/endpoint'));
  } finally {
    await request.delete(`${base}/api/v2/webhooks/${webhook.id}`, { headers: adminAuth() });
  }
});

import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { adminAuth, defaultSurvey, makeUser, offer, suiteCredentials } from '../support/api';

// The Webhooks API (docs/zendesk-api.md, Webhooks). Receivers listen on 127.0.0.1: the suite's
// servers allow private networks (playwright.config.ts); the guard has a spec of its own
// (webhook-addresses.spec.ts). Every webhook a test makes is deleted when it ends, so no other
// test's events are sent to it.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const OFFERED = 'zen:event-type:survey_response.offered';
const ANSWERED = 'zen:event-type:survey_response.answered';
const TEST_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

const made: string[] = [];
test.afterEach(async ({ request }) => {
  for (const id of made.splice(0)) await request.delete(`/api/v2/webhooks/${id}`, { headers: adminAuth() });
});

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that keeps what it gets and answers 201 "thanks". */
async function receiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'text/plain', 'x-receiver': 'yes' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What a receiver written for Zendesk checks: base64(HMAC-SHA256(secret, timestamp + body)). */
function signedWith(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-zendesk-webhook-signature-timestamp']);
  const expected = createHmac('sha256', secret).update(timestamp + r.body).digest('base64');
  return r.headers['x-zendesk-webhook-signature'] === expected;
}

async function makeWebhook(request: APIRequestContext, fields: Record<string, unknown> = {}) {
  const res = await request.post('/api/v2/webhooks', {
    headers: adminAuth(),
    data: { webhook: { name: `hook ${randomUUID()}`, status: 'inactive', endpoint: 'http://127.0.0.1:9/hook', http_method: 'POST', request_format: 'json', ...fields } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { webhook } = (await res.json()) as { webhook: { id: string; name: string } };
  made.push(webhook.id);
  return webhook;
}

test('create (201), show, patch and put (204), delete (204): the webhook as Zendesk shows it, without credentials', async ({ request }) => {
  const name = `Ratings ${randomUUID()}`;
  const created = await request.post('/api/v2/webhooks', {
    headers: adminAuth(),
    data: {
      webhook: {
        name,
        description: 'To the helpdesk',
        status: 'active',
        endpoint: 'http://127.0.0.1:9/ratings',
        http_method: 'POST',
        request_format: 'json',
        subscriptions: [ANSWERED, OFFERED, ANSWERED],
        authentication: { type: 'bearer_token', add_position: 'header', data: { token: 'abc123' } },
        custom_headers: { 'x-ignored': 'yes' },
      },
    },
  });
  expect(created.status()).toBe(201);
  const { webhook } = await created.json();
  made.push(webhook.id);
  const admin = String(suiteCredentials().adminId);
  expect(webhook).toEqual({
    id: expect.stringMatching(ULID),
    name,
    status: 'active',
    subscriptions: [ANSWERED, OFFERED],
    created_at: expect.stringMatching(ISO),
    created_by: admin,
    description: 'To the helpdesk',
    endpoint: 'http://127.0.0.1:9/ratings',
    http_method: 'POST',
    request_format: 'json',
    updated_at: expect.stringMatching(ISO),
    updated_by: admin,
    authentication: { type: 'bearer_token', add_position: 'header' },
  });
  const url = `/api/v2/webhooks/${webhook.id}`;
  expect(await (await request.get(url, { headers: adminAuth() })).json()).toEqual({ webhook });
  // The .json suffix and a trailing slash name the same resource.
  expect((await request.get(`${url}.json`, { headers: adminAuth() })).status()).toBe(200);

  const patched = await request.patch(url, { headers: adminAuth(), data: { webhook: { status: 'inactive', subscriptions: [OFFERED], authentication: null } } });
  expect(patched.status()).toBe(204);
  expect(await patched.text()).toBe('');
  const afterPatch = (await (await request.get(url, { headers: adminAuth() })).json()).webhook;
  const withoutAuth = { ...webhook };
  delete withoutAuth.authentication;
  expect(afterPatch).toEqual({ ...withoutAuth, status: 'inactive', subscriptions: [OFFERED], updated_at: expect.stringMatching(ISO) });

  const put = await request.put(`${url}/`, {
    headers: adminAuth(),
    data: { webhook: { name: `${name} (renamed)`, status: 'inactive', endpoint: 'http://127.0.0.1:9/other', http_method: 'post', request_format: 'JSON' } },
  });
  expect(put.status()).toBe(204);
  expect((await (await request.get(url, { headers: adminAuth() })).json()).webhook).toEqual({
    ...afterPatch,
    name: `${name} (renamed)`,
    endpoint: 'http://127.0.0.1:9/other',
    updated_at: expect.stringMatching(ISO),
  });
  // PUT wants the fields Zendesk marks mandatory.
  const incomplete = await request.put(url, { headers: adminAuth(), data: { webhook: { status: 'active' } } });
  expect(incomplete.status()).toBe(400);
  expect((await incomplete.json()).errors.map((e: { source: { pointer: string } }) => e.source.pointer).sort()).toEqual(
    ['/webhook/endpoint', '/webhook/http_method', '/webhook/name', '/webhook/request_format'],
  );

  expect((await request.delete(url, { headers: adminAuth() })).status()).toBe(204);
  const gone = await request.get(url, { headers: adminAuth() });
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The webhook could not be found' }] });
  expect((await request.delete(url, { headers: adminAuth() })).status()).toBe(404);
  expect((await request.patch(url, { headers: adminAuth(), data: { webhook: { status: 'active' } } })).status()).toBe(404);
});

test('authentication: basic auth, kept when data is left out, and never shown', async ({ request }) => {
  const hook = await makeWebhook(request, { authentication: { type: 'basic_auth', add_position: 'header', data: { username: 'u', password: 'p' } } });
  const url = `/api/v2/webhooks/${hook.id}`;
  // A client sending back what Show gave it keeps the credentials.
  expect((await request.patch(url, { headers: adminAuth(), data: { webhook: { authentication: { type: 'basic_auth', add_position: 'header' } } } })).status()).toBe(204);
  expect((await (await request.get(url, { headers: adminAuth() })).json()).webhook.authentication).toEqual({ type: 'basic_auth', add_position: 'header' });
  // Another type needs its data.
  const missing = await request.patch(url, { headers: adminAuth(), data: { webhook: { authentication: { type: 'bearer_token', add_position: 'header' } } } });
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: 'data is required: the token the endpoint asks for', source: { pointer: '/webhook/authentication/data' } }],
  });
});

test('list: cursor pages by name, status or creation, both ways, with filters', async ({ request }) => {
  const tag = randomUUID();
  const names = ['b', 'a', 'c'].map((n) => `${n} list ${tag}`);
  const hooks = [];
  for (const [i, name] of names.entries()) hooks.push(await makeWebhook(request, { name, status: i === 2 ? 'active' : 'inactive' }));
  const list = async (query: string) => {
    const res = await request.get(`/api/v2/webhooks?filter[name_contains]=${encodeURIComponent(tag.toUpperCase())}&${query}`, { headers: adminAuth() });
    expect(res.status(), await res.text()).toBe(200);
    return res.json();
  };
  const byName = (body: { webhooks: { name: string }[] }) => body.webhooks.map((w) => w.name);

  const first = await list('sort=name&page[size]=2');
  expect(byName(first)).toEqual([names[1], names[0]]);
  expect(first.meta).toEqual({ has_more: true, after_cursor: expect.any(String), before_cursor: expect.any(String) });
  expect(first.links.prev).toBeNull();
  const next = new URL(first.links.next);
  expect(next.searchParams.get('page[after]')).toBe(first.meta.after_cursor);
  const second = await list(`sort=name&page[size]=2&page[after]=${encodeURIComponent(first.meta.after_cursor)}`);
  expect(byName(second)).toEqual([names[2]]);
  expect(second.meta.has_more).toBe(false);
  expect(second.links.next).toBeNull();
  const back = await list(`sort=name&page[size]=2&page[before]=${encodeURIComponent(second.meta.before_cursor)}`);
  expect(byName(back)).toEqual([names[1], names[0]]);

  expect(byName(await list('sort=-name'))).toEqual([names[2], names[0], names[1]]);
  expect(byName(await list('sort=created_at'))).toEqual(names);
  expect(byName(await list('sort=-created_at'))).toEqual([...names].reverse());
  expect(byName(await list('sort=status'))).toEqual([names[2], names[0], names[1]]);
  expect(byName(await list('filter[status]=inactive'))).toEqual([names[0], names[1]]);
  expect((await list('filter[status]=active')).webhooks).toEqual([expect.objectContaining({ id: hooks[2]!.id, status: 'active' })]);

  // A cursor of another sort, or one this API did not issue, is refused.
  const other = await request.get(`/api/v2/webhooks?sort=-name&page[after]=${encodeURIComponent(first.meta.after_cursor)}`, { headers: adminAuth() });
  expect(other.status()).toBe(400);
  expect(await other.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid cursor', detail: 'The cursor is not one this API issued', source: { parameter: 'page[after]' } }],
  });
  expect((await request.get('/api/v2/webhooks?page[after]=abc.def', { headers: adminAuth() })).status()).toBe(400);
  const sort = await request.get('/api/v2/webhooks?sort=endpoint', { headers: adminAuth() });
  expect(sort.status()).toBe(400);
  expect((await sort.json()).errors[0].source).toEqual({ parameter: 'sort' });
});

test('bad bodies are 400s naming the field', async ({ request }) => {
  const valid = { name: 'x', status: 'inactive', endpoint: 'http://127.0.0.1:9/', http_method: 'POST', request_format: 'json' };
  const cases: [Record<string, unknown>, string, string][] = [
    [{ http_method: 'GET' }, '/webhook/http_method', 'must be POST'],
    [{ request_format: 'xml' }, '/webhook/request_format', 'must be json'],
    [{ subscriptions: ['conditional_ticket_events'] }, '/webhook/subscriptions/0', 'must be one of the event types'],
    [{ endpoint: 'ftp://127.0.0.1/x' }, '/webhook/endpoint', 'must be an http: or https: URL'],
    [{ endpoint: 'not a url' }, '/webhook/endpoint', 'must be an http: or https: URL'],
    [{ status: 'paused' }, '/webhook/status', 'must be active or inactive'],
    [{ name: '  ' }, '/webhook/name', 'must not be empty'],
    [{ authentication: { type: 'api_key', add_position: 'header', data: { name: 'k', value: 'v' } } }, '/webhook/authentication/type', 'must be bearer_token or basic_auth'],
    [{ authentication: { type: 'bearer_token', add_position: 'header', data: { token: 'a\r\nx: y' } } }, '/webhook/authentication/data/token', 'must be printable ASCII'],
  ];
  for (const [change, pointer, detail] of cases) {
    const res = await request.post('/api/v2/webhooks', { headers: adminAuth(), data: { webhook: { ...valid, ...change } } });
    expect(res.status(), JSON.stringify(change)).toBe(400);
    const { errors } = await res.json();
    expect(errors, JSON.stringify(change)).toEqual([{ code: 'BadRequest', status: '400', title: 'Invalid request', detail: expect.stringContaining(detail), source: { pointer } }]);
  }
  expect((await request.post('/api/v2/webhooks', { headers: adminAuth(), data: '{"webhook":' })).status()).toBe(400);
  // An address that does not resolve is refused by the guard.
  const unresolvable = await request.post('/api/v2/webhooks', { headers: adminAuth(), data: { webhook: { ...valid, endpoint: 'http://no-such-host.invalid/' } } });
  expect(unresolvable.status()).toBe(400);
  expect(await unresolvable.json()).toEqual({
    errors: [{ code: 'BadRequest', status: '400', title: 'Invalid endpoint', detail: 'The endpoint is refused: no-such-host.invalid does not resolve to an address', source: { pointer: '/webhook/endpoint' } }],
  });
});

test('admins only: others get 403 whatever the id, no credentials 401; 405 with Allow', async ({ request }) => {
  const hook = await makeWebhook(request);
  const agent = await makeUser(request, 'agent');
  const attempts = [
    request.get('/api/v2/webhooks', { headers: agent.auth }),
    request.post('/api/v2/webhooks', {
      headers: agent.auth,
      data: { webhook: { name: 'x', status: 'inactive', endpoint: 'http://127.0.0.1:9/', http_method: 'POST', request_format: 'json' } },
    }),
    request.get(`/api/v2/webhooks/${hook.id}`, { headers: agent.auth }),
    request.get('/api/v2/webhooks/01J0000000000000000000000X', { headers: agent.auth }),
    request.delete(`/api/v2/webhooks/${hook.id}`, { headers: agent.auth }),
    request.get(`/api/v2/webhooks/${hook.id}/signing_secret`, { headers: agent.auth }),
    request.post(`/api/v2/webhooks/${hook.id}/signing_secret`, { headers: agent.auth }),
    request.get(`/api/v2/webhooks/${hook.id}/invocations`, { headers: agent.auth }),
    request.post('/api/v2/webhooks/test', { headers: agent.auth, data: { request: { endpoint: 'http://127.0.0.1:9/' } } }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status(), res.url()).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ code: 'Forbidden', status: '403', title: 'Access to the resource is forbidden' }] });
  }
  expect((await request.get(`/api/v2/webhooks/${hook.id}`)).status()).toBe(401);
  expect((await request.get(`/api/v2/webhooks/${hook.id}/signing_secret`)).status()).toBe(401);
  const wrong = await request.post(`/api/v2/webhooks/${hook.id}`, { headers: adminAuth(), data: {} });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers().allow).toBe('GET, PUT, PATCH, DELETE, HEAD, OPTIONS');
  expect((await request.get('/api/v2/webhooks/test', { headers: adminAuth() })).status()).toBe(405);
});

test('signing secret: shown to admins, reset to a new one (201)', async ({ request }) => {
  const hook = await makeWebhook(request);
  const url = `/api/v2/webhooks/${hook.id}/signing_secret`;
  const shown = await request.get(url, { headers: adminAuth() });
  expect(shown.status()).toBe(200);
  const { signing_secret } = await shown.json();
  expect(signing_secret).toEqual({ algorithm: 'SHA256', secret: expect.stringMatching(/^\S{32,}$/) });
  const reset = await request.post(url, { headers: adminAuth() });
  expect(reset.status()).toBe(201);
  const renewed = (await reset.json()).signing_secret;
  expect(renewed).toEqual({ algorithm: 'SHA256', secret: expect.any(String) });
  expect(renewed.secret).not.toBe(signing_secret.secret);
  expect((await (await request.get(url, { headers: adminAuth() })).json()).signing_secret).toEqual(renewed);
  expect((await request.get('/api/v2/webhooks/nope/signing_secret', { headers: adminAuth() })).status()).toBe(404);
  expect((await request.post('/api/v2/webhooks/nope/signing_secret', { headers: adminAuth() })).status()).toBe(404);
  // A receiver moving from Zendesk may keep its secret.
  const kept = await makeWebhook(request, { signing_secret: { algorithm: 'SHA256', secret: 'my-zendesk-secret-0123456789' } });
  expect((await (await request.get(`/api/v2/webhooks/${kept.id}/signing_secret`, { headers: adminAuth() })).json()).signing_secret.secret).toBe('my-zendesk-secret-0123456789');
});

test('invocations: one per subscribed event, newest first in cursor pages; their attempts; 404s', async ({ request }) => {
  const survey = await defaultSurvey(request);
  // Inactive until its log is seen empty: other tests offer responses at the same time.
  const hook = await makeWebhook(request, { subscriptions: [OFFERED] });
  const url = `/api/v2/webhooks/${hook.id}/invocations`;
  const empty = await request.get(url, { headers: adminAuth() });
  expect(empty.status()).toBe(200);
  expect(await empty.json()).toEqual({ invocations: [], meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { prev: null, next: null } });
  expect((await request.patch(`/api/v2/webhooks/${hook.id}`, { headers: adminAuth(), data: { webhook: { status: 'active' } } })).status()).toBe(204);

  const offered = [];
  for (let i = 0; i < 3; i++) offered.push(await offer(request, { surveyId: survey.id }));
  // Inactive from here on: the delivery of other tests' events does not reach it.
  expect((await request.patch(`/api/v2/webhooks/${hook.id}`, { headers: adminAuth(), data: { webhook: { status: 'inactive' } } })).status()).toBe(204);

  // At least ours: tests running beside this one may offer responses too while it is active.
  const all = (await (await request.get(url, { headers: adminAuth() })).json()).invocations;
  expect(all.length).toBeGreaterThanOrEqual(3);
  for (const invocation of all) {
    expect(invocation).toEqual({
      id: expect.stringMatching(/^[0-9]+$/),
      webhook_id: hook.id,
      status: expect.stringMatching(/^(pending|success|failed)$/),
      event_id: expect.stringMatching(ULID),
      latest_completed_at: invocation.latest_completed_at === null ? null : expect.stringMatching(ISO),
    });
  }
  const ids = all.map((i: { id: string }) => Number(i.id));
  expect(ids).toEqual([...ids].sort((a, b) => b - a));

  const path = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');
  const first = await (await request.get(`${url}?page[size]=2`, { headers: adminAuth() })).json();
  expect(first.invocations.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 2).map((i: { id: string }) => i.id));
  expect(first.meta.has_more).toBe(true);
  const pages = [first];
  while (pages.at(-1).links.next) pages.push(await (await request.get(path(pages.at(-1).links.next), { headers: adminAuth() })).json());
  expect(pages.flatMap((p) => p.invocations).map((i: { id: string }) => i.id)).toEqual(all.map((i: { id: string }) => i.id));
  expect(pages.at(-1).meta.has_more).toBe(false);
  const back = await (await request.get(path(pages[1].links.prev), { headers: adminAuth() })).json();
  expect(back.invocations.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 2).map((i: { id: string }) => i.id));
  // The cursor of another webhook's log is refused.
  const other = await makeWebhook(request);
  const foreign = await request.get(`/api/v2/webhooks/${other.id}/invocations?page[after]=${encodeURIComponent(first.meta.after_cursor)}`, { headers: adminAuth() });
  expect(foreign.status()).toBe(400);
  expect((await (await request.get(`${url}?filter[status]=pending,failed`, { headers: adminAuth() })).json()).errors[0].source).toEqual({ parameter: 'filter[status]' });

  const attempts = await request.get(`${url}/${all[0].id}/attempts`, { headers: adminAuth() });
  expect(attempts.status()).toBe(200);
  expect((await attempts.json()).attempts).toEqual(expect.any(Array));
  // An invocation of another webhook, or none, is not found; a malformed id is a 400.
  const notHis = await request.get(`/api/v2/webhooks/${other.id}/invocations/${all[0].id}/attempts`, { headers: adminAuth() });
  expect(notHis.status()).toBe(404);
  expect(await notHis.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The invocation could not be found' }] });
  expect((await request.get(`${url}/999999999999/attempts`, { headers: adminAuth() })).status()).toBe(404);
  expect((await request.get(`${url}/abc/attempts`, { headers: adminAuth() })).status()).toBe(400);
  expect((await request.get('/api/v2/webhooks/nope/invocations', { headers: adminAuth() })).status()).toBe(404);
  expect((await request.get(`/api/v2/webhooks/nope/invocations/${all[0].id}/attempts`, { headers: adminAuth() })).status()).toBe(404);
});

test('test send: signed with the static test secret, or with the webhook\'s own; answers what the endpoint answered', async ({ request }) => {
  const r = await receiver();
  try {
    const res = await request.post('/api/v2/webhooks/test', {
      headers: adminAuth(),
      data: { request: { endpoint: r.url, http_method: 'POST', request_format: 'json', headers: [{ key: 'X-Custom', value: 'one' }], payload: '{"say":"hello"}' } },
    });
    expect(res.status(), await res.text()).toBe(200);
    const { response } = await res.json();
    expect(response).toEqual({ status: 201, headers: expect.arrayContaining([{ key: 'x-receiver', value: 'yes' }]), body: 'thanks' });
    expect(r.received).toHaveLength(1);
    const [sent] = r.received;
    expect(sent!.method).toBe('POST');
    expect(sent!.body).toBe('{"say":"hello"}');
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers['x-custom']).toBe('one');
    expect(sent!.headers['x-zendesk-webhook-signature-timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(signedWith(TEST_SECRET, sent!)).toBe(true);

    // With webhook_id: its endpoint, credentials and secret fill in.
    const hook = await makeWebhook(request, { endpoint: r.url, authentication: { type: 'bearer_token', add_position: 'header', data: { token: 's3cret' } } });
    const { secret } = (await (await request.get(`/api/v2/webhooks/${hook.id}/signing_secret`, { headers: adminAuth() })).json()).signing_secret;
    const withHook = await request.post(`/api/v2/webhooks/test?webhook_id=${hook.id}`, { headers: adminAuth(), data: { request: {} } });
    expect(withHook.status(), await withHook.text()).toBe(200);
    const second = r.received[1]!;
    expect(second.body).toBe('{}');
    expect(second.headers.authorization).toBe('Bearer s3cret');
    expect(second.headers['x-zendesk-webhook-id']).toBe(hook.id);
    expect(signedWith(secret, second)).toBe(true);
    expect(signedWith(TEST_SECRET, second)).toBe(false);

    // GET sends no body; the signature covers the timestamp alone.
    expect((await request.post('/api/v2/webhooks/test', { headers: adminAuth(), data: { webhook: { endpoint: r.url, http_method: 'GET' } } })).status()).toBe(200);
    expect(r.received[2]!.method).toBe('GET');
    expect(signedWith(TEST_SECRET, r.received[2]!)).toBe(true);
  } finally {
    await r.close();
  }
});

test('test send: no answer is a 502, bad input a 400, an unknown webhook_id a 404; nothing is stored', async ({ request }) => {
  const closed = await receiver();
  await closed.close();
  const silent = await request.post('/api/v2/webhooks/test', { headers: adminAuth(), data: { request: { endpoint: closed.url } } });
  expect(silent.status()).toBe(502);
  expect(await silent.json()).toEqual({ errors: [{ code: 'BadGateway', status: '502', title: 'The endpoint did not answer', detail: expect.stringContaining('ECONNREFUSED') }] });
  const noEndpoint = await request.post('/api/v2/webhooks/test', { headers: adminAuth(), data: { request: { http_method: 'POST' } } });
  expect(noEndpoint.status()).toBe(400);
  expect((await noEndpoint.json()).errors[0].source).toEqual({ pointer: '/request/endpoint' });
  const badHeader = await request.post('/api/v2/webhooks/test', {
    headers: adminAuth(),
    data: { request: { endpoint: closed.url, headers: [{ key: 'x-zendesk-webhook-signature', value: 'forged' }] } },
  });
  expect(badHeader.status()).toBe(400);
  expect((await badHeader.json()).errors[0]).toMatchObject({ detail: 'is set by the service itself', source: { pointer: '/request/headers/0/key' } });
  expect((await request.post('/api/v2/webhooks/test?webhook_id=nope', { headers: adminAuth(), data: { request: {} } })).status()).toBe(404);
});

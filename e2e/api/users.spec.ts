import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/test';
import { adminAuth, basicAuth, makeUser } from '../support/api';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('create_or_update creates (201), then updates the same user by email (200)', async ({ request }) => {
  const email = `Someone-${randomUUID()}@Example.com`;
  const created = await request.post('/api/v2/users/create_or_update', {
    headers: adminAuth(),
    data: { user: { email, name: 'Some One', locale: 'pt-BR', external_id: `ext-${email}` } },
  });
  expect(created.status()).toBe(201);
  const { user } = await created.json();
  expect(user).toEqual({
    id: expect.any(Number),
    name: 'Some One',
    email: email.toLowerCase(),
    role: 'end_user',
    locale: 'pt-br',
    external_id: `ext-${email}`,
    created_at: expect.stringMatching(ISO),
    updated_at: expect.stringMatching(ISO),
  });
  const updated = await request.post('/api/v2/users/create_or_update', {
    headers: adminAuth(),
    data: { user: { email, name: 'Renamed', role: 'agent' } },
  });
  expect(updated.status()).toBe(200);
  expect((await updated.json()).user).toEqual({ ...user, name: 'Renamed', role: 'agent', updated_at: expect.stringMatching(ISO) });
});

test('users: me, show own, 403 for others unless admin, 404 unknown', async ({ request }) => {
  const agent = await makeUser(request, 'agent');
  const other = await makeUser(request, 'end_user');
  const me = await request.get('/api/v2/users/me', { headers: agent.auth });
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ id: agent.id, email: agent.email, role: 'agent' });
  expect((await request.get(`/api/v2/users/${agent.id}`, { headers: agent.auth })).status()).toBe(200);
  expect((await request.get(`/api/v2/users/${other.id}`, { headers: agent.auth })).status()).toBe(403);
  expect((await request.get(`/api/v2/users/${other.id}`, { headers: adminAuth() })).status()).toBe(200);
  const missing = await request.get('/api/v2/users/999999999', { headers: adminAuth() });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ errors: [{ code: 'NotFound', status: '404', title: 'The user could not be found' }] });
  for (const id of ['abc', '0x10', '1e3', '0']) expect((await request.get(`/api/v2/users/${id}`, { headers: adminAuth() })).status(), id).toBe(400);
  expect((await request.post('/api/v2/users/create_or_update', { headers: agent.auth, data: { user: { email: 'x@example.com' } } })).status()).toBe(403);
});

test('credentials: missing, malformed, unknown email, wrong or revoked token → 401', async ({ request }) => {
  const user = await makeUser(request, 'agent');
  const bad: Record<string, string>[] = [
    {},
    { Authorization: 'Bearer abc' },
    { Authorization: `Basic ${Buffer.from(`${user.email}:password`).toString('base64')}` },
    basicAuth(`nobody-${randomUUID()}@example.com`),
    basicAuth(user.email, 'not-a-token'),
    { Authorization: 'Basic !!!' },
  ];
  for (const headers of bad) {
    const res = await request.get('/api/v2/users/me', { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ code: 'Unauthorized', status: '401', title: 'Unauthorized to access the resource' }] });
  }
  // Credentials in the URL are ignored.
  expect((await request.get(`/api/v2/users/me?email=${user.email}`)).status()).toBe(401);
});

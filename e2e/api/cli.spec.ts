import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/test';
import { basicAuth, cli as runCli } from '../support/api';

interface CliOutput {
  user?: { id: number; email: string };
  users?: { email: string }[];
  token?: string;
  api_token?: { id: number; active: boolean };
  api_tokens?: unknown[];
  error?: string;
}

// The CLI works on the same database file as the running server, through the same lib functions.
const cli = (...args: string[]) => runCli<CliOutput>(...args);

test('cli: a user and a token made on the command line work at the API; a revoked token stops working', async ({ request }) => {
  const email = `cli-${randomUUID()}@example.com`;
  const added = cli('user', 'add', '--email', email, '--name', 'CLI User', '--role', 'agent', '--locale', 'de');
  expect(added.status).toBe(0);
  expect(added.json.user).toMatchObject({ email, name: 'CLI User', role: 'agent', locale: 'de' });

  const made = cli('token', 'add', '--description', 'cli test');
  expect(made.status).toBe(0);
  expect(made.json.token!).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const auth = basicAuth(email, made.json.token!);
  const me = await request.get('/api/v2/users/me', { headers: auth });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.id).toBe(added.json.user!.id);

  const listed = cli('token', 'list');
  expect(listed.json.api_tokens).toContainEqual(expect.objectContaining({ id: made.json.api_token!.id, description: 'cli test', active: true }));
  expect(JSON.stringify(listed.json)).not.toContain(made.json.token!);

  const revoked = cli('token', 'revoke', '--id', String(made.json.api_token!.id));
  expect(revoked.status).toBe(0);
  expect(revoked.json.api_token).toMatchObject({ id: made.json.api_token!.id, active: false });
  expect((await request.get('/api/v2/users/me', { headers: auth })).status()).toBe(401);
  expect(cli('user', 'list').json.users).toContainEqual(expect.objectContaining({ email }));
});

test('cli: bad input exits 1 with an error object and changes nothing', () => {
  const email = `cli-${randomUUID()}@example.com`;
  for (const args of [
    ['user', 'add', '--email', 'not-an-email', '--name', 'X', '--role', 'agent'],
    ['user', 'add', '--email', email, '--name', 'X', '--role', 'root'],
    ['token', 'revoke', '--id', 'abc'],
    ['token', 'revoke', '--id', '999999'],
    ['frobnicate'],
  ]) {
    const run = cli(...args);
    expect(run.status, args.join(' ')).toBe(1);
    expect(typeof run.json.error, args.join(' ')).toBe('string');
  }
  expect(cli('user', 'list').json.users).not.toContainEqual(expect.objectContaining({ email }));
});

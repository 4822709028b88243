import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/secrets';
import { addUser } from '../users/users';
import { SESSION_TTL_MS, sessionAdmin, signIn, signOut } from './session';

describe('admin sessions', () => {
  it('sign in admins only; sessions expire and can be revoked', async () => {
    const passwordHash = await hashPassword('correct horse');
    await addUser({ email: 'boss@example.com', name: 'Boss', role: 'admin', locale: 'en-us', passwordHash });
    await addUser({ email: 'agent@example.com', name: 'Agent', role: 'agent', locale: 'en-us', passwordHash });

    expect(await signIn({ email: 'agent@example.com', password: 'correct horse' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn({ email: 'boss@example.com', password: 'wrong' })).toEqual({ ok: false, reason: 'invalid' });
    const now = Date.now();
    const result = await signIn({ email: ' Boss@Example.com ', password: 'correct horse', now });
    if (!result.ok) throw new Error('expected a session');
    expect(await sessionAdmin({ token: result.token, now })).toMatchObject({ email: 'boss@example.com', role: 'admin' });
    expect(await sessionAdmin({ token: result.token, now: now + SESSION_TTL_MS })).toBeUndefined();
    expect(await sessionAdmin({ token: 'forged', now })).toBeUndefined();
    await signOut({ token: result.token });
    expect(await sessionAdmin({ token: result.token, now })).toBeUndefined();
  });

  it('throttles an email after five failures, whoever it belongs to', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn({ email: 'x@example.com', password: `p${i}` })).ok).toBe(false);
    expect(await signIn({ email: 'x@example.com', password: 'p6' })).toMatchObject({ ok: false, reason: 'throttled' });
  });
});

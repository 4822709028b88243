import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/secrets';
import { env } from '../env';
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

  it('limits failures per client address, never per email: the admin signs in from elsewhere', async () => {
    const passwordHash = await hashPassword('right password');
    await addUser({ email: 'chief@example.com', name: 'Chief', role: 'admin', locale: 'en-us', passwordHash });
    const attacker = '203.0.113.9';
    const limit = env().RATE_LIMIT_FAILURES;
    for (let i = 0; i < limit; i++) {
      expect(await signIn({ email: 'chief@example.com', password: `guess ${i}`, client: attacker })).toEqual({ ok: false, reason: 'invalid' });
    }
    // Past the limit the address is refused before the password is checked, the right one included.
    const refused = await signIn({ email: 'chief@example.com', password: 'right password', client: attacker });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await signIn({ email: 'chief@example.com', password: 'right password', client: '198.51.100.4' })).ok).toBe(true);
    // The window passes: the address may try again.
    const later = Date.now() + env().RATE_LIMIT_WINDOW_S * 1000 + 1;
    expect((await signIn({ email: 'chief@example.com', password: 'right password', client: attacker, now: later })).ok).toBe(true);
    // Each failure costs a scrypt check: twenty of them take seconds on a busy machine.
  }, 60_000);
});

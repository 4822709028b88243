import {
  clearSignInFailures,
  countSignInFailures,
  findSessionUser,
  insertAdminSession,
  insertSignInFailure,
  revokeAdminSession,
} from '@/db/admin-sessions';
import { findUserByEmail } from '@/db/users';
import type { Actor } from '../auth/credentials';
import { randomSecret, sha256, verifyPassword } from '../auth/secrets';

// Admin view sign-in: email and password (scrypt), a server-side session behind an opaque cookie,
// and throttling of repeated failures per email.

export const SESSION_COOKIE = 'hcs_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult = { ok: true; token: string; expiresAt: number } | { ok: false; reason: 'invalid' | 'throttled'; retryAfterSeconds?: number };

/** Checks the password of an admin; any other outcome looks the same to the client ("invalid"). */
export async function signIn({ email, password, now = Date.now() }: { email: string; password: string; now?: number }): Promise<SignInResult> {
  const address = email.trim().toLowerCase();
  if ((await countSignInFailures({ email: address, since: now - FAILURE_WINDOW_MS })) >= MAX_FAILURES) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(FAILURE_WINDOW_MS / 1000) };
  }
  const user = await findUserByEmail({ email: address });
  const valid = user?.role === 'admin' && user.passwordHash !== null && (await verifyPassword(password, user.passwordHash));
  if (!user || !valid) {
    await insertSignInFailure({ email: address, at: now });
    return { ok: false, reason: 'invalid' };
  }
  await clearSignInFailures({ email: address });
  const token = randomSecret();
  const expiresAt = now + SESSION_TTL_MS;
  await insertAdminSession({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt });
  return { ok: true, token, expiresAt };
}

/** The signed-in admin of a session cookie, or undefined (no cookie, expired, revoked, not admin). */
export async function sessionAdmin({ token, now = Date.now() }: { token: string | undefined; now?: number }): Promise<Actor | undefined> {
  if (!token) return undefined;
  const user = await findSessionUser({ tokenHash: sha256(token), now });
  if (!user || user.role !== 'admin') return undefined;
  return { id: user.id, email: user.email ?? '', role: user.role, locale: user.locale };
}

/**
 * The Set-Cookie value of a session: HttpOnly, SameSite=Lax, only under /admin, Secure behind HTTPS.
 * Without a token it clears the cookie.
 */
export function sessionCookie({ token, secure }: { token?: string; secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=${token ?? ''}`,
    'Path=/admin',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${token ? SESSION_TTL_MS / 1000 : 0}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export async function signOut({ token }: { token: string | undefined }): Promise<void> {
  if (token) await revokeAdminSession({ tokenHash: sha256(token), at: Date.now() });
}

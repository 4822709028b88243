import { findSessionUser, insertAdminSession, revokeAdminSession } from '@/db/admin-sessions';
import { findUserByEmail } from '@/db/users';
import type { Actor } from '../auth/credentials';
import { randomSecret, sha256, verifyPassword } from '../auth/secrets';
import { failedCredential, forgetFailedCredentials, throttledFor } from '../auth/throttle';
import { isThrottled } from '../errors';

// Admin view sign-in: email and password (scrypt), a server-side session behind an opaque cookie.
// Failed sign-ins are limited per client address (lib/auth/throttle.ts), never per email: nobody can
// lock the rightful admin out from elsewhere.

export const SESSION_COOKIE = 'hcs_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type SignInResult = { ok: true; token: string; expiresAt: number } | { ok: false; reason: 'invalid' | 'throttled'; retryAfterSeconds?: number };

/**
 * Checks the password of an admin; any other outcome looks the same to the client ("invalid"). Past
 * the limit of failures from `client`, the password is not even checked ("throttled").
 */
export async function signIn({ email, password, client, now = Date.now() }: { email: string; password: string; client?: string | undefined; now?: number }): Promise<SignInResult> {
  const kind = 'admin_password';
  const waitS = await throttledFor({ kind, client, now });
  if (waitS !== undefined) return { ok: false, reason: 'throttled', retryAfterSeconds: waitS };
  const user = await findUserByEmail({ email: email.trim().toLowerCase() });
  const valid = user?.role === 'admin' && user.passwordHash !== null && (await verifyPassword(password, user.passwordHash));
  if (!user || !valid) {
    try {
      await failedCredential({ kind, client, now });
    } catch (error) {
      if (!isThrottled(error)) throw error;
      return { ok: false, reason: 'throttled', retryAfterSeconds: Number(error.headers['Retry-After']) };
    }
    return { ok: false, reason: 'invalid' };
  }
  await forgetFailedCredentials({ kind, client });
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

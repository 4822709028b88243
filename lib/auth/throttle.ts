import { countFailure, findFailures, forgetFailures, pruneFailures } from '@/db/failed-credentials';
import { ApiError } from '../errors';
import { env } from '../env';

// Failed credentials are limited per client address, in the database so every app server counts
// alike: past RATE_LIMIT_FAILURES failures of one kind inside RATE_LIMIT_WINDOW_S, a failure is
// answered 429 with Retry-After instead of 401 (or the page's 404). High-entropy secrets (API tokens,
// write keys, access tokens) are checked first and counted when wrong, so a right one is never
// refused and a right request costs nothing extra. Admin passwords can be guessed: a sign-in past the
// limit is refused before the password is checked. Counting by address, never by account, means
// nobody can lock the rightful admin out from elsewhere.

export type CredentialKind = 'api_token' | 'write_key' | 'access_token' | 'admin_password';

const DAY_MS = 24 * 60 * 60 * 1000;

function limits() {
  const { RATE_LIMIT_FAILURES, RATE_LIMIT_WINDOW_S } = env();
  return { max: RATE_LIMIT_FAILURES, windowMs: RATE_LIMIT_WINDOW_S * 1000 };
}

export const tooManyFailures = (retryAfterS: number) =>
  new ApiError('TooManyRequests', [{ title: 'Too many failed attempts', detail: `Try again in ${retryAfterS} seconds` }], {
    'Retry-After': String(retryAfterS),
  });

const retryAfter = (windowStart: number, windowMs: number, now: number) => Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));

/** Counts a failed credential of `client`; throws the 429 once past the limit (else the caller throws its own error). */
export async function failedCredential({ kind, client, now = Date.now() }: { kind: CredentialKind; client: string | undefined; now?: number }): Promise<void> {
  if (!client) return;
  const { max, windowMs } = limits();
  const { failures, windowStart } = await countFailure({ kind, client, now, windowMs });
  // A new window is a good moment to forget addresses not seen for a day.
  if (failures === 1) await pruneFailures({ before: now - DAY_MS });
  if (failures > max) throw tooManyFailures(retryAfter(windowStart, windowMs, now));
}

/** The seconds `client` must wait before trying this kind of credential again, or undefined. */
export async function throttledFor({ kind, client, now = Date.now() }: { kind: CredentialKind; client: string | undefined; now?: number }): Promise<number | undefined> {
  if (!client) return undefined;
  const { max, windowMs } = limits();
  const found = await findFailures({ kind, client });
  if (!found || found.failures < max || found.windowStart + windowMs <= now) return undefined;
  return retryAfter(found.windowStart, windowMs, now);
}

export async function forgetFailedCredentials({ kind, client }: { kind: CredentialKind; client: string | undefined }): Promise<void> {
  if (client) await forgetFailures({ kind, client });
}

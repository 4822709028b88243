import { findUserWithActiveToken } from '@/db/api-tokens';
import type { UserRole } from '@/db/schema';
import { unauthorized } from '../errors';
import { sha256 } from './secrets';
import { failedCredential } from './throttle';

export interface Actor {
  id: number;
  email: string;
  role: UserRole;
  locale: string;
}

/** `Basic base64("{email}/token:{api_token}")` → its parts, or undefined when it is not of that form. */
export function parseBasicToken(header: string): { email: string; token: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const at = decoded.indexOf('/token:');
  if (at <= 0) return undefined;
  const email = decoded.slice(0, at).trim().toLowerCase();
  const token = decoded.slice(at + '/token:'.length);
  // No address holds a NUL character (and PostgreSQL text cannot): not credentials at all.
  return email && token && !email.includes('\0') ? { email, token } : undefined;
}

/** What a request presents: its Authorization header, and the client address it came from. */
export interface Presented {
  authorization: string | null;
  client?: string | undefined;
}

/**
 * The user a request acts as: undefined without an Authorization header; 401 when the header is
 * present but not a valid `{email}/token:{api_token}` pair (bad credentials are never ignored), 429
 * once its address has failed too often (lib/auth/throttle.ts).
 */
export async function authenticate({ authorization, client }: Presented): Promise<Actor | undefined> {
  if (!authorization) return undefined;
  const parsed = parseBasicToken(authorization);
  const user = parsed && (await findUserWithActiveToken({ email: parsed.email, hash: sha256(parsed.token) }));
  if (!parsed || !user) {
    await failedCredential({ kind: 'api_token', client });
    throw unauthorized();
  }
  return { id: user.id, email: parsed.email, role: user.role, locale: user.locale };
}

export async function requireActor(input: Presented): Promise<Actor> {
  const actor = await authenticate(input);
  if (!actor) throw unauthorized();
  return actor;
}

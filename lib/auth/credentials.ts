import { findUserWithActiveToken } from '@/db/api-tokens';
import type { UserRole } from '@/db/schema';
import { unauthorized } from '../errors';
import { sha256 } from './secrets';

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

/**
 * The user a request acts as: undefined without an Authorization header; 401 when the header is
 * present but not a valid `{email}/token:{api_token}` pair (bad credentials are never ignored).
 */
export async function authenticate({ authorization }: { authorization: string | null }): Promise<Actor | undefined> {
  if (!authorization) return undefined;
  const parsed = parseBasicToken(authorization);
  if (!parsed) throw unauthorized();
  const user = await findUserWithActiveToken({ email: parsed.email, hash: sha256(parsed.token) });
  if (!user) throw unauthorized();
  return { id: user.id, email: parsed.email, role: user.role, locale: user.locale };
}

export async function requireActor(input: { authorization: string | null }): Promise<Actor> {
  const actor = await authenticate(input);
  if (!actor) throw unauthorized();
  return actor;
}

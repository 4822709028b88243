import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenRow, UserRole } from '../schema';
import { guarded, pool, postgres, row } from './client';
import { apiTokens } from './schema';

export async function insertApiToken(values: { description: string; tokenHash: string; createdAt: number }): Promise<ApiTokenRow> {
  const db = await postgres();
  return guarded(async () => (await db.insert(apiTokens).values(values).returning())[0]!);
}

/** The user with this email, when an active (unrevoked) API token has this hash; else undefined. */
export async function findUserWithActiveToken({ email, hash }: { email: string; hash: string }) {
  const r = await row<[number, UserRole, string]>(
    await pool(),
    `select u.id, u.role, u.locale from users u
     where u.email = $1 and exists (select 1 from api_tokens t where t.token_hash = $2 and t.revoked_at is null)`,
    [email, hash],
  );
  return r && { id: r[0], role: r[1], locale: r[2] };
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(apiTokens).orderBy(asc(apiTokens.id)));
}

/** Returns the revoked row, or undefined when no active token has that id. */
export async function revokeApiToken({ id, at }: { id: number; at: number }): Promise<ApiTokenRow | undefined> {
  const db = await postgres();
  return guarded(async () =>
    (await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning())[0],
  );
}

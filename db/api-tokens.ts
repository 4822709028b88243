import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from './client';
import { apiTokens, type ApiTokenRow } from './schema';

const activeByHash = preparedOnce((db) =>
  db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare(),
);

export async function insertApiToken(row: { description: string; tokenHash: string; createdAt: number }): Promise<ApiTokenRow> {
  return getDb().insert(apiTokens).values(row).returning().get();
}

export async function findActiveApiTokenByHash({ hash }: { hash: string }): Promise<{ id: number } | undefined> {
  return activeByHash().get({ hash });
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  return getDb().select().from(apiTokens).orderBy(asc(apiTokens.id)).all();
}

/** Returns the revoked row, or undefined when no active token has that id. */
export async function revokeApiToken({ id, at }: { id: number; at: number }): Promise<ApiTokenRow | undefined> {
  return getDb()
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning()
    .get();
}

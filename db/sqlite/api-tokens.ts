import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenRow, UserRole } from '../schema';
import { preparedOnce, reader, serialized, writer } from './client';
import { apiTokens } from './schema';

// Every API request asks this: one raw statement (the user and the token in one step), not two
// drizzle queries with their generic row mapping.
const userWithToken = preparedOnce(reader, (db) =>
  db.$client.prepare(
    `select u.id, u.role, u.locale from users u
     where u.email = ? and exists (select 1 from api_tokens t where t.token_hash = ? and t.revoked_at is null)`,
  ),
);

export async function insertApiToken(row: { description: string; tokenHash: string; createdAt: number }): Promise<ApiTokenRow> {
  return serialized(() => writer().insert(apiTokens).values(row).returning().get());
}

/** The user with this email, when an active (unrevoked) API token has this hash; else undefined. */
export async function findUserWithActiveToken({ email, hash }: { email: string; hash: string }) {
  return userWithToken().get(email, hash) as { id: number; role: UserRole; locale: string } | undefined;
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  return reader().select().from(apiTokens).orderBy(asc(apiTokens.id)).all();
}

/** Returns the revoked row, or undefined when no active token has that id. */
export async function revokeApiToken({ id, at }: { id: number; at: number }): Promise<ApiTokenRow | undefined> {
  return serialized(() =>
    writer()
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning()
      .get(),
  );
}

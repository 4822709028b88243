import { and, asc, eq, isNull } from 'drizzle-orm';
import type { WriteKeyRow } from '../schema';
import { guarded, pool, postgres, row } from './client';
import { writeKeys } from './schema';

export async function insertWriteKey(values: { description: string; keyHash: string; createdAt: number }): Promise<WriteKeyRow> {
  const db = await postgres();
  return guarded(async () => (await db.insert(writeKeys).values(values).returning())[0]!);
}

export async function findActiveWriteKeyByHash({ hash }: { hash: string }): Promise<{ id: number } | undefined> {
  const r = await row<[number]>(await pool(), 'select id from write_keys where key_hash = $1 and revoked_at is null', [hash]);
  return r && { id: r[0] };
}

export async function listWriteKeys(): Promise<WriteKeyRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(writeKeys).orderBy(asc(writeKeys.id)));
}

/** Returns the revoked row, or undefined when no active key has that id. */
export async function revokeWriteKey({ id, at }: { id: number; at: number }): Promise<WriteKeyRow | undefined> {
  const db = await postgres();
  return guarded(async () =>
    (await db.update(writeKeys).set({ revokedAt: at }).where(and(eq(writeKeys.id, id), isNull(writeKeys.revokedAt))).returning())[0],
  );
}

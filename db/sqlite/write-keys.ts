import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { SurveyRow, WriteKeyRow } from '../schema';
import { preparedOnce, reader, serialized, writer } from './client';
import { writeKeys } from './schema';
import { findSurvey } from './surveys';

const activeByHash = preparedOnce(reader, (db) =>
  db
    .select({ id: writeKeys.id })
    .from(writeKeys)
    .where(and(eq(writeKeys.keyHash, sql.placeholder('hash')), isNull(writeKeys.revokedAt)))
    .prepare(),
);

export async function insertWriteKey(row: { description: string; keyHash: string; createdAt: number }): Promise<WriteKeyRow> {
  return serialized(() => writer().insert(writeKeys).values(row).returning().get());
}

export async function findActiveWriteKeyWithSurvey({ hash, surveyId }: { hash: string; surveyId: string }): Promise<{ id: number; survey: SurveyRow | undefined } | undefined> {
  const key = activeByHash().get({ hash });
  return key && { id: key.id, survey: await findSurvey({ id: surveyId }) };
}

export async function listWriteKeys(): Promise<WriteKeyRow[]> {
  return reader().select().from(writeKeys).orderBy(asc(writeKeys.id)).all();
}

/** Returns the revoked row, or undefined when no active key has that id. */
export async function revokeWriteKey({ id, at }: { id: number; at: number }): Promise<WriteKeyRow | undefined> {
  return serialized(() =>
    writer()
      .update(writeKeys)
      .set({ revokedAt: at })
      .where(and(eq(writeKeys.id, id), isNull(writeKeys.revokedAt)))
      .returning()
      .get(),
  );
}

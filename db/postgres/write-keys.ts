import { and, asc, eq, isNull } from 'drizzle-orm';
import type { SurveyRow, WriteKeyRow } from '../schema';
import { guarded, pool, postgres, row } from './client';
import { writeKeys } from './schema';
import { SURVEY_COLUMNS, toSurvey, type SurveyRaw } from './surveys';

export async function insertWriteKey(values: { description: string; keyHash: string; createdAt: number }): Promise<WriteKeyRow> {
  const db = await postgres();
  return guarded(async () => (await db.insert(writeKeys).values(values).returning())[0]!);
}

const WITH_SURVEY =
  `select k.id, ${SURVEY_COLUMNS.replace(/\w+/g, 's.$&')} from write_keys k left join surveys s on s.id = $2 where k.key_hash = $1 and k.revoked_at is null`;

export async function findActiveWriteKeyWithSurvey({ hash, surveyId }: { hash: string; surveyId: string }): Promise<{ id: number; survey: SurveyRow | undefined } | undefined> {
  const r = await row<[number, ...SurveyRaw]>(await pool(), WITH_SURVEY, [hash, surveyId]);
  return r && { id: r[0], survey: r[1] === null ? undefined : toSurvey(r.slice(1) as SurveyRaw) };
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

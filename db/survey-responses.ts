import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, preparedOnce } from './client';
import {
  answers,
  surveyResponses,
  surveyResponseSubjects,
  type AnswerRow,
  type NewAnswerRow,
  type NewSurveyResponseRow,
  type SurveyResponseRow,
} from './schema';

const byId = preparedOnce((db) =>
  db.select().from(surveyResponses).where(eq(surveyResponses.id, sql.placeholder('id'))).prepare(),
);
const answersOf = preparedOnce((db) =>
  db
    .select()
    .from(answers)
    .where(eq(answers.responseId, sql.placeholder('id')))
    .orderBy(asc(answers.position))
    .prepare(),
);

export async function insertSurveyResponse(row: NewSurveyResponseRow & { subjectZrns: string[] }): Promise<void> {
  getDb().transaction((tx) => {
    tx.insert(surveyResponses).values(row).run();
    tx.insert(surveyResponseSubjects)
      .values(row.subjectZrns.map((zrn) => ({ zrn, responseId: row.id })))
      .run();
  });
}

export async function findSurveyResponse({ id }: { id: string }): Promise<SurveyResponseRow | undefined> {
  return byId().get({ id });
}

/** Answers of one or many responses, each response's in question order. */
export async function findAnswers({ responseIds }: { responseIds: string[] }): Promise<AnswerRow[]> {
  if (responseIds.length === 0) return [];
  if (responseIds.length === 1) return answersOf().all({ id: responseIds[0] });
  return getDb()
    .select()
    .from(answers)
    .where(inArray(answers.responseId, responseIds))
    .orderBy(asc(answers.responseId), asc(answers.position))
    .all();
}

/**
 * Replaces all answers of a response in one transaction. An answer to a question answered before keeps
 * its created_at; the response's updated_at and answered_at move to `at`.
 */
export async function replaceAnswers({
  responseId,
  rows,
  at,
}: {
  responseId: string;
  rows: Omit<NewAnswerRow, 'responseId' | 'createdAt' | 'updatedAt'>[];
  at: number;
}): Promise<void> {
  getDb().transaction(
    (tx) => {
      const previous = new Map(
        tx
          .select({ questionId: answers.questionId, createdAt: answers.createdAt })
          .from(answers)
          .where(eq(answers.responseId, responseId))
          .all()
          .map((a) => [a.questionId, a.createdAt]),
      );
      tx.delete(answers).where(eq(answers.responseId, responseId)).run();
      if (rows.length > 0) {
        tx.insert(answers)
          .values(rows.map((r) => ({ ...r, responseId, createdAt: previous.get(r.questionId) ?? at, updatedAt: at })))
          .run();
      }
      tx.update(surveyResponses).set({ answeredAt: at, updatedAt: at }).where(eq(surveyResponses.id, responseId)).run();
    },
    { behavior: 'immediate' },
  );
}

export interface ResponseListQuery {
  responderIds?: number[];
  subjectZrns?: string[];
  idRange?: { lo: string; hi: string };
  /** Keyset boundary: rows strictly after (`gt`) or before (`lt`) this id. */
  boundary?: { op: 'gt' | 'lt'; id: string };
  order: 'asc' | 'desc';
  limit: number;
}

/** One page of responses by id; every filter is served by an index, so the cost is the page's. */
export async function listSurveyResponses(query: ResponseListQuery): Promise<SurveyResponseRow[]> {
  const db = getDb();
  const where: SQL[] = [];
  if (query.responderIds) where.push(inArray(surveyResponses.responderId, query.responderIds));
  if (query.subjectZrns) {
    const matching = db
      .select({ id: surveyResponseSubjects.responseId })
      .from(surveyResponseSubjects)
      .where(inArray(surveyResponseSubjects.zrn, query.subjectZrns));
    where.push(inArray(surveyResponses.id, matching));
  }
  if (query.idRange) {
    where.push(gte(surveyResponses.id, query.idRange.lo), lte(surveyResponses.id, query.idRange.hi));
  }
  if (query.boundary) {
    const op = query.boundary.op === 'gt' ? gt : lt;
    where.push(op(surveyResponses.id, query.boundary.id));
  }
  return db
    .select()
    .from(surveyResponses)
    .where(and(...where))
    .orderBy(query.order === 'asc' ? asc(surveyResponses.id) : desc(surveyResponses.id))
    .limit(query.limit)
    .all();
}

/**
 * Bulk load (benchmarks, demo data): many responses with their subjects and answers, in batches of one
 * transaction each, through prepared statements.
 */
export async function insertSurveyResponsesBatch(
  batch: { response: NewSurveyResponseRow & { subjectZrns: string[] }; answers: NewAnswerRow[] }[],
): Promise<void> {
  const db = getDb();
  const sqlite = db.$client;
  const response = sqlite.prepare(
    `insert into survey_responses (id, survey_id, survey_version, responder_id, subject_zrns, locale, token_hash, expires_at, answered_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const subject = sqlite.prepare('insert into survey_response_subjects (zrn, response_id) values (?, ?)');
  const answer = sqlite.prepare(
    `insert into answers (response_id, question_id, position, type, rating, rating_category, selections, value, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const { response: r, answers: list } of batch) {
      response.run(r.id, r.surveyId, r.surveyVersion, r.responderId ?? null, JSON.stringify(r.subjectZrns), r.locale, r.tokenHash, r.expiresAt, r.answeredAt ?? null, r.createdAt, r.updatedAt);
      for (const zrn of r.subjectZrns) subject.run(zrn, r.id);
      for (const a of list) {
        answer.run(a.responseId, a.questionId, a.position, a.type, a.rating ?? null, a.ratingCategory ?? null, a.selections ? JSON.stringify(a.selections) : null, a.value ?? null, a.createdAt, a.updatedAt);
      }
    }
  })();
}

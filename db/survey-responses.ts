import type Database from 'better-sqlite3';
import { getDb, preparedOnce, type Db } from './client';
import type { NewAnswerRow, NewSurveyResponseRow, StoredAnswer, SurveyResponseRow } from './schema';

// The hot paths of the API (create, submit, show, list) run on prepared statements with explicit row
// mapping: drizzle's builder re-prepares and maps generically on every call, which showed in profiles.

const RESPONSE_COLUMNS =
  'id, survey_id, survey_version, responder_id, subject_zrns, locale, token_hash, answers_json, expires_at, answered_at, created_at, updated_at';
const ANSWER_COLUMNS =
  'response_id, question_id, position, type, rating, rating_category, selections, value, created_at, updated_at';

// Rows are read as arrays (`raw`), in RESPONSE_COLUMNS order: better-sqlite3 builds them about twice
// as fast as keyed objects, which showed on 100-row pages.
type Raw = unknown[];

function toResponse(r: Raw): SurveyResponseRow {
  return {
    id: r[0] as string,
    surveyId: r[1] as string,
    surveyVersion: r[2] as number,
    responderId: r[3] as number | null,
    subjectZrns: JSON.parse(r[4] as string) as string[],
    locale: r[5] as string,
    tokenHash: r[6] as string,
    answersJson: r[7] as string,
    expiresAt: r[8] as number,
    answeredAt: r[9] as number | null,
    createdAt: r[10] as number,
    updatedAt: r[11] as number,
  };
}

function toStored(a: Omit<NewAnswerRow, 'responseId'>): StoredAnswer {
  return {
    questionId: a.questionId,
    position: a.position,
    type: a.type,
    rating: a.rating ?? null,
    ratingCategory: a.ratingCategory ?? null,
    selections: a.selections ?? null,
    value: a.value ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const statements = preparedOnce((db: Db) => {
  const sqlite = db.$client;
  return {
    byId: sqlite.prepare(`select ${RESPONSE_COLUMNS} from survey_responses where id = ?`).raw(true),
    insertResponse: sqlite.prepare(`insert into survey_responses (${RESPONSE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSubject: sqlite.prepare('insert or ignore into survey_response_subjects (zrn, response_id) values (?, ?)'),
    insertAnswer: sqlite.prepare(`insert into answers (${ANSWER_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    answerTimes: sqlite.prepare('select question_id, created_at from answers where response_id = ?'),
    deleteAnswers: sqlite.prepare('delete from answers where response_id = ?'),
    saveAnswers: sqlite.prepare('update survey_responses set answers_json = ?, answered_at = ?, updated_at = ? where id = ?'),
  };
});

function insertResponseRow(s: ReturnType<typeof statements>, r: NewSurveyResponseRow & { subjectZrns: string[] }) {
  s.insertResponse.run(
    r.id, r.surveyId, r.surveyVersion, r.responderId ?? null, JSON.stringify(r.subjectZrns), r.locale,
    r.tokenHash, r.answersJson ?? '[]', r.expiresAt, r.answeredAt ?? null, r.createdAt, r.updatedAt,
  );
  for (const zrn of r.subjectZrns) s.insertSubject.run(zrn, r.id);
}

function insertAnswerRow(s: ReturnType<typeof statements>, a: NewAnswerRow) {
  s.insertAnswer.run(
    a.responseId, a.questionId, a.position, a.type, a.rating ?? null, a.ratingCategory ?? null,
    a.selections ? JSON.stringify(a.selections) : null, a.value ?? null, a.createdAt, a.updatedAt,
  );
}

// better-sqlite3 builds a transaction function per call of `transaction()`: make each once per connection.
const transactions = preparedOnce((db: Db) => {
  const s = statements();
  return {
    insert: db.$client.transaction((row: NewSurveyResponseRow & { subjectZrns: string[] }) => insertResponseRow(s, row)),
    replace: db.$client.transaction((responseId: string, rows: AnswerInputRow[], at: number, render: RenderAnswers) => {
      const previous = new Map(
        (s.answerTimes.all(responseId) as { question_id: string; created_at: number }[]).map((a) => [a.question_id, a.created_at]),
      );
      s.deleteAnswers.run(responseId);
      const stored = rows.map((r) => toStored({ ...r, createdAt: previous.get(r.questionId) ?? at, updatedAt: at }));
      for (const a of stored) insertAnswerRow(s, { ...a, responseId });
      const answersJson = render(stored);
      s.saveAnswers.run(answersJson, at, at, responseId);
      return answersJson;
    }),
    batch: db.$client.transaction((batch: BatchItem[]) => {
      for (const { response, answers } of batch) {
        insertResponseRow(s, response);
        for (const a of answers) insertAnswerRow(s, a);
      }
    }),
  };
});

type AnswerInputRow = Omit<NewAnswerRow, 'responseId' | 'createdAt' | 'updatedAt'>;
/** Turns the stored answers into the response's answers_json (the wire form is the caller's rule). */
type RenderAnswers = (answers: StoredAnswer[]) => string;
type BatchItem = { response: NewSurveyResponseRow & { subjectZrns: string[] }; answers: NewAnswerRow[] };

export async function insertSurveyResponse(row: NewSurveyResponseRow & { subjectZrns: string[] }): Promise<void> {
  transactions().insert(row);
}

export async function findSurveyResponse({ id }: { id: string }): Promise<SurveyResponseRow | undefined> {
  const row = statements().byId.get(id) as Raw | undefined;
  return row && toResponse(row);
}

/**
 * Replaces all answers of a response in one transaction. An answer to a question answered before keeps
 * its created_at; the response's updated_at and answered_at move to `at`; `render` makes answers_json,
 * which is returned.
 */
export async function replaceAnswers({
  responseId,
  rows,
  at,
  render,
}: {
  responseId: string;
  rows: AnswerInputRow[];
  at: number;
  render: RenderAnswers;
}): Promise<string> {
  // IMMEDIATE: take the write lock first, so reading the previous answers cannot race another writer.
  return transactions().replace.immediate(responseId, rows, at, render);
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

// One prepared statement per query shape (which filters are present, and the order): a few dozen at most.
const listStatements = new WeakMap<Db, Map<string, Database.Statement>>();

/** One page of responses by id; every filter is served by an index, so the cost is the page's. */
export async function listSurveyResponses(query: ResponseListQuery): Promise<SurveyResponseRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.responderIds?.length === 1) {
    // `=` lets the (responder_id, id) index deliver rows in id order: no sort of all their responses.
    where.push('responder_id = ?');
    params.push(query.responderIds[0]);
  } else if (query.responderIds) {
    where.push('responder_id in (select value from json_each(?))');
    params.push(JSON.stringify(query.responderIds));
  }
  let from = 'survey_responses';
  if (query.subjectZrns?.length === 1) {
    // One subject (what integrations ask most): walk its (zrn, response_id) index in id order, no sort.
    from = 'survey_response_subjects s cross join survey_responses on survey_responses.id = s.response_id';
    where.push('s.zrn = ?');
    params.push(query.subjectZrns[0]);
  } else if (query.subjectZrns) {
    where.push('id in (select response_id from survey_response_subjects where zrn in (select value from json_each(?)))');
    params.push(JSON.stringify(query.subjectZrns));
  }
  // With one subject, ordering by s.response_id (equal to id) keeps the walk on the subjects index.
  const key = from === 'survey_responses' ? 'id' : 's.response_id';
  if (query.idRange) {
    where.push(`${key} >= ? and ${key} <= ?`);
    params.push(query.idRange.lo, query.idRange.hi);
  }
  if (query.boundary) {
    where.push(query.boundary.op === 'gt' ? `${key} > ?` : `${key} < ?`);
    params.push(query.boundary.id);
  }
  const columns = RESPONSE_COLUMNS.split(', ').map((c) => `survey_responses.${c}`).join(', ');
  const text =
    `select ${columns} from ${from}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    ` order by ${key} ${query.order} limit ?`;
  params.push(query.limit);

  const db = getDb();
  let cache = listStatements.get(db);
  if (!cache) listStatements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.$client.prepare(text).raw(true)));
  return (statement.all(...params) as Raw[]).map(toResponse);
}

/**
 * Bulk load (benchmarks, demo data): many responses with their subjects and answers, in one
 * transaction per batch.
 */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  transactions().batch(batch);
}

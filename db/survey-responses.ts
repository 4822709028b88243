import { preparedOnce, preparedText, type Db } from './client';
import { WriteRefused } from './errors';
import type { NewAnswerRow, NewSurveyResponseRow, ResponseMethod, StoredAnswer, SurveyResponseRow, SurveyState } from './schema';

// The hot paths of the API (create, submit, show, list) run on prepared statements with explicit row
// mapping: drizzle's builder re-prepares and maps generically on every call, which showed in profiles.

export const RESPONSE_COLUMNS =
  'id, survey_id, survey_version, responder_id, subject_zrns, locale, token_hash, answers_json, expires_at, answered_at, created_at, updated_at, anonymous_id, method, forced, rating, rating_category, has_comment';
const ANSWER_COLUMNS =
  'response_id, question_id, position, type, rating, rating_category, selections, value, created_at, updated_at';

// Rows are read as arrays (`raw`), in RESPONSE_COLUMNS order: better-sqlite3 builds them about twice
// as fast as keyed objects, which showed on 100-row pages.
type Raw = unknown[];

/** RESPONSE_COLUMNS, each qualified by a table name or alias (for joins). */
export const responseColumnsOf = (table: string) => RESPONSE_COLUMNS.split(', ').map((c) => `${table}.${c}`).join(', ');

/** A raw row that starts with RESPONSE_COLUMNS → the response. */
export function toResponse(r: Raw): SurveyResponseRow {
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
    anonymousId: r[12] as string | null,
    method: r[13] as ResponseMethod | null,
    forced: r[14] === 1,
    rating: r[15] as number | null,
    ratingCategory: r[16] as string | null,
    hasComment: r[17] === 1,
  };
}

/**
 * What the admin view filters and counts on, copied onto the response row: the first rating
 * question's answer (the survey's rating) and whether a non-empty comment was given.
 */
function figures(answers: readonly Pick<StoredAnswer, 'type' | 'position' | 'rating' | 'ratingCategory' | 'value'>[]) {
  let first: (typeof answers)[number] | undefined;
  for (const a of answers) if (a.type === 'rating_scale' && (!first || a.position < first.position)) first = a;
  const hasComment = answers.some((a) => a.type === 'open_ended' && (a.value ?? '').trim() !== '');
  return [first?.rating ?? null, first?.ratingCategory ?? null, hasComment ? 1 : 0] as const;
}

/** An answer row as kept in the answers document (nulls where a field does not apply). */
export function toStored(a: Omit<NewAnswerRow, 'responseId'>): StoredAnswer {
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
    // With its survey's state: show, submit and the survey page need both, in one statement.
    byId: sqlite
      .prepare(`select ${responseColumnsOf('r')}, s.state from survey_responses r join surveys s on s.id = r.survey_id where r.id = ?`)
      .raw(true),
    insertResponse: sqlite.prepare(`insert into survey_responses (${RESPONSE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSubject: sqlite.prepare('insert or ignore into survey_response_subjects (zrn, response_id) values (?, ?)'),
    insertAnswer: sqlite.prepare(`insert into answers (${ANSWER_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    writable: sqlite.prepare(
      'select r.expires_at, s.state from survey_responses r join surveys s on s.id = r.survey_id where r.id = ?',
    ),
    answerTimes: sqlite.prepare('select question_id, created_at from answers where response_id = ?'),
    deleteAnswers: sqlite.prepare('delete from answers where response_id = ?'),
    saveAnswers: sqlite.prepare(
      'update survey_responses set answers_json = ?, answered_at = ?, updated_at = ?, rating = ?, rating_category = ?, has_comment = ? where id = ?',
    ),
  };
});

function insertResponseRow(s: ReturnType<typeof statements>, r: ResponseWithSubjects, answers: readonly NewAnswerRow[] = []) {
  s.insertResponse.run(
    r.id, r.surveyId, r.surveyVersion, r.responderId ?? null, JSON.stringify(r.subjectZrns), r.locale,
    r.tokenHash, r.answersJson ?? '[]', r.expiresAt, r.answeredAt ?? null, r.createdAt, r.updatedAt,
    r.anonymousId ?? null, r.method ?? null, r.forced ? 1 : 0, ...figures(answers.map(toStored)),
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
      // Checked again under the write lock: a survey disabled or a response expired a moment ago wins.
      const current = s.writable.get(responseId) as { expires_at: number; state: string } | undefined;
      if (!current || current.state === 'disabled') throw new WriteRefused('disabled');
      if (at >= current.expires_at) throw new WriteRefused('expired');
      const previous = new Map(
        (s.answerTimes.all(responseId) as { question_id: string; created_at: number }[]).map((a) => [a.question_id, a.created_at]),
      );
      s.deleteAnswers.run(responseId);
      const stored = rows.map((r) => toStored({ ...r, createdAt: previous.get(r.questionId) ?? at, updatedAt: at }));
      for (const a of stored) insertAnswerRow(s, { ...a, responseId });
      const answersJson = render(stored);
      s.saveAnswers.run(answersJson, at, at, ...figures(stored), responseId);
      return answersJson;
    }),
    batch: db.$client.transaction((batch: BatchItem[]) => {
      for (const { response, answers } of batch) insertResponse(response, answers);
    }),
  };
});

type AnswerInputRow = Omit<NewAnswerRow, 'responseId' | 'createdAt' | 'updatedAt'>;
/** Turns the stored answers into the response's answers_json (the wire form is the caller's rule). */
type RenderAnswers = (answers: StoredAnswer[]) => string;
export type ResponseWithSubjects = NewSurveyResponseRow & { subjectZrns: string[] };
type BatchItem = { response: ResponseWithSubjects; answers: NewAnswerRow[] };

/** Inserts a response with its answers; for use inside a caller's transaction (synchronous). */
export function insertResponse(response: ResponseWithSubjects, answers: NewAnswerRow[]): void {
  const s = statements();
  insertResponseRow(s, response, answers);
  for (const a of answers) insertAnswerRow(s, a);
}

export async function insertSurveyResponse(row: NewSurveyResponseRow & { subjectZrns: string[] }): Promise<void> {
  transactions().insert(row);
}

/** A response as stored, with the state its survey is in now. */
export type StoredResponse = SurveyResponseRow & { surveyState: SurveyState };

const STATE_AT = RESPONSE_COLUMNS.split(', ').length;

export async function findSurveyResponse({ id }: { id: string }): Promise<StoredResponse | undefined> {
  const row = statements().byId.get(id) as Raw | undefined;
  return row && { ...toResponse(row), surveyState: row[STATE_AT] as SurveyState };
}

/**
 * Replaces all answers of a response in one transaction. An answer to a question answered before keeps
 * its created_at; the response's updated_at and answered_at move to `at`; `render` makes answers_json,
 * which is returned. Throws WriteRefused when the survey is disabled or the response expired by then.
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

/**
 * What the API's list shows of a response, read as 11 values instead of the row's 18 (better-sqlite3
 * makes a JS value of each, and that was most of a 100-row page's cost): the subjects as their stored
 * JSON text, and the survey's current state.
 */
export interface ListedResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  surveyState: SurveyState;
  responderId: number | null;
  subjectZrnsJson: string;
  locale: string;
  answersJson: string;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

const LISTED_COLUMNS =
  'survey_responses.id, survey_responses.survey_id, survey_responses.survey_version, sv.state, survey_responses.responder_id, ' +
  'survey_responses.subject_zrns, survey_responses.locale, survey_responses.answers_json, survey_responses.expires_at, ' +
  'survey_responses.created_at, survey_responses.updated_at';

function toListed(r: Raw): ListedResponse {
  return {
    id: r[0] as string,
    surveyId: r[1] as string,
    surveyVersion: r[2] as number,
    surveyState: r[3] as SurveyState,
    responderId: r[4] as number | null,
    subjectZrnsJson: r[5] as string,
    locale: r[6] as string,
    answersJson: r[7] as string,
    expiresAt: r[8] as number,
    createdAt: r[9] as number,
    updatedAt: r[10] as number,
  };
}

/** The conditions on a walk's key: an inclusive id range and a keyset boundary (strictly after or before). */
export function keyConditions(
  key: string,
  q: { idRange?: { lo: string; hi: string } | undefined; boundary?: { op: 'gt' | 'lt'; id: string } | undefined },
  where: string[],
  params: unknown[],
): void {
  if (q.idRange) {
    where.push(`${key} >= ? and ${key} <= ?`);
    params.push(q.idRange.lo, q.idRange.hi);
  }
  if (q.boundary) {
    where.push(`${key} ${q.boundary.op === 'gt' ? '>' : '<'} ?`);
    params.push(q.boundary.id);
  }
}

/**
 * One keyset walk in id order, driven by one responder's (responder_id, id) index, one subject's
 * (zrn, response_id) index, or the primary key; the other filters only test the rows it meets.
 */
function walk(query: ResponseListQuery, driver: { responderId?: number; zrn?: string }): { text: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'survey_responses';
  let key = 'survey_responses.id';
  if (driver.zrn !== undefined) {
    from = 'survey_response_subjects s cross join survey_responses on survey_responses.id = s.response_id';
    key = 's.response_id';
    where.push('s.zrn = ?');
    params.push(driver.zrn);
  } else if (query.subjectZrns) {
    where.push('survey_responses.id in (select response_id from survey_response_subjects where zrn in (select value from json_each(?)))');
    params.push(JSON.stringify(query.subjectZrns));
  }
  if (driver.responderId !== undefined) {
    where.push('responder_id = ?');
    params.push(driver.responderId);
  } else if (query.responderIds) {
    where.push('responder_id in (select value from json_each(?))');
    params.push(JSON.stringify(query.responderIds));
  }
  keyConditions(key, query, where, params);
  params.push(query.limit);
  // CROSS JOIN keeps the walk's index as the outer loop, whatever the planner would guess.
  const text =
    `select ${LISTED_COLUMNS} from ${from} cross join surveys sv on sv.id = survey_responses.survey_id` +
    `${where.length ? ` where ${where.join(' and ')}` : ''} order by ${key} ${query.order} limit ?`;
  return { text, params };
}

/**
 * One page of responses by id. A list of responders (or else of subjects) becomes one index walk per
 * value, each stopping after a page, merged: the cost is values × page, never the table or the
 * depth of the cursor.
 */
export async function listSurveyResponses(query: ResponseListQuery): Promise<ListedResponse[]> {
  const drivers: { responderId?: number; zrn?: string }[] = query.responderIds
    ? query.responderIds.map((responderId) => ({ responderId }))
    : query.subjectZrns
      ? query.subjectZrns.map((zrn) => ({ zrn }))
      : [{}];
  const walks = drivers.map((d) => walk(query, d));
  let text = walks[0]!.text;
  const params = walks.flatMap((w) => w.params);
  if (walks.length > 1) {
    // UNION also drops a response found twice (one with two of the listed subjects).
    text = `${walks.map((w) => `select * from (${w.text})`).join(' union ')} order by id ${query.order} limit ?`;
    params.push(query.limit);
  }
  // One prepared statement per query shape (which filters are present, and the order): a few dozen at most.
  return (preparedText(text).all(...params) as Raw[]).map(toListed);
}

/**
 * Bulk load (benchmarks, demo data): many responses with their subjects and answers, in one
 * transaction per batch.
 */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  transactions().batch(batch);
}

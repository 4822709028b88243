import type { NewAnswerRow, NewSurveyResponseRow, ResponseMethod, SurveyResponseRow, SurveyState } from './schema';

// What both dialects read the same way: the response columns in one order, and the mapping of a row
// read as an array (SQLite's raw mode, PostgreSQL's rowMode 'array'). Flags come back as 0/1 from
// SQLite and as booleans from PostgreSQL.

export const RESPONSE_COLUMNS =
  'id, survey_id, survey_version, responder_id, subject_zrns, locale, token_hash, answers_json, expires_at, answered_at, created_at, updated_at, anonymous_id, method, forced, rating, rating_category, has_comment';
export const RESPONSE_COLUMN_COUNT = RESPONSE_COLUMNS.split(', ').length;
export const ANSWER_COLUMNS = 'response_id, question_id, position, type, rating, rating_category, selections, value, created_at, updated_at';

export type Raw = unknown[];

/** RESPONSE_COLUMNS, each qualified by a table name or alias (for joins). */
export const responseColumnsOf = (table: string) =>
  RESPONSE_COLUMNS.split(', ')
    .map((c) => `${table}.${c}`)
    .join(', ');

const flag = (v: unknown) => v === 1 || v === true;

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
    forced: flag(r[14]),
    rating: r[15] as number | null,
    ratingCategory: r[16] as string | null,
    hasComment: flag(r[17]),
  };
}

/** A response row's values in RESPONSE_COLUMNS order, for an insert. */
export function responseValues(r: ResponseWithSubjects, booleans: 'integers' | 'booleans'): unknown[] {
  const b = (v: boolean | undefined) => (booleans === 'integers' ? (v ? 1 : 0) : Boolean(v));
  return [
    r.id, r.surveyId, r.surveyVersion, r.responderId ?? null, JSON.stringify(r.subjectZrns), r.locale,
    r.tokenHash, r.answersJson ?? '[]', r.expiresAt, r.answeredAt ?? null, r.createdAt, r.updatedAt,
    r.anonymousId ?? null, r.method ?? null, b(r.forced), r.rating ?? null, r.ratingCategory ?? null, b(r.hasComment),
  ];
}

/** An answer row's values in ANSWER_COLUMNS order. */
export function answerValues(a: NewAnswerRow): unknown[] {
  return [
    a.responseId, a.questionId, a.position, a.type, a.rating ?? null, a.ratingCategory ?? null,
    a.selections ? JSON.stringify(a.selections) : null, a.value ?? null, a.createdAt, a.updatedAt,
  ];
}

export type ResponseWithSubjects = NewSurveyResponseRow & { subjectZrns: string[] };

/** A response as stored, with the state its survey is in now. */
export type StoredResponse = SurveyResponseRow & { surveyState: SurveyState };

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

export function toListed(r: Raw): ListedResponse {
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

export interface ResponseListQuery {
  responderIds?: number[];
  subjectZrns?: string[];
  idRange?: { lo: string; hi: string };
  /** Keyset boundary: rows strictly after (`gt`) or before (`lt`) this id. */
  boundary?: { op: 'gt' | 'lt'; id: string };
  order: 'asc' | 'desc';
  limit: number;
}

/** A response with its answer rows, for bulk loads (benchmarks, demo data). */
export type BatchItem = { response: ResponseWithSubjects; answers: NewAnswerRow[] };

/**
 * The conditions on a walk's key: an inclusive id range and a keyset boundary (strictly after or
 * before). Written with `?` placeholders, as every shared fragment is (PostgreSQL's are numbered when
 * sent).
 */
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


const LISTED_COLUMNS =
  'survey_responses.id, survey_responses.survey_id, survey_responses.survey_version, sv.state, survey_responses.responder_id, ' +
  'survey_responses.subject_zrns, survey_responses.locale, survey_responses.answers_json, survey_responses.expires_at, ' +
  'survey_responses.created_at, survey_responses.updated_at';

/** What a dialect writes its own way in the List API's statement. */
export interface ListFragments {
  /** The join from the subjects' index to the responses that keeps the index as the outer loop. */
  join: string;
  /** `column` is one of the values bound to `?`, and that parameter's value. */
  anyOf(column: string, values: string[] | number[]): { text: string; param: unknown };
}

/**
 * One keyset walk in id order, driven by one responder's (responder_id, id) index, one subject's
 * (zrn, response_id) index, or the primary key; the other filters only test the rows it meets.
 */
function walk(query: ResponseListQuery, driver: { responderId?: number; zrn?: string }, f: ListFragments) {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'survey_responses';
  let key = 'survey_responses.id';
  if (driver.zrn !== undefined) {
    from = `survey_response_subjects s ${f.join} survey_responses on survey_responses.id = s.response_id`;
    key = 's.response_id';
    where.push('s.zrn = ?');
    params.push(driver.zrn);
  } else if (query.subjectZrns) {
    const zrns = f.anyOf('zrn', query.subjectZrns);
    where.push(`survey_responses.id in (select response_id from survey_response_subjects where ${zrns.text})`);
    params.push(zrns.param);
  }
  if (driver.responderId !== undefined) {
    where.push('responder_id = ?');
    params.push(driver.responderId);
  } else if (query.responderIds) {
    const ids = f.anyOf('responder_id', query.responderIds);
    where.push(ids.text);
    params.push(ids.param);
  }
  keyConditions(key, query, where, params);
  params.push(query.limit);
  const text =
    `select ${LISTED_COLUMNS} from ${from} ${f.join} surveys sv on sv.id = survey_responses.survey_id` +
    `${where.length ? ` where ${where.join(' and ')}` : ''} order by ${key} ${query.order} limit ?`;
  return { text, params };
}

/**
 * The List API's page as one statement with `?` placeholders. A list of responders (or else of
 * subjects) becomes one index walk per value, each stopping after a page, merged: the cost is
 * values × page, never the table or the depth of the cursor.
 */
export function listStatement(query: ResponseListQuery, f: ListFragments): { text: string; params: unknown[] } {
  const drivers: { responderId?: number; zrn?: string }[] = query.responderIds
    ? query.responderIds.map((responderId) => ({ responderId }))
    : query.subjectZrns
      ? query.subjectZrns.map((zrn) => ({ zrn }))
      : [{}];
  const walks = drivers.map((d) => walk(query, d, f));
  if (walks.length === 1) return walks[0]!;
  // UNION also drops a response found twice (one with two of the listed subjects).
  return {
    text: `${walks.map((w, i) => `select * from (${w.text}) w${i}`).join(' union ')} order by id ${query.order} limit ?`,
    params: [...walks.flatMap((w) => w.params), query.limit],
  };
}

import type { NewAnswerRow, NewSurveyResponseRow, ResponseMethod, SurveyResponseRow, SurveyState } from './schema';

// What both dialects read the same way: the response columns in one order, and the mapping of a row
// read as an array (SQLite's raw mode, PostgreSQL's rowMode 'array'). Flags come back as 0/1 from
// SQLite and as booleans from PostgreSQL.

export const RESPONSE_COLUMNS =
  'id, survey_id, survey_version, responder_id, subject_zrns, locale, token_hash, answers_json, expires_at, answered_at, created_at, updated_at, anonymous_id, method, forced, rating, rating_category, has_comment, assignee_id, group_id, brand_id, tags';
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
    assigneeId: r[18] as number | null,
    groupId: r[19] as number | null,
    brandId: r[20] as number | null,
    tags: JSON.parse(r[21] as string) as string[],
  };
}

/** A response row's values in RESPONSE_COLUMNS order, for an insert. */
export function responseValues(r: ResponseWithSubjects, booleans: 'integers' | 'booleans'): unknown[] {
  const b = (v: boolean | undefined) => (booleans === 'integers' ? (v ? 1 : 0) : Boolean(v));
  return [
    r.id, r.surveyId, r.surveyVersion, r.responderId ?? null, JSON.stringify(r.subjectZrns), r.locale,
    r.tokenHash, r.answersJson ?? '[]', r.expiresAt, r.answeredAt ?? null, r.createdAt, r.updatedAt,
    r.anonymousId ?? null, r.method ?? null, b(r.forced), r.rating ?? null, r.ratingCategory ?? null, b(r.hasComment),
    r.assigneeId ?? null, r.groupId ?? null, r.brandId ?? null, JSON.stringify(r.tags ?? []),
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
 * What the API's list shows of a response, read as 16 values instead of the row's 22 (better-sqlite3
 * makes a JS value of each, and that was most of a 100-row page's cost): the subjects and tags as
 * their stored JSON text, and the survey's current state.
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
  answeredAt: number | null;
  createdAt: number;
  updatedAt: number;
  assigneeId: number | null;
  groupId: number | null;
  brandId: number | null;
  tagsJson: string;
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
    answeredAt: r[9] as number | null,
    createdAt: r[10] as number,
    updatedAt: r[11] as number,
    assigneeId: r[12] as number | null,
    groupId: r[13] as number | null,
    brandId: r[14] as number | null,
    tagsJson: r[15] as string,
  };
}

/** A response's state, from its answer time and expiry: what `filter[state]` selects. */
export type ResponseState = 'offered' | 'answered' | 'expired';

export interface ResponseListQuery {
  responderIds?: number[];
  assigneeIds?: number[];
  groupIds?: number[];
  brandIds?: number[];
  subjectZrns?: string[];
  tags?: string[];
  /** Only the responses this user is the responder of or is assigned (an agent's view). */
  visibleTo?: number;
  /** The states to keep, judged at `now`. */
  states?: { states: ResponseState[]; now: number };
  idRange?: { lo: string; hi: string };
  /** Inclusive bounds on updated_at. */
  updatedRange?: { from: number; to: number };
  /** `id`: walks in id order; `updated_at`: in (updated_at, id) order (the change feed). */
  sort: 'id' | 'updated_at';
  /** Keyset boundary: rows strictly after (`gt`) or before (`lt`) this id (and updated_at, for that sort). */
  boundary?: { op: 'gt' | 'lt'; id: string; updatedAt?: number };
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
  'survey_responses.answered_at, survey_responses.created_at, survey_responses.updated_at, survey_responses.assignee_id, ' +
  'survey_responses.group_id, survey_responses.brand_id, survey_responses.tags';

/** What a dialect writes its own way in the List API's statement. */
export interface ListFragments {
  /** The join from a child table's index to the responses that keeps the index as the outer loop. */
  join: string;
  /** `column` is one of the values bound to `?`, and that parameter's value. */
  anyOf(column: string, values: string[] | number[]): { text: string; param: unknown };
}

/** The condition of `filter[state]` (none when every state is asked for). */
function stateCondition(states: ResponseListQuery['states']): { text: string; params: unknown[] } | undefined {
  if (!states) return undefined;
  const want = new Set(states.states);
  const answered = want.has('answered');
  const offered = want.has('offered');
  const expired = want.has('expired');
  if (answered && offered && expired) return undefined;
  // `answered_at is null` is written out wherever it applies, so the partial index of the unanswered serves.
  if (!answered) {
    if (offered && expired) return { text: 'survey_responses.answered_at is null', params: [] };
    return { text: `survey_responses.answered_at is null and survey_responses.expires_at ${offered ? '>' : '<='} ?`, params: [states.now] };
  }
  if (!offered && !expired) return { text: 'survey_responses.answered_at is not null', params: [] };
  return { text: `(survey_responses.answered_at is not null or survey_responses.expires_at ${offered ? '>' : '<='} ?)`, params: [states.now] };
}

/** A driver of a walk: one value of an indexed column, or of a child table (subjects, tags). */
type Driver =
  | { kind: 'all' }
  | { kind: 'column'; column: 'responder_id' | 'assignee_id' | 'group_id' | 'brand_id'; value: number }
  | { kind: 'child'; table: 'survey_response_subjects' | 'survey_response_tags'; column: 'zrn' | 'tag'; value: string };

const COLUMN_FILTERS = [
  ['responderIds', 'responder_id'],
  ['assigneeIds', 'assignee_id'],
  ['groupIds', 'group_id'],
  ['brandIds', 'brand_id'],
] as const;
const CHILD_FILTERS = [
  ['subjectZrns', 'survey_response_subjects', 'zrn'],
  ['tags', 'survey_response_tags', 'tag'],
] as const;

/**
 * One keyset walk, driven by one value's index ((responder_id, id), (assignee_id, id), a subject's
 * (zrn, response_id), …), the primary key, or, for the change feed, (updated_at, id); the other
 * filters only test the rows it meets.
 */
function walk(query: ResponseListQuery, driver: Driver, f: ListFragments) {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'survey_responses';
  let key = 'survey_responses.id';
  if (driver.kind === 'child') {
    from = `${driver.table} c ${f.join} survey_responses on survey_responses.id = c.response_id`;
    key = 'c.response_id';
    where.push(`c.${driver.column} = ?`);
    params.push(driver.value);
  }
  for (const [field, table, column] of CHILD_FILTERS) {
    const values = query[field];
    if (!values || (driver.kind === 'child' && driver.table === table)) continue;
    const any = f.anyOf(column, values);
    where.push(`survey_responses.id in (select response_id from ${table} where ${any.text})`);
    params.push(any.param);
  }
  for (const [field, column] of COLUMN_FILTERS) {
    if (driver.kind === 'column' && driver.column === column) {
      where.push(`survey_responses.${column} = ?`);
      params.push(driver.value);
      continue;
    }
    const values = query[field];
    if (!values) continue;
    const any = f.anyOf(`survey_responses.${column}`, values);
    where.push(any.text);
    params.push(any.param);
  }
  // A walk on the agent's own responder or assignee index needs no visibility test (an OR there would
  // lead a planner away from that index's order).
  const visibleByDriver =
    driver.kind === 'column' && (driver.column === 'responder_id' || driver.column === 'assignee_id') && driver.value === query.visibleTo;
  if (query.visibleTo !== undefined && !visibleByDriver) {
    where.push('(survey_responses.responder_id = ? or survey_responses.assignee_id = ?)');
    params.push(query.visibleTo, query.visibleTo);
  }
  const state = stateCondition(query.states);
  if (state) {
    where.push(state.text);
    params.push(...state.params);
  }
  // The cursor's updated_at is folded into the range, so that the walk on (updated_at, id) starts at
  // the cursor whatever else bounds it (a planner given two lower bounds may pick the other one).
  let from_ = query.updatedRange?.from;
  let to = query.updatedRange?.to;
  if (query.sort === 'updated_at' && query.boundary?.updatedAt !== undefined) {
    if (query.boundary.op === 'gt') from_ = Math.max(from_ ?? query.boundary.updatedAt, query.boundary.updatedAt);
    else to = Math.min(to ?? query.boundary.updatedAt, query.boundary.updatedAt);
  }
  if (from_ !== undefined) {
    where.push('survey_responses.updated_at >= ?');
    params.push(from_);
  }
  if (to !== undefined) {
    where.push('survey_responses.updated_at <= ?');
    params.push(to);
  }
  let order: string;
  if (query.sort === 'updated_at') {
    if (query.idRange) {
      where.push('survey_responses.id >= ? and survey_responses.id <= ?');
      params.push(query.idRange.lo, query.idRange.hi);
    }
    if (query.boundary) {
      where.push(`(survey_responses.updated_at, survey_responses.id) ${query.boundary.op === 'gt' ? '>' : '<'} (?, ?)`);
      params.push(query.boundary.updatedAt, query.boundary.id);
    }
    order = `survey_responses.updated_at ${query.order}, survey_responses.id ${query.order}`;
  } else {
    keyConditions(key, query, where, params);
    order = `${key} ${query.order}`;
  }
  params.push(query.limit);
  const text =
    `select ${LISTED_COLUMNS} from ${from} ${f.join} surveys sv on sv.id = survey_responses.survey_id` +
    `${where.length ? ` where ${where.join(' and ')}` : ''} order by ${order} limit ?`;
  return { text, params };
}

/** The walks of a page in id order: one per value of the most selective filter given. */
function drivers(query: ResponseListQuery): Driver[] {
  for (const [field, column] of COLUMN_FILTERS.slice(0, 2)) {
    const values = query[field];
    if (values) return values.map((value) => ({ kind: 'column', column, value }));
  }
  for (const [field, table, column] of CHILD_FILTERS) {
    const values = query[field];
    if (values) return values.map((value) => ({ kind: 'child', table, column, value }));
  }
  for (const [field, column] of COLUMN_FILTERS.slice(2)) {
    const values = query[field];
    if (values) return values.map((value) => ({ kind: 'column', column, value }));
  }
  // An agent's own responses and those assigned to them: two walks.
  if (query.visibleTo !== undefined) {
    return [
      { kind: 'column', column: 'responder_id', value: query.visibleTo },
      { kind: 'column', column: 'assignee_id', value: query.visibleTo },
    ];
  }
  return [{ kind: 'all' }];
}

/**
 * The List API's page as one statement with `?` placeholders. In id order, a list of values of the
 * most selective filter becomes one index walk per value, each stopping after a page, merged: the
 * cost is values × page, never the table or the depth of the cursor. The change feed is one walk on
 * (updated_at, id).
 */
export function listStatement(query: ResponseListQuery, f: ListFragments): { text: string; params: unknown[] } {
  if (query.sort === 'updated_at') return walk(query, { kind: 'all' }, f);
  const walks = drivers(query).map((d) => walk(query, d, f));
  if (walks.length === 1) return walks[0]!;
  // UNION also drops a response found twice (one with two of the listed subjects).
  return {
    text: `${walks.map((w, i) => `select * from (${w.text}) w${i}`).join(' union ')} order by id ${query.order} limit ?`,
    params: [...walks.flatMap((w) => w.params), query.limit],
  };
}

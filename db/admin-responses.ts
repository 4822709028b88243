import { keyConditions, RESPONSE_COLUMN_COUNT, responseColumnsOf, toResponse, type ResponseState } from './rows';
import type { ResponseMethod, SurveyResponseRow } from './schema';
import { byDialect } from './client';
import * as postgres from './postgres/admin-responses';
import * as sqlite from './sqlite/admin-responses';

// The admin view's responses table and CSV export: keyset walks in id order (ids are ULIDs, so id
// order is creation order) driven by the most selective index a filter offers. The other filters
// only test the rows the walk meets, and a walk looks at `scan` index entries at most per call, so a
// page costs the same whatever the table's size and however rare the rows it looks for.
// The statements are assembled here from fixed fragments with `?` placeholders; what differs per
// dialect (index hints, JSON, flags) comes from db/sqlite/admin-responses.ts and
// db/postgres/admin-responses.ts, which run them.

export const { walkAdminResponses, walkAdminExportRows, findAdminResponse } = byDialect(sqlite, postgres);

/** What the rows must match; every field is optional and they all apply together. */
export interface AdminResponseCriteria {
  subjectZrn?: string;
  responderId?: number;
  anonymousId?: string;
  surveyId?: string;
  rating?: number;
  ratingCategory?: string;
  /** A closed-ended option id chosen in one of the response's answers. */
  reasonOptionId?: string;
  hasComment?: boolean;
  /** Responses in any of these states at `now` (answered; offered before expires_at; expired from then on). */
  states?: { states: ResponseState[]; now: number };
  locale?: string;
  /** Attribution recorded at Create. */
  assigneeId?: number;
  groupId?: number;
  brandId?: number;
  tag?: string;
  /** `link`: offered through the Zendesk API (method NULL). */
  method?: ResponseMethod | 'link';
  /** Inclusive id range (a created_at range, see idBoundsFor). */
  idRange?: { lo: string; hi: string };
}

export interface AdminResponseWalk {
  criteria: AdminResponseCriteria;
  /** Keyset boundary: rows strictly after (`gt`) or before (`lt`) this id. */
  boundary?: { op: 'gt' | 'lt'; id: string };
  order: 'asc' | 'desc';
  /** Rows to return at most. */
  limit: number;
  /** Index entries to look at at most when filters test rows beyond the driving index (must exceed `limit`). */
  scan: number;
}

/** A response with its responder's name and email. */
export type AdminResponseRow = SurveyResponseRow & { responderName: string | null; responderEmail: string | null };

/**
 * What the CSV export reads of a response: the row without its token hash, expiry, anonymous id and
 * comment flag, and the subjects as their stored JSON text (better-sqlite3 makes a JS value of every
 * column read, and each one left out is a string less per row).
 */
export interface AdminExportRow {
  id: string;
  createdAt: number;
  updatedAt: number;
  surveyId: string;
  surveyVersion: number;
  locale: string;
  responderId: number | null;
  responderEmail: string | null;
  responderName: string | null;
  /** A JSON array of strings, as stored. */
  subjectZrnsJson: string;
  method: ResponseMethod | null;
  forced: boolean;
  answeredAt: number | null;
  rating: number | null;
  ratingCategory: string | null;
  answersJson: string;
}

/** How far an export walk got: rows handed over, the last of them, and where the walk stopped. */
export interface AdminExportWalk {
  visited: number;
  /** The id of the last row handed over. */
  last?: string;
  /** The visitor refused a row: the walk ended before it. */
  stopped: boolean;
  /** As in walkAdminResponses: how far the scan reached when it ended before `limit` rows. */
  scanEnd?: string;
}

/** The driving index, by role (each dialect names it its own way). */
export type DrivingIndex = 'primary' | 'responder' | 'anonymous' | 'assignee' | 'group' | 'brand' | 'survey' | 'survey_rating' | 'survey_category';

/** What a dialect writes its own way. */
export interface Fragments {
  /** Text after the table alias that pins the driving index (SQLite's INDEXED BY), or ''. */
  useIndex(index: DrivingIndex): string;
  /** How a flag is bound. */
  flag(value: boolean): unknown;
  /** The test that one of the response's closed-ended answers chose the option bound to `?`. */
  chose: string;
  /** The join from the subjects' index to the responses that keeps the index as the outer loop. */
  join: string;
}

// The response's own columns as the API reads them, then the responder's.
const COLUMNS = `${responseColumnsOf('r')}, u.name, u.email`;
const USER_AT = RESPONSE_COLUMN_COUNT;

export function toAdminRow(r: unknown[]): AdminResponseRow {
  return { ...toResponse(r), responderName: r[USER_AT] as string | null, responderEmail: r[USER_AT + 1] as string | null };
}

export const EXPORT_COLUMNS =
  'r.id, r.created_at, r.updated_at, r.survey_id, r.survey_version, r.locale, r.responder_id, u.email, u.name, ' +
  'r.subject_zrns, r.method, r.forced, r.answered_at, r.rating, r.rating_category, r.answers_json';

export function toExportRow(r: unknown[]): AdminExportRow {
  return {
    id: r[0] as string,
    createdAt: r[1] as number,
    updatedAt: r[2] as number,
    surveyId: r[3] as string,
    surveyVersion: r[4] as number,
    locale: r[5] as string,
    responderId: r[6] as number | null,
    responderEmail: r[7] as string | null,
    responderName: r[8] as string | null,
    subjectZrnsJson: r[9] as string,
    method: r[10] as ResponseMethod | null,
    forced: r[11] === 1 || r[11] === true,
    answeredAt: r[12] as number | null,
    rating: r[13] as number | null,
    ratingCategory: r[14] as string | null,
    answersJson: r[15] as string,
  };
}

export const FIND_ADMIN_RESPONSE = `select ${COLUMNS} from survey_responses r left join users u on u.id = r.responder_id where r.id = ?`;

interface Sql {
  text: string[];
  params: unknown[];
}
const add = (sql: Sql, text: string, ...params: unknown[]) => {
  sql.text.push(text);
  sql.params.push(...params);
};

/**
 * The index the walk follows: a subject, a tag, a responder, an assignee, group or brand, a survey's
 * rating or category, a survey, or the primary key.
 */
function driver(c: AdminResponseCriteria, f: Fragments): { table: string; key: string; where: Sql; covers: Set<keyof AdminResponseCriteria> } {
  const where: Sql = { text: [], params: [] };
  if (c.subjectZrn !== undefined) {
    add(where, 's.zrn = ?', c.subjectZrn);
    return { table: 'survey_response_subjects s', key: 's.response_id', where, covers: new Set(['subjectZrn']) };
  }
  if (c.tag !== undefined) {
    add(where, 't.tag = ?', c.tag);
    return { table: 'survey_response_tags t', key: 't.response_id', where, covers: new Set(['tag']) };
  }
  const covers = new Set<keyof AdminResponseCriteria>();
  let index: DrivingIndex = 'primary';
  if (c.responderId !== undefined) {
    add(where, 'r.responder_id = ?', c.responderId);
    covers.add('responderId');
    index = 'responder';
  } else if (c.anonymousId !== undefined) {
    add(where, 'r.anonymous_id = ?', c.anonymousId);
    covers.add('anonymousId');
    index = 'anonymous';
  } else if (c.assigneeId !== undefined) {
    // The overview's breakdowns link here: one assignee's (group's, brand's) responses to a survey.
    add(where, 'r.assignee_id = ?', c.assigneeId);
    covers.add('assigneeId');
    index = 'assignee';
  } else if (c.groupId !== undefined) {
    add(where, 'r.group_id = ?', c.groupId);
    covers.add('groupId');
    index = 'group';
  } else if (c.brandId !== undefined) {
    add(where, 'r.brand_id = ?', c.brandId);
    covers.add('brandId');
    index = 'brand';
  } else if (c.surveyId !== undefined) {
    add(where, 'r.survey_id = ?', c.surveyId);
    covers.add('surveyId');
    index = 'survey';
    if (c.rating !== undefined) {
      add(where, 'r.rating = ?', c.rating);
      covers.add('rating');
      index = 'survey_rating';
    } else if (c.ratingCategory !== undefined) {
      // The overview's drill-downs: a survey's good, neutral or bad ratings.
      add(where, 'r.rating_category = ?', c.ratingCategory);
      covers.add('ratingCategory');
      index = 'survey_category';
    }
  }
  return { table: `survey_responses r${f.useIndex(index)}`, key: 'r.id', where, covers };
}

/** The tests on the rows met, from fixed fragments; the driver's own filters are left out. */
function residual(c: AdminResponseCriteria, covers: Set<keyof AdminResponseCriteria>, f: Fragments): Sql {
  const sql: Sql = { text: [], params: [] };
  const has = (k: keyof AdminResponseCriteria) => c[k] !== undefined && !covers.has(k);
  if (has('responderId')) add(sql, 'r.responder_id = ?', c.responderId);
  if (has('anonymousId')) add(sql, 'r.anonymous_id = ?', c.anonymousId);
  if (has('surveyId')) add(sql, 'r.survey_id = ?', c.surveyId);
  if (has('rating')) add(sql, 'r.rating = ?', c.rating);
  if (has('ratingCategory')) add(sql, 'r.rating_category = ?', c.ratingCategory);
  if (has('hasComment')) add(sql, 'r.has_comment = ?', f.flag(c.hasComment!));
  if (c.states) stateTest(sql, c.states);
  if (has('locale')) add(sql, 'r.locale = ?', c.locale);
  if (has('assigneeId')) add(sql, 'r.assignee_id = ?', c.assigneeId);
  if (has('groupId')) add(sql, 'r.group_id = ?', c.groupId);
  if (has('brandId')) add(sql, 'r.brand_id = ?', c.brandId);
  if (has('tag')) add(sql, 'exists (select 1 from survey_response_tags t where t.tag = ? and t.response_id = r.id)', c.tag);
  if (c.method === 'link') add(sql, 'r.method is null');
  else if (c.method !== undefined) add(sql, 'r.method = ?', c.method);
  if (has('reasonOptionId')) {
    add(sql, f.chose, c.reasonOptionId);
  }
  return sql;
}

/** Any of the states at `now`; none when all three are asked for. */
function stateTest(sql: Sql, { states, now }: { states: ResponseState[]; now: number }) {
  const wanted = new Set(states);
  if (wanted.size === 3) return;
  const tests: Sql = { text: [], params: [] };
  if (wanted.has('answered')) add(tests, 'r.answered_at is not null');
  if (wanted.has('offered') && wanted.has('expired')) add(tests, 'r.answered_at is null');
  else if (wanted.has('offered')) add(tests, '(r.answered_at is null and r.expires_at > ?)', now);
  else if (wanted.has('expired')) add(tests, '(r.answered_at is null and r.expires_at <= ?)', now);
  add(sql, tests.text.length === 1 ? tests.text[0]! : `(${tests.text.join(' or ')})`, ...tests.params);
}

/** The driving index's own conditions: its equalities, the id range and the keyset boundary. */
function keyRange(w: AdminResponseWalk, d: ReturnType<typeof driver>): Sql {
  const sql: Sql = { text: [...d.where.text], params: [...d.where.params] };
  keyConditions(d.key, { idRange: w.criteria.idRange, boundary: w.boundary }, sql.text, sql.params);
  return sql;
}

const whereOf = (parts: string[]) => (parts.length ? ` where ${parts.join(' and ')}` : '');


/**
 * One walk's statements: `edge` (when filters test rows beyond the index) finds how far `scan`
 * entries reach, an index-only walk whose answer is bound to the `?` left last in `main` (or `main`
 * runs without that bound when the edge finds nothing); `main` returns the matching rows, with
 * `columns` (the table's row with its responder's name and email, or EXPORT_COLUMNS).
 */
export function walkStatements(w: AdminResponseWalk, f: Fragments, columns = COLUMNS) {
  const d = driver(w.criteria, f);
  const test = residual(w.criteria, d.covers, f);
  const range = keyRange(w, d);
  const edge =
    test.text.length && w.scan > w.limit
      ? { text: `select ${d.key} from ${d.table}${whereOf(range.text)} order by ${d.key} ${w.order} limit 1 offset ?`, params: [...range.params, w.scan - 1] }
      : undefined;
  const from = d.key === 'r.id' ? d.table : `${d.table} ${f.join} survey_responses r on r.id = ${d.key}`;
  const main = (scanEnd: string | undefined) => {
    const bounded = scanEnd === undefined ? range : { text: [...range.text, `${d.key} ${w.order === 'desc' ? '>=' : '<='} ?`], params: [...range.params, scanEnd] };
    return {
      text: `select ${columns} from ${from} left join users u on u.id = r.responder_id${whereOf([...bounded.text, ...test.text])} order by ${d.key} ${w.order} limit ?`,
      params: [...bounded.params, ...test.params, w.limit],
    };
  };
  return { edge, main };
}

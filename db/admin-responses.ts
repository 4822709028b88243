import { preparedText } from './client';
import type { ResponseMethod, SurveyResponseRow } from './schema';
import { keyConditions, RESPONSE_COLUMNS, responseColumnsOf, toResponse } from './survey-responses';

// The admin view's responses table and CSV export: keyset walks in id order (ids are ULIDs, so id
// order is creation order) driven by the most selective index a filter offers. The other filters
// only test the rows the walk meets, and a walk looks at `scan` index entries at most per call, so a
// page costs the same whatever the table's size and however rare the rows it looks for.

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
  answered?: boolean;
  locale?: string;
  /** `link`: offered through the Zendesk API (method NULL). */
  method?: ResponseMethod | 'link';
  /** Inclusive id range (a created_at range, see idBoundsFor). */
  idRange?: { lo: string; hi: string };
}

interface AdminResponseWalk {
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

// The response's own columns as the API reads them, then the responder's.
const COLUMNS = `${responseColumnsOf('r')}, u.name, u.email`;
const USER_AT = RESPONSE_COLUMNS.split(', ').length;

function toRow(r: unknown[]): AdminResponseRow {
  return { ...toResponse(r), responderName: r[USER_AT] as string | null, responderEmail: r[USER_AT + 1] as string | null };
}

interface Sql {
  text: string[];
  params: unknown[];
}
const add = (sql: Sql, text: string, ...params: unknown[]) => {
  sql.text.push(text);
  sql.params.push(...params);
};

/** The index the walk follows: a subject, a responder, a survey's rating or category, a survey, or the primary key. */
function driver(c: AdminResponseCriteria): { table: string; key: string; where: Sql; covers: Set<keyof AdminResponseCriteria> } {
  const where: Sql = { text: [], params: [] };
  if (c.subjectZrn !== undefined) {
    add(where, 's.zrn = ?', c.subjectZrn);
    return { table: 'survey_response_subjects s', key: 's.response_id', where, covers: new Set(['subjectZrn']) };
  }
  const covers = new Set<keyof AdminResponseCriteria>();
  // INDEXED BY: the planner may prefer another index once the id range narrows, and then a walk's
  // cost would no longer be bounded by `scan` entries of the index that found its edge.
  let index = 'sqlite_autoindex_survey_responses_1';
  if (c.responderId !== undefined) {
    add(where, 'r.responder_id = ?', c.responderId);
    covers.add('responderId');
    index = 'survey_responses_responder_id_idx';
  } else if (c.anonymousId !== undefined) {
    add(where, 'r.anonymous_id = ?', c.anonymousId);
    covers.add('anonymousId');
    index = 'survey_responses_anonymous_idx';
  } else if (c.surveyId !== undefined) {
    add(where, 'r.survey_id = ?', c.surveyId);
    covers.add('surveyId');
    index = 'survey_responses_survey_idx';
    if (c.rating !== undefined) {
      add(where, 'r.rating = ?', c.rating);
      covers.add('rating');
      index = 'survey_responses_survey_rating_idx';
    } else if (c.ratingCategory !== undefined) {
      // The overview's drill-downs: a survey's good, neutral or bad ratings.
      add(where, 'r.rating_category = ?', c.ratingCategory);
      covers.add('ratingCategory');
      index = 'survey_responses_survey_category_idx';
    }
  }
  return { table: `survey_responses r indexed by ${index}`, key: 'r.id', where, covers };
}

/** The tests on the rows met, from fixed fragments; the driver's own filters are left out. */
function residual(c: AdminResponseCriteria, covers: Set<keyof AdminResponseCriteria>): Sql {
  const sql: Sql = { text: [], params: [] };
  const has = (k: keyof AdminResponseCriteria) => c[k] !== undefined && !covers.has(k);
  if (has('responderId')) add(sql, 'r.responder_id = ?', c.responderId);
  if (has('anonymousId')) add(sql, 'r.anonymous_id = ?', c.anonymousId);
  if (has('surveyId')) add(sql, 'r.survey_id = ?', c.surveyId);
  if (has('rating')) add(sql, 'r.rating = ?', c.rating);
  if (has('ratingCategory')) add(sql, 'r.rating_category = ?', c.ratingCategory);
  if (has('hasComment')) add(sql, 'r.has_comment = ?', c.hasComment ? 1 : 0);
  if (has('answered')) add(sql, c.answered ? 'r.answered_at is not null' : 'r.answered_at is null');
  if (has('locale')) add(sql, 'r.locale = ?', c.locale);
  if (c.method === 'link') add(sql, 'r.method is null');
  else if (c.method !== undefined) add(sql, 'r.method = ?', c.method);
  if (has('reasonOptionId')) {
    add(
      sql,
      "exists (select 1 from answers a, json_each(a.selections) j where a.response_id = r.id and a.type = 'closed_ended' and j.value = ?)",
      c.reasonOptionId,
    );
  }
  return sql;
}

/** The driving index's own conditions: its equalities, the id range and the keyset boundary. */
function keyRange(w: AdminResponseWalk, d: ReturnType<typeof driver>): Sql {
  const sql: Sql = { text: [...d.where.text], params: [...d.where.params] };
  keyConditions(d.key, { idRange: w.criteria.idRange, boundary: w.boundary }, sql.text, sql.params);
  return sql;
}

const whereOf = (parts: string[]) => (parts.length ? ` where ${parts.join(' and ')}` : '');

/**
 * One walk of at most `scan` entries of the driving index from the boundary, returning the rows that
 * match (at most `limit`). `scanEnd` is the last id the walk may look at when it stopped there before
 * filling a page: more matching rows may lie beyond it, and the next walk starts after it.
 */
export async function walkAdminResponses(w: AdminResponseWalk): Promise<{ rows: AdminResponseRow[]; scanEnd?: string }> {
  const d = driver(w.criteria);
  const test = residual(w.criteria, d.covers);
  const range = keyRange(w, d);
  // With tests beyond the index, first find how far `scan` entries reach (an index-only walk), so the
  // row walk below stops there at the latest.
  let scanEnd: string | undefined;
  if (test.text.length && w.scan > w.limit) {
    const edge = `select ${d.key} from ${d.table}${whereOf(range.text)} order by ${d.key} ${w.order} limit 1 offset ?`;
    scanEnd = (preparedText(edge).get(...range.params, w.scan - 1) as [string] | undefined)?.[0];
    if (scanEnd !== undefined) add(range, `${d.key} ${w.order === 'desc' ? '>=' : '<='} ?`, scanEnd);
  }
  const from = d.key === 'r.id' ? d.table : `${d.table} cross join survey_responses r on r.id = ${d.key}`;
  const text =
    `select ${COLUMNS} from ${from} left join users u on u.id = r.responder_id` +
    `${whereOf([...range.text, ...test.text])} order by ${d.key} ${w.order} limit ?`;
  // One prepared statement per query shape (which filters are present, and the order): a few dozen.
  const rows = (preparedText(text).all(...range.params, ...test.params, w.limit) as unknown[][]).map(toRow);
  return rows.length < w.limit && scanEnd !== undefined ? { rows, scanEnd } : { rows };
}

/** One response with its responder's name and email, for the detail page. */
export async function findAdminResponse({ id }: { id: string }): Promise<AdminResponseRow | undefined> {
  const text = `select ${COLUMNS} from survey_responses r left join users u on u.id = r.responder_id where r.id = ?`;
  const row = preparedText(text).get(id) as unknown[] | undefined;
  return row && toRow(row);
}

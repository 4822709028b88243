import {
  EXPORT_COLUMNS, FIND_ADMIN_RESPONSE, toAdminRow, toExportRow, walkStatements,
  type AdminExportRow, type AdminExportWalk, type AdminResponseRow, type AdminResponseWalk, type DrivingIndex, type Fragments,
} from '../admin-responses';
import { preparedText } from './client';

// INDEXED BY: the planner may prefer another index once the id range narrows, and then a walk's cost
// would no longer be bounded by `scan` entries of the index that found its edge.
const INDEXES: Record<DrivingIndex, string> = {
  primary: 'sqlite_autoindex_survey_responses_1',
  responder: 'survey_responses_responder_id_idx',
  anonymous: 'survey_responses_anonymous_idx',
  assignee: 'survey_responses_assignee_idx',
  group: 'survey_responses_group_idx',
  brand: 'survey_responses_brand_idx',
  survey: 'survey_responses_survey_idx',
  survey_rating: 'survey_responses_survey_rating_idx',
  survey_category: 'survey_responses_survey_category_idx',
};

const fragments: Fragments = {
  useIndex: (index) => ` indexed by ${INDEXES[index]}`,
  flag: (value) => (value ? 1 : 0),
  chose: "exists (select 1 from answers a, json_each(a.selections) j where a.response_id = r.id and a.type = 'closed_ended' and j.value = ?)",
  // CROSS JOIN: SQLite keeps the left table as the outer loop.
  join: 'cross join',
};

/**
 * One walk of at most `scan` entries of the driving index from the boundary, returning the rows that
 * match (at most `limit`). `scanEnd` is the last id the walk may look at when it stopped there before
 * filling a page: more matching rows may lie beyond it, and the next walk starts after it.
 */
export async function walkAdminResponses(w: AdminResponseWalk): Promise<{ rows: AdminResponseRow[]; scanEnd?: string }> {
  const { edge, main } = walkStatements(w, fragments);
  // One prepared statement per query shape (which filters are present, and the order): a few dozen.
  const scanEnd = edge && (preparedText(edge.text).get(...edge.params) as [string] | undefined)?.[0];
  const statement = main(scanEnd);
  const rows = (preparedText(statement.text).all(...statement.params) as unknown[][]).map(toAdminRow);
  return rows.length < w.limit && scanEnd !== undefined ? { rows, scanEnd } : { rows };
}

/**
 * The same walk for the CSV export: each row goes to `visit` as the statement reads it, and none is
 * kept (with a whole batch of rows held, many outlived V8's young generation: garbage collection took
 * 3.9 s of a 10^6-row export's CPU time, 2.1 s without). `visit` returns false to end the walk before
 * that row. The statement is iterated to its end within this call: an iterator left open across the
 * stream's awaits would hold a read transaction on the reader connection, and every other request of
 * the process would read that old snapshot until it closed (and the WAL could not be checkpointed
 * past it).
 */
export async function walkAdminExportRows(w: AdminResponseWalk, visit: (row: AdminExportRow) => boolean): Promise<AdminExportWalk> {
  const { edge, main } = walkStatements(w, fragments, EXPORT_COLUMNS);
  const scanEnd = edge && (preparedText(edge.text).get(...edge.params) as [string] | undefined)?.[0];
  const statement = main(scanEnd);
  let visited = 0;
  let last: string | undefined;
  for (const r of preparedText(statement.text).iterate(...statement.params) as IterableIterator<unknown[]>) {
    const row = toExportRow(r);
    // Leaving the loop resets the statement.
    if (!visit(row)) return { visited, ...(last && { last }), stopped: true };
    visited++;
    last = row.id;
  }
  return { visited, ...(last && { last }), stopped: false, ...(visited < w.limit && scanEnd !== undefined && { scanEnd }) };
}

/** One response with its responder's name and email, for the detail page. */
export async function findAdminResponse({ id }: { id: string }): Promise<AdminResponseRow | undefined> {
  const row = preparedText(FIND_ADMIN_RESPONSE).get(id) as unknown[] | undefined;
  return row && toAdminRow(row);
}

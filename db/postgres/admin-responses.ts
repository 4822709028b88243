import {
  EXPORT_COLUMNS, FIND_ADMIN_RESPONSE, toAdminRow, toExportRow, walkStatements,
  type AdminExportRow, type AdminExportWalk, type AdminResponseRow, type AdminResponseWalk, type Fragments,
} from '../admin-responses';
import { numbered, pool, row, rows } from './client';

// PostgreSQL has no index hints: its planner picks the driving index from the equalities and the
// `order by id limit` (every index ends in id).
const fragments: Fragments = {
  useIndex: () => '',
  flag: (value) => value,
  chose: "exists (select 1 from answers a where a.response_id = r.id and a.type = 'closed_ended' and a.selections::jsonb @> jsonb_build_array(?::text))",
  join: 'join',
};

/** See db/sqlite/admin-responses.ts. */
export async function walkAdminResponses(w: AdminResponseWalk): Promise<{ rows: AdminResponseRow[]; scanEnd?: string }> {
  const { edge, main } = walkStatements(w, fragments);
  const on = await pool();
  const scanEnd = edge && (await row<[string]>(on, numbered(edge.text), edge.params))?.[0];
  const statement = main(scanEnd);
  const found = (await rows(on, numbered(statement.text), statement.params)).map(toAdminRow);
  return found.length < w.limit && scanEnd !== undefined ? { rows: found, scanEnd } : { rows: found };
}

/** See db/sqlite/admin-responses.ts; node-postgres reads the whole batch, then each row is handed over. */
export async function walkAdminExportRows(w: AdminResponseWalk, visit: (row: AdminExportRow) => boolean): Promise<AdminExportWalk> {
  const { edge, main } = walkStatements(w, fragments, EXPORT_COLUMNS);
  const on = await pool();
  const scanEnd = edge && (await row<[string]>(on, numbered(edge.text), edge.params))?.[0];
  const statement = main(scanEnd);
  let visited = 0;
  let last: string | undefined;
  for (const r of await rows(on, numbered(statement.text), statement.params)) {
    const found = toExportRow(r);
    if (!visit(found)) return { visited, ...(last && { last }), stopped: true };
    visited++;
    last = found.id;
  }
  return { visited, ...(last && { last }), stopped: false, ...(visited < w.limit && scanEnd !== undefined && { scanEnd }) };
}

/** One response with its responder's name and email, for the detail page. */
export async function findAdminResponse({ id }: { id: string }): Promise<AdminResponseRow | undefined> {
  const found = await row(await pool(), numbered(FIND_ADMIN_RESPONSE), [id]);
  return found && toAdminRow(found);
}

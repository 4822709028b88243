import fs from 'node:fs';
import { closeDb, dialectOf, migrateDb } from '../client';
import { databasePath } from '../sqlite/client';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import { copyTables, type Row, type Side, type Table } from './tables';

// `db copy --from <url> --to <url>`: a whole instance from one database to another, SQLite or
// PostgreSQL on either side. Both are migrated first by the app's own path; the target must be empty.
// The source is read in one snapshot (a read transaction), table by table in key order, in keyset
// pages; each page is written as one transaction while the next is read.
//
// The figure tables (survey_daily_counts, survey_daily_reasons, survey_breakdown_counts) are copied as
// they are, last. The target's triggers would also count every copied response and answer into them:
// on PostgreSQL the copy's connection runs with session_replication_role = replica, which skips them
// when the role may set it; on SQLite (and PostgreSQL without that privilege) they run, and what they
// wrote is deleted just before the source's figures are copied. Either way the target ends with the
// source's figures.
//
// A copy that fails half way leaves the target partly filled (each page commits by itself): empty it
// (a new file, or drop and create the database) and copy again.

export interface CopyOptions {
  from: string;
  to: string;
  /** Progress lines: each step, and per table the rows done / total every few seconds. */
  log?: (line: string) => void;
  batchSize?: number;
}

export interface CopyResult {
  copied: Record<string, number>;
}

const BATCH = 5_000;
// The first page of a table is smaller: its rows' width sets the size of the next ones.
const FIRST_PAGE = 500;
const PAGE_BYTES = 8 * 1024 * 1024;
const REPORT_EVERY_MS = 2_000;

/** Where a URL points, for telling two URLs of one database apart. */
function location(url: string): string {
  if (dialectOf(url) === 'sqlite') return `sqlite:${databasePath(url)}`;
  const parsed = new URL(url);
  return `postgres://${parsed.host}${parsed.pathname}`;
}

function checkUrls(from: string, to: string): void {
  for (const url of [from, to]) {
    if (dialectOf(url) === 'sqlite' && databasePath(url) === ':memory:') throw new Error('db copy: an in-memory SQLite database cannot be copied from or to');
  }
  if (location(from) === location(to)) throw new Error('db copy: --from and --to name the same database');
  if (dialectOf(from) === 'sqlite' && !fs.existsSync(databasePath(from))) {
    throw new Error(`db copy: there is no SQLite database at ${shown(from)}`);
  }
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  if (dialectOf(url) === 'sqlite') return databasePath(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Applies pending migrations to `url` the way a server start does (db/client.ts), then disconnects. */
async function migrate(url: string, role: 'source' | 'target'): Promise<void> {
  const before = process.env.DATABASE_URL;
  await closeDb();
  process.env.DATABASE_URL = url;
  try {
    await migrateDb();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`db copy: the ${role} ${shown(url)} could not be opened and migrated: ${reason}`, { cause: error });
  } finally {
    await closeDb();
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

const open = (url: string): Promise<Side> => (dialectOf(url) === 'postgres' ? openPostgres(url) : Promise.resolve(openSqlite(databasePath(url))));

const number = (n: number) => n.toLocaleString('en-US');

/** About how many bytes a page's rows hold (strings by length, anything else as 8). */
function bytesOf(rows: Row[]): number {
  let bytes = 0;
  for (const row of rows) for (const value of row) bytes += typeof value === 'string' ? value.length : 8;
  return bytes;
}

async function copyTable(source: Side, target: Side, table: Table, total: number, batchSize: number, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const keyAt = table.key.map((name) => table.columns.findIndex((c) => c.name === name));
  let reported = started;
  let done = 0;
  // Pages hold `batchSize` rows, fewer when rows are wide, so memory stays flat whatever the rows hold.
  let limit = Math.min(FIRST_PAGE, batchSize);
  let rows = await source.read(table, undefined, limit);
  while (rows.length > 0) {
    const last = rows[rows.length - 1]!;
    const after = keyAt.map((i) => last[i]);
    const more = rows.length === limit;
    limit = Math.max(1, Math.min(batchSize, Math.floor((PAGE_BYTES * rows.length) / Math.max(1, bytesOf(rows)))));
    const page = rows;
    const write = () => target.write(table, page);
    const read = () => (more ? source.read(table, after, limit) : Promise.resolve([]));
    // Both databases work at once: the side that works synchronously (SQLite) is called second, so it
    // runs while the other side's server handles its call.
    if (source.blocking) {
      const writing = write();
      [, rows] = await Promise.all([writing, read()]);
    } else {
      const reading = read();
      [rows] = await Promise.all([reading, write()]);
    }
    done += page.length;
    if (Date.now() - reported >= REPORT_EVERY_MS && done < total) {
      reported = Date.now();
      log(`${table.name}: ${number(done)}/${number(total)} rows (${Math.round((100 * done) / total)} %)`);
    }
  }
  log(`${table.name}: ${number(done)}/${number(total)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return done;
}

/**
 * Copies every table of the instance at `from` into the empty instance at `to`, then checks the row
 * count of every table on both sides. Throws (having written nothing) when the target holds any row,
 * and throws when a count differs afterwards.
 */
export async function copyDatabase({ from, to, log = () => {}, batchSize = BATCH }: CopyOptions): Promise<CopyResult> {
  checkUrls(from, to);
  const tables = copyTables();
  await migrate(from, 'source');
  await migrate(to, 'target');
  log('migrated the source and the target');

  const sides: Side[] = [];
  try {
    const source = await open(from);
    sides.push(source);
    const target = await open(to);
    sides.push(target);

    const filled: string[] = [];
    for (const table of tables) if ((await target.count(table)) > 0) filled.push(table.name);
    if (filled.length > 0) {
      throw new Error(`db copy: the target is not empty (rows in ${filled.join(', ')}); copy into a new database or file`);
    }

    await source.snapshot();
    const totals = new Map<string, number>();
    for (const table of tables) totals.set(table.name, await source.count(table));
    const rows = [...totals.values()].reduce((a, b) => a + b, 0);
    log(`copying ${number(rows)} rows of ${tables.length} tables`);

    const note = await target.prepareWrites();
    if (note) log(note);
    const copied: Record<string, number> = {};
    for (const table of tables) {
      if (table.figures) await target.clear(table);
      copied[table.name] = await copyTable(source, target, table, totals.get(table.name)!, batchSize, log);
    }
    const finishing = Date.now();
    await target.finish(tables);
    log(`finished the target (identity sequences, statistics) in ${((Date.now() - finishing) / 1000).toFixed(1)} s`);

    const differences: string[] = [];
    for (const table of tables) {
      const [expected, written, found] = [totals.get(table.name)!, copied[table.name]!, await target.count(table)];
      if (written !== expected || found !== expected) {
        differences.push(`${table.name}: ${number(expected)} in the source, ${number(written)} copied, ${number(found)} in the target`);
      }
    }
    if (differences.length > 0) throw new Error(`db copy: the row counts differ after the copy:\n${differences.join('\n')}`);
    log('checked: every table holds as many rows in the target as in the source');
    return { copied };
  } finally {
    // The outcome is decided by now (every write committed and counted): closing cannot change it.
    for (const side of sides.reverse()) await side.close().catch(() => {});
  }
}

/**
 * Every row of every table at `url`, in key order, read in one snapshot: for tests that compare two
 * moments or two instances (a read must change nothing; a copy must equal its source).
 */
export async function readContents(url: string): Promise<Record<string, Row[]>> {
  const side = await open(url);
  try {
    await side.snapshot();
    const contents: Record<string, Row[]> = {};
    for (const table of copyTables()) contents[table.name] = await side.read(table, undefined, Number.MAX_SAFE_INTEGER);
    return contents;
  } finally {
    await side.close();
  }
}

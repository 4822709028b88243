import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsFolder as postgresMigrations } from '../postgres/client';
import { migrationsFolder as sqliteMigrations } from '../sqlite/client';
import { describeCell, differingCells, filledCells, FIGURE_TABLES, type FigureTable } from './figures';
import { number, secondsSince } from './files';

// `check`: is a database (DATABASE_URL, or a backup given with --file) whole and self-consistent?
// - SQLite's PRAGMA integrity_check (every page, index entry and constraint) and foreign_key_check;
// - every migration this version knows is applied, and none it does not know;
// - the daily figure tables agree with the responses and answers they summarize, every cell of them
//   counted afresh (db/backup/figures.ts).
// Everything is read in one snapshot, so a database the servers keep writing checks as consistent.
// On PostgreSQL, which keeps its pages and foreign keys itself, only the migrations and the figures
// are checked.

export interface CheckReport {
  /** The file, or the PostgreSQL URL without its password. */
  database: string;
  ok: boolean;
  /** What is wrong, one line each (empty when ok). */
  problems: string[];
  /** `ok`, `failed`, or null where not checked (PostgreSQL, or a file that could not be opened). */
  integrity: 'ok' | 'failed' | null;
  /** Rows whose parent is missing; null where not checked. */
  foreign_keys: number | null;
  migrations: { applied: number; expected: number; pending: string[] } | null;
  figures: Partial<Record<FigureTable, { cells: number; wrong: number }>> | null;
  seconds: number;
}

export interface CheckResult {
  check: CheckReport;
}

export interface CheckOptions {
  log?: (line: string) => void;
  /** Restore accepts a backup made before the latest migrations: the next start applies them. */
  pendingMigrations?: 'problem' | 'allowed';
}

// Each kind of problem lists this many instances, then how many more there are.
const SHOWN = 10;

/** The migrations this version ships, as drizzle records them: the journal's `when` by tag. */
function knownMigrations(folder: string): Map<number, string> {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return new Map(journal.entries.map((e) => [e.when, e.tag]));
}

function compareMigrations(known: Map<number, string>, applied: number[], pendingAllowed: boolean, problems: string[]): CheckReport['migrations'] {
  const done = new Set(applied);
  const pending = [...known].filter(([when]) => !done.has(when)).map(([, tag]) => tag);
  const unknown = applied.filter((when) => !known.has(when));
  if (pending.length > 0 && !pendingAllowed) problems.push(`migrations: not applied: ${pending.join(', ')}`);
  if (unknown.length > 0) problems.push(`migrations: ${unknown.length} applied that this version does not know (made by a newer version?)`);
  return { applied: applied.length, expected: known.size, pending };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function listed(label: string, lines: string[], total: number): string {
  const more = total > lines.length ? `\n  … and ${number(total - lines.length)} more` : '';
  return `${label}:\n  ${lines.join('\n  ')}${more}`;
}

/** Runs `step`, turning what it throws into a problem: a damaged file fails a check, never the command. */
function attempt<T>(name: string, problems: string[], step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    problems.push(`${name}: ${messageOf(error)}`);
    return null;
  }
}

export function checkSqliteFile(file: string, { log = () => {}, pendingMigrations = 'problem' }: CheckOptions = {}): CheckResult {
  const started = performance.now();
  const report: CheckReport = { database: file, ok: false, problems: [], integrity: null, foreign_keys: null, migrations: null, figures: null, seconds: 0 };
  const { problems } = report;
  if (!fs.existsSync(file)) throw new Error(`check: there is no file at ${file}`);
  let db: Database.Database | undefined;
  try {
    db = attempt('open', problems, () => new Database(file, { fileMustExist: true })) ?? undefined;
    if (db) {
      const sqlite = db;
      // This connection only reads; SQLite itself may still recover a WAL left by a crash.
      attempt('open', problems, () => {
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('query_only = ON');
        sqlite.exec('BEGIN');
      });
      checkSqlite(sqlite, report, pendingMigrations === 'allowed', log);
    }
  } finally {
    if (db?.inTransaction) db.exec('ROLLBACK');
    db?.close();
  }
  report.ok = problems.length === 0;
  report.seconds = secondsSince(started);
  return { check: report };
}

function checkSqlite(db: Database.Database, report: CheckReport, pendingAllowed: boolean, log: (line: string) => void): void {
  const { problems } = report;
  let step = performance.now();
  const timed = (what: string) => {
    log(`check: ${what} in ${secondsSince(step)} s`);
    step = performance.now();
  };

  const found = attempt('integrity_check', problems, () => db.prepare(`pragma integrity_check(${SHOWN + 1})`).pluck().all() as string[]);
  report.integrity = found?.length === 1 && found[0] === 'ok' ? 'ok' : 'failed';
  timed(`integrity_check ${report.integrity}`);
  // Not a database at all, or damaged past reading: the other checks would only fail the same way.
  if (found === null) return;
  // integrity_check stops after SHOWN + 1 findings: how many more there are is not known.
  if (report.integrity === 'failed') problems.push(`integrity_check:\n  ${found.slice(0, SHOWN).join('\n  ')}${found.length > SHOWN ? '\n  …' : ''}`);

  attempt('foreign_key_check', problems, () => {
    const lines: string[] = [];
    let count = 0;
    for (const row of db.prepare('pragma foreign_key_check').iterate() as Iterable<{ table: string; rowid: number | null; parent: string }>) {
      if (++count <= SHOWN) lines.push(`${row.table} row ${row.rowid ?? '(no rowid)'} refers to a missing ${row.parent} row`);
    }
    report.foreign_keys = count;
    if (count > 0) problems.push(listed('foreign_key_check', lines, count));
  });
  timed(`foreign_key_check: ${report.foreign_keys ?? 'failed'}`);

  attempt('migrations', problems, () => {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!table) throw new Error('no __drizzle_migrations table: not a database of this app, or never migrated');
    const applied = db.prepare('select created_at from __drizzle_migrations').pluck().all().map(Number);
    report.migrations = compareMigrations(knownMigrations(sqliteMigrations()), applied, pendingAllowed, problems);
  });

  report.figures = {};
  for (const table of FIGURE_TABLES) {
    attempt(table, problems, () => {
      const lines: string[] = [];
      let wrong = 0;
      for (const row of db.prepare(differingCells(table, 'sqlite')).raw().iterate() as Iterable<unknown[]>) {
        if (++wrong <= SHOWN) lines.push(describeCell(table, row));
      }
      const cells = db.prepare(filledCells(table)).pluck().get() as number;
      report.figures![table] = { cells, wrong };
      if (wrong > 0) problems.push(listed(`${table}: ${number(wrong)} cells differ from the rows they count`, lines, wrong));
    });
  }
  timed('migrations and figures');
}

// int8 (count(*), the epoch-ms columns) as a JS number, as the app's pool reads it (db/postgres/client.ts).
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function checkPostgres(url: string, shown: string, { log = () => {} }: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const report: CheckReport = { database: shown, ok: false, problems: [], integrity: null, foreign_keys: null, migrations: null, figures: null, seconds: 0 };
  const { problems } = report;
  const client = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const query = (text: string) => client.query<unknown[]>({ text, rowMode: 'array' });
    // A failed statement ends the transaction's use: each step runs under a savepoint of its own.
    const step = async (name: string, work: () => Promise<void>) => {
      await client.query('savepoint step');
      try {
        await work();
        await client.query('release savepoint step');
      } catch (error) {
        problems.push(`${name}: ${messageOf(error)}`);
        await client.query('rollback to savepoint step');
      }
    };
    await step('migrations', async () => {
      const { rows } = await query('select created_at from drizzle.__drizzle_migrations');
      report.migrations = compareMigrations(knownMigrations(postgresMigrations()), rows.map((r) => Number(r[0])), false, problems);
    });
    report.figures = {};
    for (const table of FIGURE_TABLES) {
      await step(table, async () => {
        const { rows } = await query(differingCells(table, 'postgres'));
        const cells = (await query(filledCells(table))).rows[0]![0] as number;
        report.figures![table] = { cells, wrong: rows.length };
        if (rows.length > 0) {
          const lines = rows.slice(0, SHOWN).map((row) => describeCell(table, row));
          problems.push(listed(`${table}: ${number(rows.length)} cells differ from the rows they count`, lines, rows.length));
        }
      });
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
  log(`check: migrations and figures in ${secondsSince(started)} s (PostgreSQL checks its pages and foreign keys itself)`);
  report.ok = problems.length === 0;
  report.seconds = secondsSince(started);
  return { check: report };
}

import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { translate } from '../errors';
import { databaseUrl } from '../url';
import * as schema from './schema';

// Two connections per process to one SQLite file in WAL mode: the writer, which every write and
// every transaction goes through one at a time (see `serialized`), and the reader for everything
// else. A transaction's steps are awaited, so other requests run between them: on their own
// connection they read only what is committed, never a transaction's half.

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** `file:<path>` (or a bare path) → a filesystem path; `:memory:` stays as it is. */
export function databasePath(url: string): string {
  const raw = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (raw === ':memory:') return raw;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

// Migrations are resolved from the project root (MIGRATIONS_DIR overrides it), not from the bundled
// chunk's location, which differs between `next start`, the CLI and tests.
export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'sqlite', 'migrations');
}

function connect(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes (WEB_CONCURRENCY, the CLI) may share the file: a writer waits for another's lock.
  sqlite.pragma('busy_timeout = 5000');
  // 32 MiB of page cache (the default is 2 MiB): index pages of a large table stay in memory.
  sqlite.pragma('cache_size = -32000');
  return sqlite;
}

interface Connections {
  url: string;
  file: string;
  writer: Db;
  reader: Db;
}

let open: Connections | undefined;

/** The connections for `url`, opened (and the file migrated) on first use. */
export function connections(url: string): Connections {
  if (open?.url === url) return open;
  if (open) closeSqlite();
  const file = databasePath(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const writer = drizzle(connect(file), { schema }) as Db;
  migrate(writer, { migrationsFolder: migrationsFolder() });
  // An in-memory database exists only on its own connection: there the writer reads too.
  const reader = file === ':memory:' ? writer : (drizzle(connect(file), { schema }) as Db);
  open = { url, file, writer, reader };
  return open;
}

export function closeSqlite(): void {
  if (!open) return;
  if (open.reader !== open.writer) open.reader.$client.close();
  open.writer.$client.close();
  open = undefined;
}

export const writer = (): Db => connections(databaseUrl()).writer;
export const reader = (): Db => connections(databaseUrl()).reader;

/**
 * Rewrites the file in key order. Worth running once after a migration that filled new columns of a
 * large table (0002): the rewritten rows lose their id order on disk, and a 10^6-row table then read
 * a 100-row page 15 times slower (24 against 351 req/s) until vacuumed.
 */
export function vacuumSqlite(): void {
  writer().$client.exec('VACUUM');
}

// --- One writer at a time ---------------------------------------------------------------------

let busy = false;
const waiting: (() => void)[] = [];

/** For /metrics: how many writes of this process wait for the writer. */
export const queuedWrites = () => waiting.length;

/**
 * Runs `work` on the writer when no other write or transaction of this process is under way, in
 * arrival order. Synchronous work on a free writer runs at once, without a turn of the event loop.
 */
export async function serialized<T>(work: () => T | Promise<T>): Promise<T> {
  if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
  busy = true;
  try {
    return await work();
  } catch (error) {
    // SQLITE_BUSY past the busy timeout (another process held the lock), a full disk: 503, not 500.
    throw translate(error);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  }
}

/**
 * A transaction whose steps the caller awaits: BEGIN IMMEDIATE takes SQLite's write lock first (so
 * what it reads cannot change before it writes, in this process or another), and `serialized`
 * keeps every other write of this process out until it commits or rolls back.
 */
export function sqliteTransaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
  return serialized(async () => {
    const db = writer();
    db.$client.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(db);
      db.$client.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
      throw error;
    }
  });
}

// --- Prepared statements ------------------------------------------------------------------------

/** Statements prepared once per connection (drizzle's builder re-prepares on every call). */
export function preparedOnce<T>(connection: () => Db, make: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>();
  return () => {
    const db = connection();
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = make(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

const byText = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A query statement on the reader, prepared once per connection and SQL text, reading rows as arrays
 * (raw mode). For queries assembled from fixed fragments, so the texts are few (a few dozen shapes).
 */
export function preparedText(sql: string): Database.Statement {
  const db = reader();
  let statements = byText.get(db);
  if (!statements) byText.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql).raw(true)));
  return statement;
}

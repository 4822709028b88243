import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const DEFAULT_DATABASE_URL = 'file:./data/app.db';

/** `file:<path>` (or a bare path) → a filesystem path; `:memory:` stays as it is. */
export function databasePath(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  const raw = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (raw === ':memory:') return raw;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

// Migrations are resolved from the project root (MIGRATIONS_DIR overrides it), not from the bundled
// chunk's location, which differs between `next start`, the CLI and tests.
function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
}

function open(): Db {
  const file = databasePath();
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MiB of page cache (the default is 2 MiB): index pages of a large table stay in memory.
  sqlite.pragma('cache_size = -32000');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

// One connection per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { __hcsDb?: Db };

export function getDb(): Db {
  globalForDb.__hcsDb ??= open();
  return globalForDb.__hcsDb;
}

/**
 * Rewrites the file in key order. Worth running once after a migration that filled new columns of a
 * large table (0002): the rewritten rows lose their id order on disk, and a 10^6-row table then read
 * a 100-row page 15 times slower (24 against 351 req/s) until vacuumed.
 */
export function vacuumDb(): void {
  getDb().$client.exec('VACUUM');
}

export function closeDb(): void {
  globalForDb.__hcsDb?.$client.close();
  globalForDb.__hcsDb = undefined;
}

/** A prepared statement made once per connection (drizzle's builder re-prepares on every call). */
export function preparedOnce<T>(make: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = cache.get(db);
    if (statement === undefined) {
      statement = make(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

const byText = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A query statement prepared once per connection and SQL text, reading rows as arrays (raw mode).
 * For queries assembled from fixed fragments, so the texts are few (a few dozen shapes at most).
 */
export function preparedText(sql: string): Database.Statement {
  const db = getDb();
  let statements = byText.get(db);
  if (!statements) byText.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql).raw(true)));
  return statement;
}

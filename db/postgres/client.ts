import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { isRetryable, translatePostgres as translate } from '../errors';
import { databaseUrl } from '../url';
import * as schema from './schema';

// One pool per process (DATABASE_POOL_MAX connections, default 10). Queries are sent with a name, so
// each connection parses and plans a statement once and then only binds values; rows come back as
// arrays, mapped by the query modules (as the SQLite side does).

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** The pool, or the one connection of a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

// int8 (bigint: epoch milliseconds, count(*)) as a JS number: every value we store fits in 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// Migrations of all instances are applied under this advisory lock: instances that start together
// migrate once, the others wait and then find nothing left to do.
const MIGRATION_LOCK = 4_207_031_101;
const STARTUP_LOCK = 4_207_031_102;

export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR_POSTGRES ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'postgres', 'migrations');
}

interface Open {
  url: string;
  db: PgDb;
  ready: Promise<void>;
}
let open: Open | undefined;

async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

function connect(url: string): Open {
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const pool = new pg.Pool({
    connectionString: url,
    max: Number.isInteger(max) && max > 0 ? max : 10,
    types,
    // A database that is down fails a request within seconds (a 503) instead of holding it: no
    // connection within 5 s, or no answer within 30 s on one that was open (a network that drops
    // packets would otherwise hold it for the kernel's TCP timeout, minutes).
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that dies (the server restarted) is dropped by the pool; the next query opens
  // a new one. Without a listener the error would end the process.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const db = drizzle(pool, { schema }) as PgDb;
  const state: Open = { url, db, ready: Promise.resolve() };
  state.ready = migrateUnderLock(pool).catch((error: unknown) => {
    // Not migrated (the database was unreachable): the next use tries again.
    if (open === state) open = undefined;
    void pool.end().catch(() => {});
    throw translate(error);
  });
  return state;
}

/** The pool for DATABASE_URL, migrated: the first use connects and applies pending migrations. */
export async function postgres(): Promise<PgDb> {
  const url = databaseUrl();
  if (open?.url !== url) {
    if (open) void closePostgres();
    open = connect(url);
  }
  const current = open;
  await current.ready;
  return current.db;
}

/**
 * Runs `work` while holding an advisory lock that every instance's startup takes: one at a time. The
 * lock is held on a connection of its own, outside the pool, so `work` has the whole pool.
 */
export async function underPostgresStartupLock<T>(work: () => Promise<T>): Promise<T> {
  await postgres();
  const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
  } catch (error) {
    await client.end().catch(() => {});
    throw translate(error);
  }
  try {
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

/** For /metrics: the pool's connections and the queries waiting for one; undefined before it is opened. */
export function poolStats(): { total: number; idle: number; waiting: number; max: number } | undefined {
  const pool = open?.db.$client;
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

export async function closePostgres(): Promise<void> {
  const closing = open;
  open = undefined;
  if (closing) await closing.db.$client.end().catch(() => {});
}

const names = new Map<string, string>();
/** A statement's name: the same text always gets the same name, so each connection prepares it once. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `q${names.size}`));
  return name;
}

/** The migrated pool, for statements outside a transaction. */
export async function pool(): Promise<pg.Pool> {
  return (await postgres()).$client;
}

/** Rows as arrays, in the order of the select list. Driver errors are translated (db/errors.ts). */
export async function rows<T extends unknown[] = unknown[]>(on: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  try {
    const result = await on.query<T>({ name: nameOf(text), text, values, rowMode: 'array' });
    return result.rows;
  } catch (error) {
    throw translate(error);
  }
}

/** The first row, or undefined. */
export async function row<T extends unknown[] = unknown[]>(on: Queryable, text: string, values: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(on, text, values))[0];
}

/** Runs a statement; the number of rows it touched. */
export async function run(on: Queryable, text: string, values: unknown[] = []): Promise<number> {
  try {
    return (await on.query({ name: nameOf(text), text, values })).rowCount ?? 0;
  } catch (error) {
    throw translate(error);
  }
}

const ATTEMPTS = 3;
const retryPause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));

/**
 * One statement on the pool (atomic by itself), run again like a transaction (below) when
 * PostgreSQL rolled it back for a deadlock or a serialization failure: a statement that locks rows
 * of two tables can meet a transaction that locks them in the other order (deleting a webhook locks
 * its row, then its invocations).
 */
export async function retried<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await retryPause(attempt);
    }
  }
}

/**
 * BEGIN, then an advisory lock per name, in sorted order (two transactions that name the same ones
 * wait in turn, never in a circle): one round trip, as one simple-protocol query whose statements run
 * in order. The names go in as escaped literals (the simple protocol takes no parameters), without
 * NUL characters, which would end the query text (the boundary refuses them in requests already).
 */
function beginLocked(client: pg.PoolClient, locks: readonly string[]): string {
  const names = [...new Set(locks.map((name) => name.replaceAll('\0', '')))].sort();
  return ['begin', ...names.map((name) => `select pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(name)}, 0))`)].join('; ');
}

/**
 * A transaction on one pooled connection; rolled back when `work` throws. Two transactions that
 * update the same daily-figure cells in opposite orders can deadlock, and PostgreSQL then rolls one
 * back: that one runs again (up to 3 times, after a short random pause), so `work` must only decide
 * from what it reads through `client`. `work`'s own errors pass through as they are (the statements
 * it runs translate theirs). `locks` are held from the start to the end, against every transaction
 * of any process that names one of them.
 */
export async function postgresTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, locks: readonly string[] = []): Promise<T> {
  const pool = (await postgres()).$client;
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
      await client.query(beginLocked(client, locks)).catch((error: unknown) => {
        client.release(true);
        throw error;
      });
    } catch (error) {
      throw translate(error);
    }
    try {
      const result = await work(client);
      await client.query('commit').catch((error: unknown) => {
        throw translate(error);
      });
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is broken: the pool drops it instead of reusing it.
      const broken = await client.query('rollback').then(
        () => false,
        () => true,
      );
      client.release(broken);
      if (attempt < ATTEMPTS && isRetryable(error)) {
        await retryPause(attempt);
        continue;
      }
      throw error;
    }
  }
}

/** SQL written with `?` placeholders (as the SQLite side is) → PostgreSQL's `$1, $2, …`. */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** Runs a query-builder call, its driver errors translated (db/errors.ts). */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error);
  }
}

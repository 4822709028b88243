import { closePostgres, poolStats, postgres, underPostgresStartupLock } from './postgres/client';
import { closeSqlite, connections, queuedWrites, vacuumSqlite } from './sqlite/client';
import { databaseUrl, dialectOf } from './url';

// Each query module has one implementation per dialect, side by side: db/sqlite/<entity>.ts and
// db/postgres/<entity>.ts; db/<entity>.ts picks the one DATABASE_URL names (db/url.ts) per call.

export { databaseUrl, dialectOf, type Dialect } from './url';

export const isPostgres = () => dialectOf(databaseUrl()) === 'postgres';

/** Connects and applies pending migrations (under a lock on PostgreSQL); later calls cost nothing. */
export async function migrateDb(): Promise<void> {
  if (isPostgres()) await postgres();
  else connections(databaseUrl());
}

let generation = 0;

/**
 * Which database this process talks to: the URL and how many times connections were closed. Values
 * that never change once written (settings, survey versions) may be kept under it.
 */
export const databaseIdentity = () => `${generation}:${databaseUrl()}`;

/**
 * Runs `work` (a first start's seeding) while no other instance runs its own: PostgreSQL takes an
 * advisory lock, so app servers on several machines starting together on an empty database seed it
 * once. On SQLite the instances share one machine, and `npm start` seeds before its workers start.
 */
export async function underStartupLock<T>(work: () => Promise<T>): Promise<T> {
  return isPostgres() ? underPostgresStartupLock(work) : work();
}

export async function closeDb(): Promise<void> {
  generation++;
  closeSqlite();
  await closePostgres();
}

/** What /metrics shows of the database connections; read from memory, without a query. */
export type DatabaseLoad =
  | { dialect: 'postgres'; total: number; idle: number; waiting: number; max: number }
  | { dialect: 'sqlite'; waiting: number };

export function databaseLoad(): DatabaseLoad {
  if (!isPostgres()) return { dialect: 'sqlite', waiting: queuedWrites() };
  return { dialect: 'postgres', ...(poolStats() ?? { total: 0, idle: 0, waiting: 0, max: 0 }) };
}

/** SQLite only: rewrites the file in key order (see vacuumSqlite). */
export function vacuumDb(): void {
  if (!isPostgres()) vacuumSqlite();
}

type Queries = Record<string, (...args: never[]) => unknown>;

/**
 * The functions of one query module, each calling the implementation of the dialect DATABASE_URL
 * names. Both implementations have the same signatures (TypeScript checks `postgres` against
 * `sqlite`).
 */
export function byDialect<T extends Queries>(sqlite: T, postgresQueries: NoInfer<T>): T {
  const picked = {} as Record<string, unknown>;
  for (const name of Object.keys(sqlite)) {
    const s = sqlite[name] as (...args: unknown[]) => unknown;
    const p = postgresQueries[name] as (...args: unknown[]) => unknown;
    picked[name] = typeof s === 'function' ? (...args: unknown[]) => (isPostgres() ? p : s)(...args) : s;
  }
  return picked as T;
}

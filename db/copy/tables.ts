import { getTableConfig as postgresTable, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTable, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as postgresSchema from '../postgres/schema';
import * as sqliteSchema from '../sqlite/schema';

// What `db copy` moves, read from the two schemas rather than listed by hand: a column added to both
// is copied without touching this module, and tables or columns that differ between the dialects stop
// the copy before it starts (checkTables).

/** How a value travels between the dialects: `boolean` is 0/1 in SQLite and a boolean in PostgreSQL. */
export type Kind = 'integer' | 'bigint' | 'boolean' | 'text';

export interface Table {
  name: string;
  columns: { name: string; kind: Kind }[];
  /** The primary key's columns, in index order: tables are read in this order, in keyset pages. */
  key: string[];
  /** The identity column (PostgreSQL), whose sequence is moved past the copied ids. */
  identity?: string;
  /** Kept by triggers from the rows of other tables: cleared on the target, then copied as they are. */
  figures: boolean;
}

// Parents before the tables that refer to them, so the target's foreign keys hold after every
// batch; the figure tables last, once the triggers have done their (discarded) work.
const ORDER = [
  'users',
  'api_tokens',
  'write_keys',
  'surveys',
  'survey_versions',
  'survey_responses',
  'survey_response_subjects',
  'survey_response_tags',
  'answers',
  'idempotency_keys',
  'admin_sessions',
  'failed_credentials',
  'settings',
  'webhooks',
  'webhook_subscriptions',
  'webhook_events',
  'webhook_invocations',
  'webhook_attempts',
  'alert_recipients',
  'alert_emails',
  'survey_daily_counts',
  'survey_daily_reasons',
  'survey_breakdown_counts',
] as const;

const FIGURES = new Set<string>(['survey_daily_counts', 'survey_daily_reasons', 'survey_breakdown_counts']);

function kindOf(sqlType: string): Kind {
  if (sqlType === 'integer' || sqlType === 'bigint' || sqlType === 'boolean') return sqlType;
  if (sqlType.startsWith('text')) return 'text';
  throw new Error(`db copy does not know the PostgreSQL type ${sqlType}`);
}

const postgresConfigs = Object.values(postgresSchema).map((t) => postgresTable(t as PgTable));
const sqliteConfigs = Object.values(sqliteSchema).map((t) => sqliteTable(t as SQLiteTable));

function tableOf(name: string): Table {
  const config = postgresConfigs.find((c) => c.name === name);
  const other = sqliteConfigs.find((c) => c.name === name);
  if (!config || !other) throw new Error(`db copy: table ${name} is not in both schemas`);
  const columns = config.columns.map((c) => ({ name: c.name, kind: kindOf(c.getSQLType()) }));
  const names = (cs: { name: string }[]) => cs.map((c) => c.name).join(', ');
  if (names(columns) !== names(other.columns)) {
    throw new Error(`db copy: the columns of ${name} differ between the schemas (${names(columns)} / ${names(other.columns)})`);
  }
  const key = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  if (key.length === 0) throw new Error(`db copy: table ${name} has no primary key to read it by`);
  const identity = config.columns.find((c) => c.generatedIdentity !== undefined)?.name;
  return { name, columns, key, ...(identity && { identity }), figures: FIGURES.has(name) };
}

/** Every table of the app, in copy order. Throws when the schemas and this order disagree. */
export function copyTables(): Table[] {
  const known = new Set<string>(ORDER);
  const missing = [...postgresConfigs, ...sqliteConfigs].map((c) => c.name).filter((n) => !known.has(n));
  if (missing.length > 0) throw new Error(`db copy does not know where to copy ${[...new Set(missing)].join(', ')}: add it to db/copy/tables.ts`);
  return ORDER.map(tableOf);
}

/** A row as it travels: values in `columns` order, flags as booleans, times as epoch-ms numbers. */
export type Row = unknown[];

/** One database, as the source or the target of a copy (db/copy/sqlite.ts, db/copy/postgres.ts). */
export interface Side {
  /**
   * True when calls do their work before returning (better-sqlite3): the copy then starts the other
   * side's call first, so both databases work at once.
   */
  readonly blocking: boolean;
  /** Reads from now on see one snapshot, whatever is written meanwhile, until close(). */
  snapshot(): Promise<void>;
  count(table: Table): Promise<number>;
  /** Up to `limit` rows in key order, after the row whose key values are `after` (a keyset page). */
  read(table: Table, after: unknown[] | undefined, limit: number): Promise<Row[]>;
  /** Prepares the connection for writes (PostgreSQL: the target's triggers off, when allowed). A note for the log. */
  prepareWrites(): Promise<string | undefined>;
  /** Writes rows in one transaction. */
  write(table: Table, rows: Row[]): Promise<void>;
  /** Deletes every row (what the target's triggers wrote into a figure table). */
  clear(table: Table): Promise<void>;
  /** After the last write: identity sequences past the copied ids, planner statistics. */
  finish(tables: Table[]): Promise<void>;
  close(): Promise<void>;
}

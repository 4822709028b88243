// Which database DATABASE_URL names: `postgres://…` or `postgresql://…` is PostgreSQL; `file:…`, a bare
// path or nothing (./data/app.db) is SQLite.

export type Dialect = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

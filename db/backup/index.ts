import path from 'node:path';
import { databasePath } from '../sqlite/client';
import { dialectOf } from '../url';
import { checkPostgres, checkSqliteFile, type CheckResult } from './check';

// `backup`, `restore` and `check` (scripts/cli.ts): SQLite's online backup, its restore, and a check
// of a database or of a backup. PostgreSQL has pg_dump and pg_restore for the first two (the commands
// say so); `check` runs on both.

export { backupSqlite as backupDatabase, type BackupOptions, type BackupResult } from './backup';
export { restoreSqlite as restoreDatabase, type RestoreOptions, type RestoreResult } from './restore';
export type { CheckReport, CheckResult } from './check';

/** The URL without its password, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Checks the SQLite file `file` when given, else the database at `url` (SQLite or PostgreSQL). A
 * database found wrong is a result with `ok: false`, not a throw.
 */
export async function checkDatabase({ url, file, log }: { url: string; file?: string; log?: (line: string) => void }): Promise<CheckResult> {
  if (file !== undefined) return checkSqliteFile(path.resolve(file), { log });
  if (dialectOf(url) === 'postgres') return checkPostgres(url, shown(url), { log });
  const sqlite = databasePath(url);
  if (sqlite === ':memory:') throw new Error('check: DATABASE_URL names an in-memory database, which has no file; name one with --file');
  return checkSqliteFile(sqlite, { log });
}

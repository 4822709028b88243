import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkSqliteFile } from './check';
import { countDifferences, countTables, fsyncDirectory, fsyncFile, megabytes, removeWithSideFiles, secondsSince, sideFiles, sqliteFileOf, tempBeside } from './files';

// `restore --from FILE`: puts a backup in place of the SQLite database at DATABASE_URL. The server must
// be stopped: a server keeps its database open and would go on writing to the file it opened, now
// replaced, its writes lost. So restore refuses while any connection has the database open, and the
// database stays as it was until the last step:
// 1. the backup is checked (integrity, foreign keys, migrations, figures; migrations it lacks are
//    fine: the next start applies them) and refused with the check's findings when anything is wrong;
// 2. the database is taken over: a connection of our own switches it out of WAL mode (which SQLite
//    refuses while another connection has it open: that is how a running server or CLI is seen) and
//    holds its exclusive lock, so no server can start on it until the end;
// 3. the backup is copied to a temporary file beside the database (SQLite's backup API, so a backup
//    left in WAL mode with its -wal beside it comes whole), switched to WAL mode like every database
//    of the app, its row counts compared with the backup's, and fsynced;
// 4. what SQLite keeps beside the database (-wal, -shm, -journal) is deleted: left there it would
//    be read as the new file's and replayed into it; then the temporary file is renamed over the
//    database and the directory fsynced. A crash before the rename leaves the old database; after it,
//    the new one.

export interface RestoreOptions {
  /** The database to replace (DATABASE_URL). */
  url: string;
  from: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  restore: { file: string; from: string; bytes: number; tables: Record<string, number>; seconds: number };
}

// SQLite's result codes when a file is not a database, or is damaged: it cannot be open by a server.
const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];

/** Opens the database to replace and holds its exclusive lock; refused while anyone else has it open. */
function takeOver(file: string, log: (line: string) => void): Database.Database | undefined {
  const db = new Database(file, { fileMustExist: true });
  try {
    // No waiting: an open connection elsewhere is a server running, not a lock about to be freed.
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = DELETE', { simple: true }) as string;
    if (mode !== 'delete') throw Object.assign(new Error(`journal mode stayed ${mode}`), { code: 'SQLITE_BUSY' });
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new Error(`restore: ${file} is in use (a server or another command has it open); stop the server, then restore again. Nothing was changed`);
    }
    if (UNREADABLE.some((c) => code.startsWith(c))) {
      log(`restore: the database being replaced is not readable (${code}): it is replaced as it is`);
      return undefined;
    }
    throw error;
  }
}

export async function restoreSqlite({ url, from, log = () => {} }: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const file = sqliteFileOf(url, 'restore');
  const backup = path.resolve(from);
  if (!fs.existsSync(backup)) throw new Error(`restore: there is no backup at ${backup}`);
  if (backup === file) throw new Error('restore: --from names the database itself');

  log(`restore: checking ${backup}`);
  const { check } = checkSqliteFile(backup, { log, pendingMigrations: 'allowed' });
  if (!check.ok) throw new Error(`restore: the backup fails its check; nothing was changed:\n${check.problems.join('\n')}`);
  if (check.migrations && check.migrations.pending.length > 0) {
    log(`restore: the backup lacks migrations ${check.migrations.pending.join(', ')}; the next start applies them`);
  }

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempBeside(file, 'restore');
  let lock: Database.Database | undefined;
  try {
    if (fs.existsSync(file)) lock = takeOver(file, log);
    const source = new Database(backup, { fileMustExist: true });
    let tables: Record<string, number>;
    try {
      source.pragma('query_only = ON');
      log(`restore: copying ${backup} beside ${file}`);
      tables = countTables(source);
      await source.backup(temp);
    } finally {
      source.close();
    }
    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = WAL');
      const differences = countDifferences(tables, countTables(copy));
      if (differences.length > 0) throw new Error(`restore: the copy's row counts differ from the backup's; nothing was changed:\n${differences.join('\n')}`);
    } finally {
      // The last connection to close checkpoints the WAL into the file and deletes it.
      copy.close();
    }
    fsyncFile(temp);

    for (const side of sideFiles(file)) {
      if (fs.existsSync(side)) log(`restore: deleting ${side}, left by the database being replaced`);
      fs.rmSync(side, { force: true });
    }
    fs.renameSync(temp, file);
    fsyncDirectory(path.dirname(file));

    const bytes = fs.statSync(file).size;
    const seconds = secondsSince(started);
    log(`restore: ${file} now holds the backup (${megabytes(bytes)}) in ${seconds} s`);
    return { restore: { file, from: backup, bytes, tables, seconds } };
  } finally {
    // The lock's connection is on the replaced file (now unlinked) and in rollback mode: closing it
    // touches no file by name.
    if (lock?.inTransaction) lock.exec('ROLLBACK');
    lock?.close();
    removeWithSideFiles(temp);
  }
}

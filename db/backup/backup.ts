import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { countDifferences, countTables, fsyncDirectory, fsyncFile, megabytes, number, removeWithSideFiles, secondsSince, sqliteFileOf, tempBeside } from './files';

// `backup --to FILE`: an online copy of the SQLite database at DATABASE_URL while the servers write.
//
// How: SQLite's online backup API (better-sqlite3's db.backup), page by page, inside one read
// transaction held on the source connection for the whole copy. By itself the backup API releases its
// read lock between steps and restarts from the first page whenever another connection has committed
// meanwhile: under a steady stream of API writes a large database would restart again and again. With
// the read transaction held, every step reads the same WAL snapshot, so the copy never restarts and is
// exactly the database as it was at that moment. In WAL mode a reader blocks no writer; the only cost
// to the servers is that checkpoints cannot pass the snapshot, so the WAL grows by what is written
// during the copy and is cut back after it.
//
// Not VACUUM INTO, which also reads one snapshot and blocks no writer: it rebuilds every table and
// index row by row (several times the CPU of copying pages, on the cores the servers use), runs as one
// call that reports no progress, and does not fsync what it wrote. Memory stays flat either way: pages
// go through SQLite's page cache to the file.
//
// The copy is written to a temporary file beside FILE, switched to a rollback journal (one
// self-contained file that opens anywhere, with nothing beside it), its row counts compared with the
// source's in the same snapshot, fsynced, and only then given its name: a failed or interrupted backup
// never leaves a FILE that looks complete.

export interface BackupOptions {
  /** The database to copy (DATABASE_URL). */
  url: string;
  to: string;
  /** Replace FILE when it exists (otherwise refused). */
  force?: boolean;
  log?: (line: string) => void;
  /** Pages copied per step; between steps the event loop runs and progress is reported. */
  pagesPerStep?: number;
}

export interface BackupResult {
  backup: { file: string; bytes: number; tables: Record<string, number>; seconds: number };
}

// 1,024 pages (4 MiB at SQLite's default page size) a step.
const PAGES_PER_STEP = 1024;
const REPORT_EVERY_MS = 2_000;

export async function backupSqlite({ url, to, force = false, log = () => {}, pagesPerStep = PAGES_PER_STEP }: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const source = sqliteFileOf(url, 'backup');
  const file = path.resolve(to);
  if (!fs.existsSync(source)) throw new Error(`backup: there is no SQLite database at ${source}`);
  if ([source, `${source}-wal`, `${source}-shm`].includes(file)) throw new Error('backup: --to names the database itself; back it up to another file');
  if (!force && fs.existsSync(file)) throw new Error(`backup: ${file} exists; choose a new file, or pass --force to replace it`);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const temp = tempBeside(file, 'backup');
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // This connection only reads; SQLite itself may still recover a WAL left by a crash.
    db.pragma('query_only = ON');
    // The snapshot starts at the transaction's first read: the counts and every page come from it.
    db.exec('BEGIN');
    const tables = countTables(db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    log(`backup: copying ${source} (${number(pages)} pages, ${megabytes(pages * pageSize)}) to ${file}`);

    let reported = performance.now();
    await db.backup(temp, {
      progress({ totalPages, remainingPages }) {
        if (performance.now() - reported >= REPORT_EVERY_MS) {
          reported = performance.now();
          const done = totalPages - remainingPages;
          log(`backup: ${Math.floor((100 * done) / totalPages)} % (${number(done)} of ${number(totalPages)} pages)`);
        }
        return pagesPerStep;
      },
    });
    db.exec('COMMIT');

    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const differences = countDifferences(tables, countTables(copy));
      if (differences.length > 0) throw new Error(`backup: the copy's row counts differ from the source's:\n${differences.join('\n')}`);
    } finally {
      copy.close();
    }
    fsyncFile(temp);
    if (force) {
      fs.renameSync(temp, file);
    } else {
      // A link fails when FILE has appeared since the check above: it is never replaced without --force.
      try {
        fs.linkSync(temp, file);
        fs.rmSync(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new Error(`backup: ${file} exists; choose a new file, or pass --force to replace it`);
        // A file system without hard links: check and rename (a FILE made in between would be replaced).
        if ((code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') && !fs.existsSync(file)) fs.renameSync(temp, file);
        else throw error;
      }
    }
    fsyncDirectory(path.dirname(file));

    const bytes = fs.statSync(file).size;
    const seconds = secondsSince(started);
    log(`backup: ${megabytes(bytes)}, ${number(Object.values(tables).reduce((a, b) => a + b, 0))} rows of ${Object.keys(tables).length} tables in ${seconds} s`);
    return { backup: { file, bytes, tables, seconds } };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    removeWithSideFiles(temp);
  }
}

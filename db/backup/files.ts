import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { dialectOf } from '../url';
import { databasePath } from '../sqlite/client';

// What backup, restore and check share: where the SQLite file of a URL is, durable writes, row counts.

/** The SQLite file `url` names, for `command`; PostgreSQL and in-memory databases are refused. */
export function sqliteFileOf(url: string, command: 'backup' | 'restore'): string {
  if (dialectOf(url) === 'postgres') {
    throw new Error(
      command === 'backup'
        ? 'backup: DATABASE_URL is PostgreSQL; back it up with pg_dump -Fc -f hcs.dump "$DATABASE_URL" (it takes a consistent snapshot while the servers run)'
        : 'restore: DATABASE_URL is PostgreSQL; restore a pg_dump -Fc dump into an empty database with pg_restore -d "$DATABASE_URL" hcs.dump',
    );
  }
  const file = databasePath(url);
  if (file === ':memory:') throw new Error(`${command}: DATABASE_URL names an in-memory database, which has no file`);
  return file;
}

/** The files SQLite keeps beside a database while it is open or after a crash. */
export const sideFiles = (file: string) => ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`);

/** A new name in the directory of `file` (so a rename to `file` stays on one file system). */
export function tempBeside(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Deletes `file` and what SQLite may have left beside it; files already gone are no error. */
export function removeWithSideFiles(file: string): void {
  for (const f of [file, ...sideFiles(file)]) fs.rmSync(f, { force: true });
}

/** Waits until what was written to `file` is on the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Waits until a rename or link in `dir` is on the disk (not every platform can open a directory). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its renames are durable through the file system's own log.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Every table of a SQLite database (SQLite's own left out), by name, with its row count. */
export function countTables(db: Database.Database): Record<string, number> {
  const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = db.prepare(`select count(*) from "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

/** The tables whose counts differ between two countTables results, as lines for a message. */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.filter((n) => expected[n] !== found[n]).map((n) => `${n}: ${expected[n] ?? 'no table'} expected, ${found[n] ?? 'no table'} found`);
}

export const secondsSince = (started: number) => Math.round((performance.now() - started) / 10) / 100;

export const number = (n: number) => n.toLocaleString('en-US');

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

import { Worker } from 'node:worker_threads';
import { databaseUrl, isPostgres } from '../client';
import { databasePath, writer } from './client';

// In WAL mode a commit only appends to the -wal file; a checkpoint later copies those pages into the
// database file and waits for the disk (fsync) twice. SQLite runs it inside whichever commit pushes
// the WAL past 1,000 pages, so every few hundred writes one request waited for the disk while the
// whole server stood still. The server turns that off and checkpoints from a worker thread with its
// own connection instead: PASSIVE, so it never blocks a reader or the writer, every quarter second.
// If the worker ever stops, the connection goes back to checkpointing by itself.

const INTERVAL_MS = 250;
// When the WAL starts over after a burst of writes, its file is cut back to this size.
const WAL_LIMIT = 64 * 1024 * 1024;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const Database = createRequire(workerData.root + '/package.json')('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('journal_size_limit = ${WAL_LIMIT}');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.interval);
`;

let worker: Worker | undefined;

/** For the long-running server: checkpoints off the request path. A no-op for `:memory:` and PostgreSQL. */
export function startBackgroundCheckpoints(): void {
  if (isPostgres()) return;
  const file = databasePath(databaseUrl());
  if (worker || file === ':memory:') return;
  const sqlite = writer().$client;
  const started = new Worker(WORKER, { eval: true, workerData: { file, root: process.cwd(), interval: INTERVAL_MS } });
  started.unref();
  started.on('message', (message) => console.error('Background checkpoint failed:', message));
  started.on('error', (error) => console.error('The checkpoint worker stopped:', error));
  started.on('exit', () => {
    if (worker === started) worker = undefined;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  });
  sqlite.pragma(`journal_size_limit = ${WAL_LIMIT}`);
  sqlite.pragma('wal_autocheckpoint = 0');
  worker = started;
}

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoints } from './checkpoints';
import { closeDb, isPostgres } from '../client';
import { writer } from './client';

describe.skipIf(isPostgres())('background checkpoints', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hcs-checkpoints-'));
  const before = process.env.DATABASE_URL;
  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('copy the WAL into the database file from a worker, never inside a commit', async () => {
    await closeDb();
    process.env.DATABASE_URL = `file:${path.join(dir, 'app.db')}`;
    const sqlite = writer().$client;
    startBackgroundCheckpoints();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const file = path.join(dir, 'app.db');
    const sizeBefore = statSync(file).size;
    sqlite.exec('create table scratch (x text)');
    const insert = sqlite.prepare('insert into scratch (x) values (?)');
    // ~8 MB of commits: past the 1,000 pages at which a commit would have checkpointed by itself.
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(4000));
    let grown = false;
    for (let i = 0; i < 40 && !grown; i++) {
      await new Promise((r) => setTimeout(r, 100));
      grown = statSync(file).size > sizeBefore + 4_000_000;
    }
    expect(grown).toBe(true);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPostgres, migrateDb } from '@/db/client';
import { checkReadiness } from './ready';

// A newer version of the app, whose migrations folder has one the database lacks: its folder is a
// copy of ours with one more migration, pointed at after the database was migrated.
function folderWithOneMore(): { dir: string; variable: string } {
  const variable = isPostgres() ? 'MIGRATIONS_DIR_POSTGRES' : 'MIGRATIONS_DIR';
  const dir = mkdtempSync(path.join(tmpdir(), 'hcs-migrations-'));
  cpSync(path.join('db', isPostgres() ? 'postgres' : 'sqlite', 'migrations'), dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_newer' });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(path.join(dir, '9999_newer.sql'), 'select 1;');
  return { dir, variable };
}

describe('checkReadiness', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('passes on a database with every migration of the folder', async () => {
    await migrateDb();
    await expect(checkReadiness()).resolves.toBeUndefined();
  });

  it('is a 503 with Retry-After while the folder has a migration the database lacks', async () => {
    await migrateDb();
    const { dir, variable } = folderWithOneMore();
    const before = process.env[variable];
    process.env[variable] = dir;
    restore = () => {
      if (before === undefined) delete process.env[variable];
      else process.env[variable] = before;
      rmSync(dir, { recursive: true, force: true });
    };
    const failure = await checkReadiness().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
      errors: [{ code: 'ServiceUnavailable', status: '503', title: 'Service unavailable', detail: 'The database lacks 1 migration(s) of this version' }],
    });
  });
});

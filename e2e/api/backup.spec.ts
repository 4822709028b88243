import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/test';
import { cli, cliInBackground, cliOn, csatAnswers, defaultSurvey, offer } from '../support/api';

// `backup`, `check` and `restore` on the suite's SQLite database while its server runs. Restores go to
// new files of the test's own, never over the server's database.

interface Tables {
  [table: string]: number;
}
interface CliOutput {
  backup?: { file: string; bytes: number; tables: Tables; seconds: number };
  restore?: { file: string; from: string; bytes: number; tables: Tables; seconds: number };
  check?: { ok: boolean; problems: string[]; integrity: string | null; foreign_keys: number | null; migrations: { pending: string[] } | null };
  error?: string;
}

// Skipped in the postgres project, on purpose: `backup` and `restore` copy an SQLite file and refuse a
// PostgreSQL URL (pg_dump and pg_restore do that job; db/backup/backup.test.ts covers that refusal and
// `check` on PostgreSQL).
const SQLITE_ONLY = 'backup and restore copy a SQLite file (PostgreSQL has pg_dump and pg_restore)';

/** Runs `work` in a directory of the test's own beside the suite's database, deleted afterwards. */
async function inDirectory(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = path.resolve('.test-data', `backup-${randomUUID()}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a backup taken while the server takes writes checks whole, and so does its restore into a new file', async ({ request }) => {
  // Skipped on PostgreSQL: backup and restore copy an SQLite file; PostgreSQL is backed up with pg_dump.
  test.skip(test.info().project.name !== 'sqlite', SQLITE_ONLY);
  const survey = await defaultSurvey(request);
  await inDirectory(async (dir) => {
    const file = path.join(dir, 'backup.db');

    let writing = true;
    let written = 0;
    const statuses = new Set<number>();
    const writes = (async () => {
      while (writing) {
        const { id, token } = await offer(request, { surveyId: survey.id });
        const answers = csatAnswers(survey, 1 + (written % 5));
        const res = await request.post(`/api/v2/guide/survey_responses/${id}`, { data: { survey_response: { access_token: token, answers } } });
        statuses.add(res.status());
        written++;
      }
    })();
    await expect.poll(() => written).toBeGreaterThan(2);
    const before = written;
    const run = await cliInBackground<CliOutput>('backup', '--to', file);
    const during = written - before;
    writing = false;
    await writes;

    expect(run.status, run.stderr).toBe(0);
    expect(during).toBeGreaterThan(0);
    expect([...statuses]).toEqual([200]);
    expect(run.json.backup).toEqual({ file, bytes: fs.statSync(file).size, tables: expect.any(Object), seconds: expect.any(Number) });
    expect(run.json.backup!.tables.survey_responses).toBeGreaterThanOrEqual(before);
    expect(run.stderr).toMatch(/^backup: copying .* to .*backup\.db$/m);

    const checked = cli<CliOutput>('check', '--file', file);
    expect(checked.status).toBe(0);
    expect(checked.json.check).toMatchObject({ ok: true, problems: [], integrity: 'ok', foreign_keys: 0, migrations: { pending: [] } });

    const copy = `file:${path.join(dir, 'restored.db')}`;
    const restored = cliOn<CliOutput>(copy, 'restore', '--from', file);
    expect(restored.status).toBe(0);
    expect(restored.json.restore).toMatchObject({ file: path.join(dir, 'restored.db'), from: file, tables: run.json.backup!.tables });
    const again = cliOn<CliOutput>(copy, 'check');
    expect(again.status).toBe(0);
    expect(again.json.check).toMatchObject({ ok: true, problems: [] });
  });
});

test('backup never replaces a file unless told to with --force', async () => {
  // Skipped on PostgreSQL: backup and restore copy an SQLite file; PostgreSQL is backed up with pg_dump.
  test.skip(test.info().project.name !== 'sqlite', SQLITE_ONLY);
  await inDirectory(async (dir) => {
    const file = path.join(dir, 'taken.db');
    fs.writeFileSync(file, 'an earlier backup');

    const refused = cli<CliOutput>('backup', '--to', file);
    expect(refused.status).toBe(1);
    expect(refused.json).toEqual({ error: `backup: ${file} exists; choose a new file, or pass --force to replace it` });
    expect(fs.readFileSync(file, 'utf8')).toBe('an earlier backup');

    const forced = cli<CliOutput>('backup', '--to', file, '--force');
    expect(forced.status).toBe(0);
    expect(forced.json.backup!.bytes).toBe(fs.statSync(file).size);
    expect(cli<CliOutput>('check', '--file', file).json.check!.ok).toBe(true);
  });
});

test('a truncated backup fails check with exit code 1, and restore refuses it', async () => {
  // Skipped on PostgreSQL: backup and restore copy an SQLite file; PostgreSQL is backed up with pg_dump.
  test.skip(test.info().project.name !== 'sqlite', SQLITE_ONLY);
  await inDirectory(async (dir) => {
    const file = path.join(dir, 'backup.db');
    expect(cli('backup', '--to', file).status).toBe(0);
    const truncated = path.join(dir, 'truncated.db');
    fs.copyFileSync(file, truncated);
    fs.truncateSync(truncated, Math.floor(fs.statSync(file).size / 2));

    const checked = cli<CliOutput>('check', '--file', truncated);
    expect(checked.status).toBe(1);
    expect(checked.json.check).toMatchObject({ ok: false, integrity: 'failed' });
    expect(checked.json.check!.problems[0]).toMatch(/^integrity_check/);

    const target = path.join(dir, 'restored.db');
    const refused = cliOn<CliOutput>(`file:${target}`, 'restore', '--from', truncated);
    expect(refused.status).toBe(1);
    expect(refused.json.error).toMatch(/^restore: the backup fails its check; nothing was changed:\nintegrity_check/);
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.db', 'truncated.db']);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStarterSurvey } from '@/lib/admin/surveys/surveys';
import { createSurveyResponse, submitSurveyResponse } from '@/lib/survey-responses/responses';
import { addUser } from '@/lib/users/users';
import { closeDb, databaseUrl, isPostgres } from '../client';
import { readContents } from '../copy';
import { pool } from '../postgres/client';
import { backupDatabase, checkDatabase, restoreDatabase } from '.';

// backup, restore and check on an instance filled through the app's own functions; the SQLite part on
// a file of its own, the PostgreSQL part (check only: backup and restore point at pg_dump) on the
// project's database.

type Actor = { id: number; email: string; role: 'admin'; locale: string };

async function makeActor(): Promise<Actor> {
  const admin = await addUser({ email: `backup-${Date.now()}@example.com`, name: 'Backup Admin', role: 'admin', locale: 'en-us' });
  return { id: admin.id, email: admin.email!, role: 'admin', locale: admin.locale };
}

/** Offers a response on the starter CSAT survey and, unless every seventh, answers it: a bad rating with a reason. */
async function responder(actor: Actor) {
  const survey = await createStarterSurvey({ actor, type: 'CUSTOMER_SATISFACTION' });
  const [scale, reason, open] = survey.questions as unknown as [{ id: string }, { id: string; options: { id: string }[] }, { id: string }];
  return async (i: number) => {
    const input = {
      survey_id: survey.id, subject_zrns: [`zen:ticket:${1000 + i}`], locale: 'en-us', responder_id: null,
      assignee_id: 1 + (i % 3), group_id: 10 + (i % 2), ...(i % 4 > 0 && { brand_id: 7 }),
    };
    const { id, links } = await createSurveyResponse({ actor, input });
    if (i % 7 === 6) return;
    const rating = (i % 5) + 1;
    await submitSurveyResponse({
      id,
      accessToken: new URLSearchParams(links.url_path.split('?')[1]).get('access_token')!,
      answers: [
        { type: 'rating_scale', question_id: scale.id, rating },
        ...(rating <= 3 ? [{ type: 'closed_ended' as const, question_id: reason.id, selections: [reason.options[i % 2]!.id] }] : []),
        { type: 'open_ended', question_id: open.id, value: `comment ${i}` },
      ],
    });
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.skipIf(isPostgres())('backup, restore and check on SQLite', () => {
  const before = process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcs-backup-'));
  const at = (name: string) => path.join(dir, name);
  const url = `file:${at('app.db')}`;
  let respond: (i: number) => Promise<void>;
  let made = 0;
  let backup = '';

  /** A copy of the backup for one test to damage. */
  const damaged = (name: string, damage: (db: Database.Database) => void) => {
    const file = at(name);
    fs.copyFileSync(backup, file);
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    damage(db);
    db.close();
    return file;
  };

  beforeAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = url;
    respond = await responder(await makeActor());
    for (; made < 60; made++) await respond(made);
  }, 60_000);

  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies one consistent snapshot while another connection keeps writing', async () => {
    let writing = true;
    let committed = made;
    const writes = (async () => {
      while (writing) {
        await respond(made++);
        committed++;
        await nextTurn();
      }
    })();
    const lines: string[] = [];
    const startedAt = committed;
    backup = at('backup.db');
    // One page a step: the copy takes many steps, and the loop writes between them.
    const result = await backupDatabase({ url, to: backup, pagesPerStep: 1, log: (line) => lines.push(line) });
    const during = committed - startedAt;
    writing = false;
    await writes;
    expect(during).toBeGreaterThan(20);

    const copy = new Database(backup, { readonly: true });
    const count = (sql: string) => copy.prepare(sql).pluck().get() as number;
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(result.backup.tables.survey_responses).toBe(count('select count(*) from survey_responses'));
      // The snapshot holds the responses made before the copy began, not those made during it.
      expect(result.backup.tables.survey_responses).toBeGreaterThanOrEqual(startedAt);
      expect(result.backup.tables.survey_responses).toBeLessThan(made);
      expect(count('select sum(responses) from survey_daily_counts')).toBe(result.backup.tables.survey_responses);
    } finally {
      copy.close();
    }
    expect(result.backup).toEqual({ file: backup, bytes: fs.statSync(backup).size, tables: expect.any(Object), seconds: expect.any(Number) });
    expect(lines[0]).toMatch(/^backup: copying .*app\.db \(\d+ pages, [\d.]+ MB\) to .*backup\.db$/);
    const { check } = await checkDatabase({ url, file: backup });
    expect(check).toMatchObject({ ok: true, problems: [], integrity: 'ok', foreign_keys: 0, migrations: { pending: [] } });
    expect(check.figures!.survey_daily_counts!.cells).toBeGreaterThan(0);
    expect(check.figures!.survey_daily_reasons!.cells).toBeGreaterThan(0);
    expect(check.figures!.survey_breakdown_counts!.cells).toBeGreaterThan(0);
    // The database itself, checked while it is open here, is consistent too.
    expect((await checkDatabase({ url })).check.ok).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('never replaces a file without --force', async () => {
    const file = at('taken.db');
    fs.writeFileSync(file, 'keep me');
    await expect(backupDatabase({ url, to: file })).rejects.toThrow(/exists; choose a new file, or pass --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    await expect(backupDatabase({ url, to: at('app.db') })).rejects.toThrow('--to names the database itself');
    const { backup: forced } = await backupDatabase({ url, to: file, force: true });
    expect(forced.bytes).toBe(fs.statSync(file).size);
    expect((await checkDatabase({ url, file })).check.ok).toBe(true);
  });

  it('points PostgreSQL at pg_dump and pg_restore', async () => {
    const postgres = 'postgres://user:secret@db.invalid/hcs';
    await expect(backupDatabase({ url: postgres, to: at('pg.dump') })).rejects.toThrow(/pg_dump -Fc/);
    await expect(restoreDatabase({ url: postgres, from: backup })).rejects.toThrow(/pg_restore -d/);
  });

  it('check finds figures that disagree with their rows', async () => {
    const counts = damaged('counts.db', (db) => db.exec("insert into survey_daily_counts values ('01NOSUCHSURVEY', 20000, 1, 5, 'good', 2)"));
    const { check } = await checkDatabase({ url, file: counts });
    expect(check).toMatchObject({ ok: false, integrity: 'ok', foreign_keys: 0, figures: { survey_daily_counts: { wrong: 1 }, survey_daily_reasons: { wrong: 0 } } });
    expect(check.problems).toEqual([
      'survey_daily_counts: 1 cells differ from the rows they count:\n  survey 01NOSUCHSURVEY 2024-10-04 answered rating 5 (good): 2 stored, 0 counted',
    ]);

    const reasons = damaged('reasons.db', (db) => db.exec('update survey_daily_reasons set responses = responses + 1'));
    const found = (await checkDatabase({ url, file: reasons })).check;
    expect(found.ok).toBe(false);
    expect(found.figures!.survey_daily_reasons!.wrong).toBe(found.figures!.survey_daily_reasons!.cells);
    expect(found.problems).toHaveLength(1);
    expect(found.problems[0]).toMatch(/^survey_daily_reasons: \d+ cells differ from the rows they count:\n {2}survey \w+ \d{4}-\d\d-\d\d question \w+ option \w+: (\d+) stored, \d+ counted/);

    const breakdowns = damaged('breakdowns.db', (db) => db.exec("insert into survey_breakdown_counts values ('01NOSUCHSURVEY', 20000, 'group', 10, 3, 2, 1, 0, 1)"));
    const wrong = (await checkDatabase({ url, file: breakdowns })).check;
    expect(wrong.figures).toMatchObject({ survey_daily_counts: { wrong: 0 }, survey_breakdown_counts: { wrong: 1 } });
    expect(wrong.problems).toEqual([
      'survey_breakdown_counts: 1 cells differ from the rows they count:\n  survey 01NOSUCHSURVEY 2024-10-04 group 10: ' +
        'offered 3 answered 2 good 1 neutral 0 bad 1 stored, offered 0 answered 0 good 0 neutral 0 bad 0 counted',
    ]);
  });

  it('check finds rows without their parent and migrations missing or unknown', async () => {
    const orphan = damaged('orphan.db', (db) =>
      db.exec("insert into answers (response_id, question_id, position, type, value, created_at, updated_at) values ('01NOSUCHRESPONSE', 'q', 0, 'open_ended', 'x', 0, 0)"),
    );
    const { check } = await checkDatabase({ url, file: orphan });
    expect(check).toMatchObject({ ok: false, foreign_keys: 1, problems: ['foreign_key_check:\n  answers row (no rowid) refers to a missing survey_responses row'] });

    const migrations = damaged('migrations.db', (db) => {
      db.exec('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
      db.exec("insert into __drizzle_migrations (hash, created_at) values ('future', 99999999999999)");
    });
    const old = (await checkDatabase({ url, file: migrations })).check;
    expect(old.ok).toBe(false);
    const journal = (JSON.parse(fs.readFileSync('db/sqlite/migrations/meta/_journal.json', 'utf8')) as { entries: { tag: string }[] }).entries;
    const newest = journal[journal.length - 1]!.tag;
    expect(old.migrations).toEqual({ applied: journal.length, expected: journal.length, pending: [newest] });
    expect(old.problems).toEqual([`migrations: not applied: ${newest}`, 'migrations: 1 applied that this version does not know (made by a newer version?)']);
  });

  it('check fails a truncated file and a file that is not a database, without throwing', async () => {
    const truncated = at('truncated.db');
    fs.copyFileSync(backup, truncated);
    fs.truncateSync(truncated, Math.floor(fs.statSync(truncated).size / 2));
    const { check } = await checkDatabase({ url, file: truncated });
    expect(check).toMatchObject({ ok: false, integrity: 'failed' });
    expect(check.problems.length).toBeGreaterThan(0);

    const noise = at('noise.db');
    fs.writeFileSync(noise, Buffer.alloc(8192, 7));
    expect((await checkDatabase({ url, file: noise })).check).toMatchObject({ ok: false, integrity: 'failed', problems: ['integrity_check: file is not a database'] });
    await expect(checkDatabase({ url, file: at('missing.db') })).rejects.toThrow(/there is no file at/);
  });

  it('restores into a new path, deleting a WAL left there by another database', async () => {
    // A valid WAL of another database, left where the restored file will be: replayed, it would change it.
    const other = at('other.db');
    const writer = new Database(other);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (x); insert into t values (1)');
    fs.copyFileSync(`${other}-wal`, at('restored.db-wal'));
    writer.close();

    const target = `file:${at('restored.db')}`;
    const lines: string[] = [];
    const { restore } = await restoreDatabase({ url: target, from: backup, log: (line) => lines.push(line) });
    expect(restore).toEqual({ file: at('restored.db'), from: backup, bytes: fs.statSync(at('restored.db')).size, tables: expect.any(Object), seconds: expect.any(Number) });
    expect(lines).toContain(`restore: deleting ${at('restored.db-wal')}, left by the database being replaced`);
    expect(await readContents(target)).toEqual(await readContents(`file:${backup}`));
    const restored = new Database(at('restored.db'), { readonly: true });
    expect(restored.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(restore.tables).toEqual(Object.fromEntries(Object.keys(restore.tables).map((t) => [t, restored.prepare(`select count(*) from "${t}"`).pluck().get()])));
    restored.close();
    expect((await checkDatabase({ url: target })).check.ok).toBe(true);
  });

  it('refuses a damaged backup and a database that is open, changing nothing', async () => {
    const truncated = at('truncated-for-restore.db');
    fs.copyFileSync(backup, truncated);
    fs.truncateSync(truncated, Math.floor(fs.statSync(truncated).size / 2));
    const before = await readContents(url);
    await expect(restoreDatabase({ url, from: truncated })).rejects.toThrow(/the backup fails its check; nothing was changed:\nintegrity_check/);
    // The app's connections (this process) have the database open, as a running server would.
    expect(databaseUrl()).toBe(url);
    await expect(restoreDatabase({ url, from: backup })).rejects.toThrow(/is in use \(a server or another command has it open\); stop the server/);
    expect(await readContents(url)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('restores over the database once it is closed; the app then reads the backup', async () => {
    const held = await readContents(`file:${backup}`);
    expect(await readContents(url)).not.toEqual(held);
    await closeDb();
    await restoreDatabase({ url, from: backup });
    expect(fs.existsSync(`${at('app.db')}-wal`)).toBe(false);
    expect(await readContents(url)).toEqual(held);
    // The app opens it again and writes on.
    await respond(made++);
    expect((await checkDatabase({ url })).check.ok).toBe(true);
  });
});

describe.skipIf(!isPostgres())('check on PostgreSQL', () => {
  it('checks the migrations and the figures; backup and restore point at pg_dump', async () => {
    const respond = await responder(await makeActor());
    for (let i = 0; i < 12; i++) await respond(i);
    const url = databaseUrl();
    const { check } = await checkDatabase({ url });
    expect(check).toMatchObject({ ok: true, problems: [], integrity: null, foreign_keys: null, migrations: { pending: [] } });
    expect(check.migrations!.applied).toBe(check.migrations!.expected);
    expect(check.figures!.survey_daily_counts!.cells).toBeGreaterThan(0);
    expect(check.figures!.survey_daily_reasons!.cells).toBeGreaterThan(0);
    expect(check.figures!.survey_breakdown_counts!.cells).toBeGreaterThan(0);
    const password = new URL(url).password;
    if (password) expect(check.database).not.toContain(password);

    const db = await pool();
    await db.query("insert into survey_daily_counts values ('01NOSUCHSURVEY', 20000, true, 5, 'good', 2)");
    await db.query('update survey_daily_reasons set responses = responses + 1');
    await db.query("update survey_breakdown_counts set answered = answered + 1 where dimension = 'brand'");
    const damaged = (await checkDatabase({ url })).check;
    expect(damaged.ok).toBe(false);
    expect(damaged.figures!.survey_daily_counts!.wrong).toBe(1);
    expect(damaged.figures!.survey_daily_reasons!.wrong).toBe(check.figures!.survey_daily_reasons!.cells);
    expect(damaged.figures!.survey_breakdown_counts!.wrong).toBe(1);
    expect(damaged.problems[0]).toBe(
      'survey_daily_counts: 1 cells differ from the rows they count:\n  survey 01NOSUCHSURVEY 2024-10-04 answered rating 5 (good): 2 stored, 0 counted',
    );
    await expect(backupDatabase({ url, to: path.join(os.tmpdir(), 'never.db') })).rejects.toThrow(/pg_dump -Fc/);
  }, 60_000);
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn, sessionAdmin } from '@/lib/admin/session';
import { createStarterSurvey } from '@/lib/admin/surveys/surveys';
import { starterQuestions } from '@/lib/admin/surveys/starters';
import { createApiToken } from '@/lib/auth/api-tokens';
import { authenticate } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/secrets';
import { createWriteKey } from '@/lib/auth/write-keys';
import { ingestRequest } from '@/lib/ingestion/ingest';
import { listSurveyResponses } from '@/lib/survey-responses/list';
import { ensureCursorSecret } from '@/lib/survey-responses/cursor';
import { createSurveyResponse, showSurveyResponse, submitSurveyResponse } from '@/lib/survey-responses/responses';
import { listSurveyResponsesQuery } from '@/lib/survey-responses/schemas';
import { updateSurvey } from '@/lib/surveys/surveys';
import { addUser } from '@/lib/users/users';
import { addAlertRecipient } from '@/lib/admin/webhooks/alerts';
import { resetEnv } from '@/lib/env';
import { deliverDue } from '@/lib/webhooks/delivery';
import { eventTypes } from '@/lib/webhooks/events';
import { createWebhook } from '@/lib/webhooks/webhooks';
import { closeDb } from '../client';
import { createDatabase, dropDatabase } from '../postgres/databases';
import { copyDatabase } from '.';
import { copyTables } from './tables';

// SQLite → PostgreSQL → SQLite through `copyDatabase`, checked through the app's own functions with
// DATABASE_URL pointed at each side in turn. Needs a server to make databases on: the `postgres`
// project provides one (TEST_POSTGRES_URL, or an embedded PostgreSQL); the `sqlite` project skips it.

const adminUrl = inject('postgresAdminUrl') as string | undefined;
const prefix = `hcs_copy_${randomBytes(5).toString('hex')}`;
let dir = '';
const made: string[] = [];
const originalUrl = process.env.DATABASE_URL;

async function newPostgres(suffix: string): Promise<string> {
  const name = `${prefix}_${suffix}`;
  made.push(name);
  return createDatabase(adminUrl!, name);
}

/** Runs `work` with the app pointed at `url` (every connection of the previous one closed first). */
async function on<T>(url: string, work: () => Promise<T>): Promise<T> {
  await closeDb();
  process.env.DATABASE_URL = url;
  return work();
}

const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
const accessToken = (urlPath: string) => new URLSearchParams(urlPath.split('?')[1]).get('access_token')!;

// --- Every row of every table, read without the copy's code -------------------------------------

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Dump = Record<string, string[]>;

/** Each table's rows as JSON arrays (flags as 0/1), sorted: equal dumps mean equal tables. */
async function dump(url: string): Promise<Dump> {
  await closeDb();
  const result: Dump = {};
  const normalized = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r.map((v) => (typeof v === 'boolean' ? Number(v) : v)))).sort();
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url, types });
    await client.connect();
    try {
      const { rows } = await client.query<[string]>({ text: "select table_name from information_schema.tables where table_schema = 'public'", rowMode: 'array' });
      for (const [name] of rows) result[name] = [];
      for (const table of copyTables()) {
        const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
        result[table.name] = normalized((await client.query<unknown[]>({ text: `select ${columns} from "${table.name}"`, rowMode: 'array' })).rows);
      }
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(url.slice('file:'.length));
    try {
      const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'").pluck().all() as string[];
      for (const name of names) result[name] = [];
      for (const table of copyTables()) {
        const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
        result[table.name] = normalized(db.prepare(`select ${columns} from "${table.name}"`).raw().all() as unknown[][]);
      }
    } finally {
      db.close();
    }
  }
  return result;
}

// --- The source: an instance filled through the app's own functions ------------------------------

const password = 'correct horse battery staple';

async function fill() {
  const admin = await addUser({ email: 'copy-admin@example.com', name: 'Copy Admin', role: 'admin', locale: 'en-us', passwordHash: await hashPassword(password) });
  const actor = { id: admin.id, email: admin.email!, role: admin.role, locale: admin.locale };
  const { token } = await createApiToken({ description: 'helpdesk' });
  const { writeKey } = await createWriteKey({ description: 'app' });
  expect(await signIn({ email: 'nobody@example.com', password: 'guess', client: '192.0.2.7' })).toMatchObject({ ok: false }); // a failed_credentials row
  const session = await signIn({ email: admin.email!, password });
  if (!session.ok) throw new Error('the admin could not sign in');

  // A webhook on every event and an alert recipient: the responses below fill the outbox (events,
  // invocations, alert e-mails), and one delivery round logs attempts (to a port nobody listens on).
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
  resetEnv();
  await createWebhook({
    actor,
    input: { name: 'Copied', status: 'active', endpoint: 'http://127.0.0.1:9/hooks', http_method: 'POST', request_format: 'json', subscriptions: [...eventTypes] },
  });
  await addAlertRecipient({ actor, address: 'alerts@example.com', locale: 'de' });

  const csat = await createStarterSurvey({ actor, type: 'CUSTOMER_SATISFACTION' });
  const offer = async (ticket: number) => {
    const input = {
      survey_id: csat.id,
      subject_zrns: [`zen:ticket:${ticket}`, 'zen:ticket:1'],
      locale: 'de',
      responder_id: admin.id,
      // Attribution: the ids on the response, the tags in survey_response_tags.
      assignee_id: admin.id,
      group_id: 2 ** 53 - 1,
      brand_id: ticket,
      tags: ['vip', `t:${ticket}`],
    };
    const { id, links } = await createSurveyResponse({ actor, input });
    return { id, token: accessToken(links.url_path) };
  };
  const answer = async (r: { id: string; token: string }, questions: typeof csat.questions, rating: number, comment: string) => {
    const [scale, reason, open] = questions as unknown as [{ id: string }, { id: string; options: { id: string }[] }, { id: string }];
    await submitSurveyResponse({
      id: r.id,
      accessToken: r.token,
      answers: [
        { type: 'rating_scale', question_id: scale.id, rating },
        ...(rating <= 3 ? [{ type: 'closed_ended' as const, question_id: reason.id, selections: [reason.options[1]!.id] }] : []),
        { type: 'open_ended', question_id: open.id, value: comment },
      ],
    });
  };
  const first = await offer(101);
  await answer(first, csat.questions, 2, 'Took too long');
  const [head, ...rest] = starterQuestions('CUSTOMER_SATISFACTION');
  const edited = [{ ...head!, headline: { type: 'static' as const, value: 'How was our help?' } }, ...rest];
  const v2 = await updateSurvey({ actor, id: csat.id, survey: { questions: edited } });
  expect(v2.version).toBe(2);
  const second = await offer(102);
  await answer(second, v2.questions, 5, 'Großartig, danke! 👍');
  const open = await offer(103); // left unanswered: its access token is used on the copy

  const nps = await createStarterSurvey({ actor, type: 'NET_PROMOTER_SCORE' });
  const ingest = {
    raw: { writeKey, campaign: nps.id, rating: 9, userId: 'app-user-7', traits: { email: 'app.user@example.com', name: 'App User', locale: 'fr', plan: 'pro', seats: 12 } },
    idempotencyKey: 'order-7-retry',
  };
  const ingested = await ingestRequest(ingest);
  await deliverDue();
  // The start makes the cursor secret (settings), which the copy must carry.
  await ensureCursorSecret();
  await listSurveyResponses({ actor, query: listSurveyResponsesQuery.parse({}), url: 'http://localhost/api/v2/guide/survey_responses' });
  const rating = (v2.questions[0] as { id: string }).id;
  return { actor, token, session: session.token, open, rating, ingest, ingested, ids: [first.id, second.id, open.id] };
}

type Filled = Awaited<ReturnType<typeof fill>>;

/** Every page of the list, two rows a page; given `cursors`, page i + 1 is asked for with the i-th of them. */
async function pages(actor: Filled['actor'], cursors?: (string | null)[]) {
  const url = 'http://localhost/api/v2/guide/survey_responses?page[size]=2';
  const bodies: string[] = [];
  const issued: (string | null)[] = [];
  let after: string | undefined;
  for (let i = 0; i < 10; i++) {
    const query = listSurveyResponsesQuery.parse({ 'page[size]': '2', ...(after && { 'page[after]': after }) });
    const body = await listSurveyResponses({ actor, query, url });
    bodies.push(body);
    const meta = (JSON.parse(body) as { meta: { has_more: boolean; after_cursor: string | null } }).meta;
    issued.push(meta.after_cursor);
    if (!meta.has_more) break;
    after = cursors ? (cursors[i] ?? undefined) : (meta.after_cursor ?? undefined);
  }
  return { bodies, issued };
}

async function shows(actor: Filled['actor'], ids: string[]) {
  const bodies: string[] = [];
  for (const id of ids) bodies.push(await showSurveyResponse({ actor, id }), await showSurveyResponse({ actor, id, locale: 'de' }));
  return bodies;
}

describe.skipIf(!adminUrl)('db copy (needs a PostgreSQL server: runs in the postgres project)', () => {
  const file = (name: string) => `file:${path.join(dir, name)}`;
  let source: string;
  let back: string;
  let target: string;
  let filled: Filled;
  let dumps: { source: Dump; target: Dump; back: Dump };
  let responseIds: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcs-copy-'));
    [source, back] = [file('source.db'), file('back.db')];
    filled = await on(source, fill);
    responseIds = [...filled.ids, JSON.parse(filled.ingested.body).id as string];
    target = await newPostgres('target');
    // Two rows a page: every table is read in several keyset pages, composite keys (with a flag) included.
    const there = await copyDatabase({ from: source, to: target, batchSize: 2 });
    const again = await copyDatabase({ from: target, to: back, batchSize: 2 });
    expect(again).toEqual(there);
    dumps = { source: await dump(source), target: await dump(target), back: await dump(back) };
  }, 60_000);

  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
    for (const name of made) await dropDatabase(adminUrl!, name);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies every row of every table, there and back, the daily figures exactly', () => {
    const tables = copyTables().map((t) => t.name);
    for (const side of Object.values(dumps)) expect(Object.keys(side).sort()).toEqual([...tables].sort());
    // Something of everything: the copy is only as good as what it was given.
    for (const name of tables) expect(dumps.source[name]!.length, name).toBeGreaterThan(0);
    expect(dumps.target).toEqual(dumps.source);
    expect(dumps.back).toEqual(dumps.source);
    // Counted once: the triggers of the target did not add the copied responses to the figures again.
    const offered = dumps.target.survey_daily_counts!.reduce((n, row) => n + (JSON.parse(row) as number[])[5]!, 0);
    expect(offered).toBe(responseIds.length);
  });

  it('answers the List API and Show byte for byte; cursors of the source work on the copies', async () => {
    const before = await on(source, async () => ({ list: await pages(filled.actor), shown: await shows(filled.actor, responseIds) }));
    expect(before.list.bodies.length).toBeGreaterThan(1);
    for (const url of [target, back]) {
      const after = await on(url, async () => ({ list: await pages(filled.actor, before.list.issued), shown: await shows(filled.actor, responseIds) }));
      expect(after.list.bodies).toEqual(before.list.bodies);
      expect(after.shown).toEqual(before.shown);
    }
  });

  it('keeps API tokens, write keys (with their idempotency records) and admin sessions working', async () => {
    for (const url of [target, back]) {
      await on(url, async () => {
        expect(await authenticate({ authorization: basic(filled.actor.email, filled.token) })).toEqual(filled.actor);
        expect(await sessionAdmin({ token: filled.session })).toEqual(filled.actor);
        expect(await ingestRequest(filled.ingest)).toEqual({ body: filled.ingested.body, replayed: true });
      });
    }
  });

  it('takes submits with an access token and gives new rows fresh ids; refuses to copy into it again', async () => {
    const copy = await newPostgres('writes');
    await copyDatabase({ from: source, to: copy });
    const countsBefore = (await dump(copy)).survey_daily_counts!;
    await on(copy, async () => {
      const answers = [{ type: 'rating_scale' as const, question_id: filled.rating, rating: 4 }];
      const body = await submitSurveyResponse({ id: filled.open.id, accessToken: filled.open.token, answers });
      expect(JSON.parse(body)).toMatchObject({ survey_response: { id: filled.open.id } });
      const user = await addUser({ email: 'after-copy@example.com', name: 'After', role: 'agent', locale: 'en-us' });
      expect(user.id).toBe(Math.max(...dumps.source.users!.map((r) => (JSON.parse(r) as number[])[0]!)) + 1);
    });
    const afterSubmit = await dump(copy);
    // The target's triggers still run: the submitted response moved from offered to answered.
    expect(afterSubmit.survey_daily_counts).not.toEqual(countsBefore);

    await expect(copyDatabase({ from: source, to: copy })).rejects.toThrow(/the target is not empty \(rows in users, /);
    expect(await dump(copy)).toEqual(afterSubmit);
    // The same on a SQLite target, copied from PostgreSQL after those writes.
    const sqliteCopy = file('from-postgres.db');
    await copyDatabase({ from: copy, to: sqliteCopy });
    expect(await dump(sqliteCopy)).toEqual(afterSubmit);
    await on(sqliteCopy, async () => {
      const user = await addUser({ email: 'after-copy-2@example.com', name: 'After', role: 'agent', locale: 'en-us' });
      expect(user.id).toBe(Math.max(...afterSubmit.users!.map((r) => (JSON.parse(r) as number[])[0]!)) + 1);
    });
    const sqliteRows = await dump(sqliteCopy);
    await expect(copyDatabase({ from: source, to: sqliteCopy })).rejects.toThrow(/the target is not empty/);
    expect(await dump(sqliteCopy)).toEqual(sqliteRows);
  });
});

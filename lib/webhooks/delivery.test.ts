import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPostgres } from '@/db/client';
import { numbered, pool } from '@/db/postgres/client';
import { writer } from '@/db/sqlite/client';
import type { Actor } from '../auth/credentials';
import { newId } from '../ids';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { createSurvey, updateSurvey } from '../surveys/surveys';
import { ensureCursorSecret } from '../survey-responses/cursor';
import { createSurveyResponse, submitSurveyResponse } from '../survey-responses/responses';
import { deliverDue } from './delivery';
import { EVENT_TYPES } from './events';

// The outbox on the database itself (both dialects): which events each door records, what a receiver
// gets (Zendesk's envelope and signature), retries, leases, and alert e-mails over real SMTP.

process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
process.env.SMTP_URL = 'smtp://127.0.0.1:1'; // replaced below, before anything reads the environment
process.env.PUBLIC_URL = 'https://surveys.example.com';

const admin: Actor = { id: 1, email: 'admin@example.com', role: 'admin', locale: 'en-us' };

/** Raw SQL in either dialect (`?` placeholders). */
async function sql<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]> {
  if (isPostgres()) return (await (await pool()).query(numbered(text), params)).rows as T[];
  const statement = writer().$client.prepare(text);
  if (statement.reader) return statement.all(...params) as T[];
  statement.run(...params);
  return [];
}

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}
let received: Received[] = [];
let answers: { status: number; headers?: Record<string, string> }[] = [];
let receiver: Server;
let endpoint = '';
const mails: { to: string; data: string }[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const answer = answers.shift() ?? { status: 200 };
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end(`answer ${answer.status}`);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        // The text as a mail reader shows it (quoted-printable undone).
        const text = Buffer.from(data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data: text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  await ensureCursorSecret();
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function webhook(types: string[], { status = 'active', secret = 'secret-' + newId() } = {}) {
  const id = newId();
  const now = Date.now();
  await sql(
    `insert into webhooks (id, name, description, status, endpoint, http_method, request_format, signing_secret, created_by, updated_by, created_at, updated_at)
     values (?, ?, '', ?, ?, 'POST', 'json', ?, 1, 1, ?, ?)`,
    id, `hook ${id}`, status, endpoint, secret, now, now,
  );
  for (const type of types) await sql('insert into webhook_subscriptions (event_type, webhook_id) values (?, ?)', type, id);
  return { id, secret };
}

async function survey() {
  const { questions } = defaultCsatDefinition();
  return createSurvey({ actor: admin, survey: { type: 'CUSTOMER_SATISFACTION', state: 'enabled', questions } as never });
}

async function offer(surveyId: string) {
  const created = await createSurveyResponse({ actor: admin, input: { survey_id: surveyId, locale: 'en-us', subject_zrns: ['zen:ticket:7'] } as never });
  tokens.set(created.id, new URL(created.links.url_path, 'http://x').searchParams.get('access_token')!);
  return created.id;
}

const tokens = new Map<string, string>();
/** Answers as the customer holding the emailed link would. */
const answer = (id: string, answers: unknown[]) => submitSurveyResponse({ id, accessToken: tokens.get(id), answers: answers as never });

const ratingOf = async (surveyId: string) => {
  const [row] = await sql<{ definition: string }>('select definition from survey_versions where survey_id = ? order by version desc limit 1', surveyId);
  const definition = JSON.parse(row!.definition) as { questions: { id: string }[] };
  return { rating: definition.questions[0]!.id, comment: definition.questions[2]!.id };
};

const eventsOf = (subject: string) => sql<{ type: string }>('select type from webhook_events where subject = ? order by id', subject);

/** Runs delivery rounds until nothing is due (at `now`). */
async function drain(now = Date.now()) {
  for (let i = 0; i < 20 && (await deliverDue(now)) > 0; i++);
}

const types = (list: Received[]) => list.map((r) => (JSON.parse(r.body) as { type: string }).type);

describe('webhook outbox and delivery', () => {
  // Each test's own webhooks only: those of the tests before are switched off.
  beforeEach(async () => {
    await sql("update webhooks set status = 'inactive'");
    received = [];
    answers = [];
  });

  it('records each door’s events only for subscribed, active webhooks, and delivers them signed as Zendesk does', async () => {
    const s = await survey();
    const all = Object.values(EVENT_TYPES);
    const hook = await webhook(all);
    await webhook(all, { status: 'inactive' });
    received = [];
    const id = await offer(s.id);
    const { rating, comment } = await ratingOf(s.id);
    await answer(id, [{ type: 'rating_scale', question_id: rating, rating: 1 }]);
    // A later edit of a bad answer: updated, no second rated_bad.
    await answer(id, [{ type: 'rating_scale', question_id: rating, rating: 2 }, { type: 'open_ended', question_id: comment, value: 'slow' }]);
    expect((await eventsOf(`zen:survey_response:${id}`)).map((e) => e.type)).toEqual([EVENT_TYPES.offered, EVENT_TYPES.answered, EVENT_TYPES.ratedBad, EVENT_TYPES.updated]);
    await drain();
    const mine = received.filter((r) => r.headers['x-zendesk-webhook-id'] === hook.id);
    expect(mine).toHaveLength(received.length); // the inactive webhook got nothing
    expect(types(mine).sort()).toEqual([EVENT_TYPES.offered, EVENT_TYPES.answered, EVENT_TYPES.ratedBad, EVENT_TYPES.updated].sort());
    for (const r of mine) {
      const timestamp = r.headers['x-zendesk-webhook-signature-timestamp'] as string;
      const expected = createHmac('sha256', hook.secret).update(timestamp + r.body).digest('base64');
      expect(r.headers['x-zendesk-webhook-signature']).toBe(expected);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.headers['x-zendesk-webhook-invocation-id']).toMatch(/^\d+$/);
      const body = JSON.parse(r.body) as Record<string, unknown> & { detail: { id: string; answers: unknown[] }; event: Record<string, unknown> };
      expect(Object.keys(body)).toEqual(['type', 'account_id', 'id', 'time', 'zendesk_event_version', 'subject', 'detail', 'event']);
      expect(body.subject).toBe(`zen:survey_response:${id}`);
      expect(body.detail.id).toBe(id);
    }
    const updated = JSON.parse(mine.find((r) => types([r])[0] === EVENT_TYPES.updated)!.body) as { event: Record<string, unknown>; detail: { answers: unknown[] } };
    expect(updated.event).toEqual({ previous_rating: 1, previous_rating_category: 'bad', rating: 2, rating_category: 'bad' });
    expect(updated.detail.answers).toContainEqual(expect.objectContaining({ type: 'open_ended', value: 'slow' }));
    const [count] = await sql<{ n: number }>("select count(*) as n from webhook_invocations where webhook_id = ? and status = 'success'", hook.id);
    expect(Number(count!.n)).toBe(4);
  });

  it('writes no event when nothing subscribes, and none for a change that was refused', async () => {
    const s = await survey();
    const id = await offer(s.id);
    expect(await eventsOf(`zen:survey_response:${id}`)).toEqual([]);
    await webhook([EVENT_TYPES.answered]);
    const { rating } = await ratingOf(s.id);
    await expect(answer(id, [{ type: 'rating_scale', question_id: rating, rating: 9 }])).rejects.toThrow();
    expect(await eventsOf(`zen:survey_response:${id}`)).toEqual([]);
    await drain();
  });

  it('retries 5xx and 429 (after Retry-After) with the same event id, and stops at other 4xx', async () => {
    const s = await survey();
    const hook = await webhook([EVENT_TYPES.offered]);
    received = [];
    answers = [{ status: 503 }, { status: 429, headers: { 'retry-after': '30' } }, { status: 200 }];
    const id = await offer(s.id);
    const start = Date.now();
    await drain(start);
    const [first] = await sql<{ status: string; attempts: number; next_attempt_at: number }>('select status, attempts, next_attempt_at from webhook_invocations where webhook_id = ?', hook.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    await drain(Number(first!.next_attempt_at));
    const [second] = await sql<{ status: string; attempts: number; next_attempt_at: number }>('select status, attempts, next_attempt_at from webhook_invocations where webhook_id = ?', hook.id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    // Retry-After: 30 s from the second attempt (no jitter on an asked-for pause).
    expect(Number(second!.next_attempt_at) - start).toBeGreaterThanOrEqual(30_000);
    await drain(Number(second!.next_attempt_at) - 1);
    expect(received).toHaveLength(2);
    await drain(Number(second!.next_attempt_at));
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => (JSON.parse(r.body) as { id: string }).id)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-zendesk-webhook-invocation-id'])).size).toBe(1);
    const attempts = await sql<{ status: string; status_code: number; response_body: string }>(
      'select a.status, a.status_code, a.response_body from webhook_attempts a join webhook_invocations i on i.id = a.invocation_id where i.webhook_id = ? order by a.id',
      hook.id,
    );
    expect(attempts.map((a) => [a.status, Number(a.status_code), a.response_body])).toEqual([
      ['failed', 503, 'answer 503'],
      ['failed', 429, 'answer 429'],
      ['success', 200, 'answer 200'],
    ]);
    expect(id).toBeTruthy();

    // Failures then a success: no longer failing.
    const [ok] = await sql<{ failing_since: number | null }>('select failing_since from webhooks where id = ?', hook.id);
    expect(ok!.failing_since).toBeNull();

    await sql("update webhooks set status = 'inactive' where id = ?", hook.id);
    const final = await webhook([EVENT_TYPES.offered]);
    answers = [{ status: 410 }];
    await offer(s.id);
    await drain();
    const [gone] = await sql<{ status: string; attempts: number }>('select status, attempts from webhook_invocations where webhook_id = ?', final.id);
    expect(gone).toMatchObject({ status: 'failed', attempts: 1 });
    const [failing] = await sql<{ failing_since: number | null }>('select failing_since from webhooks where id = ?', final.id);
    expect(failing!.failing_since).not.toBeNull();
  });

  it('records a send that could not be made (its sender thread stopped) as a failed attempt, tried again, not left to its lease', async () => {
    const s = await survey();
    const hook = await webhook([EVENT_TYPES.offered]);
    await offer(s.id);
    const now = Date.now();
    await deliverDue(now, () => Promise.reject(new Error('the webhook sender thread stopped (exit code 1)')));
    const [invocation] = await sql<{ status: string; attempts: number; lease_token: string | null; next_attempt_at: number }>(
      'select status, attempts, lease_token, next_attempt_at from webhook_invocations where webhook_id = ?',
      hook.id,
    );
    expect(invocation).toMatchObject({ status: 'pending', attempts: 1, lease_token: null });
    const [attempt] = await sql<{ status: string; response_body: string }>(
      'select a.status, a.response_body from webhook_attempts a join webhook_invocations i on i.id = a.invocation_id where i.webhook_id = ?',
      hook.id,
    );
    expect(attempt).toEqual({ status: 'failed', response_body: 'Not sent: the webhook sender thread stopped (exit code 1)' });
    received = [];
    await drain(Number(invocation!.next_attempt_at));
    expect(received.filter((r) => r.headers['x-zendesk-webhook-id'] === hook.id)).toHaveLength(1);
  });

  it('never hands the same invocation to two workers at once', async () => {
    const s = await survey();
    const hook = await webhook([EVENT_TYPES.offered]);
    received = [];
    for (let i = 0; i < 12; i++) await offer(s.id);
    const now = Date.now();
    await Promise.all([deliverDue(now), deliverDue(now), deliverDue(now), deliverDue(now)]);
    await drain();
    const mine = received.filter((r) => r.headers['x-zendesk-webhook-id'] === hook.id);
    expect(mine).toHaveLength(12);
    expect(new Set(mine.map((r) => r.headers['x-zendesk-webhook-invocation-id'])).size).toBe(12);
  });

  it('sends survey.updated with the new version as the surveys API shows it', async () => {
    const s = await survey();
    await webhook([EVENT_TYPES.surveyUpdated]);
    received = [];
    await updateSurvey({ actor: admin, id: s.id, survey: { state: 'disabled' } });
    await drain();
    const got = received.map((r) => JSON.parse(r.body) as { type: string; subject: string; detail: { id: string; state: string; version: number }; event: unknown });
    expect(got.filter((g) => g.subject === `zen:survey:${s.id}`)).toMatchObject([
      { type: EVENT_TYPES.surveyUpdated, detail: { id: s.id, state: 'disabled', version: 1 }, event: { previous_version: 1 } },
    ]);
  });

  it('e-mails rated_bad alerts to each recipient in their locale, over SMTP', async () => {
    const s = await survey();
    const now = Date.now();
    const de = `de-${newId().toLowerCase()}@example.com`;
    const en = `en-${newId().toLowerCase()}@example.com`;
    await sql('insert into alert_recipients (address, locale, created_at) values (?, ?, ?), (?, ?, ?)', de, 'de', now, en, 'en-us', now);
    const id = await offer(s.id);
    const { rating, comment } = await ratingOf(s.id);
    await answer(id, [{ type: 'rating_scale', question_id: rating, rating: 1 }, { type: 'open_ended', question_id: comment, value: 'Too slow' }]);
    await drain();
    const toDe = mails.find((m) => m.to === de);
    const toEn = mails.find((m) => m.to === en);
    expect(toDe?.data).toContain('Subject: Schlechte Bewertung (1) zu zen:ticket:7');
    expect(toEn?.data).toContain('Subject: Bad rating (1) on zen:ticket:7');
    expect(toEn?.data).toContain('Comment: Too slow');
    expect(toEn?.data).toContain(`https://surveys.example.com/admin/survey_responses/${id}`);
    const sent = await sql<{ status: string }>('select status from alert_emails where address in (?, ?)', de, en);
    expect(sent.map((r) => r.status)).toEqual(['success', 'success']);
    await sql('delete from alert_recipients where address in (?, ?)', de, en);
  });
});

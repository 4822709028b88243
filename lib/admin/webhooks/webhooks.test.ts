import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '@/db/outbox';
import { addUser } from '../../users/users';
import { deliverDue } from '../../webhooks/delivery';
import { eventTypes, offeredEvents } from '../../webhooks/events';
import { runForm } from '../forms';
import { FAILING_AFTER_MS, failingOf } from './failing';
import { createWebhookForm, editWebhookForm } from './forms';
import { subscriptionChoices } from './labels';
import { invocationLog, LOG_PAGE_SIZE, replay, resetSecret, revealSecret, sendTest } from './log';
import { addWebhook, findWebhookView, removeWebhook, saveWebhook, setWebhookStatus, webhooksPage } from './webhooks';

// The receivers of these tests listen on 127.0.0.1, which the address guard refuses otherwise.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
// Every delivery logs a line; the assertions read the log table instead.
process.env.LOG_LEVEL = 'silent';

const actorOf = async (role: 'admin' | 'agent') => {
  const row = await addUser({ email: `${role}-${randomUUID()}@example.com`, name: role, role, locale: 'en-us' });
  return { id: row.id, email: row.email ?? '', role: row.role, locale: row.locale };
};

let server: Server;
let endpoint = '';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let answer = { status: 200, body: 'ok' };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer.status, { 'content-type': 'text/html' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const form = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));

describe('admin webhooks', () => {
  it('offers exactly the event types the service sends', () => {
    expect(subscriptionChoices.map((c) => c.type)).toEqual([...eventTypes]);
  });

  it('refuses anyone but an admin', async () => {
    const agent = await actorOf('agent');
    const input = { name: 'x', endpoint, subscriptions: [], authentication: null };
    await expect(webhooksPage({ actor: agent })).rejects.toMatchObject({ status: 403 });
    await expect(addWebhook({ actor: agent, input })).rejects.toMatchObject({ status: 403 });
    await expect(findWebhookView({ actor: agent, id: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(saveWebhook({ actor: agent, id: 'x', input })).rejects.toMatchObject({ status: 403 });
    await expect(setWebhookStatus({ actor: agent, id: 'x', status: 'active' })).rejects.toMatchObject({ status: 403 });
    await expect(removeWebhook({ actor: agent, id: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(invocationLog({ actor: agent, webhookId: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(replay({ actor: agent, webhookId: 'x', invocationId: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(revealSecret({ actor: agent, id: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(resetSecret({ actor: agent, id: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(sendTest({ actor: agent, id: 'x' })).rejects.toMatchObject({ status: 403 });
  });

  it('creates from the form: checked events, credentials, and refusals that keep the input', async () => {
    const actor = await actorOf('admin');
    const fields = { name: ' Helpdesk ', endpoint, subscribe_answered: 'on', subscribe_rated_bad: 'on', authentication: 'bearer_token', token: 'tok-1' };
    const created = await runForm(createWebhookForm, form(fields), (input) => addWebhook({ actor, input }));
    if (!created.ok) throw new Error(JSON.stringify(created.state));
    const view = await findWebhookView({ actor, id: created.value.id });
    expect(view).toMatchObject({
      name: 'Helpdesk',
      endpoint,
      status: 'active',
      subscriptions: ['zen:event-type:survey_response.answered', 'zen:event-type:survey_response.rated_bad'],
      authentication: 'bearer_token',
      failing: undefined,
    });
    expect(JSON.stringify(view)).not.toContain('tok-1');

    const noToken = await runForm(createWebhookForm, form({ ...fields, token: '' }), (input) => addWebhook({ actor, input }));
    expect(noToken).toMatchObject({ ok: false, state: { fieldErrors: { token: 'Is required for a bearer token.' }, values: { name: ' Helpdesk ', subscribe_answered: 'on' } } });
    const badUrl = await runForm(createWebhookForm, form({ name: 'x', endpoint: 'ftp://example.com' }), (input) => addWebhook({ actor, input }));
    expect(badUrl).toMatchObject({ ok: false, state: { fieldErrors: { endpoint: 'Must be an http: or https: URL.' }, values: { endpoint: 'ftp://example.com' } } });
    // The address guard's refusal comes back on the endpoint field.
    const unknownHost = await runForm(createWebhookForm, form({ name: 'x', endpoint: 'http://no-such-host.invalid/hook' }), (input) => addWebhook({ actor, input }));
    expect(unknownHost).toMatchObject({ ok: false, state: { fieldErrors: { endpoint: expect.stringContaining('does not resolve') }, values: { name: 'x' } } });
  });

  it('edits, keeps stored credentials when the secret is left empty, switches status, and deletes', async () => {
    const actor = await actorOf('admin');
    const { id } = await addWebhook({ actor, input: { name: 'edit me', endpoint, subscriptions: [], authentication: { type: 'basic_auth', add_position: 'header', data: { username: 'u', password: 'p' } } } });
    const edited = await runForm(editWebhookForm, form({ id, name: 'edited', endpoint, authentication: 'basic_auth', subscribe_offered: 'on' }), ({ id: target, ...input }) =>
      saveWebhook({ actor, id: target, input }),
    );
    expect(edited.ok).toBe(true);
    expect(await findWebhookView({ actor, id })).toMatchObject({ name: 'edited', authentication: 'basic_auth', subscriptions: ['zen:event-type:survey_response.offered'] });
    answer = { status: 200, body: 'ok' };
    await sendTest({ actor, id });
    expect(received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);

    expect((await setWebhookStatus({ actor, id, status: 'inactive' })).status).toBe('inactive');
    const page = await webhooksPage({ actor, confirmDelete: id });
    expect(page.confirm).toMatchObject({ id, status: 'inactive' });
    expect(page.webhooks.map((w) => w.id)).toContain(id);
    expect(await removeWebhook({ actor, id })).toEqual({ name: 'edited' });
    expect(await findWebhookView({ actor, id })).toBeUndefined();
    expect(await webhooksPage({ actor, confirmDelete: id })).toMatchObject({ confirm: undefined, confirmMissing: true });
    await expect(removeWebhook({ actor, id })).rejects.toMatchObject({ name: 'FormRefusal' });
    await expect(setWebhookStatus({ actor, id, status: 'active' })).rejects.toMatchObject({ name: 'FormRefusal' });
  });

  it('pages the webhooks newest first in both directions', async () => {
    const actor = await actorOf('admin');
    for (let i = 0; i < 52; i++) await addWebhook({ actor, input: { name: `page ${i}`, endpoint, subscriptions: [], authentication: null } });
    const first = await webhooksPage({ actor });
    expect(first.webhooks).toHaveLength(50);
    expect(first.previousBefore).toBeUndefined();
    const second = await webhooksPage({ actor, after: first.nextAfter! });
    expect(second.webhooks[0]!.createdAt).toBeLessThanOrEqual(first.webhooks.at(-1)!.createdAt);
    const back = await webhooksPage({ actor, before: second.previousBefore! });
    expect(back.webhooks.map((w) => w.id)).toEqual(first.webhooks.map((w) => w.id));
    expect((await webhooksPage({ actor, after: 'no-such-id' })).webhooks).toEqual([]);
    for (const w of [...first.webhooks, ...second.webhooks]) await removeWebhook({ actor, id: w.id });
  });

  it('shows the secret on demand, resets it, and sends a signed test whose answer comes back as text', async () => {
    const actor = await actorOf('admin');
    const { id } = await addWebhook({ actor, input: { name: 'secret', endpoint, subscriptions: [], authentication: null } });
    const secret = await revealSecret({ actor, id });
    expect(secret.length).toBeGreaterThanOrEqual(16);
    const renewed = await resetSecret({ actor, id });
    expect(renewed).not.toBe(secret);
    expect(await revealSecret({ actor, id })).toBe(renewed);

    answer = { status: 418, body: `<script>alert(1)</script>${'x'.repeat(2000)}` };
    const test = await sendTest({ actor, id });
    expect(test.status).toBe(418);
    expect(test.body.startsWith('<script>alert(1)</script>')).toBe(true);
    expect(test.body.length).toBe(1024);
    expect(received.at(-1)?.headers['x-zendesk-webhook-id']).toBe(id);

    await expect(revealSecret({ actor, id: 'nope' })).rejects.toMatchObject({ name: 'FormRefusal' });
    await expect(sendTest({ actor, id: 'nope' })).rejects.toMatchObject({ name: 'FormRefusal' });
    const unreachable = await addWebhook({ actor, input: { name: 'closed', endpoint: 'http://127.0.0.1:1/hook', subscriptions: [], authentication: null } });
    await expect(sendTest({ actor, id: unreachable.id })).rejects.toMatchObject({ name: 'FormRefusal', message: expect.stringContaining('did not answer') });
    await removeWebhook({ actor, id });
    await removeWebhook({ actor, id: unreachable.id });
  });

  it('logs invocations newest first with their attempts, pages them, and replays one', async () => {
    const actor = await actorOf('admin');
    const { id } = await addWebhook({ actor, input: { name: 'log', endpoint, subscriptions: ['zen:event-type:survey_response.offered'], authentication: null } });
    answer = { status: 500, body: 'down <b>now</b>' };
    const subjects: string[] = [];
    for (let i = 0; i < LOG_PAGE_SIZE + 2; i++) {
      const responseId = `response-${i}-${randomUUID()}`;
      subjects.push(`zen:survey_response:${responseId}`);
      await recordEvents(offeredEvents({ responseId, detailJson: '{}', at: Date.now() }));
    }
    for (let i = 0; i < 10 && (await deliverDue()) > 0; i++);
    const first = await invocationLog({ actor, webhookId: id });
    expect(first.invocations).toHaveLength(LOG_PAGE_SIZE);
    expect(first.invocations[0]!.subject).toBe(subjects.at(-1));
    expect(first.invocations[0]).toMatchObject({ eventType: 'zen:event-type:survey_response.offered', status: 'pending' });
    expect(first.invocations[0]!.attempts).toEqual([expect.objectContaining({ status: 'failed', statusCode: 500, answer: 'down <b>now</b>' })]);
    const older = await invocationLog({ actor, webhookId: id, after: first.nextAfter! });
    expect(older.invocations.map((i) => i.subject)).toEqual([subjects[1], subjects[0]]);
    expect(older.nextAfter).toBeUndefined();
    const newer = await invocationLog({ actor, webhookId: id, before: older.previousBefore! });
    expect(newer.invocations.map((i) => i.id)).toEqual(first.invocations.map((i) => i.id));

    const source = first.invocations[0]!;
    const replayed = await replay({ actor, webhookId: id, invocationId: source.id });
    const top = (await invocationLog({ actor, webhookId: id })).invocations[0]!;
    expect(top).toMatchObject({ id: Number(replayed.id), eventId: source.eventId, status: 'pending', attempts: [] });
    await expect(replay({ actor, webhookId: id, invocationId: 999_999_999 })).rejects.toMatchObject({ name: 'FormRefusal' });
    await removeWebhook({ actor, id });
  });

  it('says failing after a day of failed attempts, and warns before', () => {
    const now = Date.now();
    expect(failingOf(null, now)).toBeUndefined();
    expect(failingOf(now - 1000, now)).toEqual({ state: 'warning', since: now - 1000 });
    expect(failingOf(now - FAILING_AFTER_MS, now)).toEqual({ state: 'failing', since: now - FAILING_AFTER_MS });
  });
});

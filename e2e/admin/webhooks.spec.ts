import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminAuth, defaultSurvey, offer } from '../support/api';
import { startReceiver, verifiesSignature, type Receiver } from '../support/receiver';
import { expectAccessible, signInAsAdmin } from './support';

// The admin view's webhooks screen against a receiver the test starts (the suite's servers allow
// private addresses, so 127.0.0.1 is a valid endpoint; a name that does not resolve is still refused).
// Each test deletes its own webhooks and recipients: the server and database are shared.

const OFFERED = 'zen:event-type:survey_response.offered';

/** Fills and posts the create form; returns the new webhook's id (from the page it lands on). */
async function createWebhook(page: Page, input: { name: string; endpoint: string; token?: string }) {
  await page.getByLabel('Name', { exact: true }).fill(input.name);
  await page.getByLabel('Endpoint URL').fill(input.endpoint);
  await page.getByLabel(/^Response offered/).check();
  if (input.token) {
    await page.getByRole('radio', { name: 'Bearer token' }).check();
    await page.getByLabel('Token', { exact: true }).fill(input.token);
  }
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9A-Z]{26}\?notice=created$/);
  await expect(page.getByRole('status').filter({ hasText: 'Webhook created.' })).toBeVisible();
  return /\/admin\/webhooks\/([0-9A-Z]{26})/.exec(page.url())![1]!;
}

async function revealSecret(page: Page) {
  await expect(page.getByRole('textbox', { name: 'Signing secret', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal signing secret' }).click();
  const secret = await page.getByRole('textbox', { name: 'Signing secret', exact: true }).inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  expect(page.url()).not.toContain(secret);
  return secret;
}

/** The refused endpoint comes back on its field, with what was typed. */
async function refusedEndpoint(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Endpoint URL').fill('http://no-such-host.invalid/hooks');
  await page.getByLabel(/^Rated bad/).check();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' })).toBeVisible();
  await expect(page.getByText('The endpoint is refused: no-such-host.invalid does not resolve to an address.')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('http://no-such-host.invalid/hooks');
  await expect(page.getByLabel('Endpoint URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/^Rated bad/)).toBeChecked();
  await page.getByLabel(/^Rated bad/).uncheck();
}

/** Deletes through the list's confirm step. */
async function deleteWebhook(page: Page, name: string) {
  await page.goto('/admin/webhooks');
  await page.getByRole('link', { name: `Delete ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Delete the webhook “${name}”?` })).toBeVisible();
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  // Without JavaScript the browser keeps the confirm step's #confirm across the redirect.
  await expect(page).toHaveURL(/\/admin\/webhooks\?notice=deleted(#confirm)?$/);
  await expect(page.getByRole('status')).toHaveText('Webhook deleted: nothing more is sent to it.');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
}

/** Whatever a failed test left behind. */
async function cleanUp(request: APIRequestContext, ids: string[], receiver: Receiver) {
  for (const id of ids) await request.delete(`/api/v2/webhooks/${id}`, { headers: adminAuth() });
  await receiver.close();
}

/** The page is no wider than the window; otherwise the message names the elements that stick out. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > viewport && !e.parentElement?.closest('.admin-table-scroll'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.slice(0, 40)}"`);
    return { page: document.documentElement.scrollWidth, viewport, wide: wide.slice(0, 5).join(', ') };
  });
  expect(widths.page, widths.wide).toBeLessThanOrEqual(widths.viewport);
}

test('signed out, the webhooks pages send to the sign-in form', async ({ page }) => {
  for (const path of ['/admin/webhooks', '/admin/webhooks/alerts', '/admin/webhooks/01ARZ3NDEKTSV4RRFFQ69G5FAV']) {
    await page.goto(path);
    await expect(page).toHaveURL('/admin/sign-in');
  }
});

test('a webhook made in the page gets signed events, shows them in its log, replays one, and stops when deactivated', async ({ page, request }, testInfo) => {
  const receiver = await startReceiver();
  const ids: string[] = [];
  try {
    const name = `ui hook ${randomUUID()}`;
    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await refusedEndpoint(page, name);
    await expectAccessible(page);
    const id = await createWebhook(page, { name, endpoint: receiver.url });
    ids.push(id);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const secret = await revealSecret(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Send a test request' }).click();
    const answer = page.getByRole('status').filter({ hasText: 'The endpoint answered' });
    await expect(answer).toContainText('The endpoint answered 200.');
    await expect(answer.locator('pre')).toHaveText('got it (200)');
    expect(testSends(receiver)).toHaveLength(1);
    expect(testSends(receiver)[0]!.headers['x-zendesk-webhook-id']).toBe(id);
    expect(verifiesSignature(testSends(receiver)[0]!, secret)).toBe(true);

    // An event from the API: delivered signed, then in the log with its attempt.
    const offered = await offer(request, { surveyId: (await defaultSurvey(request)).id });
    const subject = `zen:survey_response:${offered.id}`;
    const mine = () => receiver.deliveries.filter((d) => d.event.subject === subject);
    await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(1);
    expect(mine()[0]!.event.type).toBe(OFFERED);
    expect(verifiesSignature(mine()[0]!, secret)).toBe(true);
    // The receiver has the event a moment before the sender has recorded its answer: the page is
    // read again until its log shows the attempt.
    const invocation = page.getByRole('listitem').filter({ hasText: subject });
    await expect(async () => {
      await page.reload();
      await expect(invocation.getByRole('heading')).toHaveText(/^Invocation \d+: survey_response\.offered, success$/, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    // The secret is never in the page until asked for again.
    await expect(page.getByRole('textbox', { name: 'Signing secret', exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    const attempt = invocation.getByRole('row').filter({ hasText: 'got it (200)' });
    await expect(attempt).toContainText('success');
    await expect(attempt.getByRole('cell').nth(2)).toHaveText('200');
    await expect(attempt).toContainText(/\d+ ms/);
    await expect(attempt).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('webhook-log.png'), fullPage: true });

    // Replay: the same event again, with a new invocation id.
    const invocationId = /Invocation (\d+)/.exec((await invocation.getByRole('heading').textContent()) ?? '')![1]!;
    await invocation.getByRole('button', { name: `Replay invocation ${invocationId}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Replayed' })).toBeVisible();
    await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(2);
    const [first, again] = mine() as [(typeof receiver.deliveries)[number], (typeof receiver.deliveries)[number]];
    expect(again.event.id).toBe(first.event.id);
    expect(again.headers['x-zendesk-webhook-invocation-id']).not.toBe(first.headers['x-zendesk-webhook-invocation-id']);
    expect(verifiesSignature(again, secret)).toBe(true);
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: subject })).toHaveCount(2);

    // On a phone the page does not scroll sideways: the attempts tables scroll inside their card.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await page.goto('/admin/webhooks');
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Deactivated from the list: no more deliveries.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row).toContainText('active');
    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(page.getByRole('status')).toHaveText('Webhook deactivated: events are not sent to it until it is activated again.');
    await expect(row.getByRole('cell').nth(1)).toHaveText('inactive');
    const later = await offer(request, { surveyId: (await defaultSurvey(request)).id });
    await page.waitForTimeout(1500);
    expect(receiver.deliveries.filter((d) => d.event.subject === `zen:survey_response:${later.id}`)).toEqual([]);

    await page.getByRole('link', { name: `Delete ${name}` }).click();
    await expectAccessible(page);
    await deleteWebhook(page, name);
    ids.length = 0;
  } finally {
    await cleanUp(request, ids, receiver);
  }
});

test('alert recipients: an address is added with its language, a bad one refused, and removed', async ({ page }) => {
  const address = `alerts-${randomUUID()}@example.com`;
  await signInAsAdmin(page);
  await page.goto('/admin/webhooks');
  await page.getByRole('link', { name: 'Alert e-mails' }).click();
  await expect(page.getByRole('heading', { name: 'Alert e-mails', level: 1 })).toBeVisible();
  await expect(page.getByText(/^SMTP_URL is (not )?set/)).toBeVisible();

  await page.getByLabel('E-mail address').fill('alerts@localhost');
  await page.getByLabel('Language of the e-mails').selectOption('ja');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await expect(page.getByText('Must be an email address.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue('alerts@localhost');
  await expect(page.getByLabel('Language of the e-mails')).toHaveValue('ja');
  await expectAccessible(page);

  await page.getByLabel('E-mail address').fill(address);
  await page.getByLabel('Language of the e-mails').selectOption('de');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await expect(page.getByRole('status')).toHaveText(`${address} gets alert e-mails from now on.`);
  const row = page.getByRole('row').filter({ hasText: address });
  await expect(row.getByRole('cell').first()).toHaveText('de');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);

  await row.getByRole('button', { name: `Remove ${address}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${address} gets no more alert e-mails.`);
  await expect(page.getByRole('row').filter({ hasText: address })).toHaveCount(0);
});

/**
 * The test sends among what a receiver got: an active webhook also gets the events of other tests
 * running beside this one, and those carry an invocation id, which a test send has not.
 */
const testSends = (receiver: Receiver) => receiver.deliveries.filter((d) => d.headers['x-zendesk-webhook-invocation-id'] === undefined);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('create with a bearer token, reveal the secret, send a test, deactivate and delete', async ({ page, request }) => {
    const receiver = await startReceiver();
    const ids: string[] = [];
    try {
      const name = `no-js hook ${randomUUID()}`;
      await signInAsAdmin(page);
      await page.goto('/admin/webhooks');
      await refusedEndpoint(page, name);
      const id = await createWebhook(page, { name, endpoint: receiver.url, token: 'no-js-token' });
      ids.push(id);
      await expect(page.getByRole('definition').filter({ hasText: 'Bearer token' })).toBeVisible();
      const secret = await revealSecret(page);

      await page.getByRole('button', { name: 'Send a test request' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The endpoint answered' })).toContainText('The endpoint answered 200.');
      expect(testSends(receiver)).toHaveLength(1);
      expect(testSends(receiver)[0]!.headers.authorization).toBe('Bearer no-js-token');
      expect(verifiesSignature(testSends(receiver)[0]!, secret)).toBe(true);

      await page.goto(`/admin/webhooks/${id}`);
      await expect(page.getByRole('textbox', { name: 'Signing secret', exact: true })).toHaveCount(0);
      await page.getByRole('button', { name: `Deactivate ${name}` }).click();
      await expect(page).toHaveURL(`/admin/webhooks/${id}?notice=deactivated`);
      await expect(page.getByRole('button', { name: `Activate ${name}` })).toBeVisible();
      await deleteWebhook(page, name);
      ids.length = 0;
    } finally {
      await cleanUp(request, ids, receiver);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { basicAuth, makeNpsCampaign, suiteCredentials } from '../support/api';
import { expectAccessible, signInAsAdmin } from './support';

/** Creates a key in the form; returns its id and the secret the page shows this once. */
async function createKey(page: Page, label: 'API token' | 'write key', description: string) {
  await page.getByLabel(`Description of the new ${label}`).fill(description);
  await page.getByRole('button', { name: `Create ${label}` }).click();
  const status = page.getByRole('status').filter({ hasText: `(${description}) created.` });
  await expect(status).toBeVisible();
  const id = Number(/ (\d+) \(/.exec((await status.textContent()) ?? '')![1]);
  const secret = await page.getByLabel(`New ${label}`, { exact: true }).inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(page.url()).not.toContain(secret);
  return { id, secret };
}

/** Revokes through the confirm step; `check` runs there (axe needs JavaScript, so not always). */
async function revoke(page: Page, label: 'API token' | 'write key', id: number, check?: () => Promise<void>) {
  await page.getByRole('link', { name: `Revoke ${label} ${id}` }).click();
  await expect(page.getByRole('heading', { name: `Revoke ${label} ${id}?` })).toBeVisible();
  await check?.();
  await page.getByRole('button', { name: `Revoke ${label} ${id}` }).click();
  await expect(page).toHaveURL(/\/admin\/keys\?revoked=/);
  await expect(page.getByRole('status').filter({ hasText: 'is revoked' })).toHaveText(
    `${label === 'API token' ? 'API token' : 'Write key'} ${id} is revoked: requests that use it are refused from now on.`,
  );
  // The secret shown after creation goes away with the next page.
  await expect(page.getByLabel(`New ${label}`, { exact: true })).toHaveCount(0);
}

test('signed out, the keys page sends to the sign-in form', async ({ page }) => {
  await page.goto('/admin/keys');
  await expect(page).toHaveURL('/admin/sign-in');
});

test('an API token made in the page works at the API until it is revoked there', async ({ page, request }, testInfo) => {
  await signInAsAdmin(page);
  await page.goto('/admin/keys');
  await expectAccessible(page);
  const description = `ui token ${randomUUID()}`;
  const { id, secret } = await createKey(page, 'API token', description);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('keys-new-secret.png'), fullPage: true });
  const row = page.getByRole('row', { name: description });
  await expect(row).toContainText('active');

  const { adminEmail, adminId } = suiteCredentials();
  const me = await request.get('/api/v2/users/me', { headers: basicAuth(adminEmail, secret) });
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ id: adminId, email: adminEmail, role: 'admin' });

  // Coming back shows the list, never the secret again.
  await page.goto('/admin/keys');
  await expect(page.getByLabel('New API token', { exact: true })).toHaveCount(0);
  await revoke(page, 'API token', id, async () => {
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('keys-confirm.png'), fullPage: true });
  });
  await expect(row).toContainText('revoked');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC.*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('keys-list.png'), fullPage: true });

  const after = await request.get('/api/v2/users/me', { headers: basicAuth(adminEmail, secret) });
  expect(after.status()).toBe(401);
  expect((await after.json()).errors[0]).toMatchObject({ code: 'Unauthorized', status: '401' });
  // A stale confirm link says nothing matches instead of offering to revoke again.
  await page.goto(`/admin/keys?revoke=api_token-${id}`);
  await expect(page.getByRole('alert').filter({ hasText: 'No active key matches this link' })).toBeVisible();
});

test('key links that name no key, or an object property, are explained, never an error', async ({ page }) => {
  await signInAsAdmin(page);
  for (const query of ['revoke=__proto__', 'revoke=constructor', 'revoked=__proto__', 'revoked=toString&revoke=api_token-0', 'not_revoked=__proto__']) {
    const res = await page.goto(`/admin/keys?${query}`);
    expect(res?.status(), query).toBe(200);
    await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    if (query !== 'revoked=__proto__') await expect(page.getByRole('alert').filter({ hasText: 'active key matches this link' })).toBeVisible();
  }
});

test('a write key made in the page posts responses until it is revoked there', async ({ page, request }) => {
  const campaign = (await makeNpsCampaign(request)).id;
  await signInAsAdmin(page);
  await page.goto('/admin/keys');
  const { id, secret } = await createKey(page, 'write key', `ui write key ${randomUUID()}`);

  const post = () => request.post('/api/responses', { data: { writeKey: secret, campaign, rating: 9, userId: `user-${randomUUID()}` } });
  const accepted = await post();
  expect(accepted.status(), await accepted.text()).toBe(201);
  expect(await accepted.json()).toMatchObject({ campaign, rating: 9, category: 'promoter' });

  await revoke(page, 'write key', id, () => expectAccessible(page));
  const refused = await post();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).errors[0]).toMatchObject({ code: 'Unauthorized', status: '401' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the secret still shows once after the post, and revoking still works', async ({ page, request }) => {
    await signInAsAdmin(page);
    await page.goto('/admin/keys');
    const { id, secret } = await createKey(page, 'API token', `no-js token ${randomUUID()}`);
    expect((await request.get('/api/v2/users/me', { headers: basicAuth(suiteCredentials().adminEmail, secret) })).status()).toBe(200);
    await revoke(page, 'API token', id);
    expect((await request.get('/api/v2/users/me', { headers: basicAuth(suiteCredentials().adminEmail, secret) })).status()).toBe(401);
  });
});

test('on a 390 px wide phone the keys page does not scroll sideways: its tables scroll inside their card', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/keys');
  // A description without spaces cannot wrap: the widest a row gets.
  await createKey(page, 'API token', `phone-${randomUUID()}-${'x'.repeat(60)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/keys');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  await expectAccessible(page);
});

import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { suiteCredentials } from '../support/api';
import { expectAccessible, signIn } from './support';

test('signed out, every admin page sends to the sign-in form', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL('/admin/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to Help Center Surveys' })).toBeVisible();
  await expectAccessible(page);
});

test('the admin signs in with a session cookie, sees the overview, and signing out revokes the session', async ({ page, context }, testInfo) => {
  const { adminEmail, adminPassword } = suiteCredentials();
  await signIn(page, adminEmail, adminPassword);
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  const cookie = (await context.cookies()).find((c) => c.name === 'hcs_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin' });
  await page.screenshot({ path: testInfo.outputPath('admin-overview-signed-in.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/admin/sign-in');
  // The old cookie no longer opens anything: the session was revoked on the server.
  await context.addCookies([{ ...cookie }]);
  await page.goto('/admin');
  await expect(page).toHaveURL('/admin/sign-in');
});

// Repeated failures are limited per client address: e2e/api/throttle.spec.ts, on a server of its own.
test('a wrong password, or an email that is no admin, is refused alike', async ({ page }) => {
  const { adminEmail } = suiteCredentials();
  await signIn(page, adminEmail, 'not-the-password');
  await expect(page).toHaveURL('/admin/sign-in?error=invalid');
  await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toBeVisible();
  await signIn(page, `nobody-${randomUUID()}@example.com`, 'guess');
  await expect(page).toHaveURL('/admin/sign-in?error=invalid');
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { suiteCredentials } from '../support/api';

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs the page in as the suite's admin (made by prepare.ts) and waits for the overview. */
export async function signInAsAdmin(page: Page) {
  const { adminEmail, adminPassword } = suiteCredentials();
  await signIn(page, adminEmail, adminPassword);
  await page.waitForURL('/admin');
}

/**
 * axe finds no violation on the page (`exclude`: a part axe cannot enter; `disableRules`: rules that do
 * not apply). It waits for the document title first: Next streams metadata, so the title can arrive
 * after the content a test waited for, and axe would then report it missing.
 */
export async function expectAccessible(page: Page, options: { exclude?: string; disableRules?: string[] } = {}) {
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  if (options.exclude) builder = builder.exclude(options.exclude);
  if (options.disableRules) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

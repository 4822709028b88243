import type { Page } from '@playwright/test';
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

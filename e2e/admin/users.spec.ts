import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { adminAuth, suiteCredentials } from '../support/api';
import { expectAccessible, signIn, signInAsAdmin } from './support';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface NewUser {
  email: string;
  name: string;
  role: 'admin' | 'agent' | 'end_user';
  locale: string;
  password?: string;
}

async function fillAddUser(page: Page, user: NewUser) {
  await page.goto('/admin/users/new');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Role').selectOption(user.role);
  await page.getByLabel('Locale').selectOption(user.locale);
  if (user.password) await page.getByLabel('Password (admins only)').fill(user.password);
  await page.getByRole('button', { name: 'Add user' }).click();
}

/** Adds a user through the form and returns its id, read from the page it lands on. */
async function addUser(page: Page, user: NewUser): Promise<number> {
  await fillAddUser(page, user);
  await expect(page).toHaveURL(/\/admin\/users\/\d+\?notice=added$/);
  await expect(page.getByRole('status')).toHaveText('User added.');
  return Number(/\/admin\/users\/(\d+)/.exec(page.url())![1]);
}

const unique = (role: string) => ({ email: `ui-${role}-${randomUUID()}@example.com`, name: `UI ${role} ${randomUUID().slice(0, 8)}` });

test('signed out, the users pages send to the sign-in form', async ({ page }) => {
  for (const path of ['/admin/users', '/admin/users/new', `/admin/users/${suiteCredentials().adminId}`]) {
    await page.goto(path);
    await expect(page).toHaveURL('/admin/sign-in');
  }
});

test('a notice name from the URL that is not one of ours shows no notice, never an error', async ({ page }) => {
  await signInAsAdmin(page);
  const id = suiteCredentials().adminId;
  for (const notice of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const res = await page.goto(`/admin/users/${id}?notice=${notice}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Role and locale' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
  }
  await page.goto(`/admin/users/${id}?notice=password&notice=__proto__`);
  await expect(page.getByRole('heading', { name: 'Role and locale' })).toBeVisible();
});

test('an agent added in the form gets a new role and locale, shown in the table and at the API', async ({ page, request }, testInfo) => {
  await signInAsAdmin(page);
  await page.goto('/admin/users/new');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('users-new.png'), fullPage: true });

  const user = unique('agent');
  const id = await addUser(page, { ...user, role: 'agent', locale: 'de' });
  await expectAccessible(page);
  await page.getByLabel('Role').selectOption('end_user');
  await page.getByLabel('Locale').selectOption('pt-br');
  await page.getByRole('button', { name: 'Save role and locale' }).click();
  await expect(page).toHaveURL(`/admin/users/${id}?notice=saved`);
  await expect(page.getByRole('status')).toHaveText('Role and locale saved.');
  await expect(page.getByText('Cannot sign in here: only admins can.', { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('users-edit.png'), fullPage: true });

  // The table page that starts right before this user (keyset: ?after=id-1) shows them first.
  await page.goto(`/admin/users?after=${id - 1}`);
  const row = page.getByRole('row').nth(1);
  await expect(row.getByRole('cell').first()).toHaveText(String(id));
  await expect(row).toContainText(user.email);
  await expect(row).toContainText('end_user');
  await expect(row).toContainText('pt-br');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('users-table.png'), fullPage: true });

  const res = await request.get(`/api/v2/users/${id}`, { headers: adminAuth() });
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    user: { id, name: user.name, email: user.email, role: 'end_user', locale: 'pt-br', external_id: null, created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO) },
  });
});

test('a duplicate email is refused on the email field, keeping what was typed', async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  const user = unique('dup');
  await addUser(page, { ...user, role: 'agent', locale: 'fr' });
  await fillAddUser(page, { email: user.email.toUpperCase(), name: 'Someone else', role: 'end_user', locale: 'es' });
  await expect(page.getByText('A user with this email already exists.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name')).toHaveValue('Someone else');
  await expect(page.getByLabel('Locale')).toHaveValue('es');
  await expect(page).toHaveURL('/admin/users/new');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('users-duplicate.png'), fullPage: true });
});

test('an admin added with a password signs in; a new password works; demotion signs them out', async ({ page, browser }, testInfo) => {
  await signInAsAdmin(page);
  const user = unique('admin');
  const password = `pw-${randomUUID()}`;
  const id = await addUser(page, { ...user, role: 'admin', locale: 'ja', password });

  const other = await browser.newPage();
  await signIn(other, user.email, password);
  await expect(other).toHaveURL('/admin');

  const second = `pw2-${randomUUID()}`;
  await page.getByLabel('New password').fill(second);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toHaveText('Password set.');
  // A reset ends the other admin's sessions; the new password opens a new one.
  await other.goto('/admin/users');
  await expect(other).toHaveURL('/admin/sign-in');
  await signIn(other, user.email, second);
  await expect(other).toHaveURL('/admin');

  await page.getByLabel('Role').selectOption('agent');
  await page.getByRole('button', { name: 'Save role and locale' }).click();
  await expect(page.getByRole('status')).toHaveText('Role and locale saved.');
  await other.goto('/admin/users');
  await expect(other).toHaveURL('/admin/sign-in');
  await other.close();

  // Promoted again, the old passwords are gone: the page says this admin cannot sign in.
  await page.getByLabel('Role').selectOption('admin');
  await page.getByRole('button', { name: 'Save role and locale' }).click();
  await expect(page).toHaveURL(`/admin/users/${id}?notice=saved`);
  await expect(page.getByText('No password: this admin cannot sign in here')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('users-admin.png'), fullPage: true });
});

test('nobody removes their own admin role; only admins get a password', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/admin/users/${suiteCredentials().adminId}`);
  await page.getByLabel('Role').selectOption('agent');
  await page.getByRole('button', { name: 'Save role and locale' }).click();
  await expect(page.getByText('You cannot remove your own admin role: ask another admin.')).toBeVisible();
  await expect(page.getByLabel('Role')).toHaveValue('agent');
  const me = await page.request.get('/api/v2/users/me', { headers: adminAuth() });
  expect((await me.json()).user.role).toBe('admin');

  await fillAddUser(page, { ...unique('agent'), role: 'agent', locale: 'en-us', password: 'long enough password' });
  await expect(page.getByText('Only admins sign in, so only admins have a password; leave it empty.')).toBeVisible();
});

test('users page by id, 100 at a time, both ways; a bad page link says so', async ({ page, request }) => {
  const ids: number[] = [];
  for (let i = 0; i < 101; i++) {
    const res = await request.post('/api/v2/users/create_or_update', { headers: adminAuth(), data: { user: { email: `page-${randomUUID()}@example.com`, name: `Page ${i}` } } });
    expect(res.status()).toBe(201);
    ids.push((await res.json()).user.id);
  }
  await signInAsAdmin(page);
  // Other tests add users meanwhile: ids are increasing, not contiguous.
  const idIn = (row: number | 'last') => {
    const rows = page.getByRole('row');
    return (row === 'last' ? rows.last() : rows.nth(row)).getByRole('cell').first().textContent().then(Number);
  };
  await page.goto(`/admin/users?after=${ids[0]! - 1}`);
  await expect(page.getByRole('row')).toHaveCount(101);
  await expect(page.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(String(ids[0]));
  const lastOfFirst = await idIn('last');
  await page.getByRole('link', { name: 'Next 100 →' }).click();
  await expect(page).toHaveURL(`/admin/users?after=${lastOfFirst}`);
  const firstOfSecond = await idIn(1);
  expect(firstOfSecond).toBeGreaterThan(lastOfFirst);
  await page.getByRole('link', { name: '← Previous 100' }).click();
  await expect(page).toHaveURL(`/admin/users?before=${firstOfSecond}`);
  expect(await idIn('last')).toBe(lastOfFirst);

  await page.goto('/admin/users?after=abc');
  await expect(page.getByRole('alert').filter({ hasText: 'This page link is not valid (after must be a user id)' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the add form still adds, and still explains a refusal', async ({ page }) => {
    await signInAsAdmin(page);
    const user = unique('no-js');
    await addUser(page, { ...user, role: 'end_user', locale: 'es' });
    await expect(page.getByText(user.email)).toBeVisible();
    await fillAddUser(page, { ...user, role: 'agent', locale: 'fr' });
    await expect(page.getByText('A user with this email already exists.')).toBeVisible();
    await expect(page.getByLabel('Role')).toHaveValue('agent');
  });
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { suiteCredentials } from '../support/api';

// Every state-changing admin request checks where it comes from: a post from another site (logout
// CSRF, login CSRF, a forged server action) gets a 403 page and changes nothing, never a 500.

const EVIL = { Origin: 'https://evil.example' };

async function signedInCookie(request: APIRequestContext, baseURL: string): Promise<string> {
  const { adminEmail, adminPassword } = suiteCredentials();
  const res = await request.post('/admin/session', { form: { email: adminEmail, password: adminPassword }, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  return res.headers()['set-cookie']!.split(';')[0]!;
}

const overviewStatus = async (request: APIRequestContext, cookie: string) =>
  (await request.get('/admin', { headers: { Cookie: cookie }, maxRedirects: 0 })).status();

test('a cross-site sign-in is refused with a 403 page and sets no session (login CSRF)', async ({ request }) => {
  const { adminEmail, adminPassword } = suiteCredentials();
  for (const headers of [EVIL, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }]) {
    const res = await request.post('/admin/session', { form: { email: adminEmail, password: adminPassword }, headers, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(res.headers()['set-cookie']).toBeUndefined();
    expect(res.headers()['content-type']).toContain('text/html');
    expect(await res.text()).toContain('came from another site');
  }
});

test('a cross-site sign-out is refused and the session stays (logout CSRF); the same post from the site signs out', async ({ request, baseURL }) => {
  const cookie = await signedInCookie(request, baseURL!);
  const forged = await request.post('/admin/sign-out', { headers: { ...EVIL, Cookie: cookie }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(await overviewStatus(request, cookie)).toBe(200);
  const own = await request.post('/admin/sign-out', { headers: { Origin: new URL(baseURL!).origin, Cookie: cookie }, maxRedirects: 0 });
  expect(own.status()).toBe(303);
  expect(await overviewStatus(request, cookie)).toBe(307);
});

test('a cross-site post to a server action is a 403 page, not a 500', async ({ request, baseURL }) => {
  const cookie = await signedInCookie(request, baseURL!);
  for (const path of ['/admin/users/new', '/admin/keys', '/admin/surveys', '/admin/webhooks', '/admin/webhooks/alerts']) {
    const res = await request.post(path, {
      headers: { ...EVIL, Cookie: cookie, 'Next-Action': '7f00000000000000000000000000000000000000', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(res.status(), path).toBe(403);
  }
  // A client that is not a browser page (neither Origin nor Sec-Fetch-Site) is not refused by the check.
  const scripted = await request.post('/admin/session', { form: { email: 'nobody@example.com', password: 'x' }, maxRedirects: 0 });
  expect(scripted.status()).toBe(303);
});

import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support';

// Admin pages carry their own Content-Security-Policy (a nonce per request on every script Next
// renders) and Referrer-Policy; the pages still work under it, with no violation in the console.

test('admin pages send a nonce CSP and same-origin referrers, and run under it without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAsAdmin(page);
  for (const path of ['/admin', '/admin/survey_responses', '/admin/surveys', '/admin/users', '/admin/keys', '/admin/webhooks', '/admin/webhooks/alerts']) {
    const res = await page.goto(path);
    const headers = res!.headers();
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
    expect(nonce, path).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['referrer-policy']).toBe('same-origin');
    // Every script of the page carries this response's nonce (the browser hides the attribute's value
    // from the DOM, but not the property).
    const nonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(nonces.length, path).toBeGreaterThan(0);
    expect(new Set(nonces), path).toEqual(new Set([nonce]));
  }
  // The client code ran: a client-side navigation through the menu works.
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL('/admin/users');
  expect(violations).toEqual([]);
});

test('the survey preview keeps its own stricter policy', async ({ page, request }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/surveys');
  const href = await page.getByRole('link', { name: /preview/i }).first().getAttribute('href');
  const preview = await page.goto(href!);
  expect(preview!.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
  const frame = page.locator('iframe').first();
  const src = await frame.getAttribute('src');
  const cookies = await page.context().cookies();
  const content = await request.get(src!, { headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  expect(content.headers()['content-security-policy']).not.toContain('nonce-');
});

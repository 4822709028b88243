import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The home page sends a newcomer on: the admin view's sign-in, the API reference and its OpenAPI
// document. /api/docs and /api/openapi.json are their own routes: only where the links point is checked.
async function expectLinks(page: Page) {
  await expect(page.getByRole('link', { name: 'Sign in to the admin view' })).toHaveAttribute('href', '/admin/sign-in');
  await expect(page.getByRole('link', { name: 'Read the API reference' })).toHaveAttribute('href', '/api/docs');
  await expect(page.getByRole('link', { name: 'OpenAPI 3.1 document' })).toHaveAttribute('href', '/api/openapi.json');
}

test('the home page links to the admin view and the API reference, shows first steps, and passes axe', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Help Center Surveys');
  await expect(page.getByRole('heading', { level: 1, name: 'Help Center Surveys' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expectLinks(page);
  await expect(page.getByRole('heading', { name: 'First steps' })).toBeVisible();
  await expect(page.getByText('npm run cli -- token add')).toBeVisible();
  await expect(page.getByText('/api/v2/guide/survey_responses', { exact: false }).first()).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('on a 390 px wide phone nothing scrolls sideways', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'First steps' })).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  const path = testInfo.outputPath('home-phone.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('home-phone', { path, contentType: 'image/png' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page and its links are all there', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'First steps' })).toBeVisible();
    await expectLinks(page);
  });
});

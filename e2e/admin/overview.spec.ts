import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { csatAnswers, makeCsatSurvey, makeNpsCampaign, makeUser, offer, suiteCredentials, type Survey } from '../support/api';
import { expectAccessible, signInAsAdmin } from './support';

const today = () => new Date().toISOString().slice(0, 10);

async function answer(request: APIRequestContext, survey: Survey, offered: { id: string; token: string }, rating: number) {
  const res = await request.post(`/api/v2/guide/survey_responses/${offered.id}`, {
    data: { survey_response: { access_token: offered.token, answers: csatAnswers(survey, rating) } },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const figure = (page: Page, name: string) => page.locator('.overview-figures div').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');

test('the overview counts a survey exactly, and its figures and bars drill down to the rows behind them', async ({ page, request }, testInfo) => {
  const survey = await makeCsatSurvey(request);
  const [a, b] = [await offer(request, { surveyId: survey.id }), await offer(request, { surveyId: survey.id }), await offer(request, { surveyId: survey.id })];
  await answer(request, survey, a!, 5);
  await answer(request, survey, b!, 2);
  await answer(request, survey, a!, 4); // a changed answer moves between cells; nothing counts twice

  await signInAsAdmin(page);
  const shown = await page.goto(`/admin?survey=${survey.id}`);
  expect(shown!.headers()['x-frame-options']).toBe('SAMEORIGIN'); // only the admin view itself may frame it
  await expect(figure(page, 'Responses offered')).toHaveText('3');
  await expect(figure(page, 'Answered')).toHaveText('2');
  await expect(figure(page, 'Response rate')).toHaveText('66.7%');
  await expect(figure(page, 'CSAT score')).toHaveText('50.0%');
  const distribution = page.getByRole('table', { name: /Ratings, 2 in all/ });
  await expect(distribution.getByRole('row')).toHaveCount(6);
  const five = distribution.getByRole('row', { name: /5 · / });
  await expect(five.getByRole('link')).toHaveText('0');
  await expect(five.getByRole('cell').last()).toHaveText('0%');
  await expect(distribution.getByRole('row', { name: /4 · / }).getByRole('link')).toHaveText('1');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('admin-overview.png'), fullPage: true });

  // The bar of rating 2 lands on exactly that response.
  await distribution.getByRole('row', { name: /2 · / }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/admin/survey_responses\\?survey=${survey.id}&from=[-0-9]+&to=${today()}&rating=2$`));
  await expect(page.locator(`a[href="/admin/survey_responses/${b!.id}"]`).first()).toBeVisible();
  await expect(page.locator(`a[href="/admin/survey_responses/${a!.id}"]`)).toHaveCount(0);

  // Today's good segment of the trend chart lands on the good response of today.
  await page.goto(`/admin?survey=${survey.id}`);
  await page.getByRole('link', { name: `Day ${today()}: 1 good ratings` }).click();
  await expect(page).toHaveURL(`/admin/survey_responses?survey=${survey.id}&from=${today()}&to=${today()}&category=good`);
  await expect(page.locator(`a[href="/admin/survey_responses/${a!.id}"]`).first()).toBeVisible();
  await expect(page.locator(`a[href="/admin/survey_responses/${b!.id}"]`)).toHaveCount(0);
});

test('an NPS campaign shows its score with promoters, passives and detractors', async ({ page, request }) => {
  const campaign = await makeNpsCampaign(request);
  for (const rating of [10, 9, 7, 3]) {
    const ingest = await request.post('/api/responses', { data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, rating, userId: `nps-${randomUUID()}` } });
    expect(ingest.status()).toBe(201);
  }
  await signInAsAdmin(page);
  await page.goto(`/admin?survey=${campaign.id}&bucket=week`);
  await expect(figure(page, 'NPS')).toHaveText('+25');
  await expect(page.getByRole('link', { name: 'Promoters: 2 (50%)' })).toHaveAttribute('href', new RegExp(`category=good$`));
  await expect(page.getByRole('link', { name: 'Passives: 1 (25%)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Detractors: 1 (25%)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trend by week' })).toBeVisible();
});

test('choices in the address that are not valid get a message, not an error page', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin?from=2026-02-31&bucket=hour');
  await expect(page.locator('.admin-error')).toHaveText('Some of the choices in the address are not valid; showing the defaults.');
  await page.goto('/admin?from=1969-12-01&to=1969-12-31');
  await expect(page.locator('.admin-error')).toHaveText('Some of the choices in the address are not valid; showing the defaults.');
  await page.goto('/admin?survey=01ARZ3NDEKTSV4RRFFQ69G5FAV');
  await expect(page.locator('.admin-error')).toHaveText('No survey has this id.');
});

test('on a 390 px wide phone the overview does not scroll sideways: its wide tables scroll inside their card', async ({ page, request }) => {
  const survey = await makeCsatSurvey(request);
  for (const rating of [1, 2, 5]) {
    const offered = await offer(request, { surveyId: survey.id, zrns: [`zen:ticket:${Date.now()}${rating}`, `zen:conversation:${randomUUID()}`] });
    const res = await request.post(`/api/v2/guide/survey_responses/${offered.id}`, {
      data: { survey_response: { access_token: offered.token, answers: csatAnswers(survey, rating, `A long comment without breaks ${'x'.repeat(120)}`) } },
    });
    expect(res.status()).toBe(200);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page);
  await page.goto(`/admin?survey=${survey.id}`);
  await expect(page.getByRole('table', { name: 'The newest bad ratings' })).toBeVisible();
  await page.getByText('The trend as a table').click();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  // The table itself is still whole: its region scrolls.
  const region = page.getByRole('region', { name: 'The newest bad ratings' });
  expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expectAccessible(page);
});

test('the breakdowns per assignee, group and brand equal what was seeded, and each figure lands on exactly its rows', async ({ page, request }) => {
  const survey = await makeCsatSurvey(request);
  // Ids of this test's own: an agent who is a user here (shown by name), and helpdesk-only ids.
  const agent = await makeUser(request, 'agent');
  const base = 600_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  const [other, group1, group2, brand] = [base + 1, base + 2, base + 3, base + 4];
  const offered = async (attribution: { assignee_id?: number; group_id?: number; brand_id?: number; tags?: string[] }) =>
    offer(request, { surveyId: survey.id, attribution });
  const r1 = await offered({ assignee_id: agent.id, group_id: group1, brand_id: brand, tags: ['vip'] });
  const r2 = await offered({ assignee_id: agent.id, group_id: group1 });
  const r3 = await offered({ assignee_id: other, group_id: group2, brand_id: brand });
  await answer(request, survey, r1, 5);
  await answer(request, survey, r2, 5);
  await answer(request, survey, r2, 2); // changed: now a bad rating

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page);
  const overview = `/admin?survey=${survey.id}`;
  await page.goto(overview);
  const byAssignee = page.getByRole('table', { name: 'By assignee' });
  const rowOf = (table: ReturnType<Page['getByRole']>, name: string) => table.getByRole('row', { name: new RegExp(`^${name.replace(/[()#]/g, '\\$&')} `) });
  const cells = (table: ReturnType<Page['getByRole']>, name: string) => rowOf(table, name).getByRole('cell');
  await expect(byAssignee.getByRole('row')).toHaveCount(3);
  await expect(cells(byAssignee, `Test agent (#${agent.id})`)).toHaveText(['2', '2', '100%', '50%']);
  await expect(cells(byAssignee, `#${other}`)).toHaveText(['1', '0', '0%', '–']);
  const byGroup = page.getByRole('table', { name: 'By group' });
  await expect(byGroup.getByRole('row')).toHaveCount(3);
  await expect(cells(byGroup, `#${group1}`)).toHaveText(['2', '2', '100%', '50%']);
  await expect(cells(byGroup, `#${group2}`)).toHaveText(['1', '0', '0%', '–']);
  const byBrand = page.getByRole('table', { name: 'By brand' });
  await expect(byBrand.getByRole('row')).toHaveCount(2);
  await expect(cells(byBrand, `#${brand}`)).toHaveText(['2', '1', '50%', '100%']);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  await expectAccessible(page);

  // Each figure's link lists exactly its responses.
  const listed = async () => {
    const links = page.getByRole('region', { name: 'Responses' }).getByRole('rowheader').getByRole('link');
    return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').pop()!))).sort();
  };
  const follow = async (table: ReturnType<Page['getByRole']>, name: string, column: number, expected: string[]) => {
    await page.goto(overview);
    await cells(table, name).nth(column).getByRole('link').click();
    await expect(page).toHaveURL(/\/admin\/survey_responses\?/);
    if (expected.length === 0) await expect(page.getByText('No responses match these filters.')).toBeVisible();
    else await expect(page.getByRole('region', { name: 'Responses' }).getByRole('rowheader')).toHaveCount(expected.length);
    expect(await listed()).toEqual([...expected].sort());
  };
  await follow(byAssignee, `Test agent (#${agent.id})`, 0, [r1.id, r2.id]);
  await follow(byAssignee, `Test agent (#${agent.id})`, 3, [r1.id]);
  await follow(byAssignee, `#${other}`, 0, [r3.id]);
  await follow(byAssignee, `#${other}`, 1, []);
  await follow(byGroup, `#${group1}`, 1, [r1.id, r2.id]);
  await follow(byBrand, `#${brand}`, 0, [r1.id, r3.id]);
  await follow(byBrand, `#${brand}`, 2, [r1.id]);
});

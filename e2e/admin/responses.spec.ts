import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { defaultSurvey, makeNpsCampaign, makeUser, offer, suiteCredentials, uniqueTicket } from '../support/api';
import { answeredResponse, parseCsv } from './responses.support';
import { expectAccessible, signInAsAdmin } from './support';

const today = () => new Date().toISOString().slice(0, 10);
const table = (page: Page) => page.getByRole('region', { name: 'Responses' });
const dataRows = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader') });
const rowLink = (page: Page, id: string) => table(page).getByRole('link', { name: new RegExp(`response ${id}$`) });

test('signed out, the list, a response and the export send to the sign-in form', async ({ page, request }) => {
  await page.goto('/admin/survey_responses?rating=5');
  await expect(page).toHaveURL('/admin/sign-in');
  await page.goto('/admin/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV');
  await expect(page).toHaveURL('/admin/sign-in');
  const res = await request.get('/admin/survey_responses/export', { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers()['location']).toBe('/admin/sign-in');
});

test('filters round-trip through the URL and show only matching rows', async ({ page, request }, testInfo) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const good = await answeredResponse(request, { survey, responderId: user.id, zrn: uniqueTicket(), rating: 5, comment: 'Great help' });
  const bad = await answeredResponse(request, { survey, responderId: user.id, zrn: uniqueTicket(), rating: 2, comment: 'Too slow' });
  const open = await answeredResponse(request, { survey, responderId: user.id, zrn: uniqueTicket() });

  await signInAsAdmin(page);
  await page.goto('/admin/survey_responses');
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Responder').fill(user.email);
  await form.getByLabel('Survey').selectOption(survey.id);
  await form.getByLabel('From (UTC day)').fill(today());
  await form.getByLabel('To (UTC day)').fill(today());
  await form.getByLabel('Category').selectOption('bad');
  await form.getByLabel('Comment').selectOption('yes');
  await form.getByLabel('State').selectOption('answered');
  await form.getByLabel('Method').selectOption('link');
  await form.getByRole('button', { name: 'Apply filters' }).click();

  await expect(page).toHaveURL(/category=bad/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({
    survey: survey.id, from: today(), to: today(), rating: '', category: 'bad', reason: '', comment: 'yes', state: 'answered',
    locale: '', subject: '', responder: user.email, assignee: '', group: '', brand: '', tag: '', method: 'link',
  });
  const check = async () => {
    await expect(form.getByLabel('Responder')).toHaveValue(user.email);
    await expect(form.getByLabel('Category')).toHaveValue('bad');
    await expect(form.getByLabel('State')).toHaveValue('answered');
    await expect(form.getByLabel('From (UTC day)')).toHaveValue(today());
    await expect(dataRows(page)).toHaveCount(1);
    await expect(rowLink(page, bad)).toBeVisible();
    await expect(dataRows(page)).toContainText(['🙁 2 · UnsatisfiedBad']);
    await expect(dataRows(page).first()).toContainText('The issue took too long to resolve');
    await expect(dataRows(page).first()).toContainText('Too slow');
  };
  await check();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('responses-list.png'), fullPage: true });
  // The same URL opened directly gives the same rows; the export link carries the filters.
  await page.goto(url.toString());
  await check();
  const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(new URL(exportHref!, url).searchParams.get('responder')).toBe(user.email);
  expect(new URL(exportHref!, url).searchParams.get('category')).toBe('bad');

  // Other filters over the same responder: the reason, unanswered, every row.
  const reason = survey.questions[1]!.options![0]!.id!;
  await page.goto(`/admin/survey_responses?responder=${user.id}&reason=${reason}`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(form.getByLabel('Reason')).toHaveValue(reason);
  await page.goto(`/admin/survey_responses?responder=${encodeURIComponent(user.email)}&state=offered,expired`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowLink(page, open)).toBeVisible();
  await page.getByRole('link', { name: 'Reset' }).click();
  await expect(page).toHaveURL('/admin/survey_responses');
  await page.goto(`/admin/survey_responses?responder=${user.id}`);
  await expect(dataRows(page)).toHaveCount(3);
  for (const id of [open, bad, good]) await expect(rowLink(page, id)).toBeVisible();
});

test('invalid filters and a broken page link get a clear message', async ({ page }) => {
  await signInAsAdmin(page);
  const res = await page.goto('/admin/survey_responses?from=2026-02-30&rating=11&method=Fax');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'The filter “from” is not a date.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The filter “rating”' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The filter “method”' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('Rating')).toHaveValue('11');
  await expect(table(page)).toHaveCount(0);
  await page.goto('/admin/survey_responses?after=forged.cursor');
  await expect(page.getByRole('alert').filter({ hasText: 'page link is broken' })).toBeVisible();
  // Response ids carry their creation time, which cannot be before 1970.
  await page.goto('/admin/survey_responses?from=1969-12-31');
  await expect(page.getByRole('alert').filter({ hasText: 'The filter “from” must be a day from 1970-01-01 to 9999-12-31.' })).toBeVisible();
  await expect(table(page)).toHaveCount(0);
  const early = await page.request.get('/admin/survey_responses/export?from=1969-12-31');
  expect(early.status()).toBe(400);
  expect(await early.text()).toBe('The filters are not valid:\nfrom: must be a day from 1970-01-01 to 9999-12-31\n');
});

test('pages of 50, newest first, with next and previous links that keep the filters', async ({ page, request }) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const ids: string[] = [];
  for (let i = 0; i < 53; i++) ids.push((await offer(request, { surveyId: survey.id, responderId: user.id })).id);
  const newestFirst = [...ids].reverse();

  await signInAsAdmin(page);
  await page.goto(`/admin/survey_responses?responder=${user.id}`);
  await expect(dataRows(page)).toHaveCount(50);
  await expect(dataRows(page).first().getByRole('rowheader').getByRole('link')).toHaveAttribute('href', `/admin/survey_responses/${newestFirst[0]}`);
  await expect(dataRows(page).last().getByRole('rowheader').getByRole('link')).toHaveAttribute('href', `/admin/survey_responses/${newestFirst[49]}`);
  await expect(page.getByRole('link', { name: '← Previous' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(new RegExp(`responder=${user.id}&after=`));
  await expect(dataRows(page)).toHaveCount(3);
  for (const [i, id] of newestFirst.slice(50).entries()) {
    await expect(dataRows(page).nth(i).getByRole('rowheader').getByRole('link')).toHaveAttribute('href', `/admin/survey_responses/${id}`);
  }
  await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(0);

  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(page).toHaveURL(new RegExp(`responder=${user.id}&before=`));
  await expect(dataRows(page)).toHaveCount(50);
  await expect(dataRows(page).first().getByRole('rowheader').getByRole('link')).toHaveAttribute('href', `/admin/survey_responses/${newestFirst[0]}`);
  await expect(page.getByRole('link', { name: '← Previous' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Next →' })).toBeVisible();
});

test('a response shows each question with its answer, the responder and the subjects', async ({ page, request }, testInfo) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const zrn = uniqueTicket();
  const id = await answeredResponse(request, { survey, responderId: user.id, zrn, rating: 2, comment: 'Took a week' });
  const open = await answeredResponse(request, { survey, responderId: user.id, zrn: uniqueTicket() });

  await signInAsAdmin(page);
  await page.goto(`/admin/survey_responses?subject=${zrn}`);
  await rowLink(page, id).click();
  await expect(page).toHaveURL(`/admin/survey_responses/${id}`);
  await expect(page.getByRole('heading', { name: `Response ${id}` })).toBeVisible();
  const answers = page.getByRole('list').filter({ hasText: 'How would you rate' });
  await expect(answers.getByRole('listitem')).toHaveText([
    'How would you rate the support you received?🙁 2 · Unsatisfied — Bad',
    'What was the main reason for your rating?The issue took too long to resolve',
    'Anything else you would like to share about your experience?Took a week',
  ]);
  await expect(page.getByText(`<${user.email}> (id ${user.id})`)).toBeVisible();
  await expect(page.getByText('link', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('response-detail.png'), fullPage: true });

  await page.getByRole('link', { name: 'their responses' }).click();
  await expect(dataRows(page)).toHaveCount(2);
  await page.goto(`/admin/survey_responses/${id}`);
  await page.getByRole('link', { name: zrn }).click();
  await expect(page).toHaveURL(`/admin/survey_responses?subject=${encodeURIComponent(zrn)}`);
  await expect(dataRows(page)).toHaveCount(1);

  await page.goto(`/admin/survey_responses/${open}`);
  await expect(page.getByText('Not answered')).toHaveCount(3);
  for (const bad of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'not-an-id']) {
    const res = await page.goto(`/admin/survey_responses/${bad}`);
    expect(res?.status()).toBe(404);
  }
});

test('the CSV export holds exactly the filtered rows, quoted, guarded, with a BOM and a header', async ({ page, request }) => {
  const survey = await defaultSurvey(request);
  const user = await makeUser(request, 'end_user');
  const [zrnA, zrnB] = [uniqueTicket(), uniqueTicket()];
  const a = await answeredResponse(request, { survey, responderId: user.id, zrn: zrnA, rating: 1, comment: '=1+1, said "Bob"\nthen left' });
  const b = await answeredResponse(request, { survey, responderId: user.id, zrn: zrnB, rating: 4, comment: 'Fine', locale: 'de' });
  await answeredResponse(request, { survey, responderId: user.id, zrn: uniqueTicket() });

  await signInAsAdmin(page);
  const res = await page.request.get(`/admin/survey_responses/export?responder=${encodeURIComponent(user.email)}&state=answered&survey=${survey.id}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers()['content-disposition']).toBe(`attachment; filename="survey-responses-${today()}.csv"`);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(text);
  expect(header!.slice(0, 15)).toEqual([
    'id', 'created_at', 'updated_at', 'survey_id', 'survey_version', 'locale', 'responder_id', 'responder_email',
    'responder_name', 'subject_zrns', 'method', 'forced', 'answered_at', 'rating', 'rating_category',
  ]);
  const [ratingQ, reasonQ, commentQ] = survey.questions.map((q) => header!.findIndex((h) => h.endsWith(` ${q.id.slice(-6)}]`)));
  expect(header![ratingQ!]).toMatch(/^How would you rate the support you received\? \[.+ \w{6}\]$/);
  expect(rows.map((r) => r[0])).toEqual([b, a]);
  const [rowB, rowA] = rows as [string[], string[]];
  expect(rowA.slice(3, 15)).toEqual([survey.id, String(survey.version), 'en-us', String(user.id), user.email, 'Test end_user', zrnA, 'link', 'false', expect.stringMatching(/Z$/), '1', 'bad']);
  expect([rowA[ratingQ!], rowA[reasonQ!], rowA[commentQ!]]).toEqual(['1', 'The issue took too long to resolve', '\'=1+1, said "Bob"\nthen left']);
  expect(rowB.slice(5, 6)).toEqual(['de']);
  expect([rowB[ratingQ!], rowB[reasonQ!], rowB[commentQ!], rowB[14]]).toEqual(['4', '', 'Fine', 'good']);
  expect(text).toContain('"\'=1+1, said ""Bob""\nthen left"');
});

test('NPS responses from an app show their method, forced mark and promoter/detractor names', async ({ page, request }) => {
  const campaign = await makeNpsCampaign(request, 'NET_PROMOTER_SCORE');
  const userId = `app-user-${randomUUID()}`;
  for (const [rating, forceSurvey] of [[10, false], [3, true]] as const) {
    const res = await request.post('/api/responses', {
      data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, method: 'Mobile', rating, userId, forceSurvey },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signInAsAdmin(page);
  await page.goto(`/admin/survey_responses?survey=${campaign.id}&responder=${userId}&method=Mobile`);
  await expect(dataRows(page)).toHaveCount(2);
  await expect(dataRows(page).nth(0)).toContainText('3Detractors');
  await expect(dataRows(page).nth(0)).toContainText('Mobileforced');
  await expect(dataRows(page).nth(1)).toContainText('10Promoters');
  await expect(dataRows(page).nth(1).getByText('forced')).toHaveCount(0);
  const category = page.getByRole('form', { name: 'Filters' }).getByLabel('Category');
  await expect(category.getByRole('option')).toHaveText(['Any', 'Promoters', 'Passives', 'Detractors']);
  await category.selectOption('good');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=good/);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page)).toContainText(['Promoters']);
  await page.goto(`/admin/survey_responses?survey=${campaign.id}&responder=${userId}&method=link`);
  await expect(page.getByText('No responses match these filters.')).toBeVisible();
});

test('an all-digit anonymous id lists its own responses, not the user with that number', async ({ page, request }) => {
  const user = await makeUser(request, 'end_user');
  const survey = await defaultSurvey(request);
  const offered = await offer(request, { surveyId: survey.id, responderId: user.id });
  // A CUSTOM survey whose rating is NPS counts as NPS: its categories are promoters, passives, detractors.
  const campaign = await makeNpsCampaign(request, 'CUSTOM', { allow_anonymous: true });
  const posted = await request.post('/api/responses', {
    data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, method: 'In-App', answers: [{ id: 'nps', value: 8 }], anonymousId: String(user.id) },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const anonymousResponse = (await posted.json()).id as string;

  await signInAsAdmin(page);
  await page.goto(`/admin/survey_responses/${anonymousResponse}`);
  await expect(page.getByText(`anonymous ${user.id}`)).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'How likely' }).getByRole('listitem')).toHaveText(['How likely are you to recommend us?8 — Passives']);
  await page.getByRole('link', { name: 'their responses' }).click();
  await expect(page).toHaveURL(`/admin/survey_responses?anonymous=${user.id}`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowLink(page, anonymousResponse)).toBeVisible();
  await expect(dataRows(page)).toContainText(['8Passives']);
  await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('Anonymous id')).toHaveValue(String(user.id));
  await expectAccessible(page);

  await page.goto(`/admin/survey_responses?responder=${user.id}`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowLink(page, offered.id)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('Anonymous id')).toHaveCount(0);
});

test('the attribution and state filters show exactly their rows, from the form and from the links of a row', async ({ page, request }) => {
  const survey = await defaultSurvey(request);
  const base = 700_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  const [assignee, group, brand] = [base + 1, base + 2, base + 3];
  const tag = `t${base}`;
  const offered = (attribution: { assignee_id?: number; group_id?: number; brand_id?: number; tags?: string[] }, expiresAt?: string) =>
    offer(request, { surveyId: survey.id, attribution, ...(expiresAt && { expiresAt }) });
  const a = await offered({ assignee_id: assignee, group_id: group, tags: [tag] });
  const b = await offered({ assignee_id: assignee, brand_id: brand });
  const c = await offered({ group_id: group, brand_id: brand, tags: [tag, 'other'] }, new Date(Date.now() + 2000).toISOString());
  const answered = await request.post(`/api/v2/guide/survey_responses/${a.id}`, {
    data: { survey_response: { access_token: a.token, answers: [{ type: 'rating_scale', question_id: survey.questions[0]!.id, rating: 5 }] } },
  });
  expect(answered.status()).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 2100)); // c expires unanswered; b stays offered

  await signInAsAdmin(page);
  const ids = async () => (await table(page).getByRole('rowheader').getByRole('link').evaluateAll((as) => as.map((x) => x.getAttribute('href')!.split('/').pop()!))).sort();
  const expectRows = async (expected: string[]) => {
    await expect(dataRows(page)).toHaveCount(expected.length);
    expect(await ids()).toEqual([...expected].sort());
  };
  await page.goto('/admin/survey_responses');
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Assignee').fill(String(assignee));
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=${assignee}`));
  await expectRows([a.id, b.id]);
  await expect(form.getByLabel('Assignee')).toHaveValue(String(assignee));
  await expectAccessible(page);

  await form.getByLabel('Assignee').fill('');
  await form.getByLabel('Group').fill(String(group));
  await form.getByLabel('State').selectOption('offered,expired');
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/state=offered%2Cexpired/);
  await expectRows([c.id]);
  await expect(dataRows(page).first()).toContainText('expired');

  const cases: [string, string[]][] = [
    [`group=${group}`, [a.id, c.id]],
    [`brand=${brand}`, [b.id, c.id]],
    [`tag=${tag.toUpperCase()}`, [a.id, c.id]],
    [`tag=${tag}&state=answered`, [a.id]],
    [`brand=${brand}&state=offered`, [b.id]],
    [`brand=${brand}&state=expired`, [c.id]],
    [`assignee=${assignee}&group=${group}`, [a.id]],
    [`assignee=${assignee}&brand=${brand}&state=answered`, []],
  ];
  for (const [query, expected] of cases) {
    await page.goto(`/admin/survey_responses?survey=${survey.id}&${query}`);
    if (expected.length === 0) await expect(page.getByText('No responses match these filters.')).toBeVisible();
    await expectRows(expected);
  }
  // The export takes the same filters.
  const csv = await page.request.get(`/admin/survey_responses/export?survey=${survey.id}&brand=${brand}&state=offered`);
  expect(csv.status()).toBe(200);
  expect(parseCsv(await csv.text()).slice(1).map((row) => row[0])).toEqual([b.id]);

  // A row's attribution links to the list filtered by it; the response page shows it too.
  await page.goto(`/admin/survey_responses?survey=${survey.id}&group=${group}`);
  await dataRows(page).filter({ has: page.getByRole('link', { name: new RegExp(`response ${c.id}$`) }) }).getByRole('link', { name: `brand ${brand}` }).click();
  await expect(page).toHaveURL(`/admin/survey_responses?brand=${brand}`);
  await expectRows([b.id, c.id]);
  await page.goto(`/admin/survey_responses/${a.id}`);
  await expect(page.getByRole('link', { name: `assignee ${assignee}` })).toHaveAttribute('href', `/admin/survey_responses?assignee=${assignee}`);
  await expect(page.getByRole('link', { name: tag })).toHaveAttribute('href', `/admin/survey_responses?tag=${tag}`);

  // Values that cannot be ids, tags or states get a message, not an error page.
  const bad = await page.goto('/admin/survey_responses?assignee=abc&state=closed&tag=a%20b');
  expect(bad!.status()).toBe(200);
  await expect(page.locator('.admin-error')).toHaveText([
    'The filter “state” must list offered, answered or expired.',
    'The filter “assignee” must be a positive whole number.',
    'The filter “tag” must be a tag: 1 to 80 characters of a-z, 0-9, _, : and -.',
  ]);
});

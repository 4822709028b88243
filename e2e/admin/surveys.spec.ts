import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminAuth, makeCsatSurvey, offer, uniqueTicket } from '../support/api';
import { expectAccessible, signInAsAdmin } from './support';

// Each test makes its own surveys (in the UI or through the API) and never touches the seeded one.

const RATING_EN = 'How would you rate the support you received?';
const RATING_DE = 'Wie bewerten Sie den erhaltenen Support?';

async function surveyVersion(request: APIRequestContext, id: string, version: number) {
  const res = await request.get(`/api/v2/guide/en-us/surveys/${id}/${version}`);
  expect(res.status()).toBe(200);
  return (await res.json()).survey as { version: number; state: string; settings: unknown; questions: { headline: { type: string; value: string } }[] };
}

function offerStatus(request: APIRequestContext, surveyId: string) {
  return request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: { survey_response: { survey_id: surveyId, responder_id: null, subject_zrns: [uniqueTicket()], locale: 'en-us' } },
  });
}

/** Creates a survey of `type` with the "New survey" form and returns its id (from the editor's URL). */
async function createInUi(page: Page, type: string): Promise<string> {
  await page.goto('/admin/surveys');
  await page.getByLabel('Type of the new survey').selectOption(type);
  await page.getByRole('button', { name: 'New survey' }).click();
  await expect(page).toHaveURL(/\/admin\/surveys\/[0-9A-Z]{26}\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Survey created.' })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

test('signed out, the survey pages send to the sign-in form', async ({ page, request }) => {
  const survey = await makeCsatSurvey(request);
  for (const path of ['/admin/surveys', `/admin/surveys/${survey.id}`, `/admin/surveys/${survey.id}/preview?locale=de`]) {
    await page.goto(path);
    await expect(page).toHaveURL('/admin/sign-in');
  }
  const content = await request.get(`/admin/surveys/${survey.id}/preview/content`, { maxRedirects: 0 });
  expect(content.status()).toBe(303);
  expect(content.headers().location).toBe('/admin/sign-in');
});

test('create in the UI, edit a text: a new version; the earlier response keeps its version; disable and enable', async ({ page, request }, testInfo) => {
  await signInAsAdmin(page);
  const id = await createInUi(page, 'CUSTOMER_SATISFACTION');
  const offered = await offer(request, { surveyId: id });

  await page.goto('/admin/surveys');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Edit survey ${id}` }) });
  await expect(row).toContainText(RATING_EN);
  await expect(row).toContainText('CUSTOMER_SATISFACTION');
  await expect(row).toContainText('enabled');
  await expect(row).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('surveys-list.png'), fullPage: true });

  await row.getByRole('link', { name: `Edit survey ${id}` }).click();
  await expect(page.getByTestId('survey-version')).toHaveText('1');
  const headline = `How did we do on ticket ${randomUUID().slice(0, 8)}?`;
  await page.getByLabel('Headline source').first().selectOption('static');
  await page.getByLabel('Headline text (en-us fallback for a key)').first().fill(headline);
  await page.getByRole('button', { name: 'Save as version 2' }).first().click();
  await expect(page).toHaveURL(`/admin/surveys/${id}?saved=2`);
  await expect(page.getByTestId('survey-version')).toHaveText('2');
  await expect(page.getByRole('cell', { name: 'Version 2' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('survey-edit.png'), fullPage: true });

  const v1 = await surveyVersion(request, id, 1);
  const v2 = await surveyVersion(request, id, 2);
  expect(v1.version).toBe(1);
  expect(v1.questions[0]!.headline).toMatchObject({ type: 'dynamic', value: RATING_EN });
  expect(v2.version).toBe(2);
  expect(v2.questions[0]!.headline).toEqual({ type: 'static', value: headline });
  expect(v2.questions.length).toBe(3);

  const shown = await request.get(`/api/v2/guide/survey_responses/${offered.id}`, { headers: adminAuth() });
  expect(shown.status()).toBe(200);
  expect((await shown.json()).survey_response).toMatchObject({ survey_id: id, survey_version: 1 });
  await page.goto(offered.body.survey_response.links.url_path);
  await expect(page.getByText(RATING_EN)).toBeVisible();
  await expect(page.getByText(headline)).toHaveCount(0);

  await page.goto(`/admin/surveys/${id}`);
  await page.getByRole('button', { name: 'Disable survey' }).click();
  await expect(page).toHaveURL(`/admin/surveys/${id}?state=disabled`);
  await expect(page.getByTestId('survey-state')).toHaveText('disabled');
  expect((await offerStatus(request, id)).status()).toBe(409);
  await page.getByRole('button', { name: 'Enable survey' }).click();
  await expect(page.getByTestId('survey-state')).toHaveText('enabled');
  expect((await offerStatus(request, id)).status()).toBe(200);
  expect((await surveyVersion(request, id, 2)).version).toBe(2);
});

test('the preview shows the customer page in German, with submit disabled and nothing stored', async ({ page, request }, testInfo) => {
  const survey = await makeCsatSurvey(request);
  await signInAsAdmin(page);
  await page.goto(`/admin/surveys/${survey.id}/preview`);
  await page.getByLabel('Locale').selectOption('de');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(`/admin/surveys/${survey.id}/preview?locale=de&version=1`);
  await expect(page.getByRole('note').filter({ hasText: 'Submitting is disabled' })).toBeVisible();
  // Sandboxed: no scripts, forms, popups or same-origin access, even if the page had any.
  await expect(page.locator('iframe[title^="Customer page preview"]')).toHaveAttribute('sandbox', '');
  const frame = page.frameLocator('iframe[title^="Customer page preview"]');
  await expect(frame.getByText(RATING_DE)).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Absenden' })).toBeDisabled();
  await expect(frame.getByRole('note')).toContainText('Preview');
  await frame.getByRole('radio', { name: 'Sehr zufrieden' }).check();
  await expect(frame.getByText('Was war der Hauptgrund für Ihre Bewertung?')).toBeHidden();
  // The sandboxed preview frame runs no scripts, so axe cannot enter it: it is checked on its own below.
  await expectAccessible(page, { exclude: 'iframe[sandbox]' });
  await page.screenshot({ path: testInfo.outputPath('survey-preview-de.png'), fullPage: true });

  const content = await page.request.get(`/admin/surveys/${survey.id}/preview/content?locale=de`);
  expect(content.status()).toBe(200);
  expect(content.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(await content.text()).not.toContain('<script');
  // The framed page itself, opened directly so that axe can enter it. It is only ever shown in the
  // frame, where axe's page-level "region" rule does not apply, so neither does it here.
  await page.goto(`/admin/surveys/${survey.id}/preview/content?locale=de`);
  await expect(page.getByText(RATING_DE)).toBeVisible();
  await expectAccessible(page, { disableRules: ['region'] });

  // A parameter given twice counts once (its first value).
  await page.goto(`/admin/surveys/${survey.id}/preview?locale=de&locale=fr`);
  await expect(page.getByLabel('Locale')).toHaveValue('de');
  await expect(page.getByRole('alert').filter({ hasText: 'choose one of' })).toHaveCount(0);

  await page.goto(`/admin/surveys/${survey.id}/preview?locale=xx&version=abc`);
  const problem = page.getByRole('alert').filter({ hasText: 'locale' });
  await expect(problem).toContainText('choose one of en-us');
  await expect(problem).toContainText('a version is a positive whole number');
});

test('a validation error is shown beside the form with the input kept, and nothing is saved', async ({ page, request }, testInfo) => {
  const survey = await makeCsatSurvey(request);
  await signInAsAdmin(page);
  await page.goto(`/admin/surveys/${survey.id}`);
  const key = page.getByLabel('Headline key (dynamic only)').first();
  await key.fill('Not a key!');
  await page.getByRole('button', { name: 'Save as version 2' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toContainText('Question 1 (headline key): must be a dotted dynamic-content key');
  await expect(page.getByLabel('Headline key (dynamic only)').first()).toHaveValue('Not a key!');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('survey-edit-error.png'), fullPage: true });
  expect((await surveyVersion(request, survey.id, 2)).version).toBe(1);
});

test('an NPS survey: campaign settings and a targeting rule added in the editor are saved', async ({ page, request }) => {
  await signInAsAdmin(page);
  const id = await createInUi(page, 'NET_PROMOTER_SCORE');
  await expect(page.getByText('Scale 0 to 10 (fixed for net_promoter_score)')).toBeVisible();
  await page.getByRole('button', { name: 'Add targeting rule' }).click();
  await page.getByLabel('Rule 1 trait').fill('plan');
  await page.getByLabel('Rule 1 value').fill('pro');
  await page.getByLabel('Re-survey after (days)').fill('30');
  await page.getByLabel('Allow anonymous responses').check();
  await page.getByRole('button', { name: 'Save as version 2' }).first().click();
  await expect(page).toHaveURL(`/admin/surveys/${id}?saved=2`);
  const saved = await surveyVersion(request, id, 2);
  expect(saved.settings).toEqual({ allow_anonymous: true, resurvey_days: 30, targeting: [{ trait: 'plan', op: 'eq', value: 'pro' }] });
  await expect(page.getByLabel('Rule 1 trait')).toHaveValue('plan');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the editor round-trips its buttons and saves as plain form posts', async ({ page, request }) => {
    const survey = await makeCsatSurvey(request);
    await signInAsAdmin(page);
    await page.goto(`/admin/surveys/${survey.id}`);
    await page.getByRole('button', { name: 'Add option to question 2' }).click();
    await expect(page.getByLabel('Question 2 option 3 label text')).toHaveValue('');
    await page.getByLabel('Question 2 option 3 label text').fill('Something else');
    await page.getByRole('button', { name: 'Save as version 2' }).first().click();
    await expect(page).toHaveURL(`/admin/surveys/${survey.id}?saved=2`);
    const saved = await surveyVersion(request, survey.id, 2);
    expect(saved.questions[1]).toMatchObject({ options: [{}, {}, { label: { type: 'static', value: 'Something else' } }] });
  });
});

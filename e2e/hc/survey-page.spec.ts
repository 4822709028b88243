import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { adminAuth, defaultSurvey, makeCsatSurvey, offer, showResponse } from '../support/api';

const labels = ['Very unsatisfied', 'Unsatisfied', 'Neither satisfied nor unsatisfied', 'Satisfied', 'Very satisfied'];
const REASON = 'What was the main reason for your rating?';
const COMMENT = 'Anything else you would like to share about your experience?';

/**
 * Axe finds nothing (it runs in the page, so only with JavaScript on), and a phone-size screenshot of
 * the state is kept with the test's results.
 */
async function check(page: Page, testInfo: TestInfo, state: string, javaScriptEnabled = true) {
  if (javaScriptEnabled) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const path = testInfo.outputPath(`${state}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(state, { path, contentType: 'image/png' });
  if (size) await page.setViewportSize(size);
}

const ratingLink = (offered: Awaited<ReturnType<typeof offer>>, rating: number) =>
  offered.body.survey_response.links.rating_links[rating - 1]!.url_path;

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('one click from the email, answer, thank you, edit before expiry', async ({ page, request }, testInfo) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id });
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      const response = await page.goto(ratingLink(offered, 2));
      expect(response?.status()).toBe(200);
      // The page needs no JavaScript, so it loads none, with or without it enabled.
      await expect(page.locator('script')).toHaveCount(0);
      await expect(page.getByRole('radio', { name: 'Unsatisfied', exact: true })).toBeChecked();
      await expect(page.getByRole('group', { name: REASON })).toBeVisible();
      await expect(page.getByLabel(COMMENT)).toBeVisible();
      // Opening the link recorded nothing: mail scanners open every link.
      expect((await showResponse(request, offered.id)).answers).toEqual([]);
      await check(page, testInfo, `first-visit${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);

      await page.getByRole('checkbox', { name: 'The issue was not resolved' }).check();
      await page.getByLabel(COMMENT).fill('Still broken');
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/hc/en-us/survey_responses/${offered.id}\\?access_token=[^&]+$`));
      await expect(page.getByText('Still broken')).toBeVisible();
      await expect(page.getByText('The issue was not resolved')).toBeVisible();
      const stored = await showResponse(request, offered.id);
      expect(stored.answers.map((a) => a.type)).toEqual(['rating_scale', 'closed_ended', 'open_ended']);
      expect(stored.answers[0]!.rating).toBe(2);
      await check(page, testInfo, `thank-you${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);

      await page.getByRole('link', { name: 'Change my answers' }).click();
      await expect(page.getByRole('radio', { name: 'Unsatisfied', exact: true })).toBeChecked();
      await expect(page.getByLabel(COMMENT)).toHaveValue('Still broken');
      await check(page, testInfo, `editing${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
      await page.getByRole('radio', { name: 'Very satisfied', exact: true }).check();
      await expect(page.getByRole('group', { name: REASON })).toBeHidden();
      await page.getByRole('button', { name: 'Update my answers' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
      const edited = await showResponse(request, offered.id);
      // The reason ticked before is not an answer once the rating no longer asks it.
      expect(edited.answers.map((a) => a.type)).toEqual(['rating_scale', 'skipped', 'open_ended']);
      expect(edited.answers[0]!.rating).toBe(5);
      expect(scripts).toEqual([]);
    });

    test('the follow-ups follow the chosen rating', async ({ page, request }) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id });
      await page.goto(ratingLink(offered, 4));
      await expect(page.getByRole('group', { name: REASON })).toBeHidden();
      await expect(page.getByLabel(COMMENT)).toBeVisible();
      for (const [label, reasonShown] of [['Very unsatisfied', true], ['Very satisfied', false], ['Neither satisfied nor unsatisfied', true]] as const) {
        await page.getByRole('radio', { name: label, exact: true }).check();
        await expect(page.getByRole('group', { name: REASON })).toBeVisible({ visible: reasonShown });
        await expect(page.getByLabel(COMMENT)).toBeVisible();
      }
    });

    test('each emailed rating link preselects its rating; a plain link preselects none', async ({ page, request }) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id });
      for (let rating = 1; rating <= 5; rating++) {
        await page.goto(ratingLink(offered, rating));
        await expect(page.getByRole('radio', { name: labels[rating - 1], exact: true })).toBeChecked();
        await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
      }
      // A link without a rating preselects nothing; the rating is required.
      await page.goto(offered.body.survey_response.links.url_path);
      await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
      await expect(page.getByRole('radio', { name: 'Satisfied', exact: true })).toHaveAttribute('required', '');
      expect((await showResponse(request, offered.id)).answers).toEqual([]);
    });

    test('a refused form comes back with the error in the page language', async ({ page, request }, testInfo) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id, locale: 'fr' });
      await page.goto(`${offered.body.survey_response.links.url_path}&error=rating`);
      await expect(page.locator('main').getByRole('alert')).toHaveText("Veuillez choisir une note avant d'envoyer.");
      await check(page, testInfo, `error${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
    });

    test('after expires_at the page is read-only and shows the closing date', async ({ page, request }, testInfo) => {
      const survey = await defaultSurvey(request);
      const expiresAt = Date.now() + 3_000;
      const offered = await offer(request, { surveyId: survey.id, expiresAt: new Date(expiresAt).toISOString() });
      await page.goto(ratingLink(offered, 5));
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
      // Wait out the expiry (a wait for the clock, not a timing assertion).
      await page.waitForTimeout(Math.max(0, expiresAt - Date.now() + 100));
      await page.goto(ratingLink(offered, 1));
      await expect(page.getByRole('heading', { name: 'This survey is closed' })).toBeVisible();
      await expect(page.getByText(/Answers could be given until .+ UTC/)).toBeVisible();
      await expect(page.getByRole('radio')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Change my answers' })).toHaveCount(0);
      await expect(page.getByText('😀 Very satisfied')).toBeVisible();
      await check(page, testInfo, `closed${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
      expect((await showResponse(request, offered.id)).answers[0]!.rating).toBe(5);
    });

    test('a disabled survey shows a notice and accepts nothing', async ({ page, request }, testInfo) => {
      const survey = await makeCsatSurvey(request);
      const offered = await offer(request, { surveyId: survey.id, locale: 'de' });
      const disable = await request.put(`/api/v2/guide/surveys/${survey.id}`, { headers: adminAuth(), data: { survey: { state: 'disabled' } } });
      expect(disable.status()).toBe(200);
      await page.goto(ratingLink(offered, 5));
      await expect(page.getByRole('heading', { name: 'Diese Umfrage ist nicht mehr verfügbar' })).toBeVisible();
      await expect(page.getByRole('radio')).toHaveCount(0);
      await check(page, testInfo, `disabled${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
      const token = new URL(ratingLink(offered, 5), 'http://x').searchParams.get('access_token')!;
      await request.post(`/hc/de/survey_responses/${offered.id}`, { form: { access_token: token, [`answer.${survey.questions[0]!.id}`]: '5' } });
      expect((await showResponse(request, offered.id)).answers).toEqual([]);
    });

    test('unknown id, missing token and wrong token give the same 404 page', async ({ page, request }, testInfo) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id });
      const bodies: string[] = [];
      for (const path of [
        '/hc/en-us/survey_responses/01ARZ3NDEKTSV4RRFFQ69G5FAV?access_token=whatever&rating=5',
        `/hc/en-us/survey_responses/${offered.id}?rating=5`,
        `/hc/en-us/survey_responses/${offered.id}?access_token=wrong&rating=5`,
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole('heading', { name: 'This survey link is not valid' })).toBeVisible();
        bodies.push((await page.locator('main').innerHTML()).replaceAll(offered.id, ''));
      }
      expect(new Set(bodies).size).toBe(1);
      await check(page, testInfo, `invalid-link${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
    });

    test('an unsupported locale redirects to the response locale, keeping the query; Japanese renders', async ({ page, request }, testInfo) => {
      const survey = await defaultSurvey(request);
      const offered = await offer(request, { surveyId: survey.id, locale: 'ja' });
      const link = new URL(ratingLink(offered, 3), 'http://x');
      await page.goto(`/hc/xx/survey_responses/${offered.id}${link.search}`);
      await expect(page).toHaveURL(`/hc/ja/survey_responses/${offered.id}${link.search}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.getByRole('radio', { name: 'どちらでもない' })).toBeChecked();
      await check(page, testInfo, `japanese${javaScriptEnabled ? '' : '-no-js'}`, javaScriptEnabled);
      // Without the right token, the locale of the response is not revealed.
      await page.goto(`/hc/xx/survey_responses/${offered.id}?access_token=wrong`);
      await expect(page).toHaveURL(`/hc/en-us/survey_responses/${offered.id}?access_token=wrong`);
    });
  });
}

test('pages are not cached and send no referrer; the form post redirects back with 303', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const offered = await offer(request, { surveyId: survey.id });
  const get = await request.get(ratingLink(offered, 5));
  expect(get.headers()['cache-control']).toContain('no-store');
  expect(get.headers()['referrer-policy']).toBe('no-referrer');
  expect(get.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(get.headers()['content-type']).toBe('text/html; charset=utf-8');
  const token = new URL(ratingLink(offered, 5), 'http://x').searchParams.get('access_token')!;
  const post = await request.post(`/hc/en-us/survey_responses/${offered.id}`, {
    form: { access_token: token, [`answer.${survey.questions[0]!.id}`]: '5' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(303);
  expect(post.headers()['location']).toBe(`/hc/en-us/survey_responses/${offered.id}?access_token=${token}`);
  expect(post.headers()['cache-control']).toContain('no-store');
  expect((await showResponse(request, offered.id)).answers[0]!.rating).toBe(5);

  const noRating = await request.post(`/hc/en-us/survey_responses/${offered.id}`, { form: { access_token: token }, maxRedirects: 0 });
  expect(noRating.headers()['location']).toBe(`/hc/en-us/survey_responses/${offered.id}?access_token=${token}&edit=1&error=rating`);
  expect((await showResponse(request, offered.id)).answers[0]!.rating).toBe(5);
  // Back on the answered response, the form is open again and says what went wrong.
  const refusedPage = await (await request.get(noRating.headers()['location']!)).text();
  expect(refusedPage).toContain('role="alert"');
  expect(refusedPage).toContain('Please choose a rating before submitting.');
});

test('a refused form goes back to the page with its token: a comment the textarea took is never too long', async ({ request }) => {
  const survey = await defaultSurvey(request);
  const offered = await offer(request, { surveyId: survey.id });
  const token = new URL(ratingLink(offered, 5), 'http://x').searchParams.get('access_token')!;
  const [rating, , comment] = survey.questions;
  const path = `/hc/en-us/survey_responses/${offered.id}`;
  // 3,400 line breaks: 6,800 characters in the textarea (its maxlength counts each as one), 10,200 sent.
  const lines = 'a\r\n'.repeat(3400);
  const long = await request.post(path, { form: { access_token: token, [`answer.${rating!.id}`]: '5', [`answer.${comment!.id}`]: lines }, maxRedirects: 0 });
  expect(long.headers()['location']).toBe(`${path}?access_token=${token}`);
  expect((await showResponse(request, offered.id)).answers[2]).toMatchObject({ type: 'open_ended', value: 'a\n'.repeat(3400).trim() });

  // Over the limit, or a form that is not the page's: the page again, with the token and the error.
  for (const form of [
    { access_token: token, [`answer.${rating!.id}`]: '4', [`answer.${comment!.id}`]: 'x'.repeat(10_001) },
    { access_token: token, [`answer.${'q'.repeat(300)}`]: '4' },
  ]) {
    const refused = await request.post(path, { form, maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers()['location']).toBe(`${path}?access_token=${token}&edit=1&error=invalid`);
    const again = await request.get(refused.headers()['location']!);
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain('Your answers could not be saved.');
  }
  expect((await showResponse(request, offered.id)).answers[0]!.rating).toBe(5);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { signInAsAdmin } from '../admin/support';
import { adminAuth, csatAnswers, defaultSurvey, makeCsatSurvey, makeNpsCampaign, offer, suiteCredentials, uniqueTicket } from '../support/api';
import type { E2eProjectMetadata } from '../support/paths';
import { startReceiver, verifiesSignature, type Delivery, type Receiver } from '../support/receiver';

// Webhook delivery over HTTP, from a production build: each event type arrives once per subscribed
// webhook from each door (the API, the survey page, ingestion, the admin view's survey editor),
// signed as Zendesk signs; two servers on one database deliver each attempt once; a server killed
// with SIGKILL in the middle of a load loses no event.

const ALL = [
  'zen:event-type:survey_response.offered',
  'zen:event-type:survey_response.answered',
  'zen:event-type:survey_response.updated',
  'zen:event-type:survey_response.rated_bad',
  'zen:event-type:survey.updated',
];

interface Hook {
  id: string;
  secret: string;
}

async function subscribe(request: APIRequestContext, receiver: Receiver, subscriptions = ALL, base = ''): Promise<Hook> {
  const res = await request.post(`${base}/api/v2/webhooks`, {
    headers: adminAuth(),
    data: { webhook: { name: `delivery ${randomUUID()}`, status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json', subscriptions } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { webhook } = (await res.json()) as { webhook: { id: string } };
  const secret = await request.get(`${base}/api/v2/webhooks/${webhook.id}/signing_secret`, { headers: adminAuth() });
  expect(secret.status()).toBe(200);
  return { id: webhook.id, secret: ((await secret.json()) as { signing_secret: { secret: string } }).signing_secret.secret };
}

const remove = async (request: APIRequestContext, hooks: Hook[]) => {
  for (const hook of hooks) expect((await request.delete(`/api/v2/webhooks/${hook.id}`, { headers: adminAuth() })).status()).toBe(204);
};

/** What `hook` received: "type subject" per delivery, sorted. */
const received = (receiver: Receiver, hook: Hook, subjects: string[]) =>
  receiver.deliveries
    .filter((d) => d.headers['x-zendesk-webhook-id'] === hook.id && subjects.includes(d.event.subject))
    .map((d) => `${d.event.type} ${d.event.subject}`)
    .sort();

test('each event type arrives once per subscribed webhook from every door, signed as Zendesk signs', async ({ request, page, baseURL }) => {
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const hooks = [await subscribe(request, receiver), await subscribe(request, receiver)];
  const bad = await subscribe(request, receiver, ['zen:event-type:survey_response.rated_bad']);
  try {
    const survey = await defaultSurvey(request);
    // The API: offered, then a bad answer (answered, rated_bad).
    const viaApi = await offer(request, { surveyId: survey.id });
    const submit = await request.post(`/api/v2/guide/survey_responses/${viaApi.id}`, {
      data: { survey_response: { access_token: viaApi.token, answers: csatAnswers(survey, 1, 'Slow') } },
    });
    expect(submit.status()).toBe(200);
    // The survey page: offered through the API, answered (good) in the browser, then edited there (updated).
    const viaPage = await offer(request, { surveyId: survey.id });
    await page.goto(viaPage.body.survey_response.links.rating_links[4]!.url_path);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
    await page.getByRole('link', { name: 'Change my answers' }).click();
    await page.getByRole('radio', { name: 'Satisfied', exact: true }).check();
    await page.getByRole('button', { name: 'Update my answers' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
    // Ingestion: a detractor, answered at once (answered, rated_bad; never offered).
    const campaign = await makeNpsCampaign(request);
    const ingested = await request.post('/api/responses', {
      data: { writeKey: suiteCredentials().writeKey, campaign: campaign.id, rating: 2, userId: `user-${randomUUID()}`, method: 'In-App' },
    });
    expect(ingested.status(), await ingested.text()).toBe(201);
    const ingestedId = ((await ingested.json()) as { id: string }).id;
    // The admin view's survey editor: disabling a survey is a survey.updated.
    const editable = await makeCsatSurvey(request);
    await signInAsAdmin(page);
    await page.goto(`/admin/surveys/${editable.id}`);
    await page.getByRole('button', { name: 'Disable survey' }).click();
    await expect(page.getByTestId('survey-state')).toHaveText('disabled');

    const r = (id: string) => `zen:survey_response:${id}`;
    const subjects = [r(viaApi.id), r(viaPage.id), r(ingestedId), `zen:survey:${editable.id}`];
    const expected = [
      `zen:event-type:survey_response.offered ${r(viaApi.id)}`,
      `zen:event-type:survey_response.answered ${r(viaApi.id)}`,
      `zen:event-type:survey_response.rated_bad ${r(viaApi.id)}`,
      `zen:event-type:survey_response.offered ${r(viaPage.id)}`,
      `zen:event-type:survey_response.answered ${r(viaPage.id)}`,
      `zen:event-type:survey_response.updated ${r(viaPage.id)}`,
      `zen:event-type:survey_response.answered ${r(ingestedId)}`,
      `zen:event-type:survey_response.rated_bad ${r(ingestedId)}`,
      `zen:event-type:survey.updated zen:survey:${editable.id}`,
    ].sort();
    // Most arrive within a second. The wait allows for one attempt whose outcome was not recorded (its
    // record rolled back, say), which is sent again when its lease (25 s here) runs out: at least once.
    for (const hook of hooks) await expect.poll(() => received(receiver, hook, subjects), { timeout: 40_000 }).toEqual(expected);
    await expect.poll(() => received(receiver, bad, subjects), { timeout: 40_000 }).toEqual(expected.filter((e) => e.includes('rated_bad')));
    // Nothing more comes: once per webhook, not once per server or per round.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const hook of hooks) expect(received(receiver, hook, subjects)).toEqual(expected);

    for (const d of receiver.deliveries.filter((x) => subjects.includes(x.event.subject))) {
      const hook = [...hooks, bad].find((h) => h.id === d.headers['x-zendesk-webhook-id'])!;
      expect(verifiesSignature(d, hook.secret)).toBe(true);
      expect(verifiesSignature(d, 'another secret')).toBe(false);
      expect(d.headers['x-zendesk-webhook-signature-timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(d.event).toMatchObject({ zendesk_event_version: '2022-11-06', account_id: expect.any(Number) });
    }
    // detail is the unlocalized Show body as of the change.
    const answered = receiver.deliveries.find((d) => d.event.type.endsWith('.answered') && d.event.subject === r(viaApi.id))!;
    const show = await request.get(`/api/v2/guide/survey_responses/${viaApi.id}`, { headers: adminAuth() });
    expect(answered.event.detail).toEqual(((await show.json()) as { survey_response: unknown }).survey_response);
    // The invocation log through the API: each one a success, with its attempt.
    // Every page of it: the webhook also got the events of the tests running beside this one, and the
    // log is newest first, so this test's may be past the first page. The receiver has an event a
    // moment before the sender has recorded its answer, so the log is read until it shows them all.
    await expect(async () => {
      const invocations: { id: string; status: string; event_id: string }[] = [];
      for (let next: string | null = `${baseURL}/api/v2/webhooks/${hooks[0]!.id}/invocations?page[size]=100`; next; ) {
        const log = await request.get(next, { headers: adminAuth() });
        expect(log.status()).toBe(200);
        const page = (await log.json()) as { invocations: typeof invocations; links: { next: string | null } };
        invocations.push(...page.invocations);
        next = page.links.next;
      }
      const mine = invocations.filter((i) => receiver.deliveries.some((d) => d.event.id === i.event_id && subjects.includes(d.event.subject)));
      expect(mine).toHaveLength(expected.length);
      expect(new Set(mine.map((i) => i.status))).toEqual(new Set(['success']));
    }).toPass({ timeout: 10_000 });
  } finally {
    await remove(request, [...hooks, bad]);
    await receiver.close();
  }
});

test('a failing endpoint is retried with the same event and invocation until it answers 2xx; a 4xx is final', async ({ request }) => {
  const receiver = await startReceiver();
  const hook = await subscribe(request, receiver, ['zen:event-type:survey_response.offered']);
  try {
    // Only this test's response gets the failures: other tests' offers reach the webhook too.
    const plan = [{ status: 500 }, { status: 429, headers: { 'retry-after': '1' } }];
    const ticket = uniqueTicket();
    const about = (d: Delivery, zrn: string) => (d.event.detail.subject_zrns as string[] | undefined)?.includes(zrn) ?? false;
    receiver.answerFor = (d) => (about(d, ticket) ? (plan.shift() ?? { status: 200 }) : { status: 200 });
    const survey = await defaultSurvey(request);
    const offered = await offer(request, { surveyId: survey.id, zrns: [ticket] });
    const mine = () => receiver.deliveries.filter((d) => d.event.subject === `zen:survey_response:${offered.id}`);
    await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(3);
    expect(new Set(mine().map((d) => d.event.id)).size).toBe(1);
    expect(new Set(mine().map((d) => d.headers['x-zendesk-webhook-invocation-id'])).size).toBe(1);
    const invocationId = mine()[0]!.headers['x-zendesk-webhook-invocation-id'] as string;
    // The last attempt is recorded a moment after the receiver has it.
    const attemptsOf = async () => {
      const attempts = await request.get(`/api/v2/webhooks/${hook.id}/invocations/${invocationId}/attempts`, { headers: adminAuth() });
      expect(attempts.status()).toBe(200);
      return (await attempts.json()) as { attempts: { status: string; status_code: number }[] };
    };
    await expect.poll(async () => (await attemptsOf()).attempts.map((a) => [a.status, a.status_code]).sort(), { timeout: 10_000 }).toEqual(
      [['failed', 429], ['failed', 500], ['success', 200]].sort(),
    );

    const gone = uniqueTicket();
    receiver.answerFor = (d) => (about(d, gone) ? { status: 404 } : { status: 200 });
    const refused = await offer(request, { surveyId: survey.id, zrns: [gone] });
    await expect.poll(() => receiver.deliveries.filter((d) => d.event.subject === `zen:survey_response:${refused.id}`).length, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.deliveries.filter((d) => d.event.subject === `zen:survey_response:${refused.id}`)).toHaveLength(1);
  } finally {
    await remove(request, [hook]);
    await receiver.close();
  }
});

/** A second server on the project's database, on a port of this file's own. */
function startServer(databaseUrl: string, port: number): ChildProcess {
  return spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, WEBHOOK_TIMEOUT_MS: '1000' },
    stdio: 'ignore',
  });
}

async function healthy(request: APIRequestContext, base: string) {
  await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
}

test.describe('two servers on one database', () => {
  test.describe.configure({ mode: 'serial' });

  test('deliver each event once, whichever server records or sends it', async ({ request, baseURL }, info) => {
    test.setTimeout(120_000);
    const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
    const port = 3420 + info.parallelIndex * 2 + (info.project.name === 'postgres' ? 1 : 0);
    const other = `http://127.0.0.1:${port}`;
    const second = startServer(databaseUrl, port);
    const receiver = await startReceiver();
    const hook = await subscribe(request, receiver, ['zen:event-type:survey_response.offered']);
    try {
      await healthy(request, other);
      const survey = await defaultSurvey(request);
      const ids = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const base = i % 2 === 0 ? baseURL! : other;
          const res = await request.post(`${base}/api/v2/guide/survey_responses`, {
            headers: adminAuth(),
            data: { survey_response: { survey_id: survey.id, subject_zrns: [`zen:ticket:${Date.now()}${i}`], locale: 'en-us' } },
          });
          expect(res.status()).toBe(200);
          return `zen:survey_response:${((await res.json()) as { survey_response: { id: string } }).survey_response.id}`;
        }),
      );
      const mine = () => receiver.deliveries.filter((d) => d.headers['x-zendesk-webhook-id'] === hook.id && ids.includes(d.event.subject));
      await expect.poll(() => new Set(mine().map((d) => d.event.subject)).size, { timeout: 30_000 }).toBe(40);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(mine()).toHaveLength(40);
    } finally {
      second.kill('SIGTERM');
      await receiver.close();
      await remove(request, [hook]);
    }
  });

  test('lose no event when a server is killed with SIGKILL in the middle of a load', async ({ request }, info) => {
    test.setTimeout(180_000);
    const { databaseUrl } = info.project.metadata as E2eProjectMetadata;
    const port = 3420 + info.parallelIndex * 2 + (info.project.name === 'postgres' ? 1 : 0);
    const other = `http://127.0.0.1:${port}`;
    let victim = startServer(databaseUrl, port);
    const receiver = await startReceiver();
    const hook = await subscribe(request, receiver, ['zen:event-type:survey_response.offered']);
    try {
      await healthy(request, other);
      const survey = await defaultSurvey(request);
      const stored: string[] = [];
      let stop = false;
      // Four clients create responses on the server that will be killed, as fast as it answers.
      const clients = Array.from({ length: 4 }, async (_, c) => {
        for (let i = 0; !stop; i++) {
          const res = await request
            .post(`${other}/api/v2/guide/survey_responses`, {
              headers: adminAuth(),
              data: { survey_response: { survey_id: survey.id, subject_zrns: [`zen:ticket:${Date.now()}${c}${i}`], locale: 'en-us' } },
            })
            .catch(() => undefined);
          if (!res) return;
          if (res.status() === 200) stored.push(`zen:survey_response:${((await res.json()) as { survey_response: { id: string } }).survey_response.id}`);
        }
      });
      await expect.poll(() => stored.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
      victim.kill('SIGKILL');
      stop = true;
      await Promise.all(clients);
      // Every response the killed server said it stored reaches the receiver: through the project's
      // server at once, or through the restarted one once the dead server's leases run out.
      victim = startServer(databaseUrl, port);
      await healthy(request, other);
      const got = () => new Set(receiver.deliveries.filter((d) => d.headers['x-zendesk-webhook-id'] === hook.id).map((d) => d.event.subject));
      await expect.poll(() => stored.filter((s) => !got().has(s)), { timeout: 60_000 }).toEqual([]);
    } finally {
      victim.kill('SIGTERM');
      await receiver.close();
      await remove(request, [hook]);
    }
  });
});

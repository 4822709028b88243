import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { E2eProjectMetadata } from './paths';

// Every test makes its own users, surveys, responses and ticket numbers; the seeded CSAT survey is
// only ever read.

interface Credentials {
  adminEmail: string;
  adminPassword: string;
  adminId: number;
  token: string;
  writeKey: string;
}

/** The running test's project: its database and credentials file (playwright.config.ts). */
function currentProject(): E2eProjectMetadata {
  const { name, metadata } = test.info().project;
  const { databaseUrl, credentials } = metadata as Partial<E2eProjectMetadata>;
  if (!databaseUrl || !credentials) throw new Error(`project ${name} names no databaseUrl and credentials in its metadata`);
  return { databaseUrl, credentials };
}

const credentialsByFile = new Map<string, Credentials>();
/** The admin, token and write key prepare.ts made on the running test's project's database. */
export function suiteCredentials(): Credentials {
  const file = currentProject().credentials;
  let credentials = credentialsByFile.get(file);
  if (!credentials) credentialsByFile.set(file, (credentials = JSON.parse(readFileSync(file, 'utf8')) as Credentials));
  return credentials;
}

export function basicAuth(email: string | null, token = suiteCredentials().token): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}` };
}

export const adminAuth = () => basicAuth(suiteCredentials().adminEmail);

const CLI = ['node_modules/.bin/tsx', ['scripts/cli.ts']] as const;
const lastLine = <T>(stdout: string) => JSON.parse(stdout.trim().split('\n').pop() || '{}') as T;

/** Runs the project's CLI on the running test's project's database (the one its server uses). */
export function cli<T = Record<string, unknown>>(...args: string[]): { status: number | null; json: T } {
  return cliOn<T>(currentProject().databaseUrl, ...args);
}

/** Runs the project's CLI on another database than the server's. */
export function cliOn<T = Record<string, unknown>>(databaseUrl: string, ...args: string[]): { status: number | null; json: T } {
  const run = spawnSync(CLI[0], [...CLI[1], ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  return { status: run.status, json: lastLine<T>(run.stdout) };
}

/** As `cli`, without blocking: the test goes on sending requests while the command runs. */
export function cliInBackground<T = Record<string, unknown>>(...args: string[]): Promise<{ status: number | null; json: T; stderr: string }> {
  const child = spawn(CLI[0], [...CLI[1], ...args], { env: { ...process.env, DATABASE_URL: currentProject().databaseUrl } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, json: lastLine<T>(stdout), stderr }));
  });
}

export const uniqueTicket = () => `zen:ticket:${randomInt(1, 2 ** 47)}`;

export type Role = 'admin' | 'agent' | 'end_user';
export interface TestUser {
  id: number;
  email: string;
  auth: Record<string, string>;
}

export async function makeUser(request: APIRequestContext, role: Role, locale = 'en-us'): Promise<TestUser> {
  const email = `${role}-${randomUUID()}@example.com`;
  const res = await request.post('/api/v2/users/create_or_update', {
    headers: adminAuth(),
    data: { user: { email, name: `Test ${role}`, role, locale } },
  });
  expect(res.status()).toBe(201);
  const { user } = (await res.json()) as { user: { id: number } };
  return { id: user.id, email, auth: basicAuth(email) };
}

export interface SurveyQuestion {
  id: string;
  type: string;
  options?: { id?: string; rating?: number }[];
}
export interface Survey {
  id: string;
  version: number;
  state: string;
  questions: SurveyQuestion[];
}

export async function defaultSurvey(request: APIRequestContext): Promise<Survey> {
  const res = await request.get('/api/v2/guide/en-us/surveys?filter[types]=CUSTOMER_SATISFACTION', { headers: adminAuth() });
  expect(res.status()).toBe(200);
  const { surveys } = (await res.json()) as { surveys: Survey[] };
  const seeded = surveys.find((s) => s.questions.length === 3 && s.state === 'enabled');
  if (!seeded) throw new Error('the seeded CSAT survey is missing');
  return seeded;
}

export interface Offered {
  id: string;
  token: string;
  body: { survey_response: { id: string; links: { url_path: string; rating_links: { url_path: string }[] } } };
}

export async function offer(
  request: APIRequestContext,
  input: {
    surveyId: string;
    responderId?: number | string | null;
    zrns?: string[];
    locale?: string;
    expiresAt?: string;
    /** Attribution recorded at Create: assignee_id, group_id, brand_id, tags. */
    attribution?: { assignee_id?: number; group_id?: number; brand_id?: number; tags?: string[] };
  },
): Promise<Offered> {
  const res = await request.post('/api/v2/guide/survey_responses', {
    headers: adminAuth(),
    data: {
      survey_response: {
        survey_id: input.surveyId,
        responder_id: input.responderId ?? null,
        subject_zrns: input.zrns ?? [uniqueTicket()],
        locale: input.locale ?? 'en-us',
        ...(input.expiresAt && { expires_at: input.expiresAt }),
        ...input.attribution,
      },
    },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Offered['body'];
  const token = new URL(body.survey_response.links.url_path, 'http://x').searchParams.get('access_token');
  if (!token) throw new Error('no access token in the links');
  return { id: body.survey_response.id, token, body };
}

/** The answers of the default CSAT survey for a rating: a reason after a bad one, always a comment. */
export function csatAnswers(survey: Survey, rating: number, comment = 'Thanks') {
  const [ratingQ, reasonQ, commentQ] = survey.questions as [SurveyQuestion, SurveyQuestion, SurveyQuestion];
  return [
    { type: 'rating_scale', question_id: ratingQ.id, rating },
    ...(rating <= 3
      ? [{ type: 'closed_ended', question_id: reasonQ.id, selections: [{ type: 'pre_defined', value: reasonQ.options![0]!.id }] }]
      : []),
    { type: 'open_ended', question_id: commentQ.id, value: comment },
  ];
}

/** The answers and state of a response as the API shows them to an admin. */
export async function showResponse(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/v2/guide/survey_responses/${id}`, { headers: adminAuth() });
  expect(res.status()).toBe(200);
  return (await res.json()).survey_response as {
    answers: { type: string; rating?: number; value?: string; selections?: { option_id: string }[] }[];
    survey: { state: string };
  };
}

/** A fresh CSAT survey like the seeded one, owned by the calling test (so it may disable it). */
export async function makeCsatSurvey(request: APIRequestContext): Promise<Survey> {
  const dc = (key: string, value: string) => ({ type: 'dynamic', key: `dc.surveys.customer_satisfaction.${key}`, value });
  const scale = ['very_unsatisfied', 'unsatisfied', 'neutral', 'satisfied', 'very_satisfied'];
  const emoji = ['😞', '🙁', '😐', '🙂', '😀'];
  const questions = [
    {
      type: 'rating_scale_emoji',
      alias: 'rating',
      sub_type: 'customer_satisfaction',
      headline: dc('questions.rating', 'Rating'),
      options: scale.map((key, i) => ({
        rating: i + 1,
        label: dc(`question.rating.options.${key}`, key),
        emoji: { type: 'static', value: emoji[i] },
        follow_up: { question_id: i < 3 ? 'reason' : 'comment' },
      })),
    },
    {
      type: 'closed_ended',
      alias: 'reason',
      headline: dc('questions.reason', 'Reason'),
      options: ['too_long', 'not_resolved'].map((key) => ({ label: dc(`question.reason.options.${key}`, key), follow_up: { question_id: 'comment' } })),
    },
    { type: 'open_ended', alias: 'comment', headline: dc('questions.comment', 'Comment') },
  ];
  const created = await request.post('/api/v2/guide/surveys', {
    headers: adminAuth(),
    data: { survey: { type: 'CUSTOMER_SATISFACTION', questions } },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).survey as Survey;
}

/** A SatisMeter campaign: one 0–10 rating question of the NPS sub type, on a survey of `type`. */
export async function makeNpsCampaign(
  request: APIRequestContext,
  type: 'NET_PROMOTER_SCORE' | 'CUSTOM' = 'NET_PROMOTER_SCORE',
  settings: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const st = (value: string) => ({ type: 'static', value });
  const questions = [
    {
      type: 'rating_scale_numeric',
      alias: 'nps',
      sub_type: 'net_promoter_score',
      headline: st('How likely are you to recommend us?'),
      options: Array.from({ length: 11 }, (_, r) => ({ rating: r, label: st(String(r)) })),
    },
  ];
  const made = await request.post('/api/v2/guide/surveys', { headers: adminAuth(), data: { survey: { type, settings, questions } } });
  expect(made.status(), await made.text()).toBe(201);
  return (await made.json()).survey as { id: string };
}

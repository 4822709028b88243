import { UniqueViolation } from '@/db/errors';
import { findIdempotencyRecord } from '@/db/idempotency';
import type { SurveyRow } from '@/db/schema';
import { transaction } from '@/db/transaction';
import { authenticateWriteKey } from '../auth/write-keys';
import { randomSecret, sha256 } from '../auth/secrets';
import { ApiError, conflict, invalid, notFound, type Problem } from '../errors';
import { idBoundsFor, idTime, newId } from '../ids';
import { countAnswered, countOffered } from '../observability/metrics';
import { isRatingQuestion, type Question, type SurveyDefinition } from '../surveys/definition';
import { npsCategory } from '../surveys/rating';
import { loadVersion } from '../surveys/surveys';
import { answerRows } from '../survey-responses/answers';
import type { AnswerInput } from '../survey-responses/schemas';
import { renderAnswers, storedResponseJson } from '../survey-responses/serialize';
import { figures, insertedRow, toStored } from '../survey-responses/stored';
import { answerEvents } from '../webhooks/events';
import { DAY_MS, iso } from '../time';
import { responder, responderLocks, type IngestUser } from './responder';
import { matchesTargeting } from './targeting';
import { insertResponseBody, writeKey, type InsertResponseInput } from './schemas';
import { parseInput } from '../validation';

const duplicate = () =>
  new ApiError('BadRequest', [
    { title: 'Duplicate response', detail: 'The user already answered this campaign recently, or the campaign does not target them' },
  ]);

/** The body's `rating` and `answers` as answers to the campaign's questions, checked one by one. */
function campaignAnswers(definition: SurveyDefinition, nps: boolean, body: InsertResponseInput): AnswerInput[] {
  const [first] = definition.questions;
  const result: AnswerInput[] = [];
  if (nps) {
    if (body.rating === undefined) throw invalid('an NPS campaign needs a rating from 0 to 10', { pointer: '/rating' });
    if (first && isRatingQuestion(first)) result.push({ type: 'rating_scale', question_id: first.id, rating: body.rating });
  } else if (body.rating !== undefined) {
    throw invalid('rating is only for NPS campaigns; send answers', { pointer: '/rating' });
  }
  const problems: Problem[] = [];
  body.answers.forEach(({ id, value }, i) => {
    const q: Question | undefined = definition.questions.find((x) => x.id === id || x.alias === id);
    const at = `/answers/${i}`;
    if (!q) return void problems.push({ title: 'Invalid request', detail: 'the question is not part of this campaign', source: { pointer: `${at}/id` } });
    if (isRatingQuestion(q)) {
      if (typeof value !== 'number' || !Number.isInteger(value)) return void problems.push({ title: 'Invalid request', detail: 'a rating question takes an integer', source: { pointer: `${at}/value` } });
      result.push({ type: 'rating_scale', question_id: q.id, rating: value });
    } else if (q.type === 'closed_ended') {
      const option = q.options.find((o) => o.id === value || o.label.value === value);
      if (!option) return void problems.push({ title: 'Invalid request', detail: 'the value is none of the question\'s options (id or label)', source: { pointer: `${at}/value` } });
      result.push({ type: 'closed_ended', question_id: q.id, selections: [option.id] });
    } else {
      if (typeof value !== 'string') return void problems.push({ title: 'Invalid request', detail: 'a free-text question takes a string', source: { pointer: `${at}/value` } });
      result.push({ type: 'open_ended', question_id: q.id, value });
    }
  });
  if (problems.length > 0) throw new ApiError('BadRequest', problems);
  return result;
}

const keyReused = () => conflict('Idempotency-Key reused', 'This Idempotency-Key was used with a different request body');

/**
 * The write key of a request body, the only credential (missing, or not a key at all → 401), and the
 * campaign it names, read with the key before the body is checked (the body's schema keeps that text
 * as it is; anything but a string names no campaign).
 */
function writeKeyOf(raw: unknown): { key: string; campaign: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('The body must be a JSON object', { pointer: '' });
  const { writeKey: rawKey, campaign } = raw as { writeKey?: unknown; campaign?: unknown };
  const key = writeKey.safeParse(rawKey);
  if (key.success) return { key: key.data, campaign: typeof campaign === 'string' ? campaign : '' };
  throw new ApiError('Unauthorized', [{ title: 'Unauthorized', detail: 'A writeKey is required', source: { pointer: '/writeKey' } }]);
}

/**
 * SatisMeter's "insert response": a response from an app, stored in the shared survey model (so it
 * shows in the Zendesk list and the admin view). With an Idempotency-Key, a retry gets the first
 * answer back and stores nothing new; the same key with another body is a 409. The write key is
 * checked before the body, as the Zendesk API checks credentials first.
 */
export async function ingestRequest({ raw, idempotencyKey, client }: { raw: unknown; idempotencyKey?: string; client?: string }) {
  const { key, campaign } = writeKeyOf(raw);
  const { writeKeyId, survey } = await authenticateWriteKey(key, campaign, client);
  const body = parseInput(insertResponseBody, raw, 'body');
  return ingestResponse({ writeKeyId, survey, body, ...(idempotencyKey && { idempotencyKey }) });
}

async function ingestResponse({ writeKeyId, survey, body, idempotencyKey }: { writeKeyId: number; survey: SurveyRow | undefined; body: InsertResponseInput; idempotencyKey?: string }) {
  const idempotency = idempotencyKey ? { key: idempotencyKey, requestHash: sha256(JSON.stringify(body)) } : undefined;
  if (idempotency) {
    // A retry gets the first answer even if the campaign has changed since.
    const earlier = replayOf(await findIdempotencyRecord({ writeKeyId, key: idempotency.key }), idempotency.requestHash);
    if (earlier) return earlier;
  }
  if (!survey || survey.type === 'CUSTOMER_SATISFACTION') throw notFound('The campaign could not be found');
  if (survey.state === 'disabled') throw conflict('The campaign has been disabled');
  const version = await loadVersion(survey.id, survey.latestVersion);
  if (!version) throw new Error(`survey ${survey.id} has no version ${survey.latestVersion}`);
  if (body.anonymousId !== undefined && !survey.settings.allow_anonymous) {
    throw invalid('this campaign does not take anonymous responses; send a userId', { pointer: '/anonymousId' });
  }
  const nps = survey.type === 'NET_PROMOTER_SCORE';
  const answers = campaignAnswers(version.definition, nps, body);
  let rows;
  try {
    rows = answerRows(version.definition, answers);
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError('BadRequest', error.errors.map(({ title, detail }) => ({ title, ...(detail && { detail }), source: { pointer: '/answers' } })));
    throw error;
  }

  const id = newId();
  const at = idTime(id);
  const windowMs = survey.settings.resurvey_days * DAY_MS;
  const storedAnswers = rows.map((r) => toStored({ ...r, createdAt: at, updatedAt: at }));
  const answersJson = renderAnswers(storedAnswers, version.definition);
  const build = (user: IngestUser | undefined) => {
    const responseBody = {
      id,
      campaign: survey.id,
      method: body.method,
      rating: nps ? (body.rating ?? null) : null,
      category: nps && body.rating !== undefined ? npsCategory(body.rating) : null,
      answers: rows.flatMap((r) => {
        const q = version.definition.questions.find((x) => x.id === r.questionId)!;
        const value = r.type === 'rating_scale' ? r.rating : r.type === 'open_ended' ? r.value : r.type === 'closed_ended' ? r.selections : undefined;
        return value === undefined ? [] : [{ id: q.id, label: q.headline.value, value }];
      }),
      user: { id: user?.id ?? null, userId: body.userId ?? null, anonymousId: body.anonymousId ?? null, traits: user?.traits ?? body.traits ?? {} },
      forced: body.forceSurvey,
      created: iso(at),
    };
    return {
      response: {
        id,
        surveyId: survey.id,
        surveyVersion: version.version,
        responderId: user?.id ?? null,
        anonymousId: body.anonymousId ?? null,
        method: body.method,
        forced: body.forceSurvey,
        subjectZrns: [],
        locale: typeof user?.traits.locale === 'string' ? user.traits.locale.toLowerCase() : 'en-us',
        // No emailed link leads here; the token only satisfies the model and is never shown.
        tokenHash: sha256(randomSecret()),
        answersJson,
        ...figures(storedAnswers),
        expiresAt: at,
        answeredAt: at,
        createdAt: at,
        updatedAt: at,
      },
      answers: rows.map((r) => ({ ...r, responseId: id, createdAt: at, updatedAt: at })),
      body: JSON.stringify(responseBody),
    };
  };

  // Held to the end: a retry with the same key, and another response by the same user, wait for
  // this one (from any process), so neither can slip between the checks below and the insert.
  const locks = [...(idempotency ? [`idempotency:${writeKeyId}:${idempotency.key}`] : []), ...responderLocks(body)];
  // A user made elsewhere between our check and our insert (the Users API or the admin view, which
  // take none of these locks) breaks a unique email or external id: the transaction rolled back, and
  // running it again finds that user.
  const stored = await retryOnce(UniqueViolation, () => transaction(async (tx) => {
    if (idempotency) {
      const earlier = await tx.findIdempotencyRecord({ writeKeyId, key: idempotency.key });
      if (earlier) return { earlier, kind: 'replay' as const };
    }
    const window = { surveyId: survey.id, sinceId: idBoundsFor(Math.max(0, at - windowMs), at).lo };
    const accepts = (traits: Record<string, unknown>, answeredInWindow: boolean) =>
      body.forceSurvey || (!answeredInWindow && matchesTargeting(survey.settings.targeting, traits));
    const user = await responder(tx, { body, at, accepts, window });
    if (user === 'duplicate') return { kind: 'duplicate' as const };
    const { response, answers, body: responseBody } = build(user);
    const detailJson = storedResponseJson(insertedRow(response), survey.state, at);
    await tx.insertResponse(response, answers, answerEvents({ responseId: id, detailJson, at, current: figures(storedAnswers) }));
    if (idempotency) await tx.insertIdempotencyRecord({ writeKeyId, ...idempotency, responseBody, at });
    return { kind: 'stored' as const, body: responseBody };
  }, { locks }));
  if (stored.kind === 'duplicate') throw duplicate();
  if (stored.kind === 'replay') return replayOf(stored.earlier, idempotency!.requestHash)!;
  countOffered('ingestion');
  countAnswered('ingestion');
  return { body: stored.body, replayed: false };
}

/** The same request body replays the stored answer; another body is a reuse of the key (409). */
function replayOf(record: { requestHash: string; responseBody: string } | undefined, requestHash: string) {
  if (!record) return undefined;
  if (record.requestHash !== requestHash) throw keyReused();
  return { body: record.responseBody, replayed: true };
}

async function retryOnce<T>(kind: new (...args: never[]) => Error, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof kind)) throw error;
    return work();
  }
}

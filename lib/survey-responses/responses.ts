import { findSurveyResponse, insertSurveyResponse, type StoredResponse } from '@/db/survey-responses';
import { saveAnswersIfUnchanged, transaction } from '@/db/transaction';
import { ForeignKeyViolation } from '@/db/errors';
import { findSurvey } from '@/db/surveys';
import type { Actor } from '../auth/credentials';
import { randomSecret, sameHash, sha256 } from '../auth/secrets';
import { failedCredential } from '../auth/throttle';
import { env } from '../env';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../errors';
import { displayLocale } from '../i18n/locales';
import { idTime, isUlid, newId } from '../ids';
import { countAnswered, countOffered } from '../observability/metrics';
import { loadVersion, surveyNotFound } from '../surveys/surveys';
import { requireAdmin } from '../users/users';
import { DAY_MS } from '../time';
import { answerRows } from './answers';
import { ratingLinks } from './links';
import type { AnswerInput, CreateSurveyResponseInput } from './schemas';
import { localizedResponseJson, renderAnswers, storedResponseJson } from './serialize';
import { figures, insertedRow, toStored } from './stored';
import { answerEvents, offeredEvents } from '../webhooks/events';

const MAX_TTL_DAYS = 3650;

export const responseNotFound = () => notFound('The survey response could not be found');
const surveyDisabled = () => conflict('The survey associated with this survey response has been disabled');
const expired = () => conflict('The survey response has expired and can no longer be edited');

async function findResponse(id: string): Promise<StoredResponse> {
  const row = isUlid(id) ? await findSurveyResponse({ id }) : undefined;
  if (!row) throw responseNotFound();
  return row;
}

/** The survey state and the questions of the version a response is pinned to. */
export async function pinnedSurvey(row: StoredResponse) {
  const version = await loadVersion(row.surveyId, row.surveyVersion);
  if (!version) throw new Error(`response ${row.id} is pinned to a missing survey version`);
  return { state: row.surveyState, definition: version.definition };
}

/** Admins offer a survey to a user: the answer carries the rating links and the only copy of the token. */
export async function createSurveyResponse({ actor, input }: { actor: Actor; input: CreateSurveyResponseInput }) {
  requireAdmin(actor);
  const survey = await findSurvey({ id: input.survey_id });
  if (!survey) throw surveyNotFound();
  if (survey.state === 'disabled') throw surveyDisabled();
  const id = newId();
  const createdAt = idTime(id);
  const expiresAt = input.expires_at ? Date.parse(input.expires_at) : createdAt + env().SURVEY_RESPONSE_TTL_DAYS * DAY_MS;
  if (expiresAt <= createdAt || expiresAt > createdAt + MAX_TTL_DAYS * DAY_MS) {
    throw invalid(`expires_at must be in the future and at most ${MAX_TTL_DAYS} days ahead`, { pointer: '/survey_response/expires_at' });
  }
  const version = await loadVersion(survey.id, survey.latestVersion);
  if (!version) throw new Error(`survey ${survey.id} has no version ${survey.latestVersion}`);
  const token = randomSecret(24);
  const response = {
    id,
    surveyId: survey.id,
    surveyVersion: version.version,
    responderId: input.responder_id ?? null,
    subjectZrns: input.subject_zrns,
    locale: input.locale,
    tokenHash: sha256(token),
    expiresAt,
    createdAt,
    updatedAt: createdAt,
    assigneeId: input.assignee_id ?? null,
    groupId: input.group_id ?? null,
    brandId: input.brand_id ?? null,
    tags: input.tags ?? [],
  };
  const detailJson = storedResponseJson(insertedRow(response), survey.state, createdAt);
  try {
    await insertSurveyResponse(response, offeredEvents({ responseId: id, detailJson, at: createdAt }));
  } catch (error) {
    // The survey exists (read above): the only reference that can be missing is the responder. The
    // database checks it in the insert itself, which saves a query on every create.
    if (error instanceof ForeignKeyViolation) throw invalid('No user has this id', { pointer: '/survey_response/responder_id' });
    throw error;
  }
  countOffered('api');
  return { id, links: ratingLinks({ id, token, definition: version.definition, locale: displayLocale(input.locale) }) };
}

/** When each answered question was first answered, from a response's answers document. */
function answerTimes(answersJson: string): Map<string, number> {
  const answers = JSON.parse(answersJson) as { question: { id: string }; created_at: string }[];
  return new Map(answers.map((a) => [a.question.id, Date.parse(a.created_at)]));
}

/** Show and Submit answer one response, as JSON text already. */
const body = (response: string) => `{"survey_response":${response}}`;

function holdsToken(row: StoredResponse, accessToken: string | undefined): boolean {
  return accessToken !== undefined && sameHash(sha256(accessToken), row.tokenHash);
}

/**
 * The responder, or anyone holding the access token, answers; answering again before expires_at
 * replaces the answers. No credentials and no token → 401; someone else's credentials → 403.
 * Returns the answer's body as JSON text: `{"survey_response":…}`.
 */
export async function submitSurveyResponse(input: {
  actor?: Actor;
  id: string;
  accessToken?: string;
  answers: AnswerInput[];
  /** The client address, for the limit on failed access tokens. */
  client?: string;
  now?: number;
}) {
  const row = isUlid(input.id) ? await findSurveyResponse({ id: input.id }) : undefined;
  const isResponder = row !== undefined && input.actor !== undefined && row.responderId === input.actor.id;
  if (!row || (!isResponder && !holdsToken(row, input.accessToken))) {
    if (input.actor) throw row ? forbidden() : responseNotFound();
    // Without credentials an unknown id is a 401, as a wrong token is: nobody can probe which ids exist.
    if (input.accessToken !== undefined) await failedCredential({ kind: 'access_token', client: input.client });
    throw unauthorized();
  }
  const survey = await pinnedSurvey(row);
  if (survey.state === 'disabled') throw surveyDisabled();
  const now = input.now ?? Date.now();
  if (now >= row.expiresAt) throw expired();
  const rows = answerRows(survey.definition, input.answers);
  // What to write, decided from what the response held: the answers (one answered before keeps its
  // created_at), their document, the answer's body (which is also the events' detail: the response
  // as Show returns it after this change) and the events.
  const decide = (was: { answerTimes: Map<string, number>; answeredAt: number | null; rating: number | null; ratingCategory: string | null }) => {
    const stored = rows.map((r) => toStored({ ...r, createdAt: was.answerTimes.get(r.questionId) ?? now, updatedAt: now }));
    const answersJson = renderAnswers(stored, survey.definition);
    const current = figures(stored);
    const json = storedResponseJson({ ...row, answersJson, answeredAt: now, updatedAt: now }, survey.state, now);
    const previous = was.answeredAt === null ? undefined : { rating: was.rating, ratingCategory: was.ratingCategory };
    const events = answerEvents({ responseId: row.id, detailJson: json, at: now, previous, current });
    return { json, save: { id: row.id, answers: stored, answersJson, at: now, ...current, events } };
  };
  // Most submits find the response as it was read above: written in one step if it still is.
  const quick = decide({ ...row, answerTimes: answerTimes(row.answersJson) });
  if (await saveAnswersIfUnchanged({ ...quick.save, expectedUpdatedAt: row.updatedAt })) {
    if (row.answeredAt === null) countAnswered('submit');
    return body(quick.json);
  }
  const responseJson = await transaction(async (tx) => {
    // Changed since (another submit, the survey disabled, expired a moment ago): decided again with
    // the response locked.
    const was = await tx.writableResponse(row.id);
    if (!was || was.surveyState === 'disabled') throw surveyDisabled();
    if (now >= was.expiresAt) throw expired();
    const { json, save } = decide(was);
    await tx.saveAnswers(save);
    return json;
  });
  if (row.answeredAt === null) countAnswered('submit');
  return body(responseJson);
}

/** Admins see every response; an agent those they answer or are assigned; an end user their own. */
function maySee(actor: Actor, row: StoredResponse): boolean {
  return actor.role === 'admin' || row.responderId === actor.id || (actor.role === 'agent' && row.assigneeId === actor.id);
}

/**
 * Admins see every response; an agent the ones they answer or are assigned; anyone else only their
 * own (403). A locale localizes the questions. Returns the answer's body as JSON text:
 * `{"survey_response":…}`.
 */
export async function showSurveyResponse({ actor, id, locale }: { actor: Actor; id: string; locale?: string }) {
  const row = await findResponse(id);
  if (!maySee(actor, row)) throw forbidden();
  if (locale === undefined) return body(storedResponseJson(row, row.surveyState));
  const { definition } = await pinnedSurvey(row);
  return body(localizedResponseJson(row, row.surveyState, definition, displayLocale(locale)));
}

import type { SurveyResponseRow } from '@/db/schema';
import { findSurveyResponse, type StoredResponse } from '@/db/survey-responses';
import { sameHash, sha256 } from '../auth/secrets';
import { failedCredential } from '../auth/throttle';
import { isUnavailable, notFound } from '../errors';
import { resolveText } from '../i18n/dynamic-content';
import { displayLocale, type Locale } from '../i18n/locales';
import { isUlid } from '../ids';
import { isRatingQuestion, type Question, type SurveyDefinition } from '../surveys/definition';
import { reachableQuestions } from '../survey-responses/answers';
import { pinnedSurvey } from '../survey-responses/responses';

// What the customer's page shows, built from the same response and survey rules as the API.

export type PageState = 'open' | 'answered' | 'closed' | 'disabled';

export interface PageOption {
  value: string;
  label: string;
  emoji?: string;
}

export interface PageQuestion {
  id: string;
  type: 'rating' | 'closed_ended' | 'open_ended';
  headline: string;
  options: PageOption[];
  /** Ratings of the first question after which this question is asked; undefined: always asked. */
  askedAfter?: number[];
}

export interface SurveyPageView {
  id: string;
  state: PageState;
  /** The form is shown: a first visit, an edit, or a rating link clicked again before expiry. */
  editing: boolean;
  expiresAt: number;
  questions: PageQuestion[];
  /** Values per question id: the stored answers, with the emailed rating over them. */
  chosen: Record<string, string[]>;
}

/** A wrong token and an unknown id look the same: both are "not found", revealing nothing. */
export const invalidLink = () => notFound('The survey response could not be found');

/** The response an access token opens, or a not-found error. */
/** The response a link opens; a wrong token counts against the client's address (429 past the limit). */
export async function responseForToken(id: string, accessToken: string | undefined, client?: string): Promise<StoredResponse> {
  const row = isUlid(id) ? await findSurveyResponse({ id }) : undefined;
  if (!row || !accessToken || !sameHash(sha256(accessToken), row.tokenHash)) {
    if (accessToken) await failedCredential({ kind: 'access_token', client });
    throw invalidLink();
  }
  return row;
}

/** Where a page asked in an unsupported locale goes: the response's locale, else the default. */
export async function redirectLocale({ id, accessToken }: { id: string; accessToken?: string }): Promise<Locale> {
  try {
    return displayLocale((await responseForToken(id, accessToken)).locale);
  } catch (error) {
    if (isUnavailable(error)) throw error;
    return displayLocale('');
  }
}

function pageQuestion(q: Question, locale: Locale, askedAfter: number[] | undefined): PageQuestion {
  const headline = resolveText(q.headline, locale).value;
  const base = { id: q.id, headline, ...(askedAfter && { askedAfter }) };
  if (isRatingQuestion(q)) {
    return {
      ...base,
      type: 'rating',
      options: q.options.map((o) => ({
        value: String(o.rating),
        label: resolveText(o.label, locale).value,
        ...(o.emoji && { emoji: resolveText(o.emoji, locale).value }),
      })),
    };
  }
  if (q.type === 'closed_ended') {
    return { ...base, type: q.type, options: q.options.map((o) => ({ value: o.id, label: resolveText(o.label, locale).value })) };
  }
  return { ...base, type: q.type, options: [] };
}

/** For each later question, the first question's ratings after which it is asked. */
function askedAfterRatings(definition: SurveyDefinition): (number[] | undefined)[] {
  const [first] = definition.questions;
  if (!first || !isRatingQuestion(first)) return definition.questions.map(() => undefined);
  const reachable = first.options.map((o) => ({
    rating: o.rating,
    set: reachableQuestions(definition, new Map([[first.id, { type: 'rating_scale' as const, question_id: first.id, rating: o.rating }]])),
  }));
  return definition.questions.map((_, i) => (i === 0 ? undefined : reachable.filter((r) => r.set.has(i)).map((r) => r.rating)));
}

function storedChoices(row: SurveyResponseRow): Record<string, string[]> {
  const chosen: Record<string, string[]> = {};
  for (const a of JSON.parse(row.answersJson) as { type: string; question: { id: string }; rating?: number; selections?: { option_id: string }[]; value?: string }[]) {
    if (a.type === 'rating_scale') chosen[a.question.id] = [String(a.rating)];
    else if (a.type === 'closed_ended') chosen[a.question.id] = (a.selections ?? []).map((s) => s.option_id);
    else if (a.type === 'open_ended') chosen[a.question.id] = [a.value ?? ''];
  }
  return chosen;
}

/**
 * The page for an emailed link. Reading never records anything (mail scanners open every link): the
 * rating of the link is only preselected. `edit` reopens the form on an answered response.
 */
export async function openSurveyPage(input: {
  id: string;
  accessToken?: string;
  locale: Locale;
  rating?: string;
  edit?: boolean;
  client?: string;
  now?: number;
}): Promise<SurveyPageView> {
  const row = await responseForToken(input.id, input.accessToken, input.client);
  const survey = await pinnedSurvey(row);
  const now = input.now ?? Date.now();
  const answered = row.answeredAt !== null;
  const state: PageState =
    survey.state === 'disabled' ? 'disabled' : now >= row.expiresAt ? 'closed' : answered ? 'answered' : 'open';

  const askedAfter = askedAfterRatings(survey.definition);
  const questions = survey.definition.questions.map((q, i) => pageQuestion(q, input.locale, askedAfter[i]));
  const chosen = storedChoices(row);
  const first = questions[0];
  const linkRating = first?.type === 'rating' && first.options.some((o) => o.value === input.rating) ? input.rating : undefined;
  if (first && linkRating && (state === 'open' || state === 'answered')) chosen[first.id] = [linkRating];
  const editing = state === 'open' || (state === 'answered' && (input.edit === true || linkRating !== undefined));
  return { id: row.id, state, editing, expiresAt: row.expiresAt, questions, chosen };
}

/** The page of a survey version as a customer first sees it, with no response behind it (the admin preview). */
export function previewSurveyPage({ definition, locale }: { definition: SurveyDefinition; locale: Locale }): SurveyPageView {
  const askedAfter = askedAfterRatings(definition);
  const questions = definition.questions.map((q, i) => pageQuestion(q, locale, askedAfter[i]));
  return { id: 'preview', state: 'open', editing: true, expiresAt: 0, questions, chosen: {} };
}

/** The form field of a question's answer (repeated for a closed-ended question's choices). */
export const ANSWER_PREFIX = 'answer.';
export const answerField = (questionId: string) => `${ANSWER_PREFIX}${questionId}`;

/**
 * CSS that asks each follow-up only after the ratings that lead to it, with no JavaScript: the
 * `:has()` of the checked rating shows the question. A browser without `:has()` shows every question;
 * the answers to questions the rating does not ask are dropped on submit.
 */
export function followUpCss(view: SurveyPageView): string {
  const [first] = view.questions;
  if (!first || first.type !== 'rating') return '';
  const rules = view.questions
    .filter((q) => q.askedAfter)
    .map((q) => {
      const shown = q.askedAfter!.map((r) => `form:has(input[name="${answerField(first.id)}"][value="${r}"]:checked) .q-${q.id}`);
      return `.q-${q.id}{display:none}` + (shown.length ? `${shown.join(',')}{display:block}` : '');
    })
    .join('');
  return rules && `@supports selector(:has(*)){${rules}}`;
}

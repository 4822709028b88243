import { z } from 'zod';
import { ApiError, isInvalidValue, isThrottled, isUnavailable } from '../errors';
import type { Locale } from '../i18n/locales';
import { isRatingQuestion, type SurveyDefinition } from '../surveys/definition';
import { reachableQuestions } from '../survey-responses/answers';
import { pinnedSurvey, submitSurveyResponse } from '../survey-responses/responses';
import type { AnswerInput } from '../survey-responses/schemas';
import { surveyPagePath } from '../survey-responses/links';
import { ANSWER_PREFIX, responseForToken } from './view';

// A browser's maxlength counts a line break as one character but sends it as CRLF: count it as the
// customer saw it, so a comment the textarea accepted is never refused for its length.
const fieldValue = z
  .string()
  .transform((v) => v.replace(/\r\n/g, '\n'))
  .pipe(z.string().max(10_000));

/** The page's form: `access_token` and one `answer.<question id>` field (repeated for checkboxes). */
const surveyPageFields = z.record(z.string().max(200), z.array(fieldValue).max(50));

/** `malformed`: the fields were refused as a whole; the page says so and keeps the token. */
export interface SurveyPageForm {
  access_token: string;
  answers: Record<string, string[]>;
  malformed?: true;
}

export function surveyPageForm(fields: Record<string, string[]>): SurveyPageForm {
  const parsed = surveyPageFields.safeParse(fields);
  if (!parsed.success) {
    const token = fields.access_token?.[0];
    return { access_token: token !== undefined && token.length <= 200 ? token : '', answers: {}, malformed: true };
  }
  return {
    access_token: parsed.data.access_token?.[0] ?? '',
    answers: Object.fromEntries(
      Object.entries(parsed.data)
        .filter(([name]) => name.startsWith(ANSWER_PREFIX))
        .map(([name, values]) => [name.slice(ANSWER_PREFIX.length), values]),
    ),
  };
}

export type PageError = 'rating' | 'invalid';

/**
 * What the form says, as API answers. Inputs of questions the page hid (a reason ticked before the
 * rating was changed to a good one) are not answers: only the questions asked after the chosen
 * rating count, exactly as the customer saw them.
 */
export function answersFromForm(definition: SurveyDefinition, fields: Record<string, string[]>): AnswerInput[] {
  const given = new Map<string, AnswerInput>();
  for (const q of definition.questions) {
    const values = (fields[q.id] ?? []).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (isRatingQuestion(q)) given.set(q.id, { type: 'rating_scale', question_id: q.id, rating: Number(values[0]) });
    else if (q.type === 'closed_ended') given.set(q.id, { type: 'closed_ended', question_id: q.id, selections: [...new Set(values)] });
    else given.set(q.id, { type: 'open_ended', question_id: q.id, value: values[0]! });
  }
  const asked = reachableQuestions(definition, given);
  return definition.questions.flatMap((q, i) => {
    const answer = given.get(q.id);
    return answer && asked.has(i) ? [answer] : [];
  });
}

/**
 * Stores the form through the same submit rule as the API. Returns where to send the browser next
 * (post/redirect/get): the page itself, with an error code when the answers were refused.
 */
export async function submitSurveyPage(input: { id: string; locale: Locale; form: SurveyPageForm; client?: string }): Promise<{ location: string; error?: PageError }> {
  const token = input.form.access_token;
  const location = surveyPagePath({ id: input.id, token, locale: input.locale });
  let row;
  try {
    row = await responseForToken(input.id, token, input.client);
  } catch (error) {
    if (isUnavailable(error) || isThrottled(error)) throw error;
    return { location }; // The page shows the same not-found as for a GET.
  }
  // Back to the form with the error: edit=1 so that an answered response shows its form again
  // instead of its thank-you, and the chosen rating stays chosen.
  const refused = (error: PageError, rating?: number) => ({
    location: `${location}&edit=1${rating === undefined ? '' : `&rating=${rating}`}&error=${error}`,
    error,
  });
  if (input.form.malformed) return refused('invalid');
  const { definition } = await pinnedSurvey(row);
  const answers = answersFromForm(definition, input.form.answers);
  const first = definition.questions[0];
  const chosen = answers.find((a) => a.question_id === first?.id);
  if (first && !chosen) return refused('rating');
  try {
    await submitSurveyResponse({ id: row.id, accessToken: token, answers });
    return { location };
  } catch (error) {
    // Expired or disabled: the page explains it in its closed or disabled state.
    if (error instanceof ApiError && error.status === 409) return { location };
    if ((error instanceof ApiError && error.status === 400) || isInvalidValue(error)) {
      return refused('invalid', chosen?.type === 'rating_scale' && Number.isInteger(chosen.rating) ? chosen.rating : undefined);
    }
    throw error;
  }
}

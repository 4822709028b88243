import { z } from 'zod';
import { ApiError } from '../errors';
import type { Locale } from '../i18n/locales';
import { isRatingQuestion, type SurveyDefinition } from '../surveys/definition';
import { reachableQuestions } from '../survey-responses/answers';
import { pinnedSurvey, submitSurveyResponse } from '../survey-responses/responses';
import type { AnswerInput } from '../survey-responses/schemas';
import { surveyPagePath } from '../survey-responses/links';
import { ANSWER_PREFIX, responseForToken } from './view';

/** The page's form: `access_token` and one `answer.<question id>` field (repeated for checkboxes). */
export const surveyPageForm = z
  .record(z.string().max(200), z.array(z.string().max(10_000)).max(50))
  .transform((fields) => ({
    access_token: fields.access_token?.[0] ?? '',
    answers: Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => name.startsWith(ANSWER_PREFIX))
        .map(([name, values]) => [name.slice(ANSWER_PREFIX.length), values]),
    ),
  }));
export type SurveyPageForm = z.output<typeof surveyPageForm>;

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
export async function submitSurveyPage(input: { id: string; locale: Locale; form: SurveyPageForm }): Promise<{ location: string; error?: PageError }> {
  const token = input.form.access_token;
  const location = surveyPagePath({ id: input.id, token, locale: input.locale });
  let row;
  try {
    row = await responseForToken(input.id, token);
  } catch {
    return { location }; // The page shows the same not-found as for a GET.
  }
  const { definition } = await pinnedSurvey(row);
  const answers = answersFromForm(definition, input.form.answers);
  const first = definition.questions[0];
  if (first && !answers.some((a) => a.question_id === first.id)) return { location: `${location}&error=rating`, error: 'rating' };
  try {
    await submitSurveyResponse({ id: row.id, accessToken: token, answers });
    return { location };
  } catch (error) {
    // Expired or disabled: the page explains it in its closed or disabled state.
    if (error instanceof ApiError && error.status === 409) return { location };
    if (error instanceof ApiError && error.status === 400) return { location: `${location}&error=invalid`, error: 'invalid' };
    throw error;
  }
}

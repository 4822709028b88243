import type { StoredAnswer, SurveyResponseRow, SurveyState } from '@/db/schema';
import type { Locale } from '../i18n/locales';
import type { Question, SurveyDefinition } from '../surveys/definition';
import { localizeQuestion, minimalQuestion } from '../surveys/serialize';
import { iso } from '../time';

export function subjectOf(zrn: string) {
  const [, type = '', id = ''] = zrn.split(':');
  return { id, type, zrn };
}

function serializeAnswer(a: StoredAnswer, question: ReturnType<typeof minimalQuestion> | ReturnType<typeof localizeQuestion>) {
  const times = { created_at: iso(a.createdAt), updated_at: iso(a.updatedAt) };
  switch (a.type) {
    case 'rating_scale':
      return { type: a.type, question, rating: a.rating, rating_category: a.ratingCategory, ...times };
    case 'closed_ended':
      return {
        type: a.type,
        question,
        selections: (a.selections ?? []).map((option_id) => ({ type: 'predefined', option_id })),
        ...times,
      };
    case 'open_ended':
      return { type: a.type, question, value: a.value, ...times };
    default:
      return { type: a.type, question, ...times };
  }
}

/**
 * The wire form of a response. With a locale, questions carry their texts in that locale (Show
 * localized); without, they are minimal as in Zendesk's List. `survey_id`/`survey_version` keep
 * clients of the older Help Center shape working beside the current `survey` object.
 */
export function serializeSurveyResponse(
  row: SurveyResponseRow,
  survey: { state: SurveyState; definition: SurveyDefinition },
  locale?: Locale,
) {
  const questions = new Map<string, Question>(survey.definition.questions.map((q) => [q.id, q]));
  return {
    id: row.id,
    survey: { id: row.surveyId, version: row.surveyVersion, state: survey.state },
    survey_id: row.surveyId,
    survey_version: row.surveyVersion,
    responder_id: row.responderId,
    subject_zrns: row.subjectZrns,
    subjects: row.subjectZrns.map(subjectOf),
    locale: row.locale,
    answers: row.answersDoc.flatMap((a) => {
      const q = questions.get(a.questionId);
      if (!q) return [];
      return [serializeAnswer(a, locale ? localizeQuestion(q, locale, false) : minimalQuestion(q))];
    }),
    expires_at: iso(row.expiresAt),
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

import type { StoredAnswer, SurveyResponseRow, SurveyState } from '@/db/schema';
import type { ListedResponse } from '@/db/survey-responses';
import type { Locale } from '../i18n/locales';
import type { Question, SurveyDefinition } from '../surveys/definition';
import { localizeQuestion, minimalQuestion } from '../surveys/serialize';
import { iso } from '../time';

export function subjectOf(zrn: string) {
  const [, type = '', id = ''] = zrn.split(':');
  return { id, type, zrn };
}

type WireQuestion = ReturnType<typeof minimalQuestion> | ReturnType<typeof localizeQuestion>;

function wireAnswer(a: StoredAnswer, question: WireQuestion) {
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
 * The answers in their unlocalized wire form (minimal questions, as in Zendesk's List), rendered once
 * when they are written and stored with the response.
 */
export function renderAnswers(answers: StoredAnswer[], definition: SurveyDefinition): string {
  const questions = new Map<string, Question>(definition.questions.map((q) => [q.id, q]));
  return JSON.stringify(
    answers.flatMap((a) => {
      const q = questions.get(a.questionId);
      return q ? [wireAnswer(a, minimalQuestion(q))] : [];
    }),
  );
}

type WireAnswer = ReturnType<typeof wireAnswer>;

function head(row: SurveyResponseRow, state: SurveyState) {
  return {
    id: row.id,
    survey: { id: row.surveyId, version: row.surveyVersion, state },
    survey_id: row.surveyId,
    survey_version: row.surveyVersion,
    responder_id: row.responderId,
    subject_zrns: row.subjectZrns,
    subjects: row.subjectZrns.map(subjectOf),
    locale: row.locale,
  };
}

function tail(row: SurveyResponseRow) {
  return { expires_at: iso(row.expiresAt), created_at: iso(row.createdAt), updated_at: iso(row.updatedAt) };
}

/**
 * The wire form of a response. With a locale, questions carry their texts in that locale (Show
 * localized). `survey_id`/`survey_version` keep clients of the older Help Center shape working beside
 * the current `survey` object.
 */
export function serializeSurveyResponse(
  row: SurveyResponseRow,
  survey: { state: SurveyState; definition: SurveyDefinition },
  locale?: Locale,
) {
  let answers = JSON.parse(row.answersJson) as WireAnswer[];
  if (locale) {
    const questions = new Map<string, Question>(survey.definition.questions.map((q) => [q.id, q]));
    answers = answers.map((a) => ({ ...a, question: localizeQuestion(questions.get(a.question.id)!, locale, false) }));
  }
  return { ...head(row, survey.state), answers, ...tail(row) };
}

const str = JSON.stringify;

/** The unlocalized wire form of one stored response as JSON text (Submit, Show without a locale). */
export function storedResponseJson(row: SurveyResponseRow, state: SurveyState): string {
  return surveyResponseJson({ ...row, surveyState: state, subjectZrnsJson: JSON.stringify(row.subjectZrns) });
}

/**
 * The same wire form as JSON text, for pages of many responses: the stored answers and subjects are
 * copied in as they are instead of being parsed and serialized again. A unit test holds it equal to
 * serializeSurveyResponse.
 */
export function surveyResponseJson(row: ListedResponse): string {
  const survey = `{"id":${str(row.surveyId)},"version":${row.surveyVersion},"state":${str(row.surveyState)}}`;
  const subjects = (JSON.parse(row.subjectZrnsJson) as string[]).map((zrn) => {
    const s = subjectOf(zrn);
    return `{"id":${str(s.id)},"type":${str(s.type)},"zrn":${str(zrn)}}`;
  });
  return (
    `{"id":${str(row.id)},"survey":${survey},"survey_id":${str(row.surveyId)},"survey_version":${row.surveyVersion},` +
    `"responder_id":${row.responderId === null ? 'null' : row.responderId},"subject_zrns":${row.subjectZrnsJson},` +
    `"subjects":[${subjects.join(',')}],"locale":${str(row.locale)},"answers":${row.answersJson},` +
    `"expires_at":"${iso(row.expiresAt)}","created_at":"${iso(row.createdAt)}","updated_at":"${iso(row.updatedAt)}"}`
  );
}

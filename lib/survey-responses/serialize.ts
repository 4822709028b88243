import type { StoredAnswer, SurveyResponseRow, SurveyState } from '@/db/schema';
import type { ListedResponse, ResponseState } from '@/db/survey-responses';
import type { Locale } from '../i18n/locales';
import type { Question, SurveyDefinition } from '../surveys/definition';
import { localizedQuestionJson, minimalQuestion } from '../surveys/serialize';
import { iso } from '../time';

/** `zen:ticket:123` → its type and id: the second and third `:`-separated parts ('' when missing). */
export function subjectOf(zrn: string) {
  // indexOf rather than split: this runs for every subject of every row of a list page.
  const a = zrn.indexOf(':');
  const b = a < 0 ? -1 : zrn.indexOf(':', a + 1);
  const c = b < 0 ? -1 : zrn.indexOf(':', b + 1);
  const type = a < 0 ? '' : zrn.slice(a + 1, b < 0 ? undefined : b);
  const id = b < 0 ? '' : zrn.slice(b + 1, c < 0 ? undefined : c);
  return { id, type, zrn };
}

function wireAnswer(a: StoredAnswer, question: ReturnType<typeof minimalQuestion>) {
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

const QUESTION = '"question":0';

/**
 * A stored response with each answer's question in `locale` (Show localized), as JSON text: the
 * answers are parsed, but each question is spliced in as its cached JSON (localizedQuestionJson).
 */
export function localizedResponseJson(
  row: SurveyResponseRow,
  state: SurveyState,
  definition: SurveyDefinition,
  locale: Locale,
  now = Date.now(),
): string {
  const questions = new Map<string, Question>(definition.questions.map((q) => [q.id, q]));
  const answers = (JSON.parse(row.answersJson) as WireAnswer[]).map((a) => {
    // The placeholder is the second key: nothing before it (the type) can contain it.
    const text = JSON.stringify({ ...a, question: 0 });
    const at = text.indexOf(QUESTION);
    return `${text.slice(0, at)}"question":${localizedQuestionJson(questions.get(a.question.id)!, locale)}${text.slice(at + QUESTION.length)}`;
  });
  return storedResponseJson({ ...row, answersJson: `[${answers.join(',')}]` }, state, now);
}

const str = JSON.stringify;

// Stored ZRNs passed the ZRN pattern, so they need no escaping; anything else is escaped as usual.
const PLAIN = /^[\w:-]*$/;

/** A subject's wire form as JSON text. */
function subjectJson(zrn: string): string {
  const s = subjectOf(zrn);
  return PLAIN.test(zrn)
    ? `{"id":"${s.id}","type":"${s.type}","zrn":"${zrn}"}`
    : `{"id":${str(s.id)},"type":${str(s.type)},"zrn":${str(zrn)}}`;
}

/** The unlocalized wire form of one stored response as JSON text (Submit, Show without a locale). */
export function storedResponseJson(row: SurveyResponseRow, state: SurveyState, now = Date.now()): string {
  return surveyResponseJson(
    { ...row, surveyState: state, subjectZrnsJson: JSON.stringify(row.subjectZrns), tagsJson: JSON.stringify(row.tags) },
    now,
  );
}

/**
 * A response's state at `now`: `answered` once submitted, else `offered` before expires_at and
 * `expired` from then on.
 */
export function responseState(row: { answeredAt: number | null; expiresAt: number }, now: number): ResponseState {
  if (row.answeredAt !== null) return 'answered';
  return now >= row.expiresAt ? 'expired' : 'offered';
}

const id = (value: number | null) => (value === null ? 'null' : String(value));

/**
 * The same wire form as JSON text, for pages of many responses: the stored answers and subjects are
 * copied in as they are instead of being parsed and serialized again. A unit test holds it equal to
 * serializeSurveyResponse.
 */
export function surveyResponseJson(row: ListedResponse, now: number): string {
  const survey = `{"id":${str(row.surveyId)},"version":${row.surveyVersion},"state":${str(row.surveyState)}}`;
  const subjects = (JSON.parse(row.subjectZrnsJson) as string[]).map(subjectJson);
  return (
    `{"id":${str(row.id)},"survey":${survey},"survey_id":${str(row.surveyId)},"survey_version":${row.surveyVersion},` +
    `"responder_id":${row.responderId === null ? 'null' : row.responderId},"subject_zrns":${row.subjectZrnsJson},` +
    `"subjects":[${subjects.join(',')}],"locale":${str(row.locale)},"answers":${row.answersJson},` +
    `"expires_at":"${iso(row.expiresAt)}","created_at":"${iso(row.createdAt)}","updated_at":"${iso(row.updatedAt)}",` +
    `"assignee_id":${id(row.assigneeId)},"group_id":${id(row.groupId)},"brand_id":${id(row.brandId)},"tags":${row.tagsJson},` +
    `"state":"${responseState(row, now)}"}`
  );
}

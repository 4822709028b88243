import type { NewAnswerRow } from '@/db/schema';
import { badRequest, type Problem } from '../errors';
import { isRatingQuestion, type Question, type SurveyDefinition } from '../surveys/definition';
import { ratingCategory } from '../surveys/rating';
import type { AnswerInput } from './schemas';

export type AnswerRowInput = Omit<NewAnswerRow, 'responseId' | 'createdAt' | 'updatedAt'>;

const at = (i: number, field?: string) => ({
  source: { pointer: `/survey_response/answers/${i}${field ? `/${field}` : ''}` },
});

/** Where a question leads: an explicit follow-up, else the next question in order. */
function nextOf(questions: Question[], index: number, followUps: (string | null)[]): number[] {
  return followUps.map((f) => (f === null ? index + 1 : questions.findIndex((q) => q.id === f))).filter((i) => i > index);
}

/**
 * Which questions the customer is asked, given their answers: the first question always, then the
 * follow-ups of what they chose (all follow-ups of a question they skipped, since any could follow).
 */
export function reachableQuestions(definition: SurveyDefinition, given: Map<string, AnswerInput>): Set<number> {
  const { questions } = definition;
  const reachable = new Set<number>(questions.length > 0 ? [0] : []);
  questions.forEach((q, i) => {
    if (!reachable.has(i)) return;
    const answer = given.get(q.id);
    let followUps: (string | null)[];
    if (q.type === 'open_ended') followUps = [q.follow_up?.question_id ?? null];
    else if (isRatingQuestion(q) && answer?.type === 'rating_scale') {
      followUps = q.options.filter((o) => o.rating === answer.rating).map((o) => o.follow_up?.question_id ?? null);
    } else if (q.type === 'closed_ended' && answer?.type === 'closed_ended') {
      followUps = q.options.filter((o) => answer.selections.includes(o.id)).map((o) => o.follow_up?.question_id ?? null);
    } else {
      followUps = q.options.map((o) => o.follow_up?.question_id ?? null);
    }
    for (const next of nextOf(questions, i, followUps)) if (next < questions.length) reachable.add(next);
  });
  return reachable;
}

function checkAnswer(q: Question, a: AnswerInput, i: number): Problem | undefined {
  const wrongType = (expected: string) => ({ title: 'Invalid answer', detail: `question ${q.id} takes a ${expected} answer`, ...at(i, 'type') });
  if (a.type === 'skipped') return undefined;
  if (isRatingQuestion(q)) {
    if (a.type !== 'rating_scale') return wrongType('rating_scale');
    if (!q.options.some((o) => o.rating === a.rating)) {
      const ratings = q.options.map((o) => o.rating);
      return { title: 'Invalid answer', detail: `rating must be one of ${ratings.join(', ')}`, ...at(i, 'rating') };
    }
    return undefined;
  }
  if (q.type === 'closed_ended') {
    if (a.type !== 'closed_ended') return wrongType('closed_ended');
    const unknown = a.selections.findIndex((s) => !q.options.some((o) => o.id === s));
    if (unknown >= 0) return { title: 'Invalid answer', detail: 'the option is not one of this question', ...at(i, `selections/${unknown}`) };
    if (new Set(a.selections).size !== a.selections.length) {
      return { title: 'Invalid answer', detail: 'an option is selected twice', ...at(i, 'selections') };
    }
    return undefined;
  }
  return a.type === 'open_ended' ? undefined : wrongType('open_ended');
}

/** An answer that says nothing: it is stored as skipped. */
const isBlank = (a: AnswerInput) => a.type === 'skipped' || (a.type === 'open_ended' && a.value.trim() === '');

/**
 * Checks submitted answers against the pinned survey version and returns one row per question, in
 * question order: unanswered questions (and empty comments) are stored as skipped.
 */
export function answerRows(definition: SurveyDefinition, input: AnswerInput[]): AnswerRowInput[] {
  const problems: Problem[] = [];
  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  const given = new Map<string, AnswerInput>();
  input.forEach((a, i) => {
    const q = byId.get(a.question_id);
    if (!q) problems.push({ title: 'Invalid answer', detail: 'the question is not part of this survey version', ...at(i, 'question_id') });
    else if (given.has(a.question_id)) problems.push({ title: 'Invalid answer', detail: 'the question is answered twice', ...at(i, 'question_id') });
    else {
      const problem = checkAnswer(q, a, i);
      if (problem) problems.push(problem);
      given.set(a.question_id, a);
    }
  });
  if (problems.length > 0) throw badRequest(...problems);

  const first = definition.questions[0];
  const firstAnswer = first && given.get(first.id);
  if (first && (!firstAnswer || isBlank(firstAnswer))) {
    throw badRequest({ title: 'Invalid answer', detail: `the first question (${first.id}) must be answered`, source: { pointer: '/survey_response/answers' } });
  }
  const reachable = reachableQuestions(definition, given);
  input.forEach((a, i) => {
    const index = definition.questions.findIndex((q) => q.id === a.question_id);
    if (a.type !== 'skipped' && !reachable.has(index)) {
      problems.push({ title: 'Invalid answer', detail: 'the question is not asked after the answers given', ...at(i, 'question_id') });
    }
  });
  if (problems.length > 0) throw badRequest(...problems);

  return definition.questions.map((q, position): AnswerRowInput => {
    const a = given.get(q.id);
    const base = { questionId: q.id, position };
    if (a?.type === 'rating_scale' && isRatingQuestion(q)) {
      return { ...base, type: 'rating_scale', rating: a.rating, ratingCategory: ratingCategory(q, a.rating) };
    }
    if (a?.type === 'closed_ended') return { ...base, type: 'closed_ended', selections: a.selections };
    if (a?.type === 'open_ended' && a.value.trim() !== '') return { ...base, type: 'open_ended', value: a.value.trim() };
    return { ...base, type: 'skipped' };
  });
}

import type { SurveyType } from '@/db/schema';
import { badRequest, type Problem } from '../errors';
import { isUlid, newId } from '../ids';
import { type FollowUp, type Question, type SurveyDefinition } from './definition';
import type { QuestionInput } from './schemas';

const at = (path: string): Pick<Problem, 'source'> => ({ source: { pointer: `/survey/questions${path}` } });
const problem = (detail: string, path: string): Problem => ({ title: 'Invalid survey', detail, ...at(path) });

function scaleProblem(q: Extract<QuestionInput, { options: { rating: number }[] }>, surveyType: SurveyType, i: number) {
  const ratings = q.options.map((o) => o.rating);
  const consecutive = ratings.every((r, k) => k === 0 || r === (ratings[k - 1] ?? NaN) + 1);
  if (q.sub_type === 'net_promoter_score') {
    if (ratings.length !== 11 || ratings[0] !== 0 || !consecutive) return 'an NPS scale has the ratings 0 to 10 in order';
  } else if (![2, 3, 5].includes(ratings.length) || ratings[0] !== 1 || !consecutive) {
    return 'a rating scale has 2, 3 or 5 options rated 1 to N in order';
  }
  if (q.type === 'rating_scale_emoji' && q.options.some((o) => !o.emoji)) return 'every option of an emoji scale needs an emoji';
  if (i === 0 && surveyType === 'CUSTOMER_SATISFACTION' && q.sub_type !== 'customer_satisfaction') {
    return 'a CUSTOMER_SATISFACTION survey starts with a customer_satisfaction rating';
  }
  if (i === 0 && surveyType === 'NET_PROMOTER_SCORE' && q.sub_type !== 'net_promoter_score') {
    return 'a NET_PROMOTER_SCORE survey starts with a net_promoter_score rating';
  }
  return undefined;
}

/**
 * Turns submitted questions into a stored definition: assigns ids (reusing the previous version's id of a
 * question with the same alias, so answers stay comparable across versions), resolves follow-ups given
 * by id or alias, and checks the rules a customer page relies on. Follow-ups only point forward, so a
 * survey can never loop.
 */
export function normalizeQuestions(
  input: QuestionInput[],
  surveyType: SurveyType,
  previous?: SurveyDefinition,
): SurveyDefinition {
  const problems: Problem[] = [];
  const previousIdByAlias = new Map(previous?.questions.map((q) => [q.alias, q.id]));
  const seenIds = new Set<string>();
  const seenAliases = new Set<string>();

  const ids = input.map((q, i) => {
    const alias = q.alias ?? `question ${i + 1}`;
    if (seenAliases.has(alias)) problems.push(problem(`alias "${alias}" is used twice`, `/${i}/alias`));
    seenAliases.add(alias);
    const id = q.id ?? previousIdByAlias.get(alias) ?? newId();
    if (!isUlid(id)) problems.push(problem('a question id is a ULID', `/${i}/id`));
    if (seenIds.has(id)) problems.push(problem(`question id ${id} is used twice`, `/${i}/id`));
    seenIds.add(id);
    return { id, alias };
  });

  if (surveyType !== 'CUSTOM' && !input[0]?.type.startsWith('rating_scale')) {
    problems.push(problem(`a ${surveyType} survey starts with a rating question`, '/0/type'));
  }

  const indexOf = new Map<string, number>();
  ids.forEach(({ id, alias }, i) => {
    indexOf.set(id, i);
    indexOf.set(alias, i);
  });
  const follow = (f: { question_id: string } | null | undefined, from: number, path: string): FollowUp => {
    if (!f) return null;
    const target = indexOf.get(f.question_id);
    if (target === undefined) problems.push(problem(`follow_up names no question of this survey`, path));
    else if (target <= from) problems.push(problem('a follow_up must point to a later question', path));
    return target === undefined ? null : { question_id: ids[target]!.id };
  };

  const questions = input.map((q, i): Question => {
    const { id, alias } = ids[i]!;
    if (q.type === 'open_ended') {
      return { id, alias, type: q.type, headline: q.headline, follow_up: follow(q.follow_up, i, `/${i}/follow_up`) };
    }
    if (q.type === 'closed_ended') {
      const optionIds = new Set<string>();
      const options = q.options.map((o, k) => {
        const optionId = o.id ?? newId();
        if (!isUlid(optionId) || optionIds.has(optionId)) {
          problems.push(problem('option ids are distinct ULIDs', `/${i}/options/${k}/id`));
        }
        optionIds.add(optionId);
        return { id: optionId, label: o.label, follow_up: follow(o.follow_up, i, `/${i}/options/${k}/follow_up`) };
      });
      return { id, alias, type: q.type, headline: q.headline, options };
    }
    const scale = scaleProblem(q, surveyType, i);
    if (scale) problems.push(problem(scale, `/${i}/options`));
    const options = q.options.map((o, k) => ({
      rating: o.rating,
      label: o.label,
      ...(o.emoji && { emoji: o.emoji }),
      follow_up: follow(o.follow_up, i, `/${i}/options/${k}/follow_up`),
    }));
    return { id, alias, type: q.type, sub_type: q.sub_type, headline: q.headline, options };
  });

  if (problems.length > 0) throw badRequest(...problems);
  return { questions };
}


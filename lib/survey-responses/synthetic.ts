import { randomInt } from 'node:crypto';
import type { ResponseMethod } from '@/db/schema';
import { insertSurveyResponsesBatch } from '@/db/survey-responses';
import { randomSecret, sha256 } from '../auth/secrets';
import { idAt } from '../ids';
import { locales } from '../i18n/locales';
import { isRatingQuestion, type SurveyDefinition } from '../surveys/definition';
import { DAY_MS } from '../time';
import { answerRows, reachableQuestions } from './answers';
import type { AnswerInput } from './schemas';
import { renderAnswers } from './serialize';
import { figures, toStored } from './stored';

// Synthetic responses for benchmarks and the demo data: plausible answers, written in batches.

const BATCH = 5_000;
const pick = <T>(items: readonly T[]) => items[randomInt(items.length)]!;

/** Comments to draw from, after a rating in the good half of the scale or the other one. */
export type Comments = { pleased: readonly string[]; unhappy: readonly string[] };
const SYNTHETIC: Comments = { pleased: ['Synthetic comment'], unhappy: ['Synthetic comment'] };

/**
 * A plausible set of answers: a rating skewed towards the good end (more so as `mood` goes from 0 to
 * 1), then only what that rating leads to; a comment from `comments` now and then.
 */
function plausibleAnswers(definition: SurveyDefinition, mood: number, comments: Comments): AnswerInput[] {
  const given = new Map<string, AnswerInput>();
  let pleased = true;
  definition.questions.forEach((q, i) => {
    if (!reachableQuestions(definition, given).has(i)) return;
    if (isRatingQuestion(q)) {
      const ratings = q.options.map((o) => o.rating);
      const skewed = Math.min(ratings.length - 1, Math.floor(Math.random() ** (1 / (1 + mood)) * ratings.length));
      given.set(q.id, { type: 'rating_scale', question_id: q.id, rating: ratings[skewed]! });
      pleased = skewed >= ratings.length * 0.6; // 4–5 of 5, 7–10 of 0–10
    } else if (q.type === 'closed_ended') {
      given.set(q.id, { type: 'closed_ended', question_id: q.id, selections: [pick(q.options).id] });
    } else if (Math.random() < 0.4) {
      given.set(q.id, { type: 'open_ended', question_id: q.id, value: pick(pleased ? comments.pleased : comments.unhappy) });
    }
  });
  return [...given.values()];
}

export interface FillInput {
  count: number;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  /** Spread evenly over this many days back from now. */
  days: number;
  responderIds: number[];
  /** How many of the last responses to return with their access tokens. */
  keep?: number;
  /** Share of responses that were answered (default all); the rest were offered only. */
  answered?: number;
  /** Ratings get better over the range when true (a living trend for the demo). */
  improving?: boolean;
  comments?: Comments;
  /** The assignees to take turns (default 1 to 100: ids a helpdesk has, not users here). */
  assigneeIds?: number[];
  /** App responses (SatisMeter): cycled methods and no subjects; otherwise rating links on tickets. */
  methods?: readonly ResponseMethod[];
  /** The ticket of the first response (default 1); each next response gets the next ticket. */
  firstTicket?: number;
  onProgress?: (done: number) => void;
}

/**
 * Fills the database with `count` responses to one survey version in batched transactions. Returns
 * the ids and access tokens of the last `keep`, and `sample`: up to 1,000 ids spread evenly.
 */
export async function fillSurveyResponses(input: FillInput): Promise<{ kept: { id: string; token: string }[]; sample: string[] }> {
  const now = Date.now();
  const start = now - input.days * DAY_MS;
  const step = (now - start) / Math.max(1, input.count);
  const kept: { id: string; token: string }[] = [];
  const sample: string[] = [];
  const every = Math.max(1, Math.floor(input.count / 1000));
  const comments = input.comments ?? SYNTHETIC;
  for (let done = 0; done < input.count; ) {
    const batch = [];
    for (let k = 0; k < BATCH && done < input.count; k++, done++) {
      const createdAt = Math.floor(start + done * step);
      const id = idAt(createdAt);
      const token = randomSecret(24);
      if (done >= input.count - (input.keep ?? 0)) kept.push({ id, token });
      if (done % every === 0) sample.push(id);
      const answered = Math.random() < (input.answered ?? 1);
      const answeredAt = answered ? createdAt + 60_000 + randomInt(3_600_000) : null;
      const mood = input.improving ? done / input.count : 0.5;
      const stored = answered
        ? answerRows(input.definition, plausibleAnswers(input.definition, mood, comments)).map((a) => toStored({ ...a, createdAt: answeredAt!, updatedAt: answeredAt! }))
        : [];
      batch.push({
        response: {
          id,
          surveyId: input.surveyId,
          surveyVersion: input.version,
          responderId: input.responderIds[done % input.responderIds.length] ?? null,
          subjectZrns: input.methods ? [] : [`zen:ticket:${(input.firstTicket ?? 1) + done}`],
          locale: locales[done % locales.length]!,
          tokenHash: sha256(token),
          answersJson: renderAnswers(stored, input.definition),
          expiresAt: input.methods ? createdAt : createdAt + 28 * DAY_MS,
          answeredAt,
          method: input.methods ? input.methods[done % input.methods.length]! : null,
          createdAt,
          updatedAt: answeredAt ?? createdAt,
          // Attribution as a helpdesk would record it: 100 agents in 10 groups, 3 brands, a tier tag.
          assigneeId: input.assigneeIds ? input.assigneeIds[done % input.assigneeIds.length]! : 1 + (done % 100),
          groupId: 1 + (done % 10),
          brandId: 1 + (done % 3),
          tags: [`tier:${done % 4}`],
          ...figures(stored),
        },
        answers: stored.map((a) => ({ ...a, responseId: id })),
      });
    }
    await insertSurveyResponsesBatch(batch);
    input.onProgress?.(done);
  }
  return { kept, sample };
}

import { randomInt } from 'node:crypto';
import { insertSurveyResponsesBatch, toStored } from '@/db/survey-responses';
import { randomSecret, sha256 } from '../auth/secrets';
import { idAt } from '../ids';
import { locales } from '../i18n/locales';
import { isRatingQuestion, type SurveyDefinition } from '../surveys/definition';
import { DAY_MS } from '../time';
import { answerRows, reachableQuestions } from './answers';
import type { AnswerInput } from './schemas';
import { renderAnswers } from './serialize';

const BATCH = 5_000;

/** A plausible set of answers: a rating skewed to the good end, then only what that rating leads to. */
function plausibleAnswers(definition: SurveyDefinition): AnswerInput[] {
  const given = new Map<string, AnswerInput>();
  definition.questions.forEach((q, i) => {
    if (!reachableQuestions(definition, given).has(i)) return;
    if (isRatingQuestion(q)) {
      const ratings = q.options.map((o) => o.rating);
      const skewed = Math.min(ratings.length - 1, Math.floor(Math.sqrt(Math.random()) * ratings.length));
      given.set(q.id, { type: 'rating_scale', question_id: q.id, rating: ratings[skewed]! });
    } else if (q.type === 'closed_ended') {
      given.set(q.id, { type: 'closed_ended', question_id: q.id, selections: [q.options[randomInt(q.options.length)]!.id] });
    } else if (Math.random() < 0.4) {
      given.set(q.id, { type: 'open_ended', question_id: q.id, value: 'Synthetic comment' });
    }
  });
  return [...given.values()];
}

/**
 * Fills the database with `count` answered responses to one survey version, spread over `days`
 * back from now, in batched transactions. Returns the ids and access tokens of the last `keep`, and
 * `sample`: up to 1,000 ids spread evenly over the whole range.
 */
export async function fillSurveyResponses(input: {
  count: number;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  days: number;
  responderIds: number[];
  keep?: number;
  onProgress?: (done: number) => void;
}): Promise<{ kept: { id: string; token: string }[]; sample: string[] }> {
  const now = Date.now();
  const start = now - input.days * DAY_MS;
  const step = (now - start) / Math.max(1, input.count);
  const kept: { id: string; token: string }[] = [];
  const sample: string[] = [];
  const every = Math.max(1, Math.floor(input.count / 1000));
  for (let done = 0; done < input.count; ) {
    const batch = [];
    for (let k = 0; k < BATCH && done < input.count; k++, done++) {
      const createdAt = Math.floor(start + done * step);
      const id = idAt(createdAt);
      const token = randomSecret(24);
      if (done >= input.count - (input.keep ?? 0)) kept.push({ id, token });
      if (done % every === 0) sample.push(id);
      const answeredAt = createdAt + 60_000;
      const stored = answerRows(input.definition, plausibleAnswers(input.definition)).map((a) =>
        toStored({ ...a, createdAt: answeredAt, updatedAt: answeredAt }),
      );
      batch.push({
        response: {
          id,
          surveyId: input.surveyId,
          surveyVersion: input.version,
          responderId: input.responderIds[done % input.responderIds.length] ?? null,
          subjectZrns: [`zen:ticket:${done + 1}`],
          locale: locales[done % locales.length]!,
          tokenHash: sha256(token),
          answersJson: renderAnswers(stored, input.definition),
          expiresAt: createdAt + 28 * DAY_MS,
          answeredAt,
          createdAt,
          updatedAt: answeredAt,
        },
        answers: stored.map((a) => ({ ...a, responseId: id })),
      });
    }
    await insertSurveyResponsesBatch(batch);
    input.onProgress?.(done);
  }
  return { kept, sample };
}

import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { defaultCsatDefinition } from '../surveys/default-csat';
import type { ClosedQuestion } from '../surveys/definition';
import { answerRows } from './answers';

const def = defaultCsatDefinition();
const [rating, reason, comment] = def.questions as [(typeof def.questions)[0], ClosedQuestion, (typeof def.questions)[0]];

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.errors.map((x) => `${x.source && 'pointer' in x.source ? x.source.pointer : ''} ${x.detail}`);
    throw e;
  }
  return [];
}

describe('answerRows', () => {
  it('a first question answered with blanks is not answered', () => {
    const custom = { questions: [{ id: 'Q1', alias: 'q1', type: 'open_ended', headline: { type: 'static', value: 'Why?' } }] } as unknown as typeof def;
    for (const value of ['', '   ', '\n']) {
      expect(problems(() => answerRows(custom, [{ type: 'open_ended', question_id: 'Q1', value }]))).toEqual(['/survey_response/answers the first question (Q1) must be answered']);
    }
    expect(answerRows(custom, [{ type: 'open_ended', question_id: 'Q1', value: ' Fine ' }])).toEqual([{ questionId: 'Q1', position: 0, type: 'open_ended', value: 'Fine' }]);
  });

  it('a bad rating asks the reason and the comment; unanswered ones are skipped', () => {
    const rows = answerRows(def, [
      { type: 'rating_scale', question_id: rating.id, rating: 3 },
      { type: 'closed_ended', question_id: reason.id, selections: [reason.options[1]!.id] },
    ]);
    expect(rows).toEqual([
      { questionId: rating.id, position: 0, type: 'rating_scale', rating: 3, ratingCategory: 'bad' },
      { questionId: reason.id, position: 1, type: 'closed_ended', selections: [reason.options[1]!.id] },
      { questionId: comment.id, position: 2, type: 'skipped' },
    ]);
  });

  it('a good rating does not ask the reason', () => {
    expect(
      problems(() =>
        answerRows(def, [
          { type: 'rating_scale', question_id: rating.id, rating: 4 },
          { type: 'closed_ended', question_id: reason.id, selections: [reason.options[0]!.id] },
        ]),
      ),
    ).toEqual(['/survey_response/answers/1/question_id the question is not asked after the answers given']);
    const rows = answerRows(def, [{ type: 'rating_scale', question_id: rating.id, rating: 4 }]);
    expect(rows.map((r) => r.type)).toEqual(['rating_scale', 'skipped', 'skipped']);
  });

  it('an empty comment is stored as skipped, a comment is trimmed', () => {
    const rows = (value: string) =>
      answerRows(def, [
        { type: 'rating_scale', question_id: rating.id, rating: 5 },
        { type: 'open_ended', question_id: comment.id, value },
      ]);
    expect(rows('   ')[2]).toEqual({ questionId: comment.id, position: 2, type: 'skipped' });
    expect(rows(' ok ')[2]).toEqual({ questionId: comment.id, position: 2, type: 'open_ended', value: 'ok' });
  });

  it('reports every problem with its pointer', () => {
    expect(
      problems(() =>
        answerRows(def, [
          { type: 'rating_scale', question_id: rating.id, rating: 0 },
          { type: 'closed_ended', question_id: reason.id, selections: ['nope'] },
          { type: 'open_ended', question_id: 'other', value: 'x' },
        ]),
      ),
    ).toEqual([
      '/survey_response/answers/0/rating rating must be one of 1, 2, 3, 4, 5',
      '/survey_response/answers/1/selections/0 the option is not one of this question',
      '/survey_response/answers/2/question_id the question is not part of this survey version',
    ]);
  });
});

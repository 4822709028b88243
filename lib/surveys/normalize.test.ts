import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { normalizeQuestions } from './normalize';
import type { QuestionInput } from './schemas';

const st = (value: string) => ({ type: 'static' as const, value });
const input = (): QuestionInput[] => [
  {
    type: 'rating_scale_numeric',
    alias: 'rating',
    sub_type: 'customer_satisfaction',
    headline: st('Rate'),
    options: [
      { rating: 1, label: st('Bad'), follow_up: { question_id: 'comment' } },
      { rating: 2, label: st('Good'), follow_up: null },
    ],
  },
  { type: 'open_ended', alias: 'comment', headline: st('Why?'), follow_up: null },
];

describe('normalizeQuestions', () => {
  it('assigns ULIDs and resolves follow-ups given by alias', () => {
    const { questions } = normalizeQuestions(input(), 'CUSTOMER_SATISFACTION');
    expect(questions[0]!.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(questions[0]).toMatchObject({ options: [{ follow_up: { question_id: questions[1]!.id } }, { follow_up: null }] });
  });

  it('keeps question ids across versions by alias, so answers stay comparable', () => {
    const v1 = normalizeQuestions(input(), 'CUSTOMER_SATISFACTION');
    const changed = input();
    changed[0]!.headline = st('Rate us');
    const v2 = normalizeQuestions(changed, 'CUSTOMER_SATISFACTION', v1);
    expect(v2.questions.map((q) => q.id)).toEqual(v1.questions.map((q) => q.id));
    expect(v2.questions[0]!.headline).toEqual(st('Rate us'));
    expect(v1.questions[0]!.headline).toEqual(st('Rate'));
  });

  it('refuses backward follow-ups, odd scales and a CSAT survey without a CSAT rating first', () => {
    const bad = input();
    bad[1] = { ...bad[1]!, type: 'open_ended', follow_up: { question_id: 'rating' } } as QuestionInput;
    expect(() => normalizeQuestions(bad, 'CUSTOMER_SATISFACTION')).toThrow(ApiError);
    const four = input();
    (four[0] as { options: unknown[] }).options = [1, 2, 3, 4].map((r) => ({ rating: r, label: st(String(r)), follow_up: null }));
    expect(() => normalizeQuestions(four, 'CUSTOMER_SATISFACTION')).toThrow(/2, 3 or 5 options/);
    expect(() => normalizeQuestions(input().reverse(), 'CUSTOMER_SATISFACTION')).toThrow(ApiError);
    expect(() => normalizeQuestions(input(), 'NET_PROMOTER_SCORE')).toThrow(/net_promoter_score rating/);
  });
});

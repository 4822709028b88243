import { describe, expect, it } from 'vitest';
import type { SurveyResponseRow } from '@/db/schema';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { answerRows } from './answers';
import { renderAnswers, serializeSurveyResponse, surveyResponseJson } from './serialize';

const definition = defaultCsatDefinition();
const [rating, reason, comment] = definition.questions;

function row(overrides: Partial<SurveyResponseRow> = {}): SurveyResponseRow {
  const stored = answerRows(definition, [
    { type: 'rating_scale', question_id: rating!.id, rating: 2 },
    { type: 'closed_ended', question_id: reason!.id, selections: [(reason as { options: { id: string }[] }).options[0]!.id] },
    { type: 'open_ended', question_id: comment!.id, value: 'Quotes " and \\\\ and ünïcödé' },
  ]).map((a) => ({ rating: null, ratingCategory: null, selections: null, value: null, ...a, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_123 }));
  return {
    id: '01HXAMPLE0000000000000000A',
    surveyId: '01HXAMPLE0000000000000000S',
    surveyVersion: 3,
    responderId: 42,
    subjectZrns: ['zen:ticket:99', 'zen:conversation:8f9f6f8e-1d2c-4a4b-9c1d-0e1f2a3b4c5d'],
    locale: 'pt-br',
    tokenHash: 'h',
    answersJson: renderAnswers(stored, definition),
    expiresAt: 1_702_000_000_000,
    answeredAt: 1_700_000_000_123,
    createdAt: 1_699_999_999_999,
    updatedAt: 1_700_000_000_123,
    anonymousId: null,
    method: null,
    rating: 2,
    ratingCategory: 'bad',
    hasComment: true,
    forced: false,
    ...overrides,
  };
}

describe('surveyResponseJson', () => {
  it('is exactly the JSON of serializeSurveyResponse', () => {
    for (const r of [row(), row({ responderId: null, answersJson: '[]', subjectZrns: ['zen:request:7'] })]) {
      for (const state of ['enabled', 'disabled'] as const) {
        const listed = { ...r, surveyState: state, subjectZrnsJson: JSON.stringify(r.subjectZrns) };
        expect(surveyResponseJson(listed)).toBe(JSON.stringify(serializeSurveyResponse(r, { state, definition })));
      }
    }
  });

  it('localizes questions only when asked', () => {
    const plain = serializeSurveyResponse(row(), { state: 'enabled', definition });
    expect(plain.answers[0]!.question).toEqual({ id: rating!.id, type: 'rating_scale_emoji', sub_type: 'customer_satisfaction' });
    const ja = serializeSurveyResponse(row(), { state: 'enabled', definition }, 'ja');
    expect(ja.answers[2]!.question).toMatchObject({ id: comment!.id, alias: 'comment', headline: { type: 'dynamic' } });
  });
});

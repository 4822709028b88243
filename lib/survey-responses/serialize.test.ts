import { describe, expect, it } from 'vitest';
import type { SurveyResponseRow } from '@/db/schema';
import { defaultCsatDefinition } from '../surveys/default-csat';
import { answerRows } from './answers';
import { localizeQuestion } from '../surveys/serialize';
import { localizedResponseJson, renderAnswers, storedResponseJson, surveyResponseJson } from './serialize';

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
    assigneeId: null,
    groupId: null,
    brandId: null,
    tags: [],
    ...overrides,
  };
}

/** The wire form built the plain way, field by field: what the JSON-text builders must produce. */
function expected(r: SurveyResponseRow, state: 'enabled' | 'disabled', locale?: 'ja' | 'de') {
  const questions = new Map(definition.questions.map((q) => [q.id, q]));
  const answers = (JSON.parse(r.answersJson) as { question: { id: string } }[]).map((a) =>
    locale ? { ...a, question: localizeQuestion(questions.get(a.question.id)!, locale, false) } : a,
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: r.id,
    survey: { id: r.surveyId, version: r.surveyVersion, state },
    survey_id: r.surveyId,
    survey_version: r.surveyVersion,
    responder_id: r.responderId,
    subject_zrns: r.subjectZrns,
    subjects: r.subjectZrns.map((zrn) => {
      const [, type = '', id = ''] = zrn.split(':');
      return { id, type, zrn };
    }),
    locale: r.locale,
    answers,
    expires_at: iso(r.expiresAt),
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
    assignee_id: r.assigneeId,
    group_id: r.groupId,
    brand_id: r.brandId,
    tags: r.tags,
    state: r.answeredAt !== null ? 'answered' : NOW >= r.expiresAt ? 'expired' : 'offered',
  };
}

const NOW = 1_701_000_000_000;

const rows = [
  row(),
  row({ responderId: null, answersJson: '[]', subjectZrns: ['zen:request:7'] }),
  // Not a ZRN any API accepts, but the builders must still escape whatever is stored.
  row({ subjectZrns: ['zen:ticket:1:extra', 'zen', 'zen:"quoted\\', 'zen:ticket:ü'] }),
  // Attributed, and never answered: offered before expires_at, expired from then on.
  row({ answeredAt: null, answersJson: '[]', assigneeId: 2 ** 53 - 1, groupId: 7, brandId: 8, tags: ['vip', 'lang:de'] }),
  row({ answeredAt: null, answersJson: '[]', expiresAt: NOW }),
];

describe('the wire form as JSON text', () => {
  it('is exactly the JSON of the plain wire form, listed or stored', () => {
    for (const r of rows) {
      for (const state of ['enabled', 'disabled'] as const) {
        const listed = { ...r, surveyState: state, subjectZrnsJson: JSON.stringify(r.subjectZrns), tagsJson: JSON.stringify(r.tags) };
        expect(surveyResponseJson(listed, NOW)).toBe(JSON.stringify(expected(r, state)));
        expect(storedResponseJson(r, state, NOW)).toBe(JSON.stringify(expected(r, state)));
      }
    }
  });

  it('localized: exactly the plain wire form with each question in the locale', () => {
    for (const r of rows) {
      for (const locale of ['ja', 'de'] as const) {
        expect(localizedResponseJson(r, 'enabled', definition, locale, NOW)).toBe(JSON.stringify(expected(r, 'enabled', locale)));
      }
    }
  });

  it('localizes questions only when asked', () => {
    const plain = JSON.parse(storedResponseJson(row(), 'enabled'));
    expect(plain.answers[0].question).toEqual({ id: rating!.id, type: 'rating_scale_emoji', sub_type: 'customer_satisfaction' });
    const ja = JSON.parse(localizedResponseJson(row(), 'enabled', definition, 'ja'));
    expect(ja.answers[2].question).toMatchObject({ id: comment!.id, alias: 'comment', headline: { type: 'dynamic' } });
    expect(ja.answers[0].question.options).toHaveLength(5);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { readStoredAnswers } from './stored-answers';

// The pattern reader against JSON.parse, on answers as renderAnswers writes them and on other texts.

const types = ['rating_scale', 'closed_ended', 'open_ended', 'skipped'] as const;
const texts = ['', 'plain', 'say "hi"', 'back\\slash', 'two\nlines', 'tab\t', 'Très bien 😀', '\u0001ctl', '"', '\\', '\\"', '},{"type":"skipped"', ']'];
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

/** An answer in its wire form, varied by `n`, with or without each optional key. */
function answer(n: number) {
  const type = pick(types, n);
  const question = n % 3 === 0 ? { id: `Q${n}`, type: 'rating_scale_emoji', sub_type: 'customer_satisfaction' } : { id: `Q${n}`, type: 'open_ended' };
  const times = { created_at: '2026-06-03T21:18:41.881Z', updated_at: '2026-06-03T21:18:41.881Z' };
  if (type === 'rating_scale') return { type, question, ...(n % 5 !== 0 && { rating: n % 7 === 0 ? null : (n % 11) - 1 }), rating_category: n % 2 ? 'good' : null, ...times };
  if (type === 'closed_ended') return { type, question, selections: Array.from({ length: n % 4 }, (_, i) => ({ type: 'predefined', option_id: `O${n}-${i}` })), ...times };
  if (type === 'open_ended') return { type, question, ...(n % 5 !== 0 && { value: n % 6 === 0 ? null : pick(texts, n) }), ...times };
  return { type, question, ...times };
}

/** What the export reads of an answer. */
const fields = (a: { type: string; question: { id: string }; rating?: unknown; selections?: { option_id: string }[]; value?: unknown }) => ({
  type: a.type,
  id: a.question.id,
  rating: a.rating,
  options: a.selections?.map((s) => s.option_id),
  value: a.value,
});

describe('readStoredAnswers', () => {
  it('reads what JSON.parse reads from answers as renderAnswers writes them', () => {
    for (let n = 0; n < 2000; n++) {
      const json = JSON.stringify(Array.from({ length: n % 5 }, (_, i) => answer(n * 5 + i)));
      const parse = vi.spyOn(JSON, 'parse');
      const read = readStoredAnswers(json);
      // The pattern read them: JSON.parse saw at most a string with escapes, never the whole text.
      expect(parse.mock.calls.every(([text]) => text.startsWith('"'))).toBe(true);
      parse.mockRestore();
      expect(read.map(fields), json).toEqual((JSON.parse(json) as Parameters<typeof fields>[0][]).map(fields));
    }
  });

  it('parses any other text as JSON', () => {
    const others = [
      '[{"question":{"id":"Q"},"type":"open_ended","value":"key order"}]',
      '[{"type":"rating_scale","question":{"id":"Q"},"rating":4.5,"created_at":"a","updated_at":"b"}]',
      '[ {"type":"skipped","question":{"id":"Q"},"created_at":"a","updated_at":"b"} ]',
      '[{"type":"open_ended","question":{"id":"Q","alias":"with \\"quote\\""},"value":"v","created_at":"a","updated_at":"b"}]',
      '[{"type":"new_type","question":{"id":"Q"},"created_at":"a","updated_at":"b"}]',
    ];
    for (const json of others) expect(readStoredAnswers(json).map(fields)).toEqual((JSON.parse(json) as Parameters<typeof fields>[0][]).map(fields));
    expect(() => readStoredAnswers('[{"type":"skipped","question":{"id":"Q"},"created_at":"a","updated_at":"b"},]')).toThrow(SyntaxError);
  });
});

import type { WireAnswer } from './view';

// A response's stored answers (answers_json, rendered by renderAnswers) read for the CSV export,
// which needs only each answer's type, question id, rating, chosen options and comment. JSON.parse
// of the whole text made every timestamp and nested object of it, and took about a fifth of the
// export's CPU time; a pattern of the exact form renderAnswers writes reads the same values in about
// a third of that. It accepts only valid JSON of that form, so what it reads is what JSON.parse
// would give; any other text (another key order, a number that is not an integer) is parsed.

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const PLAIN = String.raw`"[^"\\]*"`;
const OPTION = String.raw`\{"type":"predefined","option_id":${PLAIN}\}`;
const ANSWER = new RegExp(
  String.raw`\{"type":"(rating_scale|closed_ended|open_ended|skipped)","question":\{"id":(${PLAIN})(?:,"[a-z_]+":(?:${PLAIN}|null))*\}` +
    String.raw`(?:,"rating":(-?\d+|null))?(?:,"rating_category":(?:${PLAIN}|null))?` +
    String.raw`(?:,"selections":\[((?:${OPTION}(?:,${OPTION})*)?)\])?(?:,"value":(${STRING}|null))?` +
    String.raw`,"created_at":${PLAIN},"updated_at":${PLAIN}\}(,|\]$)`,
  'y',
);
const OPTION_ID = /"option_id":"([^"\\]*)"/g;

/** A JSON string literal's value: most hold no escape and need no parsing. */
const unquote = (literal: string): string => (literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1));

/** The answers as JSON.parse would give them, for the fields the export reads. */
export function readStoredAnswers(json: string): WireAnswer[] {
  if (json === '[]') return [];
  if (json.charCodeAt(0) !== 91) return JSON.parse(json) as WireAnswer[];
  const answers: WireAnswer[] = [];
  ANSWER.lastIndex = 1;
  for (;;) {
    const m = ANSWER.exec(json);
    if (!m) return JSON.parse(json) as WireAnswer[];
    const [, type, id, rating, selections, value, end] = m;
    const answer: WireAnswer = { type: type as WireAnswer['type'], question: { id: unquote(id!) } };
    if (rating !== undefined) answer.rating = rating === 'null' ? null : Number(rating);
    if (selections !== undefined) answer.selections = Array.from(selections.matchAll(OPTION_ID), (o) => ({ option_id: o[1]! }));
    if (value !== undefined) answer.value = value === 'null' ? null : unquote(value);
    answers.push(answer);
    if (end === ']') return answers;
  }
}

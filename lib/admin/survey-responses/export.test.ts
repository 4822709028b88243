import { beforeAll, describe, expect, it } from 'vitest';
import { walkAdminResponses, type AdminResponseRow } from '@/db/admin-responses';
import { insertSurveyResponsesBatch } from '@/db/survey-responses';
import { updateSurvey as updateSurveyRow } from '@/db/surveys';
import { newId } from '../../ids';
import { fillSurveyResponses } from '../../survey-responses/synthetic';
import type { Question, SurveyDefinition } from '../../surveys/definition';
import { defaultCsatDefinition } from '../../surveys/default-csat';
import { seedSurvey } from '../../surveys/surveys';
import { addUser } from '../../users/users';
import { CSV_BOM, csvLine } from './csv';
import { exportAdminResponses } from './export';
import { parseResponseFilters } from './filters';
import { answerText, methodName, parseAnswers, versionQuestions } from './view';
import { surveyInfos, type LocalizedQuestion } from '../survey-info';

// The export builds its lines in one pass per batch from fewer columns (export-csv.ts); this checks
// its bytes against the export as first written: every row read whole, every cell through csvLine.

const admin = { id: 0, email: 'admin@example.com', role: 'admin' as const, locale: 'en-us' };
const tricky = ['=1+1, said "Bob"\nthen left', 'Très bien 😀', '-2+3', '@SUM(A1)', 'a\r\nb', 'plain', '"quoted"', 'tab\tinside'];

const FIXED = [
  'id', 'created_at', 'updated_at', 'survey_id', 'survey_version', 'locale', 'responder_id', 'responder_email',
  'responder_name', 'subject_zrns', 'method', 'forced', 'answered_at', 'rating', 'rating_category',
];

type Columns = Map<string, { id: string; header: string }>;

async function referenceColumns(locale: 'en-us' | 'de'): Promise<Columns> {
  const columns: Columns = new Map();
  for (const survey of (await surveyInfos({ locale })).values()) {
    for (let v = 1; v <= survey.latestVersion; v++) {
      for (const q of await versionQuestions(survey.id, v, locale)) columns.set(q.id, { id: q.id, header: `${q.headline.value} [${q.alias} ${q.id.slice(-6)}]` });
    }
  }
  return columns;
}

/** The export as it was first written, for the whole table, under the columns of `columns` (now's by default). */
async function reference(locale: 'en-us' | 'de', columns?: Columns): Promise<string> {
  columns ??= await referenceColumns(locale);
  const { rows } = await walkAdminResponses({ criteria: {}, order: 'desc', limit: 100_000, scan: 200_000 });
  let text = CSV_BOM + csvLine([...FIXED, ...[...columns.values()].map((c) => c.header)]);
  for (const row of rows as AdminResponseRow[]) {
    const questions = new Map<string, LocalizedQuestion>((await versionQuestions(row.surveyId, row.surveyVersion, locale)).map((q) => [q.id, q]));
    const answers = new Map(parseAnswers(row.answersJson).map((a) => [a.question.id, a]));
    const iso = (ms: number) => new Date(ms).toISOString();
    text += csvLine([
      row.id, iso(row.createdAt), iso(row.updatedAt), row.surveyId, row.surveyVersion, row.locale, row.responderId,
      row.responderEmail, row.responderName, row.subjectZrns.join(' '), methodName(row.method), row.forced,
      row.answeredAt === null ? null : iso(row.answeredAt), row.rating, row.ratingCategory,
      ...[...columns.values()].map((c) => answerText(questions.get(c.id), answers.get(c.id))),
    ]);
  }
  return text;
}

/** The export's bytes as text; `meanwhile` runs after the export began and before its first row. */
async function exported(locale: string, filters: Record<string, string> = {}, meanwhile?: () => Promise<void>): Promise<string> {
  const parsed = parseResponseFilters(filters);
  if (!parsed.success) throw parsed.error;
  const { stream } = await exportAdminResponses({ admin: { ...admin, locale }, filters: parsed.data });
  await meanwhile?.();
  // Buffer keeps the byte order mark that a TextDecoder would drop.
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8');
}

let surveyId = '';
let third: SurveyDefinition;

/** A response to `version` made `ago` ms ago, on two tickets, with answers in their wire form. */
async function insertResponse(version: number, ago: number, responderId: number | null, answers: object[] = []) {
  const at = Date.now() - ago;
  await insertSurveyResponsesBatch([{
    response: {
      id: newId(at), surveyId, surveyVersion: version, responderId, subjectZrns: [`zen:ticket:${at}`, `zen:ticket:${at + 1}`], locale: 'fr',
      tokenHash: 'x'.repeat(64), answersJson: JSON.stringify(answers), expiresAt: at + 86_400_000, createdAt: at, updatedAt: at,
    },
    answers: [],
  }]);
}

beforeAll(async () => {
  const odd = await addUser({ email: `odd-${Date.now()}@example.com`, name: '=Rae, "the" tester', role: 'end_user', locale: 'de' });
  admin.id = (await addUser({ email: `a-${Date.now()}@example.com`, name: 'Ada', role: 'admin', locale: 'en-us' })).id;
  const definition = defaultCsatDefinition();
  surveyId = (await seedSurvey({ type: 'CUSTOMER_SATISFACTION', definition })).id;
  const comments = { pleased: tricky, unhappy: tricky };
  await fillSurveyResponses({ count: 150, surveyId, version: 1, definition, days: 10, responderIds: [odd.id, admin.id], answered: 0.8, comments });
  // Version 2: a new headline and reason label, and a question the first version did not have.
  const [rating, reason, comment] = definition.questions as [Question, Extract<Question, { type: 'closed_ended' }>, Question];
  const second: SurveyDefinition = {
    questions: [
      { ...rating, headline: { type: 'static', value: 'Rate us, "please"' } },
      { ...reason, options: reason.options.map((o, i) => (i === 0 ? { ...o, label: { type: 'static', value: '+Too, slow' } } : o)) },
      comment,
      { id: newId(), alias: 'extra', type: 'open_ended', headline: { type: 'static', value: 'Anything else?' }, follow_up: null },
    ],
  };
  await updateSurveyRow({ id: surveyId, definition: second, at: Date.now() });
  await fillSurveyResponses({ count: 150, surveyId, version: 2, definition: second, days: 10, responderIds: [], comments, methods: ['Mobile', 'Email'] });
  await insertResponse(2, 1000, odd.id);
  third = { questions: [...second.questions.slice(0, 3), { id: newId(), alias: 'later', type: 'open_ended', headline: { type: 'static', value: 'Later?' }, follow_up: null }] };
});

describe('exportAdminResponses', () => {
  it('writes the same bytes as the export as first written, across versions and locales', async () => {
    for (const locale of ['en-us', 'de'] as const) {
      const text = await exported(locale);
      expect(text.split('\r\n').length).toBeGreaterThan(300);
      expect(text).toBe(await reference(locale));
    }
  });

  it('writes the rows of a version made after the export began as the others', async () => {
    const before = await referenceColumns('en-us');
    const text = await exported('en-us', {}, async () => {
      await updateSurveyRow({ id: surveyId, definition: third, at: Date.now() });
      // Among older rows, so that a batch stops at it after some lines.
      const later = third.questions[3]!.id;
      await insertResponse(3, 5 * 86_400_000, null, [{ type: 'open_ended', question: { id: third.questions[2]!.id }, value: 'After, "v3"' }, { type: 'open_ended', question: { id: later }, value: 'x' }]);
    });
    expect(text).toContain(',"After, ""v3"""');
    // The header was made before the third version: the question it added has no column.
    expect(text).toBe(await reference('en-us', before));
  });

  it('writes only the header when nothing can match', async () => {
    const text = await exported('en-us', { responder: 'nobody@example.com' });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2);
  });
});

import type { AdminExportRow } from '@/db/admin-responses';
import type { Locale } from '../../i18n/locales';
import { iso } from '../../time';
import { CSV_BOM, csvCell, csvLine } from './csv';
import { answerText, methodName, versionQuestions } from './view';
import { readStoredAnswers } from './stored-answers';
import { surveyInfos, type LocalizedQuestion } from '../survey-info';

// The CSV export's text: a header, then a line per response. The questions of every version of the
// surveys exported are loaded before the first row (versions never change), so a line costs string
// work only, with no await: a batch of rows becomes text in one synchronous pass.

const FIXED = [
  'id', 'created_at', 'updated_at', 'survey_id', 'survey_version', 'locale', 'responder_id', 'responder_email',
  'responder_name', 'subject_zrns', 'method', 'forced', 'answered_at', 'rating', 'rating_category',
] as const;

type Questions = Map<string, LocalizedQuestion>;

export interface ExportPlan {
  /** The header line, after the byte order mark. */
  header: string;
  /** The question ids of the columns after the fixed ones, in order. */
  columns: string[];
  /** Each version's questions by id, under `surveyId:version`: every version of the surveys exported. */
  versions: Map<string, Questions>;
  locale: Locale;
}

const versionKey = (surveyId: string, version: number) => `${surveyId}:${version}`;

/**
 * One column per question over every version of the surveys exported, in order of first appearance;
 * the header is the latest headline plus the alias and the end of the id, so equal headlines differ.
 */
export async function exportPlan(surveyId: string | undefined, locale: Locale): Promise<ExportPlan> {
  const headers = new Map<string, string>();
  const versions = new Map<string, Questions>();
  for (const survey of (await surveyInfos({ locale })).values()) {
    if (surveyId !== undefined && survey.id !== surveyId) continue;
    for (let v = 1; v <= survey.latestVersion; v++) {
      const questions = await versionQuestions(survey.id, v, locale);
      for (const q of questions) headers.set(q.id, `${q.headline.value} [${q.alias} ${q.id.slice(-6)}]`);
      versions.set(versionKey(survey.id, v), new Map(questions.map((q) => [q.id, q])));
    }
  }
  return { header: CSV_BOM + csvLine([...FIXED, ...headers.values()]), columns: [...headers.keys()], versions, locale };
}

// A compact JSON array of strings without escapes (stored ZRNs passed the ZRN pattern: every row).
const PLAIN_STRINGS = /^\["[^"\\]*"(?:,"[^"\\]*")*\]$/;

/** The subjects' ZRNs, space-separated, from their stored JSON text. */
function subjects(json: string): string {
  // No string in a plain array holds a quote, so `","` only separates them. Anything else is parsed.
  if (PLAIN_STRINGS.test(json)) return json.slice(2, -2).replaceAll('","', ' ');
  return (JSON.parse(json) as string[]).join(' ');
}

/**
 * A response's line: the fixed columns, then each question column's answer text in the admin's
 * locale ('' where the response has none). `questions` are those of the response's version.
 */
function line(row: AdminExportRow, questions: Questions, columnOf: Map<string, number>, blank: string[]): string {
  const cells = blank.slice();
  // As many answers to one question as there may be, the last one is written.
  for (const a of readStoredAnswers(row.answersJson)) {
    const at = columnOf.get(a.question.id);
    if (at !== undefined) cells[at] = answerText(questions.get(a.question.id), a);
  }
  let text =
    `${csvCell(row.id)},${csvCell(iso(row.createdAt))},${csvCell(iso(row.updatedAt))},${csvCell(row.surveyId)},${row.surveyVersion},` +
    `${csvCell(row.locale)},${row.responderId ?? ''},${csvCell(row.responderEmail)},${csvCell(row.responderName)},` +
    `${csvCell(subjects(row.subjectZrnsJson))},${csvCell(methodName(row.method))},${row.forced},` +
    `${row.answeredAt === null ? '' : csvCell(iso(row.answeredAt))},${row.rating ?? ''},${csvCell(row.ratingCategory)}`;
  for (const cell of cells) text += `,${csvCell(cell)}`;
  return `${text}\r\n`;
}

/**
 * The lines of rows under `plan`. `line` gives undefined for a row of a version the plan does not
 * hold (a survey changed or made during the export): `load` loads it, then the row can be written.
 */
export function exportLines(plan: ExportPlan) {
  const columnOf = new Map(plan.columns.map((id, i) => [id, i]));
  const blank = plan.columns.map(() => '');
  // Rows of one version come in runs: the versions are looked up again only when it changes.
  let last: AdminExportRow | undefined;
  let questions: Questions | undefined;
  return {
    line(row: AdminExportRow): string | undefined {
      if (!last || row.surveyVersion !== last.surveyVersion || row.surveyId !== last.surveyId) {
        questions = plan.versions.get(versionKey(row.surveyId, row.surveyVersion));
        last = questions && row;
      }
      return questions && line(row, questions, columnOf, blank);
    },
    async load(row: AdminExportRow): Promise<void> {
      const found = await versionQuestions(row.surveyId, row.surveyVersion, plan.locale);
      plan.versions.set(versionKey(row.surveyId, row.surveyVersion), new Map(found.map((q) => [q.id, q])));
    },
  };
}

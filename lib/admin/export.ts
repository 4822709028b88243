import { setImmediate as yieldToServer } from 'node:timers/promises';
import { walkAdminResponses, type AdminResponseCriteria, type AdminResponseRow } from '@/db/admin-responses';
import type { Actor } from '../auth/credentials';
import { displayLocale, type Locale } from '../i18n/locales';
import { iso } from '../time';
import { requireAdmin } from '../users/users';
import { CSV_BOM, csvLine } from './csv';
import type { ResponseFilters } from './filters';
import { responseCriteria } from './responses-query';
import { answerText, methodName, parseAnswers, versionQuestions } from './responses-view';
import { surveyInfos, type LocalizedQuestion } from './survey-info';

// The CSV export of the responses table: the same filters, every matching row, streamed in keyset
// batches. Each batch is one synchronous query (no iterator stays open across an await: the one
// connection serves the whole server), and the stream pulls the next batch only when the client has
// taken the last one, so memory stays flat however many rows there are.

const EXPORT_BATCH = 1000;
const EXPORT_SCAN = 20_000;

const FIXED = [
  'id', 'created_at', 'updated_at', 'survey_id', 'survey_version', 'locale', 'responder_id', 'responder_email',
  'responder_name', 'subject_zrns', 'method', 'forced', 'answered_at', 'rating', 'rating_category',
] as const;

interface QuestionColumn {
  id: string;
  header: string;
}

/**
 * One column per question over every version of the surveys exported, in order of first appearance;
 * the header is the latest headline plus the alias and the end of the id, so equal headlines differ.
 */
async function questionColumns(surveyId: string | undefined, locale: Locale): Promise<QuestionColumn[]> {
  const columns = new Map<string, QuestionColumn>();
  for (const survey of (await surveyInfos({ locale })).values()) {
    if (surveyId !== undefined && survey.id !== surveyId) continue;
    for (let v = 1; v <= survey.latestVersion; v++) {
      for (const q of await versionQuestions(survey.id, v, locale)) {
        columns.set(q.id, { id: q.id, header: `${q.headline.value} [${q.alias} ${q.id.slice(-6)}]` });
      }
    }
  }
  return [...columns.values()];
}

type Pinned = Map<string, LocalizedQuestion>;

async function csvRows(rows: AdminResponseRow[], columns: QuestionColumn[], locale: Locale, pinned: Map<string, Pinned>) {
  let text = '';
  for (const row of rows) {
    const key = `${row.surveyId}:${row.surveyVersion}`;
    let questions = pinned.get(key);
    if (!questions) pinned.set(key, (questions = new Map((await versionQuestions(row.surveyId, row.surveyVersion, locale)).map((q) => [q.id, q]))));
    const answers = new Map(parseAnswers(row.answersJson).map((a) => [a.question.id, a]));
    text += csvLine([
      row.id, iso(row.createdAt), iso(row.updatedAt), row.surveyId, row.surveyVersion, row.locale, row.responderId,
      row.responderEmail, row.responderName, row.subjectZrns.join(' '), methodName(row.method), row.forced,
      row.answeredAt === null ? null : iso(row.answeredAt), row.rating, row.ratingCategory,
      ...columns.map((c) => answerText(questions.get(c.id), answers.get(c.id))),
    ]);
  }
  return text;
}

/** The export of the filtered responses, newest first, as a CSV byte stream and its file name. */
export async function exportAdminResponses({ admin, filters, now = Date.now() }: { admin: Actor; filters: ResponseFilters; now?: number }) {
  requireAdmin(admin);
  const locale = displayLocale(admin.locale);
  const columns = await questionColumns(filters.survey, locale);
  const found: AdminResponseCriteria | undefined = await responseCriteria(filters);
  const pinned = new Map<string, Pinned>();
  const encoder = new TextEncoder();
  let boundary: string | undefined;
  let started = false;
  let done = found === undefined;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvLine([...FIXED, ...columns.map((c) => c.header)])));
          if (done) controller.close();
          return;
        }
        // Batches that find nothing (rare rows under a filter) go on, letting other requests in between.
        while (!done) {
          const { rows, scanEnd } = await walkAdminResponses({
            criteria: found!,
            ...(boundary && { boundary: { op: 'lt', id: boundary } }),
            order: 'desc',
            limit: EXPORT_BATCH,
            scan: EXPORT_SCAN,
          });
          boundary = rows.length === EXPORT_BATCH ? rows[rows.length - 1]!.id : scanEnd;
          done = boundary === undefined;
          if (rows.length) {
            controller.enqueue(encoder.encode(await csvRows(rows, columns, locale, pinned)));
            break;
          }
          await yieldToServer();
        }
        if (done) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
  return { filename: `survey-responses-${iso(now).slice(0, 10)}.csv`, stream };
}

import { ANSWER_COLUMNS, keyConditions, RESPONSE_COLUMN_COUNT, RESPONSE_COLUMNS, answerValues, responseColumnsOf, responseValues, toListed, toResponse } from '../rows';
import type { BatchItem, ListedResponse, Raw, ResponseListQuery, ResponseWithSubjects, StoredResponse } from '../rows';
import type { NewAnswerRow, SurveyState } from '../schema';
import { preparedOnce, preparedText, reader, serialized, writer, type Db } from './client';

// The hot paths of the API (create, submit, show, list) run on prepared statements with explicit row
// mapping: drizzle's builder re-prepares and maps generically on every call, which showed in profiles.

const reads = preparedOnce(reader, (db) => ({
  // With its survey's state: show, submit and the survey page need both, in one statement.
  byId: db.$client
    .prepare(`select ${responseColumnsOf('r')}, s.state from survey_responses r join surveys s on s.id = r.survey_id where r.id = ?`)
    .raw(true),
}));

const writes = preparedOnce(writer, (db) => {
  const sqlite = db.$client;
  return {
    insertResponse: sqlite.prepare(`insert into survey_responses (${RESPONSE_COLUMNS}) values (${RESPONSE_COLUMNS.replace(/\w+/g, '?')})`),
    insertSubject: sqlite.prepare('insert or ignore into survey_response_subjects (zrn, response_id) values (?, ?)'),
    insertAnswer: sqlite.prepare(`insert into answers (${ANSWER_COLUMNS}) values (${ANSWER_COLUMNS.replace(/\w+/g, '?')})`),
  };
});

/** Inserts a response with its subjects and answers, on the writer, inside the caller's transaction. */
export function insertResponseRows(response: ResponseWithSubjects, answers: readonly NewAnswerRow[]): void {
  const s = writes();
  s.insertResponse.run(...responseValues(response, 'integers'));
  for (const zrn of response.subjectZrns) s.insertSubject.run(zrn, response.id);
  for (const a of answers) s.insertAnswer.run(...answerValues(a));
}

// better-sqlite3 builds a transaction function per call of `transaction()`: make each once per connection.
const transactions = preparedOnce(writer, (db: Db) => ({
  insert: db.$client.transaction((row: ResponseWithSubjects) => insertResponseRows(row, [])),
  batch: db.$client.transaction((batch: BatchItem[]) => {
    for (const { response, answers } of batch) insertResponseRows(response, answers);
  }),
}));

export async function insertSurveyResponse(row: ResponseWithSubjects): Promise<void> {
  return serialized(() => transactions().insert(row));
}

export async function findSurveyResponse({ id }: { id: string }): Promise<StoredResponse | undefined> {
  const row = reads().byId.get(id) as Raw | undefined;
  return row && { ...toResponse(row), surveyState: row[RESPONSE_COLUMN_COUNT] as SurveyState };
}

const LISTED_COLUMNS =
  'survey_responses.id, survey_responses.survey_id, survey_responses.survey_version, sv.state, survey_responses.responder_id, ' +
  'survey_responses.subject_zrns, survey_responses.locale, survey_responses.answers_json, survey_responses.expires_at, ' +
  'survey_responses.created_at, survey_responses.updated_at';

/**
 * One keyset walk in id order, driven by one responder's (responder_id, id) index, one subject's
 * (zrn, response_id) index, or the primary key; the other filters only test the rows it meets.
 */
function walk(query: ResponseListQuery, driver: { responderId?: number; zrn?: string }): { text: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'survey_responses';
  let key = 'survey_responses.id';
  if (driver.zrn !== undefined) {
    from = 'survey_response_subjects s cross join survey_responses on survey_responses.id = s.response_id';
    key = 's.response_id';
    where.push('s.zrn = ?');
    params.push(driver.zrn);
  } else if (query.subjectZrns) {
    where.push('survey_responses.id in (select response_id from survey_response_subjects where zrn in (select value from json_each(?)))');
    params.push(JSON.stringify(query.subjectZrns));
  }
  if (driver.responderId !== undefined) {
    where.push('responder_id = ?');
    params.push(driver.responderId);
  } else if (query.responderIds) {
    where.push('responder_id in (select value from json_each(?))');
    params.push(JSON.stringify(query.responderIds));
  }
  keyConditions(key, query, where, params);
  params.push(query.limit);
  // CROSS JOIN keeps the walk's index as the outer loop, whatever the planner would guess.
  const text =
    `select ${LISTED_COLUMNS} from ${from} cross join surveys sv on sv.id = survey_responses.survey_id` +
    `${where.length ? ` where ${where.join(' and ')}` : ''} order by ${key} ${query.order} limit ?`;
  return { text, params };
}

/**
 * One page of responses by id. A list of responders (or else of subjects) becomes one index walk per
 * value, each stopping after a page, merged: the cost is values × page, never the table or the
 * depth of the cursor.
 */
export async function listSurveyResponses(query: ResponseListQuery): Promise<ListedResponse[]> {
  const drivers: { responderId?: number; zrn?: string }[] = query.responderIds
    ? query.responderIds.map((responderId) => ({ responderId }))
    : query.subjectZrns
      ? query.subjectZrns.map((zrn) => ({ zrn }))
      : [{}];
  const walks = drivers.map((d) => walk(query, d));
  let text = walks[0]!.text;
  const params = walks.flatMap((w) => w.params);
  if (walks.length > 1) {
    // UNION also drops a response found twice (one with two of the listed subjects).
    text = `${walks.map((w) => `select * from (${w.text})`).join(' union ')} order by id ${query.order} limit ?`;
    params.push(query.limit);
  }
  // One prepared statement per query shape (which filters are present, and the order): a few dozen at most.
  return (preparedText(text).all(...params) as Raw[]).map(toListed);
}

/** Bulk load (benchmarks, demo data): many responses with their subjects and answers, one transaction per batch. */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  return serialized(() => transactions().batch(batch));
}

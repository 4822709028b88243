import { ANSWER_COLUMNS, listStatement, RESPONSE_COLUMN_COUNT, RESPONSE_COLUMNS, answerValues, responseColumnsOf, responseValues, toListed, toResponse } from '../rows';
import type { BatchItem, ListedResponse, ListFragments, Raw, ResponseListQuery, ResponseWithSubjects, StoredResponse } from '../rows';
import type { NewAnswerRow, OutboxEvent, SurveyState } from '../schema';
import { preparedOnce, preparedText, reader, serialized, writer, type Db } from './client';
import { recordEventRows } from './outbox';

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
    insertTag: sqlite.prepare('insert or ignore into survey_response_tags (tag, response_id) values (?, ?)'),
    insertAnswer: sqlite.prepare(`insert into answers (${ANSWER_COLUMNS}) values (${ANSWER_COLUMNS.replace(/\w+/g, '?')})`),
  };
});

/** Inserts a response with its subjects and answers, on the writer, inside the caller's transaction. */
export function insertResponseRows(response: ResponseWithSubjects, answers: readonly NewAnswerRow[]): void {
  const s = writes();
  s.insertResponse.run(...responseValues(response, 'integers'));
  for (const zrn of response.subjectZrns) s.insertSubject.run(zrn, response.id);
  for (const tag of response.tags ?? []) s.insertTag.run(tag, response.id);
  for (const a of answers) s.insertAnswer.run(...answerValues(a));
}

// better-sqlite3 builds a transaction function per call of `transaction()`: make each once per connection.
const transactions = preparedOnce(writer, (db: Db) => ({
  insert: db.$client.transaction((row: ResponseWithSubjects, events: OutboxEvent[]) => {
    insertResponseRows(row, []);
    recordEventRows(events);
  }),
  batch: db.$client.transaction((batch: BatchItem[]) => {
    for (const { response, answers } of batch) insertResponseRows(response, answers);
  }),
}));

/** Inserts a response with its subjects and tags, and records the events that report it, in one transaction. */
export async function insertSurveyResponse(row: ResponseWithSubjects, events: OutboxEvent[]): Promise<void> {
  return serialized(() => transactions().insert(row, events));
}

export async function findSurveyResponse({ id }: { id: string }): Promise<StoredResponse | undefined> {
  const row = reads().byId.get(id) as Raw | undefined;
  return row && { ...toResponse(row), surveyState: row[RESPONSE_COLUMN_COUNT] as SurveyState };
}

const fragments: ListFragments = {
  // CROSS JOIN keeps the walk's index as the outer loop, whatever the planner would guess.
  join: 'cross join',
  anyOf: (column, values) => ({ text: `${column} in (select value from json_each(?))`, param: JSON.stringify(values) }),
};

/** One page of responses (see listStatement). */
export async function listSurveyResponses(query: ResponseListQuery): Promise<ListedResponse[]> {
  const { text, params } = listStatement(query, fragments);
  // One prepared statement per query shape (which filters are present, and the order): a few dozen at most.
  return (preparedText(text).all(...params) as Raw[]).map(toListed);
}

/** Bulk load (benchmarks, demo data): many responses with their subjects and answers, one transaction per batch. */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  return serialized(() => transactions().batch(batch));
}

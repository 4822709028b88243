import { ANSWER_COLUMNS, listStatement, RESPONSE_COLUMN_COUNT, RESPONSE_COLUMNS, answerValues, responseColumnsOf, responseValues, toListed, toResponse } from '../rows';
import type { BatchItem, ListedResponse, ListFragments, ResponseListQuery, ResponseWithSubjects, StoredResponse } from '../rows';
import type { NewAnswerRow, OutboxEvent, SurveyState } from '../schema';
import { numbered, pool, postgresTransaction, row, rows, run, type Queryable } from './client';
import { eventCtes, eventParams } from './outbox';

const BY_ID = `select ${responseColumnsOf('r')}, s.state from survey_responses r join surveys s on s.id = r.survey_id where r.id = $1`;
const INSERT_RESPONSE = `insert into survey_responses (${RESPONSE_COLUMNS}) values (${numbered(RESPONSE_COLUMNS.replace(/\w+/g, '?'))})`;

/** Answer rows as ten arrays from parameter `$first` on (answerColumns), in ANSWER_COLUMNS' order. */
export const answerArrays = (first: number) =>
  `unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::int[], $${first + 3}::text[], $${first + 4}::int[], ` +
  `$${first + 5}::text[], $${first + 6}::text[], $${first + 7}::text[], $${first + 8}::bigint[], $${first + 9}::bigint[])`;
// The response, its subjects, its tags, its answers (columns as arrays) and its events in one
// statement: one round trip, atomic by itself (foreign keys are checked at the statement's end, when
// the response row is there).
const INSERT_RESPONSE_WITH_ALL =
  `with r as (${INSERT_RESPONSE} returning id), ` +
  `s as (insert into survey_response_subjects (zrn, response_id) select unnest($${RESPONSE_COLUMN_COUNT + 1}::text[]), r.id from r on conflict do nothing), ` +
  `t as (insert into survey_response_tags (tag, response_id) select unnest($${RESPONSE_COLUMN_COUNT + 2}::text[]), r.id from r on conflict do nothing), ` +
  `a as (insert into answers (${ANSWER_COLUMNS}) select * from ${answerArrays(RESPONSE_COLUMN_COUNT + 3)}), ` +
  `${eventCtes(RESPONSE_COLUMN_COUNT + 13)} select 1`;

/** The parameters of answerArrays: one array per column. */
export function answerColumns(answers: readonly NewAnswerRow[]): unknown[][] {
  const values = answers.map(answerValues);
  return Array.from({ length: 10 }, (_, column) => values.map((v) => v[column]));
}

/** Inserts a response with its subjects, answers and events, on the pool or inside a transaction, in one statement. */
export async function insertResponseWithEvents(on: Queryable, response: ResponseWithSubjects, answers: readonly NewAnswerRow[], events: readonly OutboxEvent[]): Promise<void> {
  await run(on, INSERT_RESPONSE_WITH_ALL, [...responseValues(response, 'booleans'), response.subjectZrns, response.tags ?? [], ...answerColumns(answers), ...eventParams(events)]);
}

export async function insertSurveyResponse(row: ResponseWithSubjects, events: OutboxEvent[]): Promise<void> {
  await insertResponseWithEvents(await pool(), row, [], events);
}

export async function findSurveyResponse({ id }: { id: string }): Promise<StoredResponse | undefined> {
  const found = await row(await pool(), BY_ID, [id]);
  return found && { ...toResponse(found), surveyState: found[RESPONSE_COLUMN_COUNT] as SurveyState };
}

const fragments: ListFragments = {
  join: 'join',
  anyOf: (column, values) => ({ text: `${column} = any(?::${typeof values[0] === 'number' ? 'bigint' : 'text'}[])`, param: values }),
};

/** One page of responses (see listStatement). */
export async function listSurveyResponses(query: ResponseListQuery): Promise<ListedResponse[]> {
  const { text, params } = listStatement(query, fragments);
  return (await rows(await pool(), numbered(text), params)).map(toListed);
}

/** Bulk load (benchmarks, demo data): many responses with their subjects and answers, one transaction per batch. */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  await postgresTransaction(async (client) => {
    for (const { response, answers } of batch) await insertResponseWithEvents(client, response, answers, []);
  });
}

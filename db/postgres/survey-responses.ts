import { ANSWER_COLUMNS, keyConditions, RESPONSE_COLUMN_COUNT, RESPONSE_COLUMNS, answerValues, responseColumnsOf, responseValues, toListed, toResponse } from '../rows';
import type { BatchItem, ListedResponse, ResponseListQuery, ResponseWithSubjects, StoredResponse } from '../rows';
import type { NewAnswerRow, SurveyState } from '../schema';
import { numbered, pool, postgresTransaction, row, rows, run, type Queryable } from './client';

const BY_ID = `select ${responseColumnsOf('r')}, s.state from survey_responses r join surveys s on s.id = r.survey_id where r.id = $1`;
const INSERT_RESPONSE = `insert into survey_responses (${RESPONSE_COLUMNS}) values (${numbered(RESPONSE_COLUMNS.replace(/\w+/g, '?'))})`;
const INSERT_SUBJECTS = 'insert into survey_response_subjects (zrn, response_id) select unnest($1::text[]), $2 on conflict do nothing';
const INSERT_ANSWER = `insert into answers (${ANSWER_COLUMNS}) values (${numbered(ANSWER_COLUMNS.replace(/\w+/g, '?'))})`;

/** Inserts a response with its subjects and answers inside the caller's transaction. */
export async function insertResponseRows(on: Queryable, response: ResponseWithSubjects, answers: readonly NewAnswerRow[]): Promise<void> {
  await run(on, INSERT_RESPONSE, responseValues(response, 'booleans'));
  if (response.subjectZrns.length > 0) await run(on, INSERT_SUBJECTS, [response.subjectZrns, response.id]);
  for (const a of answers) await run(on, INSERT_ANSWER, answerValues(a));
}

// The response and its subjects in one statement (one round trip, atomic by itself).
const INSERT_RESPONSE_WITH_SUBJECTS =
  `with r as (${INSERT_RESPONSE} returning id) ` +
  `insert into survey_response_subjects (zrn, response_id) select unnest($${RESPONSE_COLUMN_COUNT + 1}::text[]), r.id from r on conflict do nothing`;

export async function insertSurveyResponse(row: ResponseWithSubjects): Promise<void> {
  await run(await pool(), INSERT_RESPONSE_WITH_SUBJECTS, [...responseValues(row, 'booleans'), row.subjectZrns]);
}

export async function findSurveyResponse({ id }: { id: string }): Promise<StoredResponse | undefined> {
  const found = await row(await pool(), BY_ID, [id]);
  return found && { ...toResponse(found), surveyState: found[RESPONSE_COLUMN_COUNT] as SurveyState };
}

const LISTED_COLUMNS =
  'survey_responses.id, survey_responses.survey_id, survey_responses.survey_version, sv.state, survey_responses.responder_id, ' +
  'survey_responses.subject_zrns, survey_responses.locale, survey_responses.answers_json, survey_responses.expires_at, ' +
  'survey_responses.created_at, survey_responses.updated_at';

/**
 * One keyset walk in id order, driven by one responder's (responder_id, id) index, one subject's
 * (zrn, response_id) primary key, or the primary key; the other filters only test the rows it meets.
 */
function walk(query: ResponseListQuery, driver: { responderId?: number; zrn?: string }): { text: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'survey_responses';
  let key = 'survey_responses.id';
  if (driver.zrn !== undefined) {
    from = 'survey_response_subjects s join survey_responses on survey_responses.id = s.response_id';
    key = 's.response_id';
    where.push('s.zrn = ?');
    params.push(driver.zrn);
  } else if (query.subjectZrns) {
    where.push('survey_responses.id in (select response_id from survey_response_subjects where zrn = any(?::text[]))');
    params.push(query.subjectZrns);
  }
  if (driver.responderId !== undefined) {
    where.push('responder_id = ?');
    params.push(driver.responderId);
  } else if (query.responderIds) {
    where.push('responder_id = any(?::bigint[])');
    params.push(query.responderIds);
  }
  keyConditions(key, query, where, params);
  params.push(query.limit);
  const text =
    `select ${LISTED_COLUMNS} from ${from} join surveys sv on sv.id = survey_responses.survey_id` +
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
    text = `${walks.map((w, i) => `select * from (${w.text}) w${i}`).join(' union ')} order by id ${query.order} limit ?`;
    params.push(query.limit);
  }
  return (await rows(await pool(), numbered(text), params)).map(toListed);
}

/** Bulk load (benchmarks, demo data): many responses with their subjects and answers, one transaction per batch. */
export async function insertSurveyResponsesBatch(batch: BatchItem[]): Promise<void> {
  await postgresTransaction(async (client) => {
    for (const { response, answers } of batch) await insertResponseRows(client, response, answers);
  });
}

import type pg from 'pg';
import { ANSWER_COLUMNS } from '../rows';
import type { SurveyState } from '../schema';
import type { SaveAnswers, Tx } from '../transaction';
import { pool, row, run } from './client';
import { eventCtes, eventParams } from './outbox';
import { answerArrays, answerColumns, insertResponseWithEvents } from './survey-responses';

// The steps of db/transaction.ts on PostgreSQL, on the transaction's one connection (READ COMMITTED).
// What must not change between a read and the write that depends on it is locked: the response row
// (FOR UPDATE) for a submit, advisory locks named by the use case for an ingestion.

// The new answer rows (columns as arrays) and the response's own columns, in one statement: the
// insert and the update touch different tables, so neither can see or miss the other's rows.
const SAVE_ANSWERS =
  `with added as (insert into answers (${ANSWER_COLUMNS}) select * from ${answerArrays(1)}), ` +
  `${eventCtes(17)} ` +
  'update survey_responses set answers_json = $11, answered_at = $12, updated_at = $12, rating = $13, rating_category = $14, has_comment = $15 where id = $16';
// The same write in one statement, made only if the response is as the caller read it (its
// updated_at), still writable and its survey enabled: `cur` locks it, and every other part waits on
// `cur` (the insert also on the delete, so a question answered again never meets its old row).
const SAVE_IF_UNCHANGED =
  "with cur as (select r.id from survey_responses r join surveys s on s.id = r.survey_id where r.id = $16 and r.updated_at = $17 and r.expires_at > $12 and s.state = 'enabled' for update of r), " +
  'removed as (delete from answers where response_id = (select id from cur) returning 1), ' +
  `added as (insert into answers (${ANSWER_COLUMNS}) select * from ${answerArrays(1)} ` +
  'where exists (select 1 from cur) and (select count(*) from removed) >= 0), ' +
  `${eventCtes(18, 'exists (select 1 from cur)')} ` +
  'update survey_responses set answers_json = $11, answered_at = $12, updated_at = $12, rating = $13, rating_category = $14, has_comment = $15 where id = (select id from cur)';

/** See Tx: the submit's write in one round trip, when nothing changed since the response was read. */
export async function saveAnswersIfUnchanged(input: SaveAnswers & { expectedUpdatedAt: number }): Promise<boolean> {
  const { id, answers, answersJson, at, rating, ratingCategory, hasComment, events } = input;
  const params = [...answerColumns(answers.map((a) => ({ ...a, responseId: id }))), answersJson, at, rating, ratingCategory, hasComment, id, input.expectedUpdatedAt, ...eventParams(events)];
  return (await run(await pool(), SAVE_IF_UNCHANGED, params)) === 1;
}

const WRITABLE =
  "select r.expires_at, s.state, r.answered_at, r.rating, r.rating_category, (select coalesce(json_agg(json_build_array(a.question_id, a.created_at)), '[]'::json) from answers a where a.response_id = r.id) " +
  'from survey_responses r join surveys s on s.id = r.survey_id where r.id = $1 for update of r';

// Tx.findOrAddEndUser in one statement: the user with external id $1 and whether they answered
// survey $2 since id $3; when there is none and $4, the user added (the email $5 only if no user has it).
const FIND_OR_ADD_END_USER =
  'with found as (select u.id, u.traits, exists (select 1 from survey_responses r where r.responder_id = u.id and r.survey_id = $2 and r.id >= $3) as answered ' +
  'from users u where u.external_id = $1), ' +
  "added as (insert into users (email, name, role, locale, external_id, traits, created_at, updated_at) select " +
  "case when $5::text is not null and not exists (select 1 from users where email = $5::text) then $5::text end, $6::text, 'end_user', $7::text, $1, $8::text, $9::bigint, $9::bigint " +
  'where $4::boolean and not exists (select 1 from found) returning id) ' +
  'select id, traits, answered, false from found union all select id, null, false, true from added';

export function postgresTx(client: pg.PoolClient): Tx {
  return {
    writableResponse: async (id) => {
      const r = await row<[number, SurveyState, number | null, number | null, string | null, [string, number][]]>(client, WRITABLE, [id]);
      return r && { expiresAt: r[0], surveyState: r[1], answeredAt: r[2], rating: r[3], ratingCategory: r[4], answerTimes: new Map(r[5]) };
    },
    saveAnswers: async ({ id, answers, answersJson, at, rating, ratingCategory, hasComment, events }) => {
      await run(client, 'delete from answers where response_id = $1', [id]);
      await run(client, SAVE_ANSWERS, [...answerColumns(answers.map((a) => ({ ...a, responseId: id }))), answersJson, at, rating, ratingCategory, hasComment, id, ...eventParams(events)]);
    },
    findIdempotencyRecord: async ({ writeKeyId, key }) => {
      const r = await row<[string, string]>(client, 'select request_hash, response_body from idempotency_keys where write_key_id = $1 and key = $2', [writeKeyId, key]);
      return r && { requestHash: r[0], responseBody: r[1] };
    },
    insertIdempotencyRecord: async ({ writeKeyId, key, requestHash, responseBody, at }) => {
      await run(client, 'insert into idempotency_keys (write_key_id, key, request_hash, response_body, created_at) values ($1, $2, $3, $4, $5)', [
        writeKeyId, key, requestHash, responseBody, at,
      ]);
    },
    findOrAddEndUser: async ({ externalId, window, add }) => {
      const r = await row<[number, string | null, boolean, boolean]>(client, FIND_OR_ADD_END_USER, [
        externalId, window.surveyId, window.sinceId, add !== undefined, add?.email ?? null, add?.name ?? '', add?.locale ?? '', JSON.stringify(add?.traits ?? {}), add?.at ?? 0,
      ]);
      if (!r) return undefined;
      return { id: r[0], traits: r[3] ? add!.traits : (JSON.parse(r[1]!) as Record<string, unknown>), answered: r[2], added: r[3] };
    },
    updateUserTraits: async ({ id, traits, at }) => {
      await run(client, 'update users set traits = $1, updated_at = $2 where id = $3', [JSON.stringify(traits), at, id]);
    },
    answeredAnonymously: async ({ surveyId, anonymousId, sinceId }) =>
      (await row(client, 'select 1 from survey_responses where anonymous_id = $1 and survey_id = $2 and id >= $3 limit 1', [anonymousId, surveyId, sinceId])) !== undefined,
    insertResponse: (response, answers, events) => insertResponseWithEvents(client, response, answers, events),
  };
}

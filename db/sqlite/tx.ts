import { answerValues } from '../rows';
import type { SurveyState } from '../schema';
import type { SaveAnswers, Tx } from '../transaction';
import { preparedOnce, sqliteTransaction, writer, type Db } from './client';
import { recordEventRows } from './outbox';
import { insertResponseRows } from './survey-responses';

// The steps of db/transaction.ts on SQLite: statements on the writer, inside the BEGIN IMMEDIATE
// that sqliteTransaction opened (so nothing else writes until it ends).

const statements = preparedOnce(writer, (db: Db) => {
  const sqlite = db.$client;
  return {
    unchanged: sqlite
      .prepare(
        "select 1 from survey_responses r join surveys s on s.id = r.survey_id where r.id = ? and r.updated_at = ? and r.expires_at > ? and s.state = 'enabled'",
      )
      .pluck(),
    writable: sqlite.prepare('select r.expires_at, s.state, r.answered_at, r.rating, r.rating_category from survey_responses r join surveys s on s.id = r.survey_id where r.id = ?'),
    answerTimes: sqlite.prepare('select question_id, created_at from answers where response_id = ?').raw(true),
    deleteAnswers: sqlite.prepare('delete from answers where response_id = ?'),
    insertAnswer: sqlite.prepare(
      'insert into answers (response_id, question_id, position, type, rating, rating_category, selections, value, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    saveAnswers: sqlite.prepare(
      'update survey_responses set answers_json = ?, answered_at = ?, updated_at = ?, rating = ?, rating_category = ?, has_comment = ? where id = ?',
    ),
    findKey: sqlite.prepare('select request_hash, response_body from idempotency_keys where write_key_id = ? and key = ?'),
    saveKey: sqlite.prepare('insert into idempotency_keys (write_key_id, key, request_hash, response_body, created_at) values (?, ?, ?, ?, ?)'),
    userByExternalId: sqlite.prepare('select id, traits from users where external_id = ?'),
    emailTaken: sqlite.prepare('select 1 from users where email = ?'),
    insertUser: sqlite.prepare(
      "insert into users (email, name, role, locale, external_id, traits, created_at, updated_at) values (?, ?, 'end_user', ?, ?, ?, ?, ?) returning id",
    ),
    updateTraits: sqlite.prepare('update users set traits = ?, updated_at = ? where id = ?'),
    answeredByUser: sqlite.prepare('select 1 from survey_responses where responder_id = ? and survey_id = ? and id >= ? limit 1'),
    answeredByAnonymous: sqlite.prepare('select 1 from survey_responses where anonymous_id = ? and survey_id = ? and id >= ? limit 1'),
  };
});

/** See db/transaction.ts: checked and written under the write lock, in one transaction. */
export async function saveAnswersIfUnchanged(input: SaveAnswers & { expectedUpdatedAt: number }): Promise<boolean> {
  return sqliteTransaction(async (db) => {
    if (statements().unchanged.get(input.id, input.expectedUpdatedAt, input.at) === undefined) return false;
    await sqliteTx(db).saveAnswers(input);
    return true;
  });
}

export function sqliteTx(db: Db): Tx {
  if (db !== writer()) throw new Error('a transaction runs on the writer');
  const s = statements();
  return {
    writableResponse: async (id) => {
      const r = s.writable.get(id) as { expires_at: number; state: SurveyState; answered_at: number | null; rating: number | null; rating_category: string | null } | undefined;
      return (
        r && {
          expiresAt: r.expires_at,
          surveyState: r.state,
          answerTimes: new Map(s.answerTimes.all(id) as [string, number][]),
          answeredAt: r.answered_at,
          rating: r.rating,
          ratingCategory: r.rating_category,
        }
      );
    },
    saveAnswers: async ({ id, answers, answersJson, at, rating, ratingCategory, hasComment, events }) => {
      s.deleteAnswers.run(id);
      for (const a of answers) s.insertAnswer.run(...answerValues({ ...a, responseId: id }));
      s.saveAnswers.run(answersJson, at, at, rating, ratingCategory, hasComment ? 1 : 0, id);
      recordEventRows(events);
    },
    findIdempotencyRecord: async ({ writeKeyId, key }) => {
      const r = s.findKey.get(writeKeyId, key) as { request_hash: string; response_body: string } | undefined;
      return r && { requestHash: r.request_hash, responseBody: r.response_body };
    },
    insertIdempotencyRecord: async ({ writeKeyId, key, requestHash, responseBody, at }) => {
      s.saveKey.run(writeKeyId, key, requestHash, responseBody, at);
    },
    findOrAddEndUser: async ({ externalId, window, add }) => {
      const found = s.userByExternalId.get(externalId) as { id: number; traits: string } | undefined;
      if (found) {
        const answered = s.answeredByUser.get(found.id, window.surveyId, window.sinceId) !== undefined;
        return { id: found.id, traits: JSON.parse(found.traits) as Record<string, unknown>, answered, added: false };
      }
      if (!add) return undefined;
      const email = add.email !== null && s.emailTaken.get(add.email) === undefined ? add.email : null;
      const { id } = s.insertUser.get(email, add.name, add.locale, externalId, JSON.stringify(add.traits), add.at, add.at) as { id: number };
      return { id, traits: add.traits, answered: false, added: true };
    },
    updateUserTraits: async ({ id, traits, at }) => {
      s.updateTraits.run(JSON.stringify(traits), at, id);
    },
    answeredAnonymously: async ({ surveyId, anonymousId, sinceId }) => s.answeredByAnonymous.get(anonymousId, surveyId, sinceId) !== undefined,
    insertResponse: async (response, answers, events) => {
      insertResponseRows(response, answers);
      recordEventRows(events);
    },
  };
}

import { getDb, preparedOnce, type Db } from './client';
import { insertResponse, type ResponseWithSubjects } from './survey-responses';
import type { NewAnswerRow } from './schema';

// One app response is decided and written in one IMMEDIATE transaction: the idempotency key, the
// duplicate check and the insert cannot interleave with another request, in this process or another.

export interface IngestUser {
  id: number;
  traits: Record<string, unknown>;
}

export interface IngestInput {
  writeKeyId: number;
  idempotency?: { key: string; requestHash: string };
  userId?: string;
  anonymousId?: string;
  traits?: Record<string, unknown>;
  surveyId: string;
  /** Responses with an id at or above this (created since the re-survey window began) are duplicates. */
  sinceId: string;
  at: number;
  /** The campaign's rule, given the merged traits and whether the user answered inside the window. */
  decide: (traits: Record<string, unknown>, answeredInWindow: boolean) => 'ok' | 'duplicate';
  /** The rows to store and the answer to send (and to replay for the same idempotency key). */
  build: (user: IngestUser | undefined) => { response: ResponseWithSubjects; answers: NewAnswerRow[]; body: string };
}

export type IngestResult = { kind: 'stored' | 'replayed'; body: string } | { kind: 'duplicate' } | { kind: 'key-reused' };

const statements = preparedOnce((db: Db) => {
  const sqlite = db.$client;
  return {
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

type Idempotency = { writeKeyId: number; key: string; requestHash: string };

/** The same request body replays the stored answer; another body is a reuse of the key. */
function storedAnswer({ writeKeyId, key, requestHash }: Idempotency): { kind: 'replayed'; body: string } | { kind: 'key-reused' } | undefined {
  const found = statements().findKey.get(writeKeyId, key) as { request_hash: string; response_body: string } | undefined;
  if (!found) return undefined;
  return found.request_hash === requestHash ? { kind: 'replayed', body: found.response_body } : { kind: 'key-reused' };
}

/**
 * The answer stored for this write key's idempotency key. Read before the campaign is checked, so a
 * retry replays even after the campaign changed; the transaction below checks again for a retry
 * racing the first request.
 */
export async function findIdempotentAnswer(input: Idempotency) {
  return storedAnswer(input);
}

const ingestTx = preparedOnce((db: Db) =>
  db.$client.transaction((input: IngestInput): IngestResult => {
    const s = statements();
    const earlier = input.idempotency && storedAnswer({ writeKeyId: input.writeKeyId, ...input.idempotency });
    if (earlier) return earlier;
    const existing = input.userId === undefined ? undefined : (s.userByExternalId.get(input.userId) as { id: number; traits: string } | undefined);
    const traits = { ...(existing ? (JSON.parse(existing.traits) as Record<string, unknown>) : {}), ...input.traits };
    const answered =
      input.userId !== undefined
        ? existing !== undefined && s.answeredByUser.get(existing.id, input.surveyId, input.sinceId) !== undefined
        : s.answeredByAnonymous.get(input.anonymousId, input.surveyId, input.sinceId) !== undefined;
    if (input.decide(traits, answered) === 'duplicate') return { kind: 'duplicate' };

    let user: IngestUser | undefined;
    if (existing) {
      if (input.traits) s.updateTraits.run(JSON.stringify(traits), input.at, existing.id);
      user = { id: existing.id, traits };
    } else if (input.userId !== undefined) {
      const email = typeof traits.email === 'string' && !s.emailTaken.get(traits.email.toLowerCase()) ? traits.email.toLowerCase() : null;
      const name = typeof traits.name === 'string' && traits.name.trim() !== '' ? traits.name : input.userId;
      const locale = typeof traits.locale === 'string' ? traits.locale.toLowerCase() : 'en-us';
      const row = s.insertUser.get(email, name, locale, input.userId, JSON.stringify(traits), input.at, input.at) as { id: number };
      user = { id: row.id, traits };
    }
    const { response, answers, body } = input.build(user);
    insertResponse(response, answers);
    if (input.idempotency) s.saveKey.run(input.writeKeyId, input.idempotency.key, input.idempotency.requestHash, body, input.at);
    return { kind: 'stored', body };
  }),
);

export async function ingestResponse(input: IngestInput): Promise<IngestResult> {
  getDb();
  return ingestTx().immediate(input);
}

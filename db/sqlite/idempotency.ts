import { preparedOnce, reader } from './client';

const byKey = preparedOnce(reader, (db) =>
  db.$client.prepare('select request_hash, response_body from idempotency_keys where write_key_id = ? and key = ?'),
);

/** The first answer given for this write key's Idempotency-Key, if any. */
export async function findIdempotencyRecord({ writeKeyId, key }: { writeKeyId: number; key: string }) {
  const r = byKey().get(writeKeyId, key) as { request_hash: string; response_body: string } | undefined;
  return r && { requestHash: r.request_hash, responseBody: r.response_body };
}

import { pool, row } from './client';

/** The first answer given for this write key's Idempotency-Key, if any. */
export async function findIdempotencyRecord({ writeKeyId, key }: { writeKeyId: number; key: string }) {
  const r = await row<[string, string]>(await pool(), 'select request_hash, response_body from idempotency_keys where write_key_id = $1 and key = $2', [writeKeyId, key]);
  return r && { requestHash: r[0], responseBody: r[1] };
}

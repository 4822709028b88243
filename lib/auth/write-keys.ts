import { findActiveWriteKeyByHash, insertWriteKey, listWriteKeys as listRows, revokeWriteKey as revokeRow } from '@/db/write-keys';
import { ApiError } from '../errors';
import { secretKeys } from './secret-keys';
import { sha256 } from './secrets';
import { failedCredential } from './throttle';

// Write keys authorize one thing: posting responses from an app (POST /api/responses).

const keys = secretKeys({
  insert: ({ description, hash, createdAt }) => insertWriteKey({ description, keyHash: hash, createdAt }),
  list: listRows,
  revoke: revokeRow,
  what: 'write key',
});

/** Makes a write key; the secret is returned this once and stored only as a hash. */
export async function createWriteKey(input: { description?: string }) {
  const { secret, key } = await keys.create(input);
  return { writeKey: secret, write_key: key };
}

export const listWriteKeys = keys.list;
export const revokeWriteKey = keys.revoke;

/** The id of an active write key; anything else is 401. */
export async function authenticateWriteKey(writeKey: string, client?: string): Promise<number> {
  const row = await findActiveWriteKeyByHash({ hash: sha256(writeKey) });
  if (!row) await failedCredential({ kind: 'write_key', client });
  if (!row) throw new ApiError('Unauthorized', [{ title: 'Unauthorized', detail: 'The write key is unknown or revoked' }]);
  return row.id;
}

import { findActiveWriteKeyByHash, insertWriteKey, listWriteKeys as listRows, revokeWriteKey as revokeRow } from '@/db/write-keys';
import type { WriteKeyRow } from '@/db/schema';
import { ApiError, notFound } from '../errors';
import { iso } from '../time';
import { randomSecret, sha256 } from './secrets';

// Write keys authorize one thing: posting responses from an app (POST /api/responses).

function serialize(row: WriteKeyRow) {
  return {
    id: row.id,
    description: row.description,
    active: row.revokedAt === null,
    created_at: iso(row.createdAt),
    revoked_at: row.revokedAt === null ? null : iso(row.revokedAt),
  };
}

/** Makes a write key; the secret is returned this once and stored only as a hash. */
export async function createWriteKey({ description = '' }: { description?: string }) {
  const writeKey = randomSecret();
  const row = await insertWriteKey({ description, keyHash: sha256(writeKey), createdAt: Date.now() });
  return { writeKey, write_key: serialize(row) };
}

export async function listWriteKeys() {
  return (await listRows()).map(serialize);
}

export async function revokeWriteKey({ id }: { id: number }) {
  const row = await revokeRow({ id, at: Date.now() });
  if (!row) throw notFound('No active write key has that id');
  return serialize(row);
}

/** The id of an active write key; anything else is 401. */
export async function authenticateWriteKey(writeKey: string): Promise<number> {
  const row = await findActiveWriteKeyByHash({ hash: sha256(writeKey) });
  if (!row) throw new ApiError('Unauthorized', [{ title: 'Unauthorized', detail: 'The write key is unknown or revoked' }]);
  return row.id;
}

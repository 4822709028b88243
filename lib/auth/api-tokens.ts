import { insertApiToken, listApiTokens as listRows, revokeApiToken as revokeRow } from '@/db/api-tokens';
import type { ApiTokenRow } from '@/db/schema';
import { notFound } from '../errors';
import { iso } from '../time';
import { randomSecret, sha256 } from './secrets';

function serialize(row: ApiTokenRow) {
  return {
    id: row.id,
    description: row.description,
    active: row.revokedAt === null,
    created_at: iso(row.createdAt),
    revoked_at: row.revokedAt === null ? null : iso(row.revokedAt),
  };
}

/** Makes an account-wide API token; the secret is returned this once and stored only as a hash. */
export async function createApiToken({ description = '' }: { description?: string }) {
  const token = randomSecret();
  const row = await insertApiToken({ description, tokenHash: sha256(token), createdAt: Date.now() });
  return { token, api_token: serialize(row) };
}

export async function listApiTokens() {
  return (await listRows()).map(serialize);
}

export async function revokeApiToken({ id }: { id: number }) {
  const row = await revokeRow({ id, at: Date.now() });
  if (!row) throw notFound('No active API token has that id');
  return serialize(row);
}

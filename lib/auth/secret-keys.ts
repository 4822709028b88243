import { notFound } from '../errors';
import { iso } from '../time';
import { randomSecret, sha256 } from './secrets';

// API tokens and write keys live alike: made by an admin, shown once, stored as a hash, revocable.
// They are kept apart (two tables) so that one can never stand in for the other.

interface KeyRow {
  id: number;
  description: string;
  createdAt: number;
  revokedAt: number | null;
}

export function serializeKey(row: KeyRow) {
  return {
    id: row.id,
    description: row.description,
    active: row.revokedAt === null,
    created_at: iso(row.createdAt),
    revoked_at: row.revokedAt === null ? null : iso(row.revokedAt),
  };
}

export function secretKeys<R extends KeyRow>(store: {
  insert: (row: { description: string; hash: string; createdAt: number }) => Promise<R>;
  list: () => Promise<R[]>;
  revoke: (input: { id: number; at: number }) => Promise<R | undefined>;
  what: string;
}) {
  return {
    /** A new secret, returned this once; only its hash is kept. */
    async create({ description = '' }: { description?: string }) {
      const secret = randomSecret();
      const row = await store.insert({ description, hash: sha256(secret), createdAt: Date.now() });
      return { secret, key: serializeKey(row) };
    },
    async list() {
      return (await store.list()).map(serializeKey);
    },
    async revoke({ id }: { id: number }) {
      const row = await store.revoke({ id, at: Date.now() });
      if (!row) throw notFound(`No active ${store.what} has that id`);
      return serializeKey(row);
    },
  };
}

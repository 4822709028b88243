import { insertApiToken, listApiTokens as listRows, revokeApiToken as revokeRow } from '@/db/api-tokens';
import { secretKeys } from './secret-keys';

const tokens = secretKeys({
  insert: ({ description, hash, createdAt }) => insertApiToken({ description, tokenHash: hash, createdAt }),
  list: listRows,
  revoke: revokeRow,
  what: 'API token',
});

/** Makes an account-wide API token; the secret is returned this once and stored only as a hash. */
export async function createApiToken(input: { description?: string }) {
  const { secret, key } = await tokens.create(input);
  return { token: secret, api_token: key };
}

export const listApiTokens = tokens.list;
export const revokeApiToken = tokens.revoke;

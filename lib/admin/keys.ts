import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens';
import { createWriteKey, listWriteKeys, revokeWriteKey } from '../auth/write-keys';
import { ApiError } from '../errors';
import { FormRefusal, type FormState } from './people-forms';

// API tokens and write keys in the admin view, on top of lib/auth (which makes, hashes and revokes
// them): the two kinds side by side, and their forms.

export const keyKinds = ['api_token', 'write_key'] as const;
export type KeyKind = (typeof keyKinds)[number];
export const keyKindLabels: Record<KeyKind, string> = { api_token: 'API token', write_key: 'write key' };
/** A label at the start of a sentence. */
export const capitalized = (label: string) => `${label[0]?.toUpperCase()}${label.slice(1)}`;

const kind = z.enum(keyKinds, 'must be api_token or write_key');
const keyId = z.coerce.number('must be a key id').int('must be a key id').positive('must be a key id');

export const createKeyForm = z.object({
  kind,
  description: z.string('is required').trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
});
export const revokeKeyForm = z.object({ kind, id: keyId });

/** `?revoke=api_token-5`: the key a confirm step asks about. */
export const revokeKeyParam = z
  .string()
  .regex(/^(api_token|write_key)-[1-9][0-9]{0,15}$/, 'must name a key such as api_token-5')
  .transform((v) => {
    const [k, id] = v.split('-') as [KeyKind, string];
    return { kind: k, id: Number(id) };
  });

/** The create form's state: a refusal, or the key just made with its secret (shown this once). */
export interface KeyFormState extends FormState {
  created?: { id: number; description: string; secret: string };
}

export async function listKeys() {
  const [apiTokens, writeKeys] = await Promise.all([listApiTokens(), listWriteKeys()]);
  return { api_token: apiTokens, write_key: writeKeys };
}
export type AdminKey = Awaited<ReturnType<typeof listKeys>>[KeyKind][number];

/** A new key and its secret, which exists in clear only in this return value. */
export async function createKey({ kind, description }: { kind: KeyKind; description: string }) {
  if (kind === 'api_token') {
    const { token, api_token } = await createApiToken({ description });
    return { secret: token, key: api_token };
  }
  const { writeKey, write_key } = await createWriteKey({ description });
  return { secret: writeKey, key: write_key };
}

/** Revokes at once: the API and /api/responses look keys up on every request. */
export async function revokeKey({ kind, id }: { kind: KeyKind; id: number }) {
  try {
    return await (kind === 'api_token' ? revokeApiToken({ id }) : revokeWriteKey({ id }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new FormRefusal(`No active ${keyKindLabels[kind]} has the id ${id}: it may be revoked already.`);
    throw error;
  }
}

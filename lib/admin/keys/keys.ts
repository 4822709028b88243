import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens';
import { createWriteKey, listWriteKeys, revokeWriteKey } from '../../auth/write-keys';
import type { Actor } from '../../auth/credentials';
import { ApiError } from '../../errors';
import { requireAdmin } from '../../users/users';
import { FormRefusal, type FormState } from '../forms';
import { keyKindLabels, keyKinds, type KeyKind } from './labels';

// API tokens and write keys in the admin view, on top of lib/auth (which makes, hashes and revokes
// them): the two kinds side by side, and their forms.


const kind = z.enum(keyKinds, 'must be api_token or write_key');
const keyId = z.coerce.number('must be a key id').int('must be a key id').positive('must be a key id');

export const createKeyForm = z.object({
  kind,
  description: z.string('is required').trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
});
export const revokeKeyForm = z.object({ kind, id: keyId });

/** `?revoke=api_token-5`: the key a confirm step asks about. */
const revokeKeyParam = z
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

export async function listKeys({ actor }: { actor: Actor }) {
  requireAdmin(actor);
  const [apiTokens, writeKeys] = await Promise.all([listApiTokens(), listWriteKeys()]);
  return { api_token: apiTokens, write_key: writeKeys };
}
export type AdminKey = Awaited<ReturnType<typeof listKeys>>[KeyKind][number];

/**
 * What the keys page shows for its links: every key; the active key a confirm link (`?revoke=`) asks
 * about, or that no active key matches it; the key a `?revoked=` link names, only if it is revoked
 * indeed (a crafted link cannot claim a live key is revoked).
 */
export async function keysPage({ actor, revoke, revoked }: { actor: Actor; revoke?: string; revoked?: string }) {
  const keys = await listKeys({ actor });
  const named = (param: string | undefined, active: boolean) => {
    const parsed = revokeKeyParam.safeParse(param ?? '');
    const key = parsed.success ? keys[parsed.data.kind].find((k) => k.id === parsed.data.id && k.active === active) : undefined;
    return parsed.success && key ? { kind: parsed.data.kind, key } : undefined;
  };
  const confirm = revoke === undefined ? undefined : named(revoke, true);
  return { keys, confirm, confirmMissing: revoke !== undefined && !confirm, revoked: named(revoked, false) };
}

/** A new key and its secret, which exists in clear only in this return value. */
export async function createKey({ actor, kind, description }: { actor: Actor; kind: KeyKind; description: string }) {
  requireAdmin(actor);
  if (kind === 'api_token') {
    const { token, api_token } = await createApiToken({ description });
    return { secret: token, key: api_token };
  }
  const { writeKey, write_key } = await createWriteKey({ description });
  return { secret: writeKey, key: write_key };
}

/** Revokes at once: the API and /api/responses look keys up on every request. */
export async function revokeKey({ actor, kind, id }: { actor: Actor; kind: KeyKind; id: number }) {
  requireAdmin(actor);
  try {
    return await (kind === 'api_token' ? revokeApiToken({ id }) : revokeWriteKey({ id }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new FormRefusal(`No active ${keyKindLabels[kind]} has the id ${id}: it may be revoked already.`);
    throw error;
  }
}

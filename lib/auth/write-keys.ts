import type { SurveyRow } from '@/db/schema';
import { findActiveWriteKeyWithSurvey, insertWriteKey, listWriteKeys as listRows, revokeWriteKey as revokeRow } from '@/db/write-keys';
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

/**
 * The id of an active write key (anything else is 401), with the survey `surveyId` names, undefined
 * when there is none: read in the same step, as every use of a write key is an ingestion for a survey.
 */
export async function authenticateWriteKey(writeKey: string, surveyId: string, client?: string): Promise<{ writeKeyId: number; survey: SurveyRow | undefined }> {
  const found = await findActiveWriteKeyWithSurvey({ hash: sha256(writeKey), surveyId });
  if (!found) await failedCredential({ kind: 'write_key', client });
  if (!found) throw new ApiError('Unauthorized', [{ title: 'Unauthorized', detail: 'The write key is unknown or revoked' }]);
  return { writeKeyId: found.id, survey: found.survey };
}

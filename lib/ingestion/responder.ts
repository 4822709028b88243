import type { Tx } from '@/db/transaction';
import type { InsertResponseInput } from './schemas';

// Who an app response is by, decided inside the ingestion's transaction.

/**
 * The names to lock before `responder` runs: another response by the same user (or anonymous id),
 * or a new user claiming the same email, waits until this one commits (from any process).
 */
export function responderLocks(body: InsertResponseInput): string[] {
  const email = body.traits?.email;
  return [
    body.userId !== undefined ? `user:${body.userId}` : `anonymous:${body.anonymousId}`,
    ...(typeof email === 'string' ? [`email:${email.toLowerCase()}`] : []),
  ];
}

export type IngestUser = { id: number; traits: Record<string, unknown> };

/**
 * The user a response is by, after merging the body's traits into theirs (made on first sight of a
 * userId); undefined for an anonymous response; 'duplicate' when `accepts` refuses the merged
 * traits or a response inside the re-survey window.
 */
export async function responder(
  tx: Tx,
  { body, at, accepts, window }: {
    body: InsertResponseInput;
    at: number;
    accepts: (traits: Record<string, unknown>, answeredInWindow: boolean) => boolean;
    window: { surveyId: string; sinceId: string };
  },
): Promise<IngestUser | undefined | 'duplicate'> {
  if (body.userId === undefined) {
    const answered = await tx.answeredSince({ ...window, anonymousId: body.anonymousId! });
    return accepts(body.traits ?? {}, answered) ? undefined : 'duplicate';
  }
  const existing = await tx.findUserByExternalId(body.userId);
  const traits = { ...existing?.traits, ...body.traits };
  const answered = existing !== undefined && (await tx.answeredSince({ ...window, responderId: existing.id }));
  if (!accepts(traits, answered)) return 'duplicate';
  if (existing) {
    if (body.traits) await tx.updateUserTraits({ id: existing.id, traits, at });
    return { id: existing.id, traits };
  }
  const email = typeof traits.email === 'string' && !(await tx.emailTaken(traits.email.toLowerCase())) ? traits.email.toLowerCase() : null;
  const name = typeof traits.name === 'string' && traits.name.trim() !== '' ? traits.name : body.userId;
  const locale = typeof traits.locale === 'string' ? traits.locale.toLowerCase() : 'en-us';
  return { id: await tx.insertEndUser({ email, name, locale, externalId: body.userId, traits, at }), traits };
}


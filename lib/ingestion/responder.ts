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
    const answered = await tx.answeredAnonymously({ ...window, anonymousId: body.anonymousId! });
    return accepts(body.traits ?? {}, answered) ? undefined : 'duplicate';
  }
  // A user seen for the first time has only the body's traits and no earlier response: whether they
  // are accepted is known before the lookup, which adds them in the same step when they are.
  const fresh = body.traits ?? {};
  const email = typeof fresh.email === 'string' ? fresh.email.toLowerCase() : null;
  const add = accepts(fresh, false)
    ? {
        email,
        name: typeof fresh.name === 'string' && fresh.name.trim() !== '' ? fresh.name : body.userId,
        locale: typeof fresh.locale === 'string' ? fresh.locale.toLowerCase() : 'en-us',
        traits: fresh,
        at,
      }
    : undefined;
  const user = await tx.findOrAddEndUser({ externalId: body.userId, window, ...(add && { add }) });
  if (!user) return 'duplicate';
  if (user.added) return { id: user.id, traits: user.traits };
  const traits = { ...user.traits, ...body.traits };
  if (!accepts(traits, user.answered)) return 'duplicate';
  if (body.traits) await tx.updateUserTraits({ id: user.id, traits, at });
  return { id: user.id, traits };
}

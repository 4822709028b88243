import { and, eq, gt, isNull } from 'drizzle-orm';
import type { UserRow } from '../schema';
import { reader, serialized, writer } from './client';
import { adminSessions, users } from './schema';

export async function insertAdminSession(row: { tokenHash: string; userId: number; createdAt: number; expiresAt: number }): Promise<void> {
  await serialized(() =>
    writer().insert(adminSessions).values(row).run(),
  );
}

/** The user of a live session (not revoked, not expired at `now`). */
export async function findSessionUser({ tokenHash, now }: { tokenHash: string; now: number }): Promise<UserRow | undefined> {
  return reader()
    .select({ user: users })
    .from(adminSessions)
    .innerJoin(users, eq(users.id, adminSessions.userId))
    .where(and(eq(adminSessions.tokenHash, tokenHash), isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, now)))
    .get()?.user;
}

export async function revokeAdminSession({ tokenHash, at }: { tokenHash: string; at: number }): Promise<void> {
  await serialized(() =>
    writer().update(adminSessions).set({ revokedAt: at }).where(eq(adminSessions.tokenHash, tokenHash)).run(),
  );
}

/** Ends every live session of a user (e.g. when they stop being an admin). */
export async function revokeUserAdminSessions({ userId, at }: { userId: number; at: number }): Promise<void> {
  await serialized(() =>
    writer()
      .update(adminSessions)
      .set({ revokedAt: at })
      .where(and(eq(adminSessions.userId, userId), isNull(adminSessions.revokedAt)))
      .run(),
  );
}

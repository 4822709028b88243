import { revokeUserAdminSessions } from '@/db/admin-sessions';
import type { UserRole, UserRow } from '@/db/schema';
import { countAdmins, findUserById, listUsersAfter, listUsersBefore, updateUser, updateUserKeepingAnAdmin } from '@/db/users';
import type { Actor } from '../../auth/credentials';
import { hashPassword } from '../../auth/secrets';
import { ApiError } from '../../errors';
import type { Locale } from '../../i18n/locales';
import { addUser, requireAdmin, serializeUser } from '../../users/users';
import { FormRefusal } from '../forms';
import type { AddUserInput } from './forms';

// Users in the admin view. Only admins sign in here, with a password (scrypt); so only admins hold
// one, and the instance always keeps at least one admin nobody can lock out by accident.

const USERS_PAGE_SIZE = 100;

/** A user as the admin view shows them: the API's fields, and whether they can sign in here. */
function userView(row: UserRow) {
  const hasPassword = row.passwordHash !== null;
  // Only admins sign in here, and only with a password.
  const signIn = row.role !== 'admin' ? ('not_admin' as const) : hasPassword ? ('password' as const) : ('needs_password' as const);
  return { ...serializeUser(row), has_password: hasPassword, sign_in: signIn };
}
export type UserView = ReturnType<typeof userView>;

/**
 * One page of users by id (keyset: `after` the last id of the previous page, or `before` the first id
 * of the next one), with the ids to page on from. Each page costs the same however deep it is.
 */
export async function listUsersPage({ actor, after, before, limit = USERS_PAGE_SIZE }: { actor: Actor; after?: number; before?: number; limit?: number }) {
  requireAdmin(actor);
  const rows =
    before === undefined
      ? await listUsersAfter({ after: after ?? 0, limit })
      : (await listUsersBefore({ before, limit })).reverse();
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  const [earlier, later] = await Promise.all([
    first === undefined ? [] : listUsersBefore({ before: first, limit: 1 }),
    last === undefined ? [] : listUsersAfter({ after: last, limit: 1 }),
  ]);
  return {
    users: rows.map(userView),
    previousBefore: earlier.length > 0 ? first : undefined,
    nextAfter: later.length > 0 ? last : undefined,
  };
}

export async function findUserView({ actor, id }: { actor: Actor; id: number }): Promise<UserView | undefined> {
  requireAdmin(actor);
  const row = await findUserById({ id });
  return row && userView(row);
}

/** Adds a user from the admin form; only an admin may be given a password. */
export async function createUser({ actor, ...input }: AddUserInput & { actor: Actor }): Promise<UserView> {
  requireAdmin(actor);
  if (input.password && input.role !== 'admin') throw new FormRefusal('Only admins sign in, so only admins have a password; leave it empty.', 'password');
  try {
    const row = await addUser({
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale,
      ...(input.password && { passwordHash: await hashPassword(input.password) }),
    });
    return userView(row);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new FormRefusal('A user with this email already exists.', 'email');
    throw error;
  }
}

/**
 * Changes a user's role and locale. The last admin keeps the role, and nobody removes their own (no
 * lock-out). Someone who stops being an admin is signed out everywhere and loses their password, so
 * a later promotion does not bring an old password back to life.
 */
export async function changeUser({ actor, id, role, locale }: { actor: Actor; id: number; role: UserRole; locale: Locale }): Promise<UserView> {
  requireAdmin(actor);
  const target = await findUserById({ id });
  if (!target) throw new FormRefusal('No user has this id.');
  const demoting = target.role === 'admin' && role !== 'admin';
  const lastAdmin = () => new FormRefusal('This is the last admin: make another admin first.', 'role');
  if (demoting && (await countAdmins()) <= 1) throw lastAdmin();
  if (demoting && target.id === actor.id) throw new FormRefusal('You cannot remove your own admin role: ask another admin.', 'role');
  const now = Date.now();
  const row = await updateUserKeepingAnAdmin({ id, role, locale, updatedAt: now, ...(demoting && { passwordHash: null }) });
  // Undefined here means another admin was demoted between the count and this update.
  if (!row) throw lastAdmin();
  // sessionAdmin checks the role on every request already; revoking also keeps a re-promotion from
  // reviving the old sessions.
  if (demoting) await revokeUserAdminSessions({ userId: id, at: now });
  return userView(row);
}

/**
 * Sets an admin's password. Another admin's sessions end (a reset usually means the old password is
 * not to be trusted); your own stay, or you would sign yourself out.
 */
export async function setUserPassword({ actor, id, password }: { actor: Actor; id: number; password: string }): Promise<UserView> {
  requireAdmin(actor);
  const target = await findUserById({ id });
  if (!target) throw new FormRefusal('No user has this id.');
  if (target.role !== 'admin') throw new FormRefusal('Only admins sign in, so only admins have a password: make this user an admin first.', 'password');
  const now = Date.now();
  const row = await updateUser({ id, passwordHash: await hashPassword(password), updatedAt: now });
  if (target.id !== actor.id) await revokeUserAdminSessions({ userId: id, at: now });
  return userView(row);
}

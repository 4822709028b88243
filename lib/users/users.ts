import { UniqueViolation } from '@/db/errors';
import type { UserRole, UserRow } from '@/db/schema';
import { findUserByEmail, findUserByExternalId, findUserById, insertUser, listUsers as listRows, updateUser } from '@/db/users';
import type { Actor } from '../auth/credentials';
import { conflict, forbidden, notFound } from '../errors';
import { iso } from '../time';
import type { CreateOrUpdateUserInput } from './schemas';

export function serializeUser(row: UserRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale,
    external_id: row.externalId,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden();
}

const emailTaken = () => conflict('A user with this email already exists');

/** Adds a user; an email or external id already in use is a 409. */
export async function addUser(input: {
  /** Null for users known only by their app's id (external_id). */
  email: string | null;
  name: string;
  role: UserRole;
  locale: string;
  externalId?: string | null;
  passwordHash?: string;
}) {
  const now = Date.now();
  try {
    return await insertUser({ ...input, createdAt: now, updatedAt: now });
  } catch (error) {
    if (error instanceof UniqueViolation) throw emailTaken();
    throw error;
  }
}

/** Zendesk's create_or_update: matched by external_id when given, else by email. */
export async function createOrUpdateUser({ actor, user }: { actor: Actor; user: CreateOrUpdateUserInput }) {
  requireAdmin(actor);
  const existing =
    (user.external_id ? await findUserByExternalId({ externalId: user.external_id }) : undefined) ??
    (await findUserByEmail({ email: user.email }));
  if (!existing) {
    const row = await addUser({
      email: user.email,
      name: user.name ?? user.email,
      role: user.role ?? 'end_user',
      locale: user.locale ?? 'en-us',
      externalId: user.external_id ?? null,
    });
    return { user: serializeUser(row), created: true };
  }
  try {
    const row = await updateUser({
      id: existing.id,
      email: user.email,
      ...(user.name !== undefined && { name: user.name }),
      ...(user.role !== undefined && { role: user.role }),
      ...(user.locale !== undefined && { locale: user.locale }),
      ...(user.external_id !== undefined && { externalId: user.external_id }),
      updatedAt: Date.now(),
    });
    return { user: serializeUser(row), created: false };
  } catch (error) {
    if (error instanceof UniqueViolation) throw emailTaken();
    throw error;
  }
}

/** Admins see anyone; everyone else only themselves (403, whether or not the id exists). */
export async function showUser({ actor, id }: { actor: Actor; id: number }) {
  if (actor.role !== 'admin' && actor.id !== id) throw forbidden();
  const row = await findUserById({ id });
  if (!row) throw notFound('The user could not be found');
  return serializeUser(row);
}

export async function listUsers() {
  return (await listRows()).map(serializeUser);
}

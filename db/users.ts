import { asc, eq, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from './client';
import { translate } from './errors';
import { users, type NewUserRow, type UserRow } from './schema';

const byId = preparedOnce((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
const byEmail = preparedOnce((db) =>
  db.select().from(users).where(eq(users.email, sql.placeholder('email'))).prepare(),
);

export async function findUserById({ id }: { id: number }): Promise<UserRow | undefined> {
  return byId().get({ id });
}

/** Emails are stored lower-cased; pass the lower-cased form. */
export async function findUserByEmail({ email }: { email: string }): Promise<UserRow | undefined> {
  return byEmail().get({ email });
}

export async function findUserByExternalId({ externalId }: { externalId: string }): Promise<UserRow | undefined> {
  return getDb().select().from(users).where(eq(users.externalId, externalId)).get();
}

export async function insertUser(row: NewUserRow): Promise<UserRow> {
  try {
    return getDb().insert(users).values(row).returning().get();
  } catch (error) {
    throw translate(error);
  }
}

export async function updateUser({ id, ...changes }: Partial<NewUserRow> & { id: number }): Promise<UserRow> {
  try {
    return getDb().update(users).set(changes).where(eq(users.id, id)).returning().get();
  } catch (error) {
    throw translate(error);
  }
}

export async function listUsers(): Promise<UserRow[]> {
  return getDb().select().from(users).orderBy(asc(users.id)).all();
}

export async function countUsers(): Promise<number> {
  return getDb().$count(users);
}

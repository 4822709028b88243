import { and, asc, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { translate } from '../errors';
import type { NewUserRow, UserRole, UserRow } from '../schema';
import { preparedOnce, reader, serialized, writer } from './client';
import { users } from './schema';

const byId = preparedOnce(reader, (db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
const byEmail = preparedOnce(reader, (db) =>
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
  return reader().select().from(users).where(eq(users.externalId, externalId)).get();
}

export async function insertUser(row: NewUserRow): Promise<UserRow> {
  return serialized(() => {
    try {
      return writer().insert(users).values(row).returning().get();
    } catch (error) {
      throw translate(error);
    }
  });
}

export async function updateUser({ id, ...changes }: Partial<NewUserRow> & { id: number }): Promise<UserRow> {
  return serialized(() => {
    try {
      return writer().update(users).set(changes).where(eq(users.id, id)).returning().get();
    } catch (error) {
      throw translate(error);
    }
  });
}

export async function listUsers(): Promise<UserRow[]> {
  return reader().select().from(users).orderBy(asc(users.id)).all();
}

export async function countUsers(): Promise<number> {
  return reader().$count(users);
}

const pageAfter = preparedOnce(reader, (db) =>
  db.select().from(users).where(gt(users.id, sql.placeholder('after'))).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare(),
);
const pageBefore = preparedOnce(reader, (db) =>
  db.select().from(users).where(lt(users.id, sql.placeholder('before'))).orderBy(desc(users.id)).limit(sql.placeholder('limit')).prepare(),
);

/** Up to `limit` users with an id above `after`, ascending: a keyset page, as cheap deep as shallow. */
export async function listUsersAfter({ after, limit }: { after: number; limit: number }): Promise<UserRow[]> {
  return pageAfter().all({ after, limit });
}

/** Up to `limit` users with an id below `before`, nearest first (descending). */
export async function listUsersBefore({ before, limit }: { before: number; limit: number }): Promise<UserRow[]> {
  return pageBefore().all({ before, limit });
}

export async function countAdmins(): Promise<number> {
  return reader().$count(users, eq(users.role, 'admin'));
}

/**
 * Changes a user's role (and other fields) in one statement that refuses to take the role away from
 * the last admin, so two admins demoting each other at once cannot leave the instance without one.
 * Undefined when no row changed (unknown id, or it was the last admin).
 */
export async function updateUserKeepingAnAdmin({ id, ...changes }: Partial<NewUserRow> & { id: number; role: UserRole }): Promise<UserRow | undefined> {
  const keepsAnAdmin = or(
    ne(users.role, 'admin'),
    sql`${changes.role} = 'admin'`,
    sql`(select count(*) from ${users} where ${users.role} = 'admin') > 1`,
  );
  return serialized(() => writer().update(users).set(changes).where(and(eq(users.id, id), keepsAnAdmin)).returning().get());
}

const names = preparedOnce(reader, (db) => db.$client.prepare('select id, name from users where id in (select value from json_each(?))').raw(true));

/** The names of the users among `ids` (ids no user has are left out). */
export async function findUserNames({ ids }: { ids: number[] }): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  return new Map(names().all(JSON.stringify(ids)) as [number, string][]);
}

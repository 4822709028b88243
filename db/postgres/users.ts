import { and, asc, count, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { NewUserRow, UserRole, UserRow } from '../schema';
import { guarded, pool, postgres, rows } from './client';
import { users } from './schema';

export async function findUserById({ id }: { id: number }): Promise<UserRow | undefined> {
  const db = await postgres();
  return guarded(async () => (await db.select().from(users).where(eq(users.id, id)))[0]);
}

/** Emails are stored lower-cased; pass the lower-cased form. */
export async function findUserByEmail({ email }: { email: string }): Promise<UserRow | undefined> {
  const db = await postgres();
  return guarded(async () => (await db.select().from(users).where(eq(users.email, email)))[0]);
}

export async function findUserByExternalId({ externalId }: { externalId: string }): Promise<UserRow | undefined> {
  const db = await postgres();
  return guarded(async () => (await db.select().from(users).where(eq(users.externalId, externalId)))[0]);
}

export async function insertUser(values: NewUserRow): Promise<UserRow> {
  const db = await postgres();
  return guarded(async () => (await db.insert(users).values(values).returning())[0]!);
}

export async function updateUser({ id, ...changes }: Partial<NewUserRow> & { id: number }): Promise<UserRow> {
  const db = await postgres();
  return guarded(async () => (await db.update(users).set(changes).where(eq(users.id, id)).returning())[0]!);
}

export async function listUsers(): Promise<UserRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(users).orderBy(asc(users.id)));
}

export async function countUsers(): Promise<number> {
  const db = await postgres();
  return guarded(async () => (await db.select({ n: count() }).from(users))[0]!.n);
}

/** Up to `limit` users with an id above `after`, ascending: a keyset page, as cheap deep as shallow. */
export async function listUsersAfter({ after, limit }: { after: number; limit: number }): Promise<UserRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(users).where(gt(users.id, after)).orderBy(asc(users.id)).limit(limit));
}

/** Up to `limit` users with an id below `before`, nearest first (descending). */
export async function listUsersBefore({ before, limit }: { before: number; limit: number }): Promise<UserRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(users).where(lt(users.id, before)).orderBy(desc(users.id)).limit(limit));
}

export async function countAdmins(): Promise<number> {
  const db = await postgres();
  return guarded(async () => (await db.select({ n: count() }).from(users).where(eq(users.role, 'admin')))[0]!.n);
}

/**
 * Changes a user's role (and other fields) in one statement that refuses to take the role away from
 * the last admin. Under READ COMMITTED two such statements could each still count the other admin:
 * the admins' rows are locked first (FOR UPDATE in the subquery), so the second waits and counts again.
 * Undefined when no row changed (unknown id, or it was the last admin).
 */
export async function updateUserKeepingAnAdmin({ id, ...changes }: Partial<NewUserRow> & { id: number; role: UserRole }): Promise<UserRow | undefined> {
  const db = await postgres();
  const keepsAnAdmin = or(
    ne(users.role, 'admin'),
    sql`${changes.role} = 'admin'`,
    sql`(select count(*) from (select 1 from ${users} where ${users.role} = 'admin' for update) admins) > 1`,
  );
  return guarded(async () => (await db.update(users).set(changes).where(and(eq(users.id, id), keepsAnAdmin)).returning())[0]);
}

/** The names of the users among `ids` (ids no user has are left out). */
export async function findUserNames({ ids }: { ids: number[] }): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  return new Map(await rows<[number, string]>(await pool(), 'select id, name from users where id = any($1::bigint[])', [ids]));
}

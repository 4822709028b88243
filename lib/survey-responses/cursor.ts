import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ensureSetting, readSetting } from '@/db/settings';
import { ApiError } from '../errors';
import { isUlid } from '../ids';

// A cursor is `base64url(sort:id).mac`, or `base64url(sort:updated_at:id).mac` for the change feed's
// sorts: opaque to clients, and a tampered one is refused, not followed.

export type Sort = 'id' | '-id' | 'updated_at' | '-updated_at';
type IdSort = 'id' | '-id';

/** Where a cursor points: the row's id, and its updated_at for the updated_at sorts. */
export interface CursorKey {
  id: string;
  updatedAt?: number;
}

const feedSort = (sort: Sort) => sort === 'updated_at' || sort === '-updated_at';

const SECRET = 'cursor_secret';

/** Made at start (lib/bootstrap.ts), so that listing, a read, never writes. */
export async function ensureCursorSecret(): Promise<void> {
  await ensureSetting({ key: SECRET, make: () => randomBytes(32).toString('base64url') });
}

async function key(): Promise<Buffer> {
  const secret = await readSetting({ key: SECRET });
  if (secret === undefined) throw new Error('The cursor secret is missing: the server makes it when it starts (lib/bootstrap.ts)');
  return Buffer.from(secret, 'base64url');
}

function mac(k: Buffer, payload: string): Buffer {
  return createHmac('sha256', k).update(payload).digest().subarray(0, 12);
}

/** A cursor for a page of any sort: the id, and the updated_at too for the updated_at sorts. */
export async function encodeListCursor(sort: Sort, at: CursorKey): Promise<string> {
  return sealCursor(feedSort(sort) ? `${sort}:${at.updatedAt}:${at.id}` : `${sort}:${at.id}`);
}

/** A cursor for a page in id order. */
export const encodeCursor = (sort: IdSort, id: string) => encodeListCursor(sort, { id });

const badCursor = (parameter: string) =>
  new ApiError('BadRequest', [{ title: 'Invalid cursor', detail: 'The cursor is not one this API issued', source: { parameter } }]);

/** Where a cursor points; a cursor made for another sort order is refused too. */
export async function decodeListCursor(cursor: string, sort: Sort, parameter: string): Promise<CursorKey> {
  const parts = (await openCursor(cursor, parameter)).split(':');
  if (parts[0] !== sort) throw badCursor(parameter);
  if (feedSort(sort)) {
    const [, time, id, extra] = parts;
    if (!time || !/^[0-9]{1,16}$/.test(time) || !id || !isUlid(id) || extra !== undefined) throw badCursor(parameter);
    return { id, updatedAt: Number(time) };
  }
  const [, id, extra] = parts;
  if (!id || !isUlid(id) || extra !== undefined) throw badCursor(parameter);
  return { id };
}

/** A cursor for any other list: `text` (the list's own key), made opaque and tamper-proof. */
export async function sealCursor(text: string): Promise<string> {
  const payload = Buffer.from(text).toString('base64url');
  return `${payload}.${mac(await key(), payload).toString('base64url')}`;
}

/** The text a cursor of `sealCursor` holds; a cursor this API did not issue is a 400 naming `parameter`. */
export async function openCursor(cursor: string, parameter: string): Promise<string> {
  const [payload, signature, more] = cursor.split('.');
  if (!payload || !signature || more !== undefined) throw badCursor(parameter);
  const expected = mac(await key(), payload);
  const given = Buffer.from(signature, 'base64url');
  // Node's base64url decoder skips characters it does not know: only the exact text we issued is accepted.
  if (given.toString('base64url') !== signature) throw badCursor(parameter);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor(parameter);
  return Buffer.from(payload, 'base64url').toString('utf8');
}

/** The id a cursor of a page in id order points at. */
export async function decodeCursor(cursor: string, sort: IdSort, parameter: string): Promise<string> {
  return (await decodeListCursor(cursor, sort, parameter)).id;
}

/** The list's own URL with a cursor for the page after or before this one (the other one dropped). */
export function pageUrl(url: string, param: 'page[after]' | 'page[before]', cursor: string): string {
  const next = new URL(url);
  next.searchParams.delete('page[after]');
  next.searchParams.delete('page[before]');
  next.searchParams.set(param, cursor);
  return next.toString();
}

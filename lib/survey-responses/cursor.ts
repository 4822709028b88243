import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ensureSetting, readSetting } from '@/db/settings';
import { ApiError } from '../errors';
import { isUlid } from '../ids';

// A cursor is `base64url(sort:id).mac`: opaque to clients, and a tampered one is refused, not followed.

export type Sort = 'id' | '-id';

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

export async function encodeCursor(sort: Sort, id: string): Promise<string> {
  const payload = Buffer.from(`${sort}:${id}`).toString('base64url');
  return `${payload}.${mac(await key(), payload).toString('base64url')}`;
}

const badCursor = (parameter: string) =>
  new ApiError('BadRequest', [{ title: 'Invalid cursor', detail: 'The cursor is not one this API issued', source: { parameter } }]);

/** The id a cursor points at; a cursor made for the other sort order is refused too. */
export async function decodeCursor(cursor: string, sort: Sort, parameter: string): Promise<string> {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw badCursor(parameter);
  const expected = mac(await key(), payload);
  const given = Buffer.from(signature, 'base64url');
  // Node's base64url decoder skips characters it does not know: only the exact text we issued is accepted.
  if (given.toString('base64url') !== signature) throw badCursor(parameter);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor(parameter);
  const [cursorSort, id] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (cursorSort !== sort || !id || !isUlid(id)) throw badCursor(parameter);
  return id;
}

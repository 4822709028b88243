import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { decodeCursor, decodeListCursor, encodeCursor, encodeListCursor, ensureCursorSecret } from './cursor';

// The server makes the secret when it starts; so does this file.
beforeAll(ensureCursorSecret);

const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('cursors', () => {
  it('round-trip for their own sort order', async () => {
    expect(await decodeCursor(await encodeCursor('id', id), 'id', 'page[after]')).toBe(id);
    expect(await decodeCursor(await encodeCursor('-id', id), '-id', 'page[before]')).toBe(id);
  });
  it('refuse a tampered cursor, another sort order and garbage', async () => {
    const cursor = await encodeCursor('id', id);
    const [, mac] = cursor.split('.');
    const forged = `${Buffer.from('id:01BX5ZZKBKACTAV9WEVGEMMVRZ').toString('base64url')}.${mac}`;
    // Stray characters the base64url decoder would skip make another cursor, not the same one.
    const padded = [`${cursor}A`, `${cursor}==`, cursor.replace('.', '.!'), cursor.replace('.', '. ')];
    for (const bad of [forged, cursor.slice(0, -2), `${cursor}.x`, 'abc', '', ...padded]) {
      await expect(decodeCursor(bad, 'id', 'page[after]'), bad).rejects.toBeInstanceOf(ApiError);
    }
    await expect(decodeCursor(cursor, '-id', 'page[after]')).rejects.toBeInstanceOf(ApiError);
  });
  it('carry (updated_at, id) for the change feed, and refuse the cursors of other sorts', async () => {
    const at = { id, updatedAt: 1_764_547_200_123 };
    const feed = await encodeListCursor('updated_at', at);
    expect(await decodeListCursor(feed, 'updated_at', 'page[after]')).toEqual(at);
    expect(await decodeListCursor(await encodeListCursor('-updated_at', at), '-updated_at', 'page[before]')).toEqual(at);
    for (const other of ['-updated_at', 'id', '-id'] as const) {
      await expect(decodeListCursor(feed, other, 'page[after]'), other).rejects.toBeInstanceOf(ApiError);
    }
    await expect(decodeListCursor(await encodeCursor('id', id), 'updated_at', 'page[after]')).rejects.toBeInstanceOf(ApiError);
    expect(await decodeListCursor(await encodeCursor('-id', id), '-id', 'page[after]')).toEqual({ id });
  });
});

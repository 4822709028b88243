import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor, ensureCursorSecret } from './cursor';

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
});

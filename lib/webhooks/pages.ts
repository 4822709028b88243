import { openCursor, pageUrl, sealCursor } from '../survey-responses/cursor';
import { ApiError } from '../errors';

// Cursor pages of the webhooks and invocations lists, in the shape of every list of this API:
// `meta` {has_more, after_cursor, before_cursor} and `links` {prev, next}. A cursor holds the JSON
// key of the row it stands for, sealed (lib/survey-responses/cursor.ts); its first item names the list.

export interface PageQuery {
  'page[size]': number;
  'page[after]'?: string;
  'page[before]'?: string;
}

/** Which way a page goes: `page[after]` along the order, `page[before]` against it. */
export function direction(query: PageQuery): { backward: boolean; cursor?: string; parameter: 'page[after]' | 'page[before]' } {
  const backward = query['page[before]'] !== undefined;
  return { backward, cursor: query['page[after]'] ?? query['page[before]'], parameter: backward ? 'page[before]' : 'page[after]' };
}

export const encodeKey = (key: unknown[]) => sealCursor(JSON.stringify(key));

const badCursor = (parameter: string) =>
  new ApiError('BadRequest', [{ title: 'Invalid cursor', detail: 'The cursor is not one this API issued', source: { parameter } }]);

/** The key a cursor holds, when `valid` accepts it (a cursor of another list or sort is refused). */
export async function decodeKey<K extends unknown[]>(cursor: string, parameter: string, valid: (key: unknown[]) => key is K): Promise<K> {
  let key: unknown;
  try {
    key = JSON.parse(await openCursor(cursor, parameter));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badCursor(parameter);
  }
  if (!Array.isArray(key) || !valid(key)) throw badCursor(parameter);
  return key;
}

/**
 * The page out of `fetched` (up to size + 1 rows, in the direction travelled), in the list's order,
 * with its meta and links.
 */
export async function pageOf<R>(input: { fetched: R[]; query: PageQuery; url: string; keyOf: (row: R) => unknown[] }) {
  const { fetched, query, url, keyOf } = input;
  const size = query['page[size]'];
  const { backward, cursor } = direction(query);
  const hasMore = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (backward) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const before_cursor = first === undefined ? null : await encodeKey(keyOf(first));
  const after_cursor = last === undefined ? null : await encodeKey(keyOf(last));
  const moreAfter = backward ? rows.length > 0 : hasMore;
  const moreBefore = backward ? hasMore : cursor !== undefined && rows.length > 0;
  return {
    rows,
    meta: { has_more: hasMore, after_cursor, before_cursor },
    links: {
      prev: moreBefore && before_cursor ? pageUrl(url, 'page[before]', before_cursor) : null,
      next: moreAfter && after_cursor ? pageUrl(url, 'page[after]', after_cursor) : null,
    },
  };
}

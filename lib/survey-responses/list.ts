import { listSurveyResponses as listRows, type ListedResponse, type ResponseListQuery } from '@/db/survey-responses';
import type { Actor } from '../auth/credentials';
import { idBoundsFor } from '../ids';
import { epochToMs } from '../time';
import { decodeListCursor, encodeListCursor, pageUrl } from './cursor';
import type { ListSurveyResponsesQuery } from './schemas';
import { surveyResponseJson } from './serialize';

/**
 * Admins see every response. An agent sees the responses they are the responder of or are assigned
 * (assignee_id), an end user only their own: a filter naming others simply finds none.
 */
function visibility(actor: Actor, requested: number[] | undefined): { responderIds?: number[]; visibleTo?: number } {
  if (actor.role === 'admin') return requested ? { responderIds: requested } : {};
  if (actor.role === 'agent') return { ...(requested && { responderIds: requested }), visibleTo: actor.id };
  return { responderIds: requested ? requested.filter((id) => id === actor.id) : [actor.id] };
}

/**
 * The change feed leaves out what changed in the last FEED_SETTLE_MS. A write takes its updated_at
 * before it commits, so writes running side by side may commit out of that order; were the newest
 * rows shown at once, a cursor could pass the time of a write still in flight, and a client following
 * it would never see that change. Once settled, no write can still commit behind a cursor.
 */
export const FEED_SETTLE_MS = 2_000;

/**
 * Cursor (keyset) pagination on the id, which is also creation order, or on (updated_at, id) for the
 * change feed: a page costs the same at any depth and table size. `page[after]` moves along the sort
 * order, `page[before]` back against it; `has_more` tells whether more rows lie in the direction
 * travelled. A submit moves updated_at, so a sync client following the feed from its last cursor sees
 * every response created or edited since, at least once. Returns the page as JSON text.
 */
export async function listSurveyResponses({ actor, query, url, now = Date.now() }: { actor: Actor; query: ListSurveyResponsesQuery; url: string; now?: number }) {
  const sort = query.sort;
  const byUpdate = sort === 'updated_at' || sort === '-updated_at';
  const size = query['page[size]'];
  const backward = query['page[before]'] !== undefined;
  const cursor = query['page[after]'] ?? query['page[before]'];
  const cursorKey = cursor && (await decodeListCursor(cursor, sort, backward ? 'page[before]' : 'page[after]'));

  const { responderIds, visibleTo } = visibility(actor, query['filter[responder_ids]']);
  const start = query['filter[created_at_start]'];
  const end = query['filter[created_at_end]'];
  const updatedStart = query['filter[updated_at_start]'];
  const updatedEnd = query['filter[updated_at_end]'];
  const ascending = !sort.startsWith('-') !== backward;
  const dbQuery: ResponseListQuery = {
    ...(responderIds && { responderIds }),
    ...(visibleTo !== undefined && { visibleTo }),
    ...(query['filter[assignee_ids]'] && { assigneeIds: query['filter[assignee_ids]'] }),
    ...(query['filter[group_ids]'] && { groupIds: query['filter[group_ids]'] }),
    ...(query['filter[brand_ids]'] && { brandIds: query['filter[brand_ids]'] }),
    ...(query['filter[subject_zrns]'] && { subjectZrns: query['filter[subject_zrns]'] }),
    ...(query['filter[tags]'] && { tags: query['filter[tags]'] }),
    ...(query['filter[state]'] && { states: { states: query['filter[state]'], now } }),
    ...((start !== undefined || end !== undefined) && {
      idRange: idBoundsFor(epochToMs(start ?? 0), epochToMs(end ?? 2 ** 48 - 1, 'end')),
    }),
    ...((updatedStart !== undefined || updatedEnd !== undefined || byUpdate) && {
      updatedRange: {
        from: epochToMs(updatedStart ?? 0),
        to: Math.min(epochToMs(updatedEnd ?? Number.MAX_SAFE_INTEGER, 'end'), byUpdate ? now - FEED_SETTLE_MS : Number.MAX_SAFE_INTEGER),
      },
    }),
    ...(cursorKey && { boundary: { op: ascending ? 'gt' : 'lt', ...cursorKey } }),
    sort: byUpdate ? 'updated_at' : 'id',
    order: ascending ? 'asc' : 'desc',
    limit: size + 1,
  };
  const fetched = responderIds?.length === 0 ? [] : await listRows(dbQuery);
  const hasMore = fetched.length > size;
  const page: ListedResponse[] = fetched.slice(0, size);
  if (backward) page.reverse();
  const survey_responses = page.map((row) => surveyResponseJson(row, now));

  const first = page[0];
  const last = page[page.length - 1];
  const keyOf = (row: ListedResponse) => (byUpdate ? { id: row.id, updatedAt: row.updatedAt } : { id: row.id });
  const before_cursor = first ? await encodeListCursor(sort, keyOf(first)) : null;
  const after_cursor = last ? await encodeListCursor(sort, keyOf(last)) : null;
  const moreAfter = backward ? page.length > 0 : hasMore;
  const moreBefore = backward ? hasMore : cursor !== undefined && page.length > 0;
  const meta = { has_more: hasMore, after_cursor, before_cursor };
  const links = {
    prev: moreBefore && before_cursor ? pageUrl(url, 'page[before]', before_cursor) : null,
    next: moreAfter && after_cursor ? pageUrl(url, 'page[after]', after_cursor) : null,
  };
  // JSON text: each response's stored answers are copied in, not parsed and serialized again.
  return `{"survey_responses":[${survey_responses.join(',')}],"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`;
}

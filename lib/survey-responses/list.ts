import { listSurveyResponses as listRows, type ListedResponse, type ResponseListQuery } from '@/db/survey-responses';
import type { Actor } from '../auth/credentials';
import { idBoundsFor } from '../ids';
import { epochToMs } from '../time';
import { decodeCursor, encodeCursor } from './cursor';
import type { ListSurveyResponsesQuery } from './schemas';
import { surveyResponseJson } from './serialize';

/** Non-admins only ever see their own responses: a filter naming others simply finds none. */
function visibleResponders(actor: Actor, requested: number[] | undefined): number[] | undefined {
  if (actor.role === 'admin') return requested;
  return requested ? requested.filter((id) => id === actor.id) : [actor.id];
}

function pageUrl(url: string, param: 'page[after]' | 'page[before]', cursor: string): string {
  const next = new URL(url);
  next.searchParams.delete('page[after]');
  next.searchParams.delete('page[before]');
  next.searchParams.set(param, cursor);
  return next.toString();
}

/**
 * Cursor (keyset) pagination on the id, which is also creation order: a page costs the same at any
 * depth and table size. `page[after]` moves along the sort order, `page[before]` back against it;
 * `has_more` tells whether more rows lie in the direction travelled. Returns the page as JSON text.
 */
export async function listSurveyResponses({ actor, query, url }: { actor: Actor; query: ListSurveyResponsesQuery; url: string }) {
  const sort = query.sort;
  const size = query['page[size]'];
  const backward = query['page[before]'] !== undefined;
  const cursor = query['page[after]'] ?? query['page[before]'];
  const cursorId = cursor && (await decodeCursor(cursor, sort, backward ? 'page[before]' : 'page[after]'));

  const responderIds = visibleResponders(actor, query['filter[responder_ids]']);
  const start = query['filter[created_at_start]'];
  const end = query['filter[created_at_end]'];
  const ascending = (sort === 'id') !== backward;
  const dbQuery: ResponseListQuery = {
    ...(responderIds && { responderIds }),
    ...(query['filter[subject_zrns]'] && { subjectZrns: query['filter[subject_zrns]'] }),
    ...((start !== undefined || end !== undefined) && {
      idRange: idBoundsFor(epochToMs(start ?? 0), epochToMs(end ?? 2 ** 48 - 1, 'end')),
    }),
    ...(cursorId && { boundary: { op: ascending ? 'gt' : 'lt', id: cursorId } }),
    order: ascending ? 'asc' : 'desc',
    limit: size + 1,
  };
  const fetched = responderIds?.length === 0 ? [] : await listRows(dbQuery);
  const hasMore = fetched.length > size;
  const page: ListedResponse[] = fetched.slice(0, size);
  if (backward) page.reverse();
  const survey_responses = page.map(surveyResponseJson);

  const first = page[0];
  const last = page[page.length - 1];
  const before_cursor = first ? await encodeCursor(sort, first.id) : null;
  const after_cursor = last ? await encodeCursor(sort, last.id) : null;
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

import { walkAdminResponses, type AdminResponseRow } from '@/db/admin-responses';
import type { Actor } from '../../auth/credentials';
import { ApiError, invalid } from '../../errors';
import { displayLocale, type Locale } from '../../i18n/locales';
import { idTime } from '../../ids';
import { decodeCursor, encodeCursor } from '../../survey-responses/cursor';
import { requireAdmin } from '../../users/users';
import { responsesHref, type ResponseFilters } from './filters';
import { responseCriteria } from './query';
import {
  categoryName,
  parseAnswers,
  ratingView,
  reasonsAndComment,
  responseFacts,
  versionQuestions,
  type RatingView,
  type ResponseFacts,
} from './view';
import { surveyInfos, type SurveyInfo } from '../survey-info';
import { utcMinute } from '../../time';

const ADMIN_PAGE_SIZE = 50;
/** Index entries one page looks at at most when filters test rows the driving index does not cover. */
const ADMIN_SCAN_BUDGET = 10_000;
const EXCERPT = 80;

export interface AdminResponseListItem extends ResponseFacts {
  id: string;
  created: string;
  survey: { id: string; label: string; short: string; version: number };
  rating?: RatingView;
  category: string;
  reasons: string[];
  comment: string;
}

export interface AdminResponsePage {
  rows: AdminResponseListItem[];
  nextHref?: string;
  prevHref?: string;
  /**
   * When the page stopped on its scan budget: the UTC time the search reached, and whether it went to
   * older responses (Next goes on from there) or newer ones (a `before` page: Previous goes on).
   */
  searched?: { to: string; older: boolean };
}

type PageCursor = { after?: string; before?: string };

async function listItem(row: AdminResponseRow, surveys: Map<string, SurveyInfo>, locale: Locale): Promise<AdminResponseListItem> {
  const survey = surveys.get(row.surveyId);
  const questions = await versionQuestions(row.surveyId, row.surveyVersion, locale);
  const answers = parseAnswers(row.answersJson);
  const rated = answers.find((a) => a.type === 'rating_scale');
  const { reasons, comment } = reasonsAndComment(questions, answers);
  return {
    id: row.id,
    created: utcMinute(row.createdAt),
    survey: { id: row.surveyId, label: survey?.label ?? row.surveyId, short: survey?.shortLabel ?? row.surveyId, version: row.surveyVersion },
    ...(row.rating !== null && { rating: ratingView(questions.find((q) => q.id === rated?.question.id), row.rating) }),
    category: categoryName(survey, row.ratingCategory),
    reasons,
    comment: comment.length > EXCERPT ? `${comment.slice(0, EXCERPT - 1)}…` : comment,
    ...responseFacts(row),
  };
}

async function cursorId(cursor: string, param: string): Promise<string> {
  try {
    return await decodeCursor(cursor, '-id', param);
  } catch (error) {
    if (error instanceof ApiError) throw invalid('This page link is broken or was not made by this view; start again from the first page.');
    throw error;
  }
}

/**
 * One page of the responses table, newest first: a keyset walk from the cursor (`after`: older rows,
 * `before`: newer rows), 50 rows, no total count. Throws a BadRequest ApiError for a bad cursor.
 */
export async function listAdminResponses({ admin, filters, cursor = {} }: { admin: Actor; filters: ResponseFilters; cursor?: PageCursor }): Promise<AdminResponsePage> {
  requireAdmin(admin);
  const backward = cursor.before !== undefined;
  const from = cursor.before ?? cursor.after;
  const fromId = from === undefined ? undefined : await cursorId(from, backward ? 'before' : 'after');
  const criteria = await responseCriteria(filters);
  if (!criteria) return { rows: [] };

  const { rows: fetched, scanEnd } = await walkAdminResponses({
    criteria,
    ...(fromId && { boundary: { op: backward ? 'gt' : 'lt', id: fromId } }),
    order: backward ? 'asc' : 'desc',
    limit: ADMIN_PAGE_SIZE + 1,
    scan: ADMIN_SCAN_BUDGET,
  });
  const full = fetched.length > ADMIN_PAGE_SIZE;
  const page = fetched.slice(0, ADMIN_PAGE_SIZE);
  // Where the walk goes on in the direction travelled: after the page's last row, or after the last
  // entry scanned when the budget ran out first.
  const onward = full ? page[page.length - 1]!.id : scanEnd;
  if (backward) page.reverse();
  // Where the way back starts: the page's edge on the cursor's side, or the cursor itself on an empty page.
  const back = backward ? page[page.length - 1]?.id : page[0]?.id;
  const backId = fromId === undefined ? undefined : (back ?? fromId);

  const href = async (dir: 'after' | 'before', id: string | undefined) =>
    id === undefined ? undefined : responsesHref(filters, { [dir]: await encodeCursor('-id', id) });
  const locale = displayLocale(admin.locale);
  const surveys = await surveyInfos({ locale });
  const rows = await Promise.all(page.map((row) => listItem(row, surveys, locale)));
  const [nextHref, prevHref] = backward
    ? [await href('after', backId), await href('before', onward)]
    : [await href('after', onward), await href('before', backId)];
  return {
    rows,
    ...(nextHref && { nextHref }),
    ...(prevHref && { prevHref }),
    ...(!full && scanEnd && { searched: { to: utcMinute(idTime(scanEnd)), older: !backward } }),
  };
}

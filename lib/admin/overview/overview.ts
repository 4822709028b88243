import { findDailyCounts, findReasonCounts, findRecentRated, type DailyCount } from '@/db/admin-figures';
import type { Actor } from '../../auth/credentials';
import { displayLocale } from '../../i18n/locales';
import { satisfactionScore } from '../../surveys/rating';
import { requireAdmin } from '../../users/users';
import { idBoundsFor, idTime } from '../../ids';
import { DAY_MS, dayNumber, dayString, utcMinute } from '../../time';
import { responsesHref, type ResponseFilters } from '../survey-responses/filters';
import { surveyBreakdowns } from './breakdowns';
import type { OverviewQuery } from './schemas';
import { ratingText, surveyInfos, type LocalizedQuestion } from '../survey-info';

// The admin overview: per survey and range of UTC days, how many responses were offered and
// answered, the CSAT score or NPS, the distribution over the whole scale and a trend. Every figure
// comes from survey_daily_counts (one cell per survey, day, answered state and rating), so its cost
// does not grow with the number of responses, and carries the link to the responses behind it. The
// breakdowns per assignee, group and brand come from survey_breakdown_counts (breakdowns.ts).

const DEFAULT_DAYS = 30;
const MAX_DAYS = 3 * 366;
/** Day buckets beyond this many days would be unreadable bars: weeks are used instead. */
const MAX_DAY_BUCKETS = 92;
const DAY_BUCKETS_BY_DEFAULT = 62;
/** The newest bad ratings shown to follow up on. */
const FOLLOW_UP_ROWS = 8;


interface Tally {
  offered: number;
  answered: number;
  rated: number;
  good: number;
  neutral: number;
  bad: number;
}

function tally(cells: DailyCount[]): Tally {
  const t: Tally = { offered: 0, answered: 0, rated: 0, good: 0, neutral: 0, bad: 0 };
  for (const c of cells) {
    t.offered += c.responses;
    if (c.answered) t.answered += c.responses;
    if (c.rating === null) continue;
    t.rated += c.responses;
    if (c.ratingCategory === 'good' || c.ratingCategory === 'neutral' || c.ratingCategory === 'bad') t[c.ratingCategory] += c.responses;
  }
  return t;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);

/** The overview's address for these choices, opened at the breakdown shown whole. */
function overviewHref(query: OverviewQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return `/admin?${params.toString()}${query.all ? `#by-${query.all}` : ''}`;
}

/** Monday-start weeks: epoch day 0 was a Thursday. */
const weekStart = (day: number) => day - ((day + 3) % 7);

function buckets(fromDay: number, toDay: number, size: 'day' | 'week') {
  const out: { from: number; to: number }[] = [];
  for (let start = fromDay; start <= toDay; ) {
    const end = size === 'day' ? start : Math.min(toDay, weekStart(start) + 6);
    out.push({ from: start, to: end });
    start = end + 1;
  }
  return out;
}

export type Overview = Awaited<ReturnType<typeof surveyOverview>>;
/** An overview that found its survey and range. */
export type ReadyOverview = Extract<Overview, { ok: true }>;

/** The overview of one survey (by default the first enabled CSAT survey) over a range of days. */
export async function surveyOverview({ admin, query, now = Date.now() }: { admin: Actor; query: OverviewQuery; now?: number }) {
  requireAdmin(admin);
  const surveys = [...(await surveyInfos({ locale: displayLocale(admin.locale) })).values()];
  const chosen = query.survey
    ? surveys.find((s) => s.id === query.survey)
    : (surveys.find((s) => s.type === 'CUSTOMER_SATISFACTION' && s.state === 'enabled') ?? surveys[0]);
  const choices = surveys.map((s) => ({ id: s.id, label: s.label }));
  if (!chosen) return { ok: false as const, problem: query.survey ? 'No survey has this id.' : 'There are no surveys yet.', choices };

  const today = Math.floor(now / DAY_MS);
  const toDay = query.to ? dayNumber(query.to) : today;
  const fromDay = query.from ? dayNumber(query.from) : toDay - (DEFAULT_DAYS - 1);
  if (fromDay > toDay) return { ok: false as const, problem: 'The start of the range is after its end.', choices };
  if (toDay - fromDay + 1 > MAX_DAYS) return { ok: false as const, problem: `A range may span at most ${MAX_DAYS} days.`, choices };
  const span = toDay - fromDay + 1;
  const bucket = span > MAX_DAY_BUCKETS ? 'week' : (query.bucket ?? (span <= DAY_BUCKETS_BY_DEFAULT ? 'day' : 'week'));

  const surveyId = chosen.id;
  const { lo, hi } = idBoundsFor(fromDay * DAY_MS, (toDay + 1) * DAY_MS - 1);
  const { nps } = chosen;
  const base: ResponseFilters = { survey: chosen.id, from: dayString(fromDay), to: dayString(toDay) };
  const link = (extra: Partial<ResponseFilters>, range: Pick<ResponseFilters, 'from' | 'to'> = {}) => responsesHref({ ...base, ...range, ...extra });
  const [cells, reasonCounts, unhappy, breakdowns] = await Promise.all([
    findDailyCounts({ surveyId, fromDay, toDay }),
    findReasonCounts({ surveyId, fromDay, toDay }),
    findRecentRated({ surveyId, loId: lo, hiId: hi, category: 'bad', limit: FOLLOW_UP_ROWS }),
    surveyBreakdowns({
      surveyId,
      fromDay,
      toDay,
      nps,
      link,
      ...(query.all && { all: query.all }),
      allHref: (all) => overviewHref({ survey: surveyId, from: base.from, to: base.to, ...(query.bucket && { bucket: query.bucket }), all }),
    }),
  ]);
  const total = tally(cells);

  return {
    ok: true as const,
    choices,
    survey: { id: chosen.id, label: chosen.label, nps, categoryNames: chosen.categoryNames },
    range: { from: dayString(fromDay), to: dayString(toDay), bucket },
    offered: { count: total.offered, href: link({}) },
    answered: { count: total.answered, href: link({ state: ['answered'] }) },
    responseRate: percent(total.answered, total.offered),
    score: satisfactionScore(total, nps),
    rated: total.rated,
    categories: (['good', 'neutral', 'bad'] as const)
      .filter((c) => nps || c !== 'neutral')
      .map((c) => ({ category: c, count: total[c], share: percent(total[c], total.rated), href: link({ category: c }) })),
    reasons: reasons(reasonCounts, chosen.questions).map((r) => ({ ...r, href: link({ reason: r.optionId }) })),
    followUp: unhappy.map((r) => ({ ...r, created: utcMinute(idTime(r.id)), href: `/admin/survey_responses/${r.id}` })),
    breakdowns,
    distribution: distribution(cells, chosen.questions).map((d) => ({ ...d, share: percent(d.count, total.rated), href: link({ rating: d.rating }) })),
    trend: buckets(fromDay, toDay, bucket).map((b) => {
      const t = tally(cells.filter((c) => c.day >= b.from && c.day <= b.to));
      const range = { from: dayString(b.from), to: dayString(b.to) };
      return {
        ...range,
        ...t,
        score: satisfactionScore(t, nps),
        href: link({}, range),
        hrefs: { good: link({ category: 'good' }, range), neutral: link({ category: 'neutral' }, range), bad: link({ category: 'bad' }, range) },
      };
    }),
  };
}

/** Counts per rating over the whole scale of the latest version (and any rating older versions had). */
function distribution(cells: DailyCount[], questions: LocalizedQuestion[]) {
  // Localized rating questions are the ones with a sub_type.
  const rating = questions.find((q) => 'sub_type' in q) as { options: { rating: number; label: { value: string }; emoji?: { value: string } }[] } | undefined;
  const options = rating?.options ?? [];
  const counts = new Map<number, number>(options.map((o) => [o.rating, 0]));
  for (const c of cells) if (c.rating !== null) counts.set(c.rating, (counts.get(c.rating) ?? 0) + c.responses);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rating, count]) => {
      const option = options.find((o) => o.rating === rating);
      return { rating, count, text: ratingText({ rating, label: option?.label.value ?? String(rating), emoji: option?.emoji?.value }) };
    });
}

/** The options chosen in closed-ended questions (the reasons after a bad rating), most chosen first. */
function reasons(counts: Awaited<ReturnType<typeof findReasonCounts>>, questions: LocalizedQuestion[]) {
  const labels = new Map<string, string>();
  for (const q of questions) if (q.type === 'closed_ended') for (const o of q.options) labels.set(o.id, o.label.value);
  const total = counts.reduce((n, c) => n + c.responses, 0);
  return counts
    .map((c) => ({ optionId: c.optionId, label: labels.get(c.optionId) ?? c.optionId, count: c.responses, share: percent(c.responses, total) }))
    .sort((a, b) => b.count - a.count);
}

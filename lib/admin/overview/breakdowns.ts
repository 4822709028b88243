import { findBreakdownCounts, type BreakdownCount } from '@/db/admin-figures';
import { breakdownDimensions, type BreakdownDimension } from '@/db/schema';
import { findUserNames } from '@/db/users';
import { satisfactionScore } from '../../surveys/rating';
import type { ResponseFilters } from '../survey-responses/filters';

// CSAT or NPS, answered count and response rate per assignee, group and brand (the attribution
// recorded at Create) over the overview's range. The figures come from survey_breakdown_counts, which
// SQL triggers keep exact, so their cost does not grow with the number of responses; each links to
// the responses behind it through the responses table's filters.

export interface BreakdownRow {
  id: number;
  /** The user's name when an assignee's id is a user here. */
  name?: string;
  offered: { count: number; href: string };
  answered: { count: number; href: string };
  /** answered / offered, in percent; null when nothing was offered. */
  responseRate: number | null;
  rated: number;
  /** CSAT (share of good ratings) or NPS; null when nothing was rated. */
  score: number | null;
  /** The good ratings (CSAT) or promoters (NPS) behind the score. */
  scoreHref: string;
}

export interface Breakdown {
  dimension: BreakdownDimension;
  /** The rows shown: all of them, or the first SHOWN when there are more and this one was not asked for whole. */
  rows: BreakdownRow[];
  /** How many assignees (groups, brands) had responses in the range. */
  total: number;
  /** The overview with this breakdown whole, when rows were left out. */
  allHref?: string;
}

/** Rows a breakdown shows unless asked for all (a helpdesk may have hundreds of agents). */
export const SHOWN = 10;

const percent = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);

/** Most answered first, then most offered, then by id: a stable order for equal figures. */
const byAnswered = (a: BreakdownCount, b: BreakdownCount) => b.answered - a.answered || b.offered - a.offered || a.id - b.id;

export async function surveyBreakdowns(input: {
  surveyId: string;
  fromDay: number;
  toDay: number;
  nps: boolean;
  /** The responses table's address for the overview's survey and range with these filters too. */
  link: (extra: Partial<ResponseFilters>) => string;
  /** The breakdown to show whole. */
  all?: BreakdownDimension;
  /** The overview's own address showing one breakdown whole. */
  allHref: (dimension: BreakdownDimension) => string;
}): Promise<Breakdown[]> {
  const counts = await findBreakdownCounts({ surveyId: input.surveyId, fromDay: input.fromDay, toDay: input.toDay });
  const sorted = breakdownDimensions.map((dimension) => {
    const all = counts.filter((c) => c.dimension === dimension).sort(byAnswered);
    return { dimension, all, shown: dimension === input.all ? all : all.slice(0, SHOWN) };
  });
  // Names only for the assignees shown.
  const names = await findUserNames({ ids: sorted.find((b) => b.dimension === 'assignee')!.shown.map((c) => c.id) });
  return sorted.map(({ dimension, all, shown }) => {
    return {
      dimension,
      total: all.length,
      ...(shown.length < all.length && { allHref: input.allHref(dimension) }),
      rows: shown.map((c) => {
        // The responses table filters by the same names: assignee, group, brand.
        const own: Partial<ResponseFilters> = { [dimension]: c.id };
        const name = dimension === 'assignee' ? names.get(c.id) : undefined;
        return {
          id: c.id,
          ...(name !== undefined && { name }),
          offered: { count: c.offered, href: input.link(own) },
          answered: { count: c.answered, href: input.link({ ...own, state: ['answered'] }) },
          responseRate: percent(c.answered, c.offered),
          rated: c.good + c.neutral + c.bad,
          score: satisfactionScore(c, input.nps),
          scoreHref: input.link({ ...own, category: 'good' }),
        };
      }),
    };
  });
}

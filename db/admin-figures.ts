import { byDialect } from './client';
import type { BreakdownDimension } from './schema';
import * as postgres from './postgres/admin-figures';
import * as sqlite from './sqlite/admin-figures';

/** One cell of survey_daily_counts: responses created on `day` (UTC epoch day) in one state. */
export interface DailyCount {
  day: number;
  answered: boolean;
  /** null when the response has no rating (not answered yet, or the rating was skipped). */
  rating: number | null;
  ratingCategory: string | null;
  responses: number;
}

/** One assignee's, group's or brand's responses over a range of days (survey_breakdown_counts summed). */
export interface BreakdownCount {
  dimension: BreakdownDimension;
  id: number;
  offered: number;
  answered: number;
  good: number;
  neutral: number;
  bad: number;
}

export const { findDailyCounts, findReasonCounts, findRecentRated, findBreakdownCounts } = byDialect(sqlite, postgres);

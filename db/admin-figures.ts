import { byDialect } from './client';
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

export const { findDailyCounts, findReasonCounts, findRecentRated } = byDialect(sqlite, postgres);

import { z } from 'zod';
import { breakdownDimensions } from '@/db/schema';
import { utcDay as day } from '../survey-responses/filters';

/** The overview's URL: which survey, which UTC days (inclusive) and the trend's bucket size. */
export const overviewQuery = z.object({
  survey: z.string().max(26).optional(),
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(['day', 'week']).optional(),
  /** The breakdown shown whole (the others show their first rows). */
  all: z.enum(breakdownDimensions).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

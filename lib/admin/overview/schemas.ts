import { z } from 'zod';
import { utcDay as day } from '../survey-responses/filters';

/** The overview's URL: which survey, which UTC days (inclusive) and the trend's bucket size. */
export const overviewQuery = z.object({
  survey: z.string().max(26).optional(),
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(['day', 'week']).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

import { z } from 'zod';
import { utcDay as day } from './filters';

const first = z.array(z.string()).optional().transform((v) => v?.[0] ?? '');

export const signInForm = z.object({ email: first.pipe(z.string().max(320)), password: first.pipe(z.string().max(1024)) });

/** The overview's URL: which survey, which UTC days (inclusive) and the trend's bucket size. */
export const overviewQuery = z.object({
  survey: z.string().max(26).optional(),
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(['day', 'week']).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

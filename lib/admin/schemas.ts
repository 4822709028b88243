import { z } from 'zod';
import { utcDay as day } from './filters';

/** A form field or URL parameter given as several values counts once (its first value). */
export const single = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

export const signInForm = z.object({ email: single(z.string().max(320).default('')), password: single(z.string().max(1024).default('')) });

/** The overview's URL: which survey, which UTC days (inclusive) and the trend's bucket size. */
export const overviewQuery = z.object({
  survey: z.string().max(26).optional(),
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(['day', 'week']).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

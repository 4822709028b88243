import { z } from 'zod';

// A malformed query parameter is ignored, never an error: the link came from an email.
const one = z.string().max(200).optional().catch(undefined);

export const surveyPageQuery = z.object({
  access_token: one,
  rating: one,
  edit: one,
  error: z.enum(['rating', 'invalid']).optional().catch(undefined),
});

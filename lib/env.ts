import { z } from 'zod';

const schema = z.object({
  SURVEY_RESPONSE_TTL_DAYS: z.coerce.number().positive().max(3650).default(28),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD needs at least 8 characters').optional(),
});

let parsed: z.output<typeof schema> | undefined;

/** The environment, checked once; a bad value stops the process with a clear message. */
export function env() {
  parsed ??= schema.parse(process.env);
  return parsed;
}

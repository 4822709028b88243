import { z } from 'zod';
import { userRoles } from '@/db/schema';
import { LOCALE_TAG } from '../i18n/locales';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }));

export const localeTag = z
  .string()
  .regex(LOCALE_TAG, 'must be a locale such as en-us')
  .transform((s) => s.toLowerCase().replace(/_/g, '-'));

export const userFields = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  role: z.enum(userRoles).default('end_user'),
  locale: localeTag.default('en-us'),
  external_id: z.string().trim().min(1).max(255).nullish(),
});

// No defaults here: a field left out of an update keeps its stored value.
export const createOrUpdateUserBody = z.object({
  user: z.strictObject({
    email,
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(userRoles).optional(),
    locale: localeTag.optional(),
    external_id: z.string().trim().min(1).max(255).nullish(),
  }),
});
export type CreateOrUpdateUserInput = z.output<typeof createOrUpdateUserBody>['user'];

export const userIdParam = z.object({
  id: z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be an integer user id').transform(Number),
});

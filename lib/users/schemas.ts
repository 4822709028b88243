import { z } from 'zod';
import { userRoles } from '@/db/schema';
import { LOCALE_TAG } from '../i18n/locales';
import { integerText } from '../validation';

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

// Zendesk spells the customer's role `end-user`; we store and answer `end_user` and take either.
const role = z.enum([...userRoles, 'end-user']).transform((r) => (r === 'end-user' ? 'end_user' : r));

// No defaults here: a field left out of an update keeps its stored value. Like Zendesk, fields we do
// not keep (`verified`, `phone`, `time_zone`, `user_fields`, …) are ignored; the known ones are checked.
export const createOrUpdateUserBody = z.object({
  user: z.object({
    email,
    name: z.string().trim().min(1).max(200).optional(),
    role: role.optional(),
    locale: localeTag.optional(),
    external_id: z.string().trim().min(1).max(255).nullish(),
  }),
});
export type CreateOrUpdateUserInput = z.output<typeof createOrUpdateUserBody>['user'];

export const userIdParam = z.object({
  id: integerText('must be an integer user id'),
});

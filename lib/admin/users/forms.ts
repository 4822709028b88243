import { z } from 'zod';
import { userRoles } from '@/db/schema';
import { locales } from '../../i18n/locales';
import { email } from '../../users/schemas';
import { single } from '../schemas';

// The roles and locales the forms offer (page props: a client form never imports db/ or zod).
export { locales, userRoles };

// The admin forms of users: their zod schemas (runForm in ./forms parses and runs them).

// 12 characters at least: long enough that scrypt makes guessing slow, short enough to type.
const password = z.string().min(12, 'must have at least 12 characters').max(1024, 'must have at most 1024 characters');
const role = z.enum(userRoles, 'must be admin, agent or end_user');
const locale = z.enum(locales, `must be one of ${locales.join(', ')}`);
const userId = z.coerce.number('must be a user id').int('must be a user id').positive('must be a user id');

export const addUserForm = z.object({
  email: z.string('is required').pipe(email),
  name: z.string('is required').trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
  role,
  locale,
  // An empty field means no password (an admin who only calls the API, or anyone who is not an admin).
  password: z.literal('').or(password).optional().transform((v) => v || undefined),
});
export type AddUserInput = z.output<typeof addUserForm>;

export const changeUserForm = z.object({ id: userId, role, locale });
export const passwordForm = z.object({ id: userId, password });

/** `?after=ID` or `?before=ID` of the users table (neither: the first page). */
export const usersPageQuery = z
  .object({ after: single(userId.optional()), before: single(userId.optional()) })
  .refine((q) => q.after === undefined || q.before === undefined, 'give either after or before, not both');

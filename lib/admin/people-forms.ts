import { z } from 'zod';
import { userRoles } from '@/db/schema';
import { locales } from '../i18n/locales';
import { email } from '../users/schemas';

// The roles and locales the forms offer (page props: a client form never imports db/ or zod).
export { locales, userRoles };

// The admin forms of people and keys: their zod schemas and the state a server action hands back to
// its form (useActionState), which is all the form shows after a post, with or without JavaScript.

export interface FormState {
  /** The problem with the whole form (e.g. a rule refused it). */
  error?: string;
  /** One message per field, shown next to it. */
  fieldErrors?: Record<string, string>;
  /** What was typed, to fill the form again after a refusal; never a password. */
  values?: Record<string, string>;
}

/** A rule refused a form: the message is for the admin, `field` points at the input it is about. */
export class FormRefusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'FormRefusal';
  }
}

/**
 * Parses a form and runs its use-case: the result, or the state that tells the admin what to fix.
 * Other errors are not the form's fault and propagate.
 */
export async function runForm<S extends z.ZodType, T>(
  schema: S,
  fields: Record<string, string>,
  run: (input: z.output<S>) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; state: FormState }> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, state: refusedForm(parsed.error, fields) };
  try {
    return { ok: true, value: await run(parsed.data) };
  } catch (error) {
    if (error instanceof FormRefusal) return { ok: false, state: refusedForm(error, fields) };
    throw error;
  }
}

// Announced (role=alert) when a form comes back; the field's own message sits beside it.
const FIX_FIELDS = 'Please correct the fields marked below.';

/** The state of a refused form: zod issues or a FormRefusal; anything else is not the form's fault. */
export function refusedForm(problem: z.ZodError | FormRefusal, values: Record<string, string>): FormState {
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'password'));
  if (problem instanceof FormRefusal) {
    return problem.field ? { error: FIX_FIELDS, fieldErrors: { [problem.field]: problem.message }, values: kept } : { error: problem.message, values: kept };
  }
  const fieldErrors: Record<string, string> = {};
  // Schema messages are fragments ("must be an email address"); shown beside their field they read as sentences.
  for (const issue of problem.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= `${issue.message[0]?.toUpperCase()}${issue.message.slice(1)}.`;
  return { error: FIX_FIELDS, fieldErrors, values: kept };
}

// 12 characters at least: long enough that scrypt makes guessing slow, short enough to type.
export const password = z.string().min(12, 'must have at least 12 characters').max(1024, 'must have at most 1024 characters');
const role = z.enum(userRoles, 'must be admin, agent or end_user');
const locale = z.enum(locales, `must be one of ${locales.join(', ')}`);
const userId = z.coerce.number('must be a user id').int('must be a user id').positive('must be a user id');

export const addPersonForm = z.object({
  email: z.string('is required').pipe(email),
  name: z.string('is required').trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
  role,
  locale,
  // An empty field means no password (an admin who only calls the API, or anyone who is not an admin).
  password: z.literal('').or(password).optional().transform((v) => v || undefined),
});
export type AddPersonInput = z.output<typeof addPersonForm>;

export const changePersonForm = z.object({ id: userId, role, locale });
export const passwordForm = z.object({ id: userId, password });

/** A URL parameter given twice counts once (its first value). */
const single = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

/** `?after=ID` or `?before=ID` of the users table (neither: the first page). */
export const peoplePageQuery = z
  .object({ after: single(userId.optional()), before: single(userId.optional()) })
  .refine((q) => q.after === undefined || q.before === undefined, 'give either after or before, not both');

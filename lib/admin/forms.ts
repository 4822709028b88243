import type { z } from 'zod';

// The state a server action hands back to its form (useActionState), which is all the form shows
// after a post, with or without JavaScript, and the one way the admin forms parse and run.

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
 * Parses a form (the first value of each field) and runs its use-case: the result, or the state that
 * tells the admin what to fix. Other errors are not the form's fault and propagate.
 */
export async function runForm<S extends z.ZodType, T>(
  schema: S,
  form: Record<string, string[]>,
  run: (input: z.output<S>) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; state: FormState }> {
  const fields = firstValues(form);
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, state: refusedForm(parsed.error, fields) };
  try {
    return { ok: true, value: await run(parsed.data) };
  } catch (error) {
    if (error instanceof FormRefusal) return { ok: false, state: refusedForm(error, fields) };
    throw error;
  }
}

/** Each field's first value (a field given twice counts once). */
function firstValues(form: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).flatMap(([name, values]) => (values[0] === undefined ? [] : [[name, values[0]]])));
}

// Announced (role=alert) when a form comes back; the field's own message sits beside it.
const FIX_FIELDS = 'Please correct the fields marked below.';

/** The state of a refused form: zod issues or a FormRefusal. */
function refusedForm(problem: z.ZodError | FormRefusal, values: Record<string, string>): FormState {
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'password'));
  if (problem instanceof FormRefusal) {
    return problem.field ? { error: FIX_FIELDS, fieldErrors: { [problem.field]: problem.message }, values: kept } : { error: problem.message, values: kept };
  }
  const fieldErrors: Record<string, string> = {};
  // Schema messages are fragments ("must be an email address"); shown beside their field they read as sentences.
  for (const issue of problem.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= `${issue.message[0]?.toUpperCase()}${issue.message.slice(1)}.`;
  return { error: FIX_FIELDS, fieldErrors, values: kept };
}

/**
 * A submitted form's text fields as `name → values` (a repeated field keeps every value), without
 * React's own `$ACTION…` fields of a server action.
 */
export function formFields(form: FormData): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.startsWith('$ACTION')) (fields[name] ??= []).push(value);
  }
  return fields;
}

/** A form body as `name → values`; an unreadable body is empty. */
export async function readForm(request: Request): Promise<Record<string, string[]>> {
  try {
    return formFields(await request.formData());
  } catch {
    return {};
  }
}

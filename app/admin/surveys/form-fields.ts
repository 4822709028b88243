/** A form's fields as `name → values` (strings only), the shape the admin form schemas take. */
export function fieldsOf(form: FormData): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.startsWith('$ACTION')) (fields[name] ??= []).push(value);
  }
  return fields;
}

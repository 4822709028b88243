/** A submitted form's text fields (the first value of each), without React's own `$ACTION_…` fields. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$') && !(name in fields)) fields[name] = value;
  }
  return fields;
}

/** A form body as `name → values` (a repeated field keeps every value); an unreadable body is empty. */
export async function readForm(request: Request): Promise<Record<string, string[]>> {
  const fields: Record<string, string[]> = {};
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fields;
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') (fields[name] ??= []).push(value);
  }
  return fields;
}

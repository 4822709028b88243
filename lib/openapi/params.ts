import { z } from 'zod';

// The request schemas carry no prose (they validate); the document adds it here, per parameter,
// without copying any field's rules: each field is the request schema's own, with a description.

type Shape = Record<string, z.ZodType>;

/** `schema`'s fields, each with its description (a field added to the schema later shows undescribed). */
export function described<S extends z.ZodObject<Shape>>(schema: S, descriptions: { [K in keyof S['shape']]?: string }): z.ZodObject<Shape> {
  const shape: Shape = {};
  for (const [name, field] of Object.entries(schema.shape as Shape)) {
    const description = (descriptions as Record<string, string | undefined>)[name];
    shape[name] = description ? field.meta({ description }) : field;
  }
  return z.object(shape);
}

export const LOCALE =
  'A locale tag (`en-us`, `pt-BR`, `de_AT`). Texts come in the best shipped match (en-us, de, fr, es, ja, pt-br), else en-us.';

export const RESPONSE_ID = 'The survey response id (a ULID). Any other value is simply not found.';

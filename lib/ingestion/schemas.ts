import { z } from 'zod';
import { responseMethods } from '@/db/schema';
import { email, localeTag } from '../users/schemas';

// SatisMeter's "insert response" body. Unknown fields are ignored, as SatisMeter's own API does.

const id = z.union([z.string().trim().min(1).max(255), z.number().int().transform(String)], {
  error: 'must be a string of 1 to 255 characters or an integer up to 2^53 - 1',
});

// The reference writes `In-App`; apps send `in-app`, `In-app`, … The stored and answered form is the reference's.
const method = z
  .string()
  .transform((m) => responseMethods.find((known) => known.toLowerCase() === m.toLowerCase()) ?? m)
  .pipe(z.enum(responseMethods));
/** The only credential of the ingestion API. */
export const writeKey = z.string().min(1).max(200);
const traitValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const insertResponseBody = z
  .object({
    writeKey,
    campaign: z.string().min(1).max(100),
    method: method.default('In-App'),
    rating: z.number().int().min(0).max(10).optional(),
    answers: z
      .array(z.object({ id: z.string().min(1).max(100), value: z.union([z.number(), z.string().max(10_000)]) }))
      .max(50)
      .default([]),
    userId: id.optional(),
    anonymousId: id.optional(),
    // Traits are free-form, except the two that become the user's own fields: those must be what the
    // Users API would accept (the locale also becomes the response's).
    // An empty string means "not given" (the reference's own example sends `"email": ""`): the stored
    // value stays.
    traits: z
      .record(z.string().min(1).max(100), traitValue)
      .transform((traits) => Object.fromEntries(Object.entries(traits).filter(([, value]) => value !== '')))
      .superRefine((traits, ctx) => {
        const fields = [
          ['email', email, 'must be an email address'],
          ['locale', localeTag, 'must be a locale such as en-us'],
        ] as const;
        for (const [name, schema, message] of fields) {
          const value = traits[name];
          if (value !== undefined && value !== null && !schema.safeParse(value).success) ctx.addIssue({ code: 'custom', path: [name], message });
        }
      })
      .transform((traits) => (typeof traits.locale === 'string' ? { ...traits, locale: localeTag.parse(traits.locale) } : traits))
      .optional(),
    forceSurvey: z.boolean().default(false),
  })
  .refine((b) => (b.userId === undefined) !== (b.anonymousId === undefined), {
    message: 'give exactly one of userId and anonymousId',
    path: ['userId'],
  });
export type InsertResponseInput = z.output<typeof insertResponseBody>;

export const ingestionHeaders = z.object({ 'Idempotency-Key': z.string().trim().min(1).max(255).optional() });

import { z } from 'zod';
import { responseMethods } from '@/db/schema';

// SatisMeter's "insert response" body. Unknown fields are ignored, as SatisMeter's own API does.

const id = z.union([z.string().trim().min(1).max(255), z.number().int().transform(String)]);
const traitValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const insertResponseBody = z
  .object({
    writeKey: z.string().min(1).max(200),
    campaign: z.string().min(1).max(100),
    method: z.enum(responseMethods).default('In-App'),
    rating: z.number().int().min(0).max(10).optional(),
    answers: z
      .array(z.object({ id: z.string().min(1).max(100), value: z.union([z.number(), z.string().max(10_000)]) }))
      .max(50)
      .default([]),
    userId: id.optional(),
    anonymousId: id.optional(),
    traits: z.record(z.string().min(1).max(100), traitValue).optional(),
    forceSurvey: z.boolean().default(false),
  })
  .refine((b) => (b.userId === undefined) !== (b.anonymousId === undefined), {
    message: 'give exactly one of userId and anonymousId',
    path: ['userId'],
  });
export type InsertResponseInput = z.output<typeof insertResponseBody>;

export const ingestionHeaders = z.object({ 'Idempotency-Key': z.string().trim().min(1).max(255).optional() });

import { z } from 'zod';
import { isUlid } from '../../ids';
import type { ResponseState } from '@/db/rows';
import { responseStates, TAG, ZRN } from '../../survey-responses/schemas';

// The responses table's filters live in the URL (`/admin/survey_responses?survey=…&rating=2`), so a
// filtered view can be shared and every figure of the overview can link to the rows behind it.
// Days are UTC calendar days, inclusive at both ends, as the overview counts them.

const responseMethodFilters = ['link', 'In-App', 'Mobile', 'Email'] as const;
const ratingCategoryFilters = ['good', 'neutral', 'bad'] as const;

const FIRST_DAY = '1970-01-01';
const LAST_DAY = '9999-12-31';

/**
 * A UTC calendar day, YYYY-MM-DD, that exists, from 1970 on: response ids (ULIDs) carry their
 * creation time, which cannot be before the Unix epoch.
 */
export const utcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-01-31')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'is not a date',
    abort: true,
  })
  .refine((v) => v >= FIRST_DAY && v <= LAST_DAY, `must be a day from ${FIRST_DAY} to ${LAST_DAY}`);

const zendeskId = z
  .string()
  .regex(/^\d{1,16}$/, 'must be a positive whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'must be a positive whole number').max(Number.MAX_SAFE_INTEGER, 'must be at most 2^53 - 1'));

const responseFilters = z
  .object({
    survey: z.string().refine(isUlid, 'must be a survey id').optional(),
    from: utcDay.optional(),
    to: utcDay.optional(),
    rating: z.coerce.number().int().min(0).max(10).optional(),
    /** good / neutral / bad; on an NPS survey these are promoters / passives / detractors. */
    category: z.enum(ratingCategoryFilters).optional(),
    /** A closed-ended option id (the reason given after a bad rating). */
    reason: z.string().max(64).optional(),
    comment: z.enum(['yes', 'no']).optional(),
    /** offered, answered or expired, or a comma list of them (`offered,expired`: not answered). */
    state: z
      .string()
      .refine((s) => s.split(',').every((v) => (responseStates as readonly string[]).includes(v.trim())), 'must list offered, answered or expired')
      .transform((s) => [...new Set(s.split(',').map((v) => v.trim() as ResponseState))])
      .optional(),
    /** Attribution recorded at Create: a Zendesk assignee (agent), group or brand id. */
    assignee: zendeskId.optional(),
    group: zendeskId.optional(),
    brand: zendeskId.optional(),
    tag: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.string().regex(TAG, 'must be a tag: 1 to 80 characters of a-z, 0-9, _, : and -'))
      .optional(),
    locale: z.string().max(35).optional(),
    subject: z.string().regex(ZRN, 'must be a ZRN such as zen:ticket:123').transform((s) => s.toLowerCase()).optional(),
    /** A user id, an email or a SatisMeter userId (a value no user has is read as an anonymous id). */
    responder: z.string().max(320).optional(),
    /** An anonymous responder's id, as /api/responses takes it (up to 255 characters); never read as a user id. */
    anonymous: z.string().max(255).optional(),
    /** `link`: offered through the Zendesk API (emailed rating links); the rest as sent to /api/responses. */
    method: z.enum(responseMethodFilters).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after "to"', path: ['from'] });

export type ResponseFilters = z.infer<typeof responseFilters>;

/** Search params as a page gets them, without the empty fields a GET form sends for "any". */
export function presentParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v.trim() !== '') present[key] = v.trim();
  }
  return present;
}

/** URL search params (or a GET form) → filters; empty fields count as absent. */
export function parseResponseFilters(params: Record<string, string | string[] | undefined>) {
  return responseFilters.safeParse(presentParams(params));
}

/** The query string of a filtered view, keys in a stable order, with extra params (e.g. a cursor). */
export function filterQuery(filters: ResponseFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function responsesHref(filters: ResponseFilters, extra: Record<string, string | undefined> = {}): string {
  return `/admin/survey_responses${filterQuery(filters, extra)}`;
}

/** The first and last millisecond of an inclusive range of UTC days. */
export function dayRangeMs(filters: Pick<ResponseFilters, 'from' | 'to'>): { fromMs?: number; toMs?: number } {
  return {
    fromMs: filters.from ? Date.parse(`${filters.from}T00:00:00.000Z`) : undefined,
    toMs: filters.to ? Date.parse(`${filters.to}T23:59:59.999Z`) : undefined,
  };
}

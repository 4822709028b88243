import { z } from 'zod';
import { localeParam } from '../surveys/schemas';
import { localeTag } from '../users/schemas';
import { integerText, TOO_LARGE } from '../validation';

export const ZRN = /^zen:(ticket|request):[1-9][0-9]{0,18}$|^zen:conversation:[0-9a-f-]{36}$/i;

const zrn = z.string().regex(ZRN, 'must be a ZRN such as zen:ticket:123, zen:request:123 or zen:conversation:<uuid>');

const userId = z.number().max(Number.MAX_SAFE_INTEGER, { message: TOO_LARGE, abort: true }).int().positive();

/** A Zendesk id (user, group, brand): a positive integer up to 2^53 - 1, as a number or its digits. */
const zendeskId = (what: string) =>
  z.union([userId, integerText(`must be ${what}`)], { error: `must be ${what}: a positive integer up to 2^53 - 1, or its digits` }).nullish();

export const TAG = /^[a-z0-9_:-]{1,80}$/;
/** A tag as Zendesk writes them: lower-cased, 1 to 80 of `a-z 0-9 _ : -`. */
const tag = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(TAG, 'must be 1 to 80 characters of a-z, 0-9, _, : and -'));

export const createSurveyResponseBody = z.object({
  survey_response: z.object({
    survey_id: z.string().min(1).max(100),
    // Zendesk's own examples send it both as a number and as a numeric string.
    responder_id: z
      .union([userId, integerText('must be a user id')], { error: 'must be a user id: a positive integer up to 2^53 - 1, or its digits' })
      .nullish(),
    subject_zrns: z
      .array(zrn)
      .min(1)
      .max(20)
      .transform((zrns) => [...new Set(zrns.map((z) => z.toLowerCase()))]),
    locale: localeTag,
    expires_at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    // Attribution, recorded when the survey is offered and never changed by a submit.
    assignee_id: zendeskId('a user id'),
    group_id: zendeskId('a group id'),
    brand_id: zendeskId('a brand id'),
    tags: z
      .array(tag)
      .max(20)
      .transform((tags) => [...new Set(tags)])
      .optional(),
  }),
});
export type CreateSurveyResponseInput = z.output<typeof createSurveyResponseBody>['survey_response'];

const id = z.string().min(1).max(100);

// Zendesk documents the write shape `pre_defined`/`value`; the read shape `predefined`/`option_id` is
// accepted too, so a client may send back what it read.
const selection = z.union([
  z.object({ type: z.literal('pre_defined'), value: id }).transform((s) => s.value),
  z.object({ type: z.literal('predefined'), option_id: id }).transform((s) => s.option_id),
]);

export const answerInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rating_scale'), question_id: id, rating: z.number().int() }),
  z.object({ type: z.literal('closed_ended'), question_id: id, selections: z.array(selection).min(1).max(50) }),
  z.object({ type: z.literal('open_ended'), question_id: id, value: z.string().max(10_000) }),
  z.object({ type: z.literal('skipped'), question_id: id }),
]);
export type AnswerInput = z.output<typeof answerInput>;

export const submitSurveyResponseBody = z.object({
  survey_response: z.object({
    answers: z.array(answerInput).min(1).max(50),
    access_token: z.string().min(1).max(200).optional(),
  }),
});

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, 'must list at least one value').max(100));

const epoch = integerText('must be a Unix epoch time in milliseconds', { from: 0 });

export const responseStates = ['offered', 'answered', 'expired'] as const;
export const listSorts = ['id', '-id', 'updated_at', '-updated_at'] as const;

export const listSurveyResponsesQuery = z
  .object({
    'filter[responder_ids]': commaList(integerText('must list user ids')).optional(),
    'filter[assignee_ids]': commaList(integerText('must list user ids')).optional(),
    'filter[group_ids]': commaList(integerText('must list group ids')).optional(),
    'filter[brand_ids]': commaList(integerText('must list brand ids')).optional(),
    'filter[subject_zrns]': commaList(zrn.transform((s) => s.toLowerCase())).optional(),
    'filter[tags]': commaList(tag).optional(),
    'filter[state]': commaList(z.enum(responseStates, 'must list offered, answered or expired')).optional(),
    'filter[created_at_start]': epoch.optional(),
    'filter[created_at_end]': epoch.optional(),
    'filter[updated_at_start]': epoch.optional(),
    'filter[updated_at_end]': epoch.optional(),
    sort: z.enum(listSorts).default('id'),
    'page[size]': z
      .string()
      .regex(/^[0-9]+$/, 'must be a positive integer')
      // Clamped before it is checked: any size above 100, however many digits, is 100.
      .transform((digits) => Math.min(Number(digits), 100))
      .pipe(z.number().int().min(1, 'must be a positive integer'))
      .default(100),
    'page[after]': z.string().min(1).max(200).optional(),
    'page[before]': z.string().min(1).max(200).optional(),
  })
  .refine((q) => !(q['page[after]'] && q['page[before]']), {
    message: 'give page[after] or page[before], not both',
    path: ['page[before]'],
  });
export type ListSurveyResponsesQuery = z.output<typeof listSurveyResponsesQuery>;

// Any id is accepted here: one that is not a ULID is simply not found (404), like an unknown one.
const responseId = z.string().min(1).max(100);
export const responseIdParams = z.object({ id: responseId });
export const localizedResponseParams = z.object({ locale: localeParam, id: responseId });

import { z } from 'zod';
import { surveyStates, surveyTypes } from '@/db/schema';
import { LOCALE_TAG } from '../i18n/locales';
import { integerText } from '../validation';
import { ratingQuestionTypes, ratingSubTypes } from './definition';

const text = z.string().trim().min(1).max(2000);

export const textContent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('static'), value: text }),
  z.strictObject({
    type: z.literal('dynamic'),
    key: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'must be a dotted dynamic-content key such as dc.surveys.x'),
    value: text,
  }),
]);

const followUp = z.strictObject({ question_id: z.string().min(1).max(100) }).nullish();
const ref = z.string().trim().min(1).max(100);

const ratingOption = z.strictObject({
  rating: z.number().int().min(0).max(10),
  label: textContent,
  emoji: textContent.optional(),
  follow_up: followUp,
});

const closedOption = z.strictObject({ id: ref.optional(), label: textContent, follow_up: followUp });

export const questionInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.enum(ratingQuestionTypes),
    id: ref.optional(),
    alias: ref.optional(),
    sub_type: z.enum(ratingSubTypes),
    headline: textContent,
    options: z.array(ratingOption).min(2).max(11),
  }),
  z.strictObject({
    type: z.literal('closed_ended'),
    id: ref.optional(),
    alias: ref.optional(),
    headline: textContent,
    options: z.array(closedOption).min(1).max(50),
  }),
  z.strictObject({
    type: z.literal('open_ended'),
    id: ref.optional(),
    alias: ref.optional(),
    headline: textContent,
    follow_up: followUp,
  }),
]);
export type QuestionInput = z.output<typeof questionInput>;

const questions = z.array(questionInput).min(1).max(20);

const trait = z.string().trim().min(1).max(100);
const condition = z.discriminatedUnion('op', [
  z.strictObject({ trait, op: z.enum(['eq', 'neq']), value: z.union([z.string().max(1000), z.number(), z.boolean()]) }),
  z.strictObject({ trait, op: z.literal('exists') }),
  z.strictObject({ trait, op: z.enum(['gte', 'lte']), value: z.number() }),
  z.strictObject({ trait, op: z.enum(['before', 'after']), value: z.iso.datetime({ offset: true }) }),
]);

/** Campaign settings (NPS and custom surveys answered in apps); fractional days allow short windows. */
export const campaignSettings = z.strictObject({
  allow_anonymous: z.boolean().optional(),
  resurvey_days: z.number().min(0).max(3650).optional(),
  targeting: z.array(condition).max(50).optional(),
});

export const createSurveyBody = z.object({
  survey: z.strictObject({
    type: z.enum(surveyTypes),
    state: z.enum(surveyStates).default('enabled'),
    settings: campaignSettings.optional(),
    questions,
  }),
});

export const updateSurveyBody = z.object({
  survey: z
    .strictObject({ state: z.enum(surveyStates).optional(), settings: campaignSettings.optional(), questions: questions.optional() })
    .refine((s) => s.state !== undefined || s.questions !== undefined || s.settings !== undefined, 'give questions, state or settings'),
});

export const localeParam = z.string().regex(LOCALE_TAG, 'must be a locale such as en-us');

export const localeParams = z.object({ locale: localeParam });

const surveyId = z.string().min(1).max(100);

export const surveyIdParams = z.object({ id: surveyId });

export const surveyPathParams = z.object({
  locale: localeParam,
  id: surveyId,
  // Any version above the latest gives the latest, however large (up to 2^53 - 1).
  version: integerText('must be a positive integer'),
});

export const listSurveysQuery = z.object({
  'filter[types]': z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()))
    .pipe(z.array(z.enum(surveyTypes)))
    .optional(),
});

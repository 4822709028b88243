import { z } from 'zod';
import { surveyStates, surveyTypes, userRoles } from '@/db/schema';
import { ratingQuestionTypes, ratingSubTypes } from '../surveys/definition';

// What the Zendesk-compatible API answers, as the serializers write it (lib/survey-responses/serialize.ts,
// lib/surveys/serialize.ts, lib/survey-responses/links.ts, lib/users/users.ts). Objects are closed
// (zod-openapi renders response objects with additionalProperties: false), so the API suites, which
// validate every answer against the document, notice a field added or renamed on either side.

export const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/).meta({ id: 'Ulid', description: 'A ULID: 26 characters, sortable by creation time.' });

export const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .meta({ id: 'Timestamp', format: 'date-time', description: 'ISO 8601 in UTC with milliseconds.' });

const times = { created_at: timestamp, updated_at: timestamp };

export const textContent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('static'), value: z.string() }),
    z.object({ type: z.literal('dynamic'), key: z.string(), value: z.string() }),
  ])
  .meta({
    id: 'TextContent',
    description: 'A text: `static`, or `dynamic` content whose `value` is the message of `key` in the requested locale (else en-us).',
  });

const followUp = z
  .object({ question_id: z.string() })
  .nullable()
  .meta({ id: 'FollowUp', description: 'The question asked next after this option; null for the next one in order.' });

const question = { id: z.string(), alias: z.string(), headline: textContent };

/** Questions with their texts in one locale: with follow-ups in the Surveys API, without in answers. */
function questionSchema(withFollowUps: boolean) {
  const next = withFollowUps ? { follow_up: followUp } : {};
  return z.discriminatedUnion('type', [
    z.object({
      ...question,
      type: z.enum(ratingQuestionTypes),
      sub_type: z.enum(ratingSubTypes),
      options: z.array(z.object({ rating: z.number().int(), label: textContent, emoji: textContent.optional(), ...next })),
    }),
    z.object({ ...question, type: z.literal('closed_ended'), options: z.array(z.object({ id: z.string(), label: textContent, ...next })) }),
    z.object({ ...question, type: z.literal('open_ended'), ...next }),
  ]);
}

export const surveyQuestion = questionSchema(true).meta({ id: 'SurveyQuestion', description: 'A question of a survey version, localized.' });
const localizedQuestion = questionSchema(false).meta({ id: 'LocalizedQuestion', description: 'The question of an answer, localized (Show with a locale).' });

const minimalQuestion = z
  .union([
    z.object({ id: z.string(), type: z.enum(ratingQuestionTypes), sub_type: z.enum(ratingSubTypes) }),
    z.object({ id: z.string(), type: z.enum(['closed_ended', 'open_ended']) }),
  ])
  .meta({ id: 'MinimalQuestion', description: "The question of an answer, unlocalized, as in Zendesk's List." });

/** An answer; `question` is minimal (List, Show, Submit) or localized (Show with a locale). */
function answerSchema(q: z.ZodType) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('rating_scale'), question: q, rating: z.number().int(), rating_category: z.enum(['bad', 'neutral', 'good']), ...times }),
    z.object({
      type: z.literal('closed_ended'),
      question: q,
      selections: z.array(z.object({ type: z.literal('predefined'), option_id: z.string() })),
      ...times,
    }),
    z.object({ type: z.literal('open_ended'), question: q, value: z.string(), ...times }),
    z.object({ type: z.literal('skipped'), question: q, ...times }),
  ]);
}

function surveyResponseSchema(answer: z.ZodType) {
  return z.object({
    id: ulid,
    survey: z.object({ id: ulid, version: z.number().int().min(1), state: z.enum(surveyStates) }),
    survey_id: ulid,
    survey_version: z.number().int().min(1),
    responder_id: z.number().int().positive().nullable(),
    subject_zrns: z.array(z.string()),
    subjects: z.array(z.object({ id: z.string(), type: z.enum(['ticket', 'request', 'conversation']), zrn: z.string() })),
    locale: z.string(),
    answers: z.array(answer).meta({ description: 'Every question of the pinned version once answered (unanswered ones `skipped`); empty until then.' }),
    expires_at: timestamp,
    ...times,
    assignee_id: z.number().int().positive().nullable().meta({ description: 'Extension: the assignee (Zendesk user id) given when the survey was offered.' }),
    group_id: z.number().int().positive().nullable().meta({ description: 'Extension: the group given when the survey was offered.' }),
    brand_id: z.number().int().positive().nullable().meta({ description: 'Extension: the brand given when the survey was offered.' }),
    tags: z.array(z.string()).meta({ description: 'Extension: the tags given when the survey was offered (lower-cased).' }),
    state: z.enum(['offered', 'answered', 'expired']).meta({
      description: 'Extension: `answered` once submitted; else `offered` before `expires_at` and `expired` from then on.',
    }),
  });
}

export const surveyResponse = surveyResponseSchema(answerSchema(minimalQuestion).meta({ id: 'Answer' })).meta({
  id: 'SurveyResponse',
  description: 'A survey response with minimal questions (List, unlocalized Show, Submit).',
});

export const localizedSurveyResponse = surveyResponseSchema(answerSchema(localizedQuestion).meta({ id: 'LocalizedAnswer' })).meta({
  id: 'LocalizedSurveyResponse',
  description: 'A survey response whose answers carry their full questions in the requested locale.',
});

export const createdSurveyResponse = z.object({
  survey_response: z.object({
    id: ulid,
    links: z.object({
      type: z.enum(['rating_link_emoji', 'rating_link_numeric', 'rating_link_custom_text']),
      url_path: z.string().meta({ description: 'The survey page, `/hc/{locale}/survey_responses/{id}?access_token=…`: the only copy of the access token.' }),
      rating_links: z.array(
        z.object({
          rating: z.number().int(),
          label: textContent,
          emoji: textContent.optional(),
          url_path: z.string().meta({ description: 'The survey page with this rating preselected (`&rating=N`).' }),
        }),
      ),
    }),
  }),
});

export const cursorMeta = z
  .object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.string().nullable() })
  .meta({ id: 'CursorMeta', description: 'Cursor pagination: pass a cursor back as `page[after]` or `page[before]`.' });

export const pageLinks = z.object({
  prev: z.url().nullable().meta({ description: 'The previous page, ready to follow; null on the first.' }),
  next: z.url().nullable().meta({ description: 'The next page, ready to follow; null on the last.' }),
});

export const surveyResponsePage = z.object({
  survey_responses: z.array(surveyResponse),
  meta: cursorMeta,
  links: pageLinks,
});

const campaignSettings = z
  .object({
    allow_anonymous: z.boolean(),
    resurvey_days: z.number().min(0),
    targeting: z.array(
      z.object({ trait: z.string(), op: z.enum(['eq', 'neq', 'exists', 'gte', 'lte', 'before', 'after']), value: z.union([z.string(), z.number(), z.boolean()]).optional() }),
    ),
  })
  .meta({ id: 'CampaignSettings', description: 'How an app campaign (SatisMeter ingestion) is offered: anonymous answers, re-survey window, targeting.' });

export const survey = z
  .object({
    id: ulid,
    type: z.enum(surveyTypes),
    version: z.number().int().min(1),
    state: z.enum(surveyStates),
    settings: campaignSettings,
    questions: z.array(surveyQuestion),
    ...times,
  })
  .meta({ id: 'Survey', description: 'A survey version with its questions in the requested locale.' });

export const surveyBody = z.object({ survey });

export const surveyList = z.object({ surveys: z.array(survey), meta: cursorMeta });

export const user = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    email: z.string().nullable().meta({ description: 'Null for a user known only by the id an app gave (SatisMeter `userId`).' }),
    role: z.enum(userRoles),
    locale: z.string(),
    external_id: z.string().nullable(),
    ...times,
  })
  .meta({ id: 'User' });

export const userBody = z.object({ user });

import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  answerTypes,
  attemptStatuses,
  breakdownDimensions,
  invocationStatuses,
  responseMethods,
  surveyStates,
  surveyTypes,
  userRoles,
  webhookStatuses,
  type CampaignSettings,
  type WebhookAuthentication,
} from '../schema';

// The PostgreSQL tables: the same tables, columns and indexes as db/sqlite/schema.ts (read the
// comments there), so both yield the same rows and `db copy` moves them as they are. drizzle-kit
// generates db/postgres/migrations from this file. Where the types differ:
// - times are `bigint` epoch milliseconds, and so are the integer ids (SQLite's integers are 64-bit:
//   an id a client sends fits in both); read back as numbers (`mode: 'number'` for the query builder,
//   the pool's int8 parser in client.ts for raw statements);
// - flags are `boolean`;
// - JSON documents stay `text` holding JSON, as in SQLite: the answers and subjects are copied to the
//   wire as they are, never parsed, and both databases hold the same bytes;
// - identifiers (ULIDs, zrns) are `text collate "C"`: keyset pages compare and order ids byte by byte,
//   as SQLite does, whatever the database's own collation (a locale's order is not ULID order).

const key = customType<{ data: string; driverData: string }>({ dataType: () => 'text collate "C"' });
const epochMs = (name: string) => bigint(name, { mode: 'number' });
// A JSON document in a text column, parsed and written by the query builder (as SQLite's json mode).
const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({ dataType: () => 'text', toDriver: (v) => JSON.stringify(v), fromDriver: (v) => JSON.parse(v) as T })(name);

export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    email: text('email'),
    name: text('name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    locale: text('locale').notNull(),
    externalId: text('external_id'),
    traits: jsonText<Record<string, unknown>>('traits').notNull().default(sql`'{}'`),
    passwordHash: text('password_hash'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), uniqueIndex('users_external_id_unique').on(t.externalId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    description: text('description').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    createdAt: epochMs('created_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash)],
);

export const surveys = pgTable('surveys', {
  id: key('id').primaryKey(),
  type: text('type', { enum: surveyTypes }).notNull(),
  state: text('state', { enum: surveyStates }).notNull(),
  settings: jsonText<CampaignSettings>('settings').notNull(),
  latestVersion: integer('latest_version').notNull(),
  createdAt: epochMs('created_at').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

export const surveyVersions = pgTable(
  'survey_versions',
  {
    surveyId: key('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    definition: jsonText<unknown>('definition').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: key('id').primaryKey(),
    surveyId: key('survey_id')
      .notNull()
      .references(() => surveys.id),
    surveyVersion: integer('survey_version').notNull(),
    responderId: bigint('responder_id', { mode: 'number' }).references(() => users.id),
    anonymousId: text('anonymous_id'),
    method: text('method', { enum: responseMethods }),
    forced: boolean('forced').notNull().default(false),
    subjectZrns: jsonText<string[]>('subject_zrns').notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull(),
    answersJson: text('answers_json').notNull().default('[]'),
    rating: integer('rating'),
    ratingCategory: text('rating_category'),
    hasComment: boolean('has_comment').notNull().default(false),
    expiresAt: epochMs('expires_at').notNull(),
    answeredAt: epochMs('answered_at'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    assigneeId: bigint('assignee_id', { mode: 'number' }),
    groupId: bigint('group_id', { mode: 'number' }),
    brandId: bigint('brand_id', { mode: 'number' }),
    tags: jsonText<string[]>('tags').notNull().default(sql`'[]'`),
  },
  (t) => [
    index('survey_responses_responder_id_idx').on(t.responderId, t.id),
    index('survey_responses_assignee_idx').on(t.assigneeId, t.id).where(sql`${t.assigneeId} is not null`),
    index('survey_responses_group_idx').on(t.groupId, t.id).where(sql`${t.groupId} is not null`),
    index('survey_responses_brand_idx').on(t.brandId, t.id).where(sql`${t.brandId} is not null`),
    index('survey_responses_updated_idx').on(t.updatedAt, t.id),
    index('survey_responses_unanswered_idx').on(t.id, t.expiresAt).where(sql`${t.answeredAt} is null`),
    index('survey_responses_survey_idx').on(t.surveyId, t.id),
    index('survey_responses_anonymous_idx').on(t.anonymousId, t.id).where(sql`${t.anonymousId} is not null`),
    index('survey_responses_survey_rating_idx').on(t.surveyId, t.rating, t.id).where(sql`${t.rating} is not null`),
    index('survey_responses_survey_category_idx')
      .on(t.surveyId, t.ratingCategory, t.id)
      .where(sql`${t.ratingCategory} is not null`),
  ],
);

// Kept exact by triggers in the same transaction as every write (migration 0001, hand-written).
export const surveyDailyCounts = pgTable(
  'survey_daily_counts',
  {
    surveyId: key('survey_id').notNull(),
    day: integer('day').notNull(),
    answered: boolean('answered').notNull(),
    rating: integer('rating').notNull(),
    ratingCategory: text('rating_category').notNull(),
    responses: integer('responses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.answered, t.rating, t.ratingCategory] })],
);

export const surveyDailyReasons = pgTable(
  'survey_daily_reasons',
  {
    surveyId: key('survey_id').notNull(),
    day: integer('day').notNull(),
    questionId: key('question_id').notNull(),
    optionId: key('option_id').notNull(),
    responses: integer('responses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.questionId, t.optionId] })],
);

export const surveyBreakdownCounts = pgTable(
  'survey_breakdown_counts',
  {
    surveyId: key('survey_id').notNull(),
    day: integer('day').notNull(),
    dimension: text('dimension', { enum: breakdownDimensions }).notNull(),
    dimensionId: bigint('dimension_id', { mode: 'number' }).notNull(),
    offered: integer('offered').notNull(),
    answered: integer('answered').notNull(),
    good: integer('good').notNull(),
    neutral: integer('neutral').notNull(),
    bad: integer('bad').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.dimension, t.dimensionId] })],
);

export const surveyResponseSubjects = pgTable(
  'survey_response_subjects',
  {
    zrn: key('zrn').notNull(),
    responseId: key('response_id')
      .notNull()
      .references(() => surveyResponses.id),
  },
  (t) => [primaryKey({ columns: [t.zrn, t.responseId] })],
);

export const surveyResponseTags = pgTable(
  'survey_response_tags',
  {
    tag: key('tag').notNull(),
    responseId: key('response_id')
      .notNull()
      .references(() => surveyResponses.id),
  },
  (t) => [primaryKey({ columns: [t.tag, t.responseId] })],
);

export const answers = pgTable(
  'answers',
  {
    responseId: key('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    questionId: key('question_id').notNull(),
    position: integer('position').notNull(),
    type: text('type', { enum: answerTypes }).notNull(),
    rating: integer('rating'),
    ratingCategory: text('rating_category'),
    selections: jsonText<string[]>('selections'),
    value: text('value'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] })],
);

export const writeKeys = pgTable(
  'write_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    description: text('description').notNull().default(''),
    keyHash: text('key_hash').notNull(),
    createdAt: epochMs('created_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('write_keys_key_hash_unique').on(t.keyHash)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    writeKeyId: bigint('write_key_id', { mode: 'number' })
      .notNull()
      .references(() => writeKeys.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.writeKeyId, t.key] })],
);

export const adminSessions = pgTable('admin_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: bigint('user_id', { mode: 'number' })
    .notNull()
    .references(() => users.id),
  createdAt: epochMs('created_at').notNull(),
  expiresAt: epochMs('expires_at').notNull(),
  revokedAt: epochMs('revoked_at'),
});

export const failedCredentials = pgTable(
  'failed_credentials',
  {
    kind: text('kind').notNull(),
    client: text('client').notNull(),
    windowStart: epochMs('window_start').notNull(),
    failures: integer('failures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.client] }), index('failed_credentials_window_idx').on(t.windowStart)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const webhooks = pgTable('webhooks', {
  id: key('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: text('status', { enum: webhookStatuses }).notNull(),
  endpoint: text('endpoint').notNull(),
  httpMethod: text('http_method').notNull(),
  requestFormat: text('request_format').notNull(),
  authentication: jsonText<WebhookAuthentication>('authentication'),
  signingSecret: text('signing_secret').notNull(),
  createdBy: bigint('created_by', { mode: 'number' }).notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).notNull(),
  createdAt: epochMs('created_at').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
  failingSince: epochMs('failing_since'),
});

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    eventType: text('event_type').notNull(),
    webhookId: key('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventType, t.webhookId] }), index('webhook_subscriptions_webhook_idx').on(t.webhookId)],
);

export const webhookEvents = pgTable('webhook_events', {
  id: key('id').primaryKey(),
  type: text('type').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: epochMs('created_at').notNull(),
});

export const webhookInvocations = pgTable(
  'webhook_invocations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    webhookId: key('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: key('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    status: text('status', { enum: invocationStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    leaseUntil: epochMs('lease_until').notNull().default(0),
    leaseToken: text('lease_token'),
    createdAt: epochMs('created_at').notNull(),
    latestCompletedAt: epochMs('latest_completed_at'),
  },
  (t) => [
    index('webhook_invocations_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_invocations_webhook_idx').on(t.webhookId, t.id),
    index('webhook_invocations_event_idx').on(t.eventId),
  ],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    invocationId: bigint('invocation_id', { mode: 'number' })
      .notNull()
      .references(() => webhookInvocations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: attemptStatuses }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    completedAt: epochMs('completed_at').notNull(),
    responseBody: text('response_body').notNull(),
  },
  (t) => [index('webhook_attempts_invocation_idx').on(t.invocationId, t.id)],
);

export const alertRecipients = pgTable(
  'alert_recipients',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('alert_recipients_address_unique').on(t.address)],
);

export const alertEmails = pgTable(
  'alert_emails',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    eventId: key('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    status: text('status', { enum: invocationStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    leaseUntil: epochMs('lease_until').notNull().default(0),
    leaseToken: text('lease_token'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    completedAt: epochMs('completed_at'),
  },
  (t) => [index('alert_emails_due_idx').on(t.status, t.nextAttemptAt), index('alert_emails_event_idx').on(t.eventId)],
);

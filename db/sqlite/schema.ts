import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

// The SQLite tables (drizzle-kit generates db/sqlite/migrations from this file). db/postgres/schema.ts
// declares the same tables for PostgreSQL; the value sets and row types both share are in db/schema.ts.
// Times are stored as integer Unix epoch milliseconds; the wire format (ISO 8601) is made by serializers.

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Null for users known only by their app's id (SatisMeter's userId), which may have no email.
    email: text('email'),
    name: text('name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    locale: text('locale').notNull(),
    externalId: text('external_id'),
    traits: text('traits', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    passwordHash: text('password_hash'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_external_id_unique').on(t.externalId),
  ],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    description: text('description').notNull().default(''),
    // SHA-256 of the token: tokens are 256-bit random, so a fast hash is enough and keeps auth cheap.
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash)],
);

export const surveys = sqliteTable('surveys', {
  id: text('id').primaryKey(),
  type: text('type', { enum: surveyTypes }).notNull(),
  state: text('state', { enum: surveyStates }).notNull(),
  settings: text('settings', { mode: 'json' }).$type<CampaignSettings>().notNull(),
  latestVersion: integer('latest_version').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// One row per version, never updated: a response stays pinned to the questions it was offered with.
// The questions of a version are read and written as a whole, so they are kept as one JSON document.
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull().$type<unknown>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);

export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    // A ULID whose time part equals created_at: the created_at filters of the list become a range
    // on this primary key, so no separate created_at index is needed for them.
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    surveyVersion: integer('survey_version').notNull(),
    responderId: integer('responder_id').references(() => users.id),
    // SatisMeter-style answers from an app: who answered without an account, how, and whether the
    // duplicate and targeting checks were skipped (forceSurvey, for development).
    anonymousId: text('anonymous_id'),
    method: text('method', { enum: responseMethods }),
    forced: integer('forced', { mode: 'boolean' }).notNull().default(false),
    // The subjects as given at creation (immutable); survey_response_subjects indexes them for filters.
    subjectZrns: text('subject_zrns', { mode: 'json' }).$type<string[]>().notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull(),
    // The answers in their wire form (JSON text, unlocalized), written in the same transaction as the
    // `answers` rows: show and list read a response from one row and copy the answers out without
    // re-serializing them, while `answers` serves filters and figures across responses.
    answersJson: text('answers_json').notNull().default('[]'),
    // Copied from the answers when they are written, for the admin view's filters and figures: the
    // response's rating (its first rating question), that rating's category, and whether a
    // non-empty comment (open-ended answer) was given.
    rating: integer('rating'),
    ratingCategory: text('rating_category'),
    hasComment: integer('has_comment', { mode: 'boolean' }).notNull().default(false),
    expiresAt: integer('expires_at').notNull(),
    answeredAt: integer('answered_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    // Who and what the survey is about, as given when it is offered (Zendesk ids; never changed by a
    // submit). The tags as given (lower-cased, deduplicated); survey_response_tags indexes them.
    assigneeId: integer('assignee_id'),
    groupId: integer('group_id'),
    brandId: integer('brand_id'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [
    index('survey_responses_responder_id_idx').on(t.responderId, t.id),
    // The List filters on attribution walk these in id order; most responses may lack one, so the
    // nulls are left out.
    index('survey_responses_assignee_idx').on(t.assigneeId, t.id).where(sql`${t.assigneeId} is not null`),
    index('survey_responses_group_idx').on(t.groupId, t.id).where(sql`${t.groupId} is not null`),
    index('survey_responses_brand_idx').on(t.brandId, t.id).where(sql`${t.brandId} is not null`),
    // The change feed (sort=updated_at): a keyset walk on (updated_at, id).
    index('survey_responses_updated_idx').on(t.updatedAt, t.id),
    // filter[state] offered/expired: the responses never answered, in id order, with their expiry.
    index('survey_responses_unanswered_idx').on(t.id, t.expiresAt).where(sql`${t.answeredAt} is null`),
    index('survey_responses_survey_idx').on(t.surveyId, t.id),
    // Partial (migration 0005): a response offered by link has no anonymous id and no rating until it
    // is answered, and the filters on these only ever ask for a value. Leaving the nulls out spares
    // every create three index writes.
    index('survey_responses_anonymous_idx').on(t.anonymousId, t.id).where(sql`${t.anonymousId} is not null`),
    index('survey_responses_survey_rating_idx').on(t.surveyId, t.rating, t.id).where(sql`${t.rating} is not null`),
    // The overview's newest bad ratings, and the category filter of the responses table.
    index('survey_responses_survey_category_idx')
      .on(t.surveyId, t.ratingCategory, t.id)
      .where(sql`${t.ratingCategory} is not null`),
  ],
);

// How many responses each survey got per UTC day of creation, split by answered, rating and
// category: every response sits in exactly one cell. SQL triggers on survey_responses keep it exact
// in the same transaction as each write (migration 0002), so the admin overview reads at most a few
// thousand cells whatever the number of responses. `rating` is -1 and `rating_category` '' for none.
export const surveyDailyCounts = sqliteTable(
  'survey_daily_counts',
  {
    surveyId: text('survey_id').notNull(),
    day: integer('day').notNull(),
    answered: integer('answered').notNull(),
    rating: integer('rating').notNull(),
    ratingCategory: text('rating_category').notNull(),
    responses: integer('responses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.answered, t.rating, t.ratingCategory] })],
);

// How often each closed-ended option (e.g. the reason after a bad rating) was chosen, per survey and
// UTC day of the response's creation. Kept exact by SQL triggers on `answers` (migration 0003), so
// the overview's "why" costs the same at any number of responses.
export const surveyDailyReasons = sqliteTable(
  'survey_daily_reasons',
  {
    surveyId: text('survey_id').notNull(),
    day: integer('day').notNull(),
    questionId: text('question_id').notNull(),
    optionId: text('option_id').notNull(),
    responses: integer('responses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.questionId, t.optionId] })],
);

// CSAT/NPS per assignee, group and brand (the attribution recorded at Create), per survey and UTC day
// of the response's creation: one row per survey, day, dimension and id, counting the responses
// offered, answered and rated good, neutral or bad. A response with all three set counts in three
// rows. SQL triggers on survey_responses keep it exact in the same transaction as each write (the
// migration that made it), so the overview's breakdowns read a few thousand rows at most.
export const surveyBreakdownCounts = sqliteTable(
  'survey_breakdown_counts',
  {
    surveyId: text('survey_id').notNull(),
    day: integer('day').notNull(),
    dimension: text('dimension', { enum: breakdownDimensions }).notNull(),
    dimensionId: integer('dimension_id').notNull(),
    offered: integer('offered').notNull(),
    answered: integer('answered').notNull(),
    good: integer('good').notNull(),
    neutral: integer('neutral').notNull(),
    bad: integer('bad').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.day, t.dimension, t.dimensionId] })],
);

export const surveyResponseSubjects = sqliteTable(
  'survey_response_subjects',
  {
    zrn: text('zrn').notNull(),
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponses.id),
  },
  (t) => [primaryKey({ columns: [t.zrn, t.responseId] })],
);

// A response's tags (Create's `tags`), one row each, for filter[tags]: a walk per tag in id order.
export const surveyResponseTags = sqliteTable(
  'survey_response_tags',
  {
    tag: text('tag').notNull(),
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponses.id),
  },
  (t) => [primaryKey({ columns: [t.tag, t.responseId] })],
);

export const answers = sqliteTable(
  'answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull(),
    type: text('type', { enum: answerTypes }).notNull(),
    rating: integer('rating'),
    ratingCategory: text('rating_category'),
    selections: text('selections', { mode: 'json' }).$type<string[]>(),
    value: text('value'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] })],
);

export const writeKeys = sqliteTable(
  'write_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    description: text('description').notNull().default(''),
    keyHash: text('key_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('write_keys_key_hash_unique').on(t.keyHash)],
);

// The first answer to a request made with an Idempotency-Key, per write key: a retry gets it back.
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    writeKeyId: integer('write_key_id')
      .notNull()
      .references(() => writeKeys.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.writeKeyId, t.key] })],
);

// Signed-in admin view sessions: the cookie holds a random token, the table only its hash.
export const adminSessions = sqliteTable('admin_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  revokedAt: integer('revoked_at'),
});

// Failed credentials per kind and client address, in fixed windows, for answering 429 past a limit
// (lib/auth/throttle.ts). One row per kind and address; a new window starts the count again.
export const failedCredentials = sqliteTable(
  'failed_credentials',
  {
    kind: text('kind').notNull(),
    client: text('client').notNull(),
    windowStart: integer('window_start').notNull(),
    failures: integer('failures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.client] }), index('failed_credentials_window_idx').on(t.windowStart)],
);

// Instance-wide settings made once at first start (e.g. the key that signs list cursors).
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// Webhooks (a subset of Zendesk's Webhooks API). The signing secret is kept as it is: each delivery
// signs with it (it is shown to admins only, on demand). `authentication` holds what the endpoint
// asks for (a bearer token or basic auth), sent with every delivery.
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: text('status', { enum: webhookStatuses }).notNull(),
  endpoint: text('endpoint').notNull(),
  httpMethod: text('http_method').notNull(),
  requestFormat: text('request_format').notNull(),
  authentication: text('authentication', { mode: 'json' }).$type<WebhookAuthentication>(),
  signingSecret: text('signing_secret').notNull(),
  createdBy: integer('created_by').notNull(),
  updatedBy: integer('updated_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  // Since when every attempt has failed (cleared by a success); past 24 h the admin view says failing.
  failingSince: integer('failing_since'),
});

// Which event types each webhook receives, keyed by type: recording an event finds its webhooks here.
export const webhookSubscriptions = sqliteTable(
  'webhook_subscriptions',
  {
    eventType: text('event_type').notNull(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventType, t.webhookId] }), index('webhook_subscriptions_webhook_idx').on(t.webhookId)],
);

// The outbox: one row per event, written in the same transaction as the change it reports, and only
// when a webhook or an alert will receive it. `body` is the JSON request body, signed as it is.
export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: integer('created_at').notNull(),
});

// One event for one webhook; its retries are attempts. A worker claims a due invocation by setting
// `lease_until` (and its `lease_token`): no other worker takes it until the lease runs out.
export const webhookInvocations = sqliteTable(
  'webhook_invocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    status: text('status', { enum: invocationStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until').notNull().default(0),
    leaseToken: text('lease_token'),
    createdAt: integer('created_at').notNull(),
    latestCompletedAt: integer('latest_completed_at'),
  },
  (t) => [
    index('webhook_invocations_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_invocations_webhook_idx').on(t.webhookId, t.id),
    index('webhook_invocations_event_idx').on(t.eventId),
  ],
);

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invocationId: integer('invocation_id')
      .notNull()
      .references(() => webhookInvocations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: attemptStatuses }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    completedAt: integer('completed_at').notNull(),
    // The first 1 KiB of the answer, or what went wrong when there was none (a timeout, a refused address).
    responseBody: text('response_body').notNull(),
  },
  (t) => [index('webhook_attempts_invocation_idx').on(t.invocationId, t.id)],
);

// Who gets an e-mail for each rated_bad event, in which locale.
export const alertRecipients = sqliteTable(
  'alert_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('alert_recipients_address_unique').on(t.address)],
);

// One alert e-mail to one recipient, written with its event: the same outbox guarantees as webhooks.
export const alertEmails = sqliteTable(
  'alert_emails',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    status: text('status', { enum: invocationStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until').notNull().default(0),
    leaseToken: text('lease_token'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [index('alert_emails_due_idx').on(t.status, t.nextAttemptAt), index('alert_emails_event_idx').on(t.eventId)],
);

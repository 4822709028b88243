// What both dialects share: the closed value sets, the JSON documents kept in columns, and the row
// types (the SQLite and PostgreSQL tables, db/sqlite/schema.ts and db/postgres/schema.ts, have the
// same columns and yield the same rows).
import type * as tables from './sqlite/schema';

export const userRoles = ['admin', 'agent', 'end_user'] as const;
export type UserRole = (typeof userRoles)[number];

export const surveyTypes = ['CUSTOMER_SATISFACTION', 'NET_PROMOTER_SCORE', 'CUSTOM'] as const;
export type SurveyType = (typeof surveyTypes)[number];

export const surveyStates = ['enabled', 'disabled'] as const;
export type SurveyState = (typeof surveyStates)[number];

export const responseMethods = ['In-App', 'Mobile', 'Email'] as const;
export type ResponseMethod = (typeof responseMethods)[number];

/** What the overview breaks CSAT and NPS down by: the attribution recorded at Create. */
export const breakdownDimensions = ['assignee', 'group', 'brand'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export const answerTypes = ['rating_scale', 'closed_ended', 'open_ended', 'skipped'] as const;
export type AnswerType = (typeof answerTypes)[number];

export const webhookStatuses = ['active', 'inactive'] as const;
export type WebhookStatus = (typeof webhookStatuses)[number];

/** An invocation (one event for one webhook) or an alert e-mail: waiting to be sent, or done. */
export const invocationStatuses = ['pending', 'success', 'failed'] as const;
export type InvocationStatus = (typeof invocationStatuses)[number];

export const attemptStatuses = ['success', 'failed'] as const;
export type AttemptStatus = (typeof attemptStatuses)[number];

/** What a webhook's endpoint asks for, as Zendesk's Webhooks API takes it. */
export type WebhookAuthentication =
  | { type: 'bearer_token'; add_position: 'header'; data: { token: string } }
  | { type: 'basic_auth'; add_position: 'header'; data: { username: string; password: string } };

/**
 * One event for the outbox (webhooks and alert e-mails), recorded in the transaction of the change it
 * reports, and only when an active webhook subscribes to its type or, for rated_bad, an alert
 * recipient exists. `body` is the request body as it will be signed and sent.
 */
export interface OutboxEvent {
  id: string;
  type: string;
  subject: string;
  body: string;
  at: number;
}

/** The event type whose events also go to the alert recipients by e-mail. */
export const ALERT_EVENT_TYPE = 'zen:event-type:survey_response.rated_bad';

/** One answer as kept in a response's answers document (the `answers` table has the same fields). */
export interface StoredAnswer {
  questionId: string;
  position: number;
  type: AnswerType;
  rating: number | null;
  ratingCategory: string | null;
  selections: string[] | null;
  value: string | null;
  createdAt: number;
  updatedAt: number;
}

/** How a campaign (an NPS or custom survey answered in an app) is offered; not versioned. */
export interface CampaignSettings {
  allow_anonymous: boolean;
  resurvey_days: number;
  targeting: { trait: string; op: 'eq' | 'neq' | 'exists' | 'gte' | 'lte' | 'before' | 'after'; value?: string | number | boolean }[];
}


export type UserRow = typeof tables.users.$inferSelect;
export type NewUserRow = typeof tables.users.$inferInsert;
export type ApiTokenRow = typeof tables.apiTokens.$inferSelect;
export type SurveyRow = typeof tables.surveys.$inferSelect;
export type SurveyVersionRow = typeof tables.surveyVersions.$inferSelect;
export type SurveyResponseRow = typeof tables.surveyResponses.$inferSelect;
export type NewSurveyResponseRow = typeof tables.surveyResponses.$inferInsert;
export type AnswerRow = typeof tables.answers.$inferSelect;
export type NewAnswerRow = typeof tables.answers.$inferInsert;
export type WriteKeyRow = typeof tables.writeKeys.$inferSelect;
export type WebhookRow = typeof tables.webhooks.$inferSelect;
export type WebhookInvocationRow = typeof tables.webhookInvocations.$inferSelect;
export type WebhookAttemptRow = typeof tables.webhookAttempts.$inferSelect;
export type AlertRecipientRow = typeof tables.alertRecipients.$inferSelect;

import type { InvocationStatus, WebhookAuthentication, WebhookStatus } from './schema';

/** An invocation a worker holds the lease of, with what sending it needs. */
export interface ClaimedInvocation {
  id: number;
  webhookId: string;
  eventId: string;
  attempts: number;
  createdAt: number;
  endpoint: string;
  httpMethod: string;
  authentication: WebhookAuthentication | null;
  signingSecret: string;
  webhookStatus: WebhookStatus;
  body: string;
}

export interface FinishedAttempt {
  invocationId: number;
  leaseToken: string;
  attempt: { status: 'success' | 'failed'; statusCode: number | null; durationMs: number; completedAt: number; responseBody: string };
  /** What becomes of the invocation: another attempt at `nextAttemptAt`, or done. */
  next: { status: 'pending'; nextAttemptAt: number } | { status: Exclude<InvocationStatus, 'pending'> };
}

export interface ClaimedAlertEmail {
  id: number;
  eventId: string;
  address: string;
  locale: string;
  attempts: number;
  createdAt: number;
  body: string;
}

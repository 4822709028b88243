import type { InvocationStatus, WebhookAuthentication, WebhookStatus } from './schema';

// The columns both dialects' claims select, and their mapping.

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

/** i.id, i.webhook_id, i.event_id, i.attempts, i.created_at, w.endpoint, w.http_method, w.authentication, w.signing_secret, w.status, e.body */
export function toClaimedInvocation(r: unknown[]): ClaimedInvocation {
  return {
    id: r[0] as number,
    webhookId: r[1] as string,
    eventId: r[2] as string,
    attempts: r[3] as number,
    createdAt: r[4] as number,
    endpoint: r[5] as string,
    httpMethod: r[6] as string,
    authentication: r[7] === null ? null : (JSON.parse(r[7] as string) as WebhookAuthentication),
    signingSecret: r[8] as string,
    webhookStatus: r[9] as WebhookStatus,
    body: r[10] as string,
  };
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

/** a.id, a.event_id, a.address, a.locale, a.attempts, a.created_at, e.body */
export function toClaimedEmail(r: unknown[]): ClaimedAlertEmail {
  return { id: r[0] as number, eventId: r[1] as string, address: r[2] as string, locale: r[3] as string, attempts: r[4] as number, createdAt: r[5] as number, body: r[6] as string };
}

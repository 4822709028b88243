import type { WebhookAttemptRow, WebhookInvocationRow } from '@/db/schema';
import type { Webhook } from '@/db/webhooks';
import { iso } from '../time';
import { SIGNATURE_ALGORITHM } from './signing';

// The wire JSON of Zendesk's Webhooks API. Credentials never leave: `authentication` shows only its
// type and position, and the signing secret has a request of its own.

export function webhookJson(w: Webhook) {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    subscriptions: w.subscriptions,
    created_at: iso(w.createdAt),
    // Zendesk writes user ids here as strings.
    created_by: String(w.createdBy),
    description: w.description,
    endpoint: w.endpoint,
    http_method: w.httpMethod,
    request_format: w.requestFormat,
    updated_at: iso(w.updatedAt),
    updated_by: String(w.updatedBy),
    ...(w.authentication && { authentication: { type: w.authentication.type, add_position: w.authentication.add_position } }),
  };
}
export type WebhookJson = ReturnType<typeof webhookJson>;

export const signingSecretJson = (secret: string) => ({ signing_secret: { algorithm: SIGNATURE_ALGORITHM, secret } });

export function invocationJson(i: WebhookInvocationRow) {
  return {
    id: String(i.id),
    webhook_id: i.webhookId,
    status: i.status,
    event_id: i.eventId,
    latest_completed_at: i.latestCompletedAt === null ? null : iso(i.latestCompletedAt),
  };
}

export function attemptJson(a: WebhookAttemptRow) {
  return {
    id: String(a.id),
    status: a.status,
    status_code: a.statusCode,
    duration_ms: a.durationMs,
    completed_at: iso(a.completedAt),
    response_body: a.responseBody,
  };
}

import { createHmac } from 'node:crypto';
import { randomSecret } from '../auth/secrets';

// Zendesk's webhook signature: base64(HMAC-SHA256(secret, timestamp + body)), with the timestamp sent
// beside it. A receiver written for Zendesk's webhooks verifies ours unchanged.

export const SIGNATURE_ALGORITHM = 'SHA256';

export function newSigningSecret(): string {
  return randomSecret(32);
}

/** The timestamp header's value, as Zendesk sends it: ISO 8601 in UTC, whole seconds. */
export function signatureTimestamp(now: number): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function signature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(timestamp + body).digest('base64');
}

/** The headers that sign one request (without the webhook and invocation ids). */
export function signatureHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = signatureTimestamp(now);
  return { 'x-zendesk-webhook-signature': signature(secret, timestamp, body), 'x-zendesk-webhook-signature-timestamp': timestamp };
}

import { byDialect } from './client';
import * as postgres from './postgres/webhooks';
import * as sqlite from './sqlite/webhooks';

// Webhooks (lib/webhooks/webhooks.ts) and their delivery log; the delivery itself is db/outbox.ts.

export type { InvocationListQuery, NewWebhook, Webhook, WebhookBoundary, WebhookChanges, WebhookListQuery, WebhookSortKey } from './webhook-rows';
export { webhookSortKeys } from './webhook-rows';

export const {
  insertWebhook,
  findWebhook,
  listWebhooks,
  updateWebhook,
  deleteWebhook,
  setSigningSecret,
  listInvocations,
  findInvocation,
  listAttempts,
  replayInvocation,
} = byDialect(sqlite, postgres);

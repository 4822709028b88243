import type { InvocationStatus, WebhookRow, WebhookStatus } from './schema';

// What db/webhooks.ts takes and gives on both dialects.

export type NewWebhook = Omit<WebhookRow, 'failingSince'>;

/** A webhook with the event types it subscribes to (sorted). */
export interface Webhook extends WebhookRow {
  subscriptions: string[];
}

export type WebhookChanges = Partial<Pick<WebhookRow, 'name' | 'description' | 'status' | 'endpoint' | 'httpMethod' | 'requestFormat' | 'authentication'>> &
  Pick<WebhookRow, 'updatedBy' | 'updatedAt'>;

export const webhookSortKeys = ['name', 'status', 'created_at'] as const;
export type WebhookSortKey = (typeof webhookSortKeys)[number];

/** Where a keyset page starts: past (or before) the row with this sort value and id. */
export interface WebhookBoundary {
  op: 'gt' | 'lt';
  value: string | number;
  id: string;
}

export interface WebhookListQuery {
  /** Compared case-insensitively, anywhere in the name. */
  nameContains?: string;
  status?: WebhookStatus;
  sort: WebhookSortKey;
  order: 'asc' | 'desc';
  boundary?: WebhookBoundary;
  limit: number;
}

export interface InvocationListQuery {
  webhookId: string;
  status?: InvocationStatus;
  boundary?: { op: 'gt' | 'lt'; id: number };
  order: 'asc' | 'desc';
  limit: number;
}

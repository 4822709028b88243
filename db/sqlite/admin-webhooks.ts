import { and, asc, desc, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import type { WebhookAttemptRow, WebhookInvocationRow } from '../schema';
import { reader } from './client';
import { webhookAttempts, webhookEvents, webhookInvocations } from './schema';

/** An invocation with the type and subject of its event. */
export type LoggedInvocation = WebhookInvocationRow & { eventType: string; eventSubject: string };

/** A keyset page of a webhook's invocations by id: `before`/`after` an invocation id, in `order`. */
export interface InvocationLogQuery {
  webhookId: string;
  boundary?: { op: 'gt' | 'lt'; id: number };
  order: 'asc' | 'desc';
  limit: number;
}

const invocationLogColumns = {
  id: webhookInvocations.id,
  webhookId: webhookInvocations.webhookId,
  eventId: webhookInvocations.eventId,
  status: webhookInvocations.status,
  attempts: webhookInvocations.attempts,
  nextAttemptAt: webhookInvocations.nextAttemptAt,
  leaseUntil: webhookInvocations.leaseUntil,
  leaseToken: webhookInvocations.leaseToken,
  createdAt: webhookInvocations.createdAt,
  latestCompletedAt: webhookInvocations.latestCompletedAt,
  eventType: webhookEvents.type,
  eventSubject: webhookEvents.subject,
};

export async function listInvocationLog(query: InvocationLogQuery): Promise<LoggedInvocation[]> {
  const where: SQL[] = [eq(webhookInvocations.webhookId, query.webhookId)];
  if (query.boundary) where.push((query.boundary.op === 'gt' ? gt : lt)(webhookInvocations.id, query.boundary.id));
  return reader()
    .select(invocationLogColumns)
    .from(webhookInvocations)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookInvocations.eventId))
    .where(and(...where))
    .orderBy((query.order === 'asc' ? asc : desc)(webhookInvocations.id))
    .limit(query.limit)
    .all();
}

/** The attempts of these invocations, oldest first. */
export async function listAttemptsOf({ invocationIds }: { invocationIds: number[] }): Promise<WebhookAttemptRow[]> {
  if (invocationIds.length === 0) return [];
  return reader()
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.invocationId, invocationIds))
    .orderBy(asc(webhookAttempts.invocationId), asc(webhookAttempts.id))
    .all();
}

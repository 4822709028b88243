import { and, asc, desc, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import type { WebhookAttemptRow } from '../schema';
import type { InvocationLogQuery, LoggedInvocation } from '../sqlite/admin-webhooks';
import { guarded, postgres } from './client';
import { webhookAttempts, webhookEvents, webhookInvocations } from './schema';

// As db/sqlite/admin-webhooks.ts.

export async function listInvocationLog(query: InvocationLogQuery): Promise<LoggedInvocation[]> {
  const db = await postgres();
  const where: SQL[] = [eq(webhookInvocations.webhookId, query.webhookId)];
  if (query.boundary) where.push((query.boundary.op === 'gt' ? gt : lt)(webhookInvocations.id, query.boundary.id));
  return guarded(() =>
    db
      .select({
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
      })
      .from(webhookInvocations)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookInvocations.eventId))
      .where(and(...where))
      .orderBy((query.order === 'asc' ? asc : desc)(webhookInvocations.id))
      .limit(query.limit),
  );
}

export async function listAttemptsOf({ invocationIds }: { invocationIds: number[] }): Promise<WebhookAttemptRow[]> {
  if (invocationIds.length === 0) return [];
  const db = await postgres();
  return guarded(() =>
    db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.invocationId, invocationIds))
      .orderBy(asc(webhookAttempts.invocationId), asc(webhookAttempts.id)),
  );
}

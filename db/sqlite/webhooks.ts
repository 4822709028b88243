import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { WebhookAttemptRow, WebhookInvocationRow, WebhookRow } from '../schema';
import type { InvocationListQuery, NewWebhook, Webhook, WebhookChanges, WebhookListQuery } from '../webhook-rows';
import { reader, serialized, writer, type Db } from './client';
import { webhookAttempts, webhookInvocations, webhooks, webhookSubscriptions } from './schema';

// Webhooks, their subscriptions and their delivery log (the outbox side is db/sqlite/outbox.ts).

type Reads = Pick<Db, 'select'>;

function subscriptionsOf(db: Reads, ids: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return found;
  const rows = db
    .select()
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.webhookId, ids))
    .orderBy(asc(webhookSubscriptions.webhookId), asc(webhookSubscriptions.eventType))
    .all();
  for (const r of rows) found.get(r.webhookId)?.push(r.eventType);
  return found;
}

const withSubscriptions = (db: Reads, rows: WebhookRow[]): Webhook[] => {
  const subscriptions = subscriptionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, subscriptions: subscriptions.get(r.id) ?? [] }));
};

/** The webhook and its subscriptions, in one transaction. */
export async function insertWebhook({ webhook, subscriptions }: { webhook: NewWebhook; subscriptions: string[] }): Promise<Webhook> {
  return serialized(() =>
    writer().transaction(
      (tx) => {
        const row = tx.insert(webhooks).values(webhook).returning().get();
        if (subscriptions.length > 0) tx.insert(webhookSubscriptions).values(subscriptions.map((eventType) => ({ eventType, webhookId: row.id }))).run();
        return { ...row, subscriptions: [...subscriptions].sort() };
      },
      { behavior: 'immediate' },
    ),
  );
}

export async function findWebhook({ id }: { id: string }): Promise<Webhook | undefined> {
  const db = reader();
  const row = db.select().from(webhooks).where(eq(webhooks.id, id)).get();
  return row && withSubscriptions(db, [row])[0];
}

const sortColumn = { name: webhooks.name, status: webhooks.status, created_at: webhooks.createdAt } as const;

/** A keyset page of webhooks in the order asked for, ties broken by id. */
export async function listWebhooks(query: WebhookListQuery): Promise<Webhook[]> {
  const db = reader();
  const column = sortColumn[query.sort];
  const where: SQL[] = [];
  if (query.nameContains !== undefined) where.push(sql`instr(lower(${webhooks.name}), ${query.nameContains.toLowerCase()}) > 0`);
  if (query.status !== undefined) where.push(eq(webhooks.status, query.status));
  if (query.boundary) {
    const { op, value, id } = query.boundary;
    where.push(op === 'gt' ? sql`(${column}, ${webhooks.id}) > (${value}, ${id})` : sql`(${column}, ${webhooks.id}) < (${value}, ${id})`);
  }
  const by = query.order === 'asc' ? asc : desc;
  const rows = db
    .select()
    .from(webhooks)
    .where(and(...where))
    .orderBy(by(column), by(webhooks.id))
    .limit(query.limit)
    .all();
  return withSubscriptions(db, rows);
}

/** Changes a webhook and, when given, replaces its subscriptions, in one transaction; undefined for an unknown id. */
export async function updateWebhook({ id, changes, subscriptions }: { id: string; changes: WebhookChanges; subscriptions?: string[] }): Promise<Webhook | undefined> {
  return serialized(() =>
    writer().transaction(
      (tx) => {
        const row = tx.update(webhooks).set(changes).where(eq(webhooks.id, id)).returning().get();
        if (!row) return undefined;
        if (subscriptions) {
          tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.webhookId, id)).run();
          if (subscriptions.length > 0) tx.insert(webhookSubscriptions).values(subscriptions.map((eventType) => ({ eventType, webhookId: id }))).run();
        }
        return withSubscriptions(tx, [row])[0];
      },
      { behavior: 'immediate' },
    ),
  );
}

/** Deletes a webhook with its subscriptions, invocations and attempts (they cascade); false for an unknown id. */
export async function deleteWebhook({ id }: { id: string }): Promise<boolean> {
  return serialized(() => writer().delete(webhooks).where(eq(webhooks.id, id)).run().changes > 0);
}

export async function setSigningSecret({ id, secret, updatedBy, updatedAt }: { id: string; secret: string; updatedBy: number; updatedAt: number }): Promise<boolean> {
  return serialized(() => writer().update(webhooks).set({ signingSecret: secret, updatedBy, updatedAt }).where(eq(webhooks.id, id)).run().changes > 0);
}

/** A keyset page of a webhook's invocations by id. */
export async function listInvocations(query: InvocationListQuery): Promise<WebhookInvocationRow[]> {
  const where: SQL[] = [eq(webhookInvocations.webhookId, query.webhookId)];
  if (query.status !== undefined) where.push(eq(webhookInvocations.status, query.status));
  if (query.boundary) where.push(query.boundary.op === 'gt' ? sql`${webhookInvocations.id} > ${query.boundary.id}` : sql`${webhookInvocations.id} < ${query.boundary.id}`);
  const by = query.order === 'asc' ? asc : desc;
  return reader()
    .select()
    .from(webhookInvocations)
    .where(and(...where))
    .orderBy(by(webhookInvocations.id))
    .limit(query.limit)
    .all();
}

export async function findInvocation({ webhookId, id }: { webhookId: string; id: number }): Promise<WebhookInvocationRow | undefined> {
  return reader()
    .select()
    .from(webhookInvocations)
    .where(and(eq(webhookInvocations.id, id), eq(webhookInvocations.webhookId, webhookId)))
    .get();
}

/** An invocation's attempts, oldest first. */
export async function listAttempts({ invocationId }: { invocationId: number }): Promise<WebhookAttemptRow[]> {
  return reader().select().from(webhookAttempts).where(eq(webhookAttempts.invocationId, invocationId)).orderBy(asc(webhookAttempts.id)).all();
}

/**
 * A new pending invocation, due at `at`, of the same event for the same webhook (the admin view's
 * replay): the original keeps its attempts. Undefined for an unknown invocation.
 */
export async function replayInvocation({ invocationId, at }: { invocationId: number; at: number }): Promise<WebhookInvocationRow | undefined> {
  return serialized(() =>
    writer().transaction(
      (tx) => {
        const source = tx
          .select({ webhookId: webhookInvocations.webhookId, eventId: webhookInvocations.eventId })
          .from(webhookInvocations)
          .where(eq(webhookInvocations.id, invocationId))
          .get();
        if (!source) return undefined;
        return tx
          .insert(webhookInvocations)
          .values({ ...source, status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: 0, createdAt: at })
          .returning()
          .get();
      },
      { behavior: 'immediate' },
    ),
  );
}

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { WebhookAttemptRow, WebhookInvocationRow, WebhookRow } from '../schema';
import type { InvocationListQuery, NewWebhook, Webhook, WebhookChanges, WebhookListQuery } from '../webhook-rows';
import { guarded, postgres, type PgDb } from './client';
import { webhookAttempts, webhookInvocations, webhooks, webhookSubscriptions } from './schema';

// Webhooks, their subscriptions and their delivery log, as db/sqlite/webhooks.ts. Names and statuses
// are ordered and compared byte by byte (collate "C"), as SQLite does, whatever the database's locale.

type Reads = Pick<PgDb, 'select'>;

async function withSubscriptions(db: Reads, rows: WebhookRow[]): Promise<Webhook[]> {
  const found = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  if (rows.length > 0) {
    const subscribed = await db
      .select()
      .from(webhookSubscriptions)
      .where(inArray(webhookSubscriptions.webhookId, [...found.keys()]))
      .orderBy(asc(webhookSubscriptions.webhookId), sql`${webhookSubscriptions.eventType} collate "C"`);
    for (const s of subscribed) found.get(s.webhookId)?.push(s.eventType);
  }
  return rows.map((r) => ({ ...r, subscriptions: found.get(r.id) ?? [] }));
}

export async function insertWebhook({ webhook, subscriptions }: { webhook: NewWebhook; subscriptions: string[] }): Promise<Webhook> {
  const db = await postgres();
  return guarded(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(webhooks).values(webhook).returning();
      if (subscriptions.length > 0) await tx.insert(webhookSubscriptions).values(subscriptions.map((eventType) => ({ eventType, webhookId: row!.id })));
      return { ...row!, subscriptions: [...subscriptions].sort() };
    }),
  );
}

export async function findWebhook({ id }: { id: string }): Promise<Webhook | undefined> {
  const db = await postgres();
  return guarded(async () => {
    const rows = await db.select().from(webhooks).where(eq(webhooks.id, id));
    return (await withSubscriptions(db, rows))[0];
  });
}

const sortColumn = {
  name: sql`${webhooks.name} collate "C"`,
  status: sql`${webhooks.status} collate "C"`,
  created_at: sql`${webhooks.createdAt}`,
} as const;

export async function listWebhooks(query: WebhookListQuery): Promise<Webhook[]> {
  const db = await postgres();
  const column = sortColumn[query.sort];
  const where: SQL[] = [];
  if (query.nameContains !== undefined) where.push(sql`strpos(lower(${webhooks.name}), ${query.nameContains.toLowerCase()}) > 0`);
  if (query.status !== undefined) where.push(eq(webhooks.status, query.status));
  if (query.boundary) {
    const { op, value, id } = query.boundary;
    const bound = query.sort === 'created_at' ? sql`${value}::bigint` : sql`${value}::text`;
    where.push(op === 'gt' ? sql`(${column}, ${webhooks.id}) > (${bound}, ${id})` : sql`(${column}, ${webhooks.id}) < (${bound}, ${id})`);
  }
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  return guarded(async () => {
    const rows = await db
      .select()
      .from(webhooks)
      .where(and(...where))
      .orderBy(sql`${column} ${direction}`, sql`${webhooks.id} ${direction}`)
      .limit(query.limit);
    return withSubscriptions(db, rows);
  });
}

export async function updateWebhook({ id, changes, subscriptions }: { id: string; changes: WebhookChanges; subscriptions?: string[] }): Promise<Webhook | undefined> {
  const db = await postgres();
  return guarded(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.update(webhooks).set(changes).where(eq(webhooks.id, id)).returning();
      if (!row) return undefined;
      if (subscriptions) {
        await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.webhookId, id));
        if (subscriptions.length > 0) await tx.insert(webhookSubscriptions).values(subscriptions.map((eventType) => ({ eventType, webhookId: id })));
      }
      return (await withSubscriptions(tx, [row]))[0];
    }),
  );
}

export async function deleteWebhook({ id }: { id: string }): Promise<boolean> {
  const db = await postgres();
  return guarded(async () => (await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id })).length > 0);
}

export async function setSigningSecret({ id, secret, updatedBy, updatedAt }: { id: string; secret: string; updatedBy: number; updatedAt: number }): Promise<boolean> {
  const db = await postgres();
  return guarded(
    async () => (await db.update(webhooks).set({ signingSecret: secret, updatedBy, updatedAt }).where(eq(webhooks.id, id)).returning({ id: webhooks.id })).length > 0,
  );
}

export async function listInvocations(query: InvocationListQuery): Promise<WebhookInvocationRow[]> {
  const db = await postgres();
  const where: SQL[] = [eq(webhookInvocations.webhookId, query.webhookId)];
  if (query.status !== undefined) where.push(eq(webhookInvocations.status, query.status));
  if (query.boundary) where.push(query.boundary.op === 'gt' ? sql`${webhookInvocations.id} > ${query.boundary.id}` : sql`${webhookInvocations.id} < ${query.boundary.id}`);
  const by = query.order === 'asc' ? asc : desc;
  return guarded(() =>
    db
      .select()
      .from(webhookInvocations)
      .where(and(...where))
      .orderBy(by(webhookInvocations.id))
      .limit(query.limit),
  );
}

export async function findInvocation({ webhookId, id }: { webhookId: string; id: number }): Promise<WebhookInvocationRow | undefined> {
  const db = await postgres();
  return guarded(async () => (await db.select().from(webhookInvocations).where(and(eq(webhookInvocations.id, id), eq(webhookInvocations.webhookId, webhookId))))[0]);
}

export async function listAttempts({ invocationId }: { invocationId: number }): Promise<WebhookAttemptRow[]> {
  const db = await postgres();
  return guarded(() => db.select().from(webhookAttempts).where(eq(webhookAttempts.invocationId, invocationId)).orderBy(asc(webhookAttempts.id)));
}

export async function replayInvocation({ invocationId, at }: { invocationId: number; at: number }): Promise<WebhookInvocationRow | undefined> {
  const db = await postgres();
  return guarded(async () => {
    const [source] = await db
      .select({ webhookId: webhookInvocations.webhookId, eventId: webhookInvocations.eventId })
      .from(webhookInvocations)
      .where(eq(webhookInvocations.id, invocationId));
    if (!source) return undefined;
    const [row] = await db
      .insert(webhookInvocations)
      .values({ ...source, status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: 0, createdAt: at })
      .returning();
    return row;
  });
}

import type { WebhookInvocationRow } from '@/db/schema';
import { findInvocation, findWebhook, listAttempts as listAttemptRows, listInvocations as listInvocationRows, replayInvocation as replayRow } from '@/db/webhooks';
import type { Actor } from '../auth/credentials';
import { notFound } from '../errors';
import { requireAdmin } from '../users/users';
import { decodeKey, direction, pageOf } from './pages';
import type { ListInvocationsQuery } from './schemas';
import { attemptJson, invocationJson } from './serialize';
import { webhookNotFound } from './webhooks';

// The delivery log of a webhook: its invocations (one event each), newest first, and each one's
// attempts. Admins only, like the rest of the Webhooks API.

const invocationNotFound = () => notFound('The invocation could not be found');

async function requireWebhook(id: string): Promise<void> {
  if (!(await findWebhook({ id }))) throw webhookNotFound();
}

type InvocationKey = ['invocations', string, number];

/** Newest first: `page[after]` goes to older invocations, `page[before]` back to newer ones. */
export async function listInvocations({ actor, webhookId, query, url }: { actor: Actor; webhookId: string; query: ListInvocationsQuery; url: string }) {
  requireAdmin(actor);
  await requireWebhook(webhookId);
  const { backward, cursor, parameter } = direction(query);
  const isKey = (k: unknown[]): k is InvocationKey => k.length === 3 && k[0] === 'invocations' && k[1] === webhookId && Number.isSafeInteger(k[2]);
  const at = cursor === undefined ? undefined : await decodeKey(cursor, parameter, isKey);
  const fetched = await listInvocationRows({
    webhookId,
    ...(query['filter[status]'] !== undefined && { status: query['filter[status]'] }),
    order: backward ? 'asc' : 'desc',
    ...(at && { boundary: { op: backward ? 'gt' : 'lt', id: at[2] } }),
    limit: query['page[size]'] + 1,
  });
  const page = await pageOf<WebhookInvocationRow>({ fetched, query, url, keyOf: (i) => ['invocations', webhookId, i.id] });
  return { invocations: page.rows.map(invocationJson), meta: page.meta, links: page.links };
}

/** Every attempt of one invocation, oldest first (a few dozen at most: retries stop after 24 h). */
export async function listAttempts({ actor, webhookId, invocationId }: { actor: Actor; webhookId: string; invocationId: number }) {
  requireAdmin(actor);
  await requireWebhook(webhookId);
  if (!(await findInvocation({ webhookId, id: invocationId }))) throw invocationNotFound();
  return { attempts: (await listAttemptRows({ invocationId })).map(attemptJson) };
}

/**
 * Sends an invocation's event to its webhook again (the admin view's replay): a new invocation, due
 * now, with attempts of its own; the original stays in the log as it was.
 */
export async function replayInvocation({ actor, webhookId, invocationId }: { actor: Actor; webhookId: string; invocationId: number }) {
  requireAdmin(actor);
  await requireWebhook(webhookId);
  if (!(await findInvocation({ webhookId, id: invocationId }))) throw invocationNotFound();
  const row = await replayRow({ invocationId, at: Date.now() });
  if (!row) throw invocationNotFound();
  return invocationJson(row);
}

import type { z } from 'zod';
import { findWebhook, listWebhooks, type Webhook } from '@/db/webhooks';
import type { Actor } from '../../auth/credentials';
import { ApiError } from '../../errors';
import { requireAdmin } from '../../users/users';
import { createWebhookBody, patchWebhookBody } from '../../webhooks/schemas';
import { createWebhook, deleteWebhook, updateWebhook } from '../../webhooks/webhooks';
import { FormRefusal } from '../forms';
import { failingOf, type Failing } from './failing';
import type { WebhookFormInput } from './forms';

// Webhooks in the admin view, on top of lib/webhooks (the Webhooks API's use-cases): the list, a
// webhook's settings, and their forms. Credentials and the signing secret never enter a view.

export interface WebhookView {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  endpoint: string;
  subscriptions: string[];
  authentication: 'bearer_token' | 'basic_auth' | null;
  createdAt: number;
  updatedAt: number;
  failing: Failing;
}

export function webhookView(w: Webhook, now = Date.now()): WebhookView {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    endpoint: w.endpoint,
    subscriptions: w.subscriptions,
    authentication: w.authentication?.type ?? null,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    failing: failingOf(w.failingSince, now),
  };
}

export const WEBHOOKS_PAGE_SIZE = 50;

/**
 * Newest first, 50 a page: `after` (older) or `before` (newer) a webhook id. `confirmDelete` names the
 * webhook a confirm step asks about (undefined, with `confirmMissing`, when no webhook has that id).
 */
export async function webhooksPage({ actor, after, before, confirmDelete }: { actor: Actor; after?: string; before?: string; confirmDelete?: string }) {
  requireAdmin(actor);
  const cursorId = after ?? before;
  const cursor = cursorId === undefined ? undefined : await findWebhook({ id: cursorId });
  const backward = before !== undefined;
  const fetched =
    cursorId !== undefined && !cursor
      ? []
      : await listWebhooks({
          sort: 'created_at',
          order: backward ? 'asc' : 'desc',
          ...(cursor && { boundary: { op: backward ? 'gt' : 'lt', value: cursor.createdAt, id: cursor.id } }),
          limit: WEBHOOKS_PAGE_SIZE + 1,
        });
  const more = fetched.length > WEBHOOKS_PAGE_SIZE;
  const rows = fetched.slice(0, WEBHOOKS_PAGE_SIZE);
  if (backward) rows.reverse();
  const now = Date.now();
  const confirm = confirmDelete === undefined ? undefined : await findWebhook({ id: confirmDelete });
  return {
    webhooks: rows.map((w) => webhookView(w, now)),
    // Older ones exist past the last row when going forward with more, or whenever we came back.
    nextAfter: (backward ? rows.length > 0 : more) ? rows[rows.length - 1]?.id : undefined,
    previousBefore: (backward ? more : cursor !== undefined && rows.length > 0) ? rows[0]?.id : undefined,
    confirm: confirm && webhookView(confirm, now),
    confirmMissing: confirmDelete !== undefined && !confirm,
  };
}

export async function findWebhookView({ actor, id }: { actor: Actor; id: string }): Promise<WebhookView | undefined> {
  requireAdmin(actor);
  const found = await findWebhook({ id });
  return found && webhookView(found);
}

/** The field of the form an API error of lib/webhooks is about, from its JSON pointer. */
function fieldOf(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  if (pointer.endsWith('/endpoint')) return 'endpoint';
  if (pointer.endsWith('/name')) return 'name';
  if (pointer.endsWith('/token')) return 'token';
  if (pointer.includes('/authentication')) return pointer.endsWith('/password') ? 'password' : pointer.endsWith('/data') ? 'token' : 'username';
  return undefined;
}

/** A 400 of the Webhooks API (e.g. the address guard refusing the endpoint) as the form's refusal. */
async function asForm<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const problem = error.errors[0];
      const detail = problem?.detail ?? problem?.title ?? 'The webhook was refused.';
      throw new FormRefusal(`${detail}.`.replace(/\.\.$/, '.'), fieldOf(problem?.source && 'pointer' in problem.source ? problem.source.pointer : undefined));
    }
    if (error instanceof ApiError && error.status === 404) throw new FormRefusal('No webhook has this id: it may have been deleted.');
    throw error;
  }
}

/** Checked by the same schema as the API's body, so the form can never store what the API would refuse. */
function apiBody<T>(schema: z.ZodType<{ webhook: T }>, webhook: Record<string, unknown>): T {
  const parsed = schema.safeParse({ webhook });
  if (parsed.success) return parsed.data.webhook;
  const issue = parsed.error.issues[0]!;
  throw new FormRefusal(`${issue.message[0]?.toUpperCase()}${issue.message.slice(1)}.`, fieldOf(`/${issue.path.join('/')}`));
}

/** A new active webhook; its endpoint goes through the address guard first. */
export async function addWebhook({ actor, input }: { actor: Actor; input: WebhookFormInput }) {
  requireAdmin(actor);
  const body = apiBody(createWebhookBody, { ...input, status: 'active', http_method: 'POST', request_format: 'json' });
  return asForm(() => createWebhook({ actor, input: body }));
}

/** Name, endpoint, subscriptions (replaced as a whole) and credentials; status has buttons of its own. */
export async function saveWebhook({ actor, id, input }: { actor: Actor; id: string; input: WebhookFormInput }) {
  requireAdmin(actor);
  const body = apiBody(patchWebhookBody, input);
  return asForm(() => updateWebhook({ actor, id, input: body }));
}

export async function setWebhookStatus({ actor, id, status }: { actor: Actor; id: string; status: 'active' | 'inactive' }) {
  requireAdmin(actor);
  return asForm(() => updateWebhook({ actor, id, input: { status } }));
}

/** Its invocations and attempts go with it; returns its name for the notice. */
export async function removeWebhook({ actor, id }: { actor: Actor; id: string }): Promise<{ name: string }> {
  requireAdmin(actor);
  const found = await findWebhook({ id });
  if (!found) throw new FormRefusal('No webhook has this id: it may be deleted already.');
  await asForm(() => deleteWebhook({ actor, id }));
  return { name: found.name };
}

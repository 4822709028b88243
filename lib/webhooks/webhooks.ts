import type { WebhookAuthentication } from '@/db/schema';
import {
  deleteWebhook as deleteRow,
  findWebhook,
  insertWebhook,
  listWebhooks as listRows,
  setSigningSecret,
  updateWebhook as updateRow,
  webhookSortKeys,
  type Webhook,
  type WebhookChanges,
  type WebhookSortKey,
} from '@/db/webhooks';
import type { Actor } from '../auth/credentials';
import { ApiError, notFound } from '../errors';
import { newId } from '../ids';
import { requireAdmin } from '../users/users';
import { refusedEndpoint } from './network';
import { decodeKey, direction, pageOf } from './pages';
import type { AuthenticationInput, CreateWebhookInput, ListWebhooksQuery, WebhookChangesInput, WebhookSort } from './schemas';
import { signingSecretJson, webhookJson } from './serialize';
import { newSigningSecret } from './signing';

// Zendesk's Webhooks API, admins only (docs/zendesk-api.md, Webhooks). Every use-case checks the
// role first, so nobody else learns which ids exist.

export const webhookNotFound = () => notFound('The webhook could not be found');

/** An endpoint the address guard refuses (lib/webhooks/network.ts) is a 400 naming the field. */
export async function checkEndpoint(endpoint: string, pointer: string): Promise<void> {
  const refused = await refusedEndpoint(endpoint);
  if (refused) throw new ApiError('BadRequest', [{ title: 'Invalid endpoint', detail: `The endpoint is refused: ${refused}`, source: { pointer } }]);
}

/**
 * The credentials to keep: those given, none (null), or, when `data` is left out, the stored ones of
 * the same type. Undefined when nothing was said (they stay as they are).
 */
export function resolveAuthentication(
  given: AuthenticationInput | null | undefined,
  stored: WebhookAuthentication | null,
  pointer: string,
): WebhookAuthentication | null | undefined {
  if (given === undefined || given === null) return given;
  if (given.data) return given as WebhookAuthentication;
  if (stored?.type === given.type) return stored;
  throw new ApiError('BadRequest', [{ title: 'Invalid request', detail: `data is required: the ${given.type === 'bearer_token' ? 'token' : 'username and password'} the endpoint asks for`, source: { pointer: `${pointer}/data` } }]);
}

async function existing(id: string): Promise<Webhook> {
  const found = await findWebhook({ id });
  if (!found) throw webhookNotFound();
  return found;
}

export async function createWebhook({ actor, input }: { actor: Actor; input: CreateWebhookInput }) {
  requireAdmin(actor);
  await checkEndpoint(input.endpoint, '/webhook/endpoint');
  const now = Date.now();
  const row = await insertWebhook({
    webhook: {
      id: newId(now),
      name: input.name,
      description: input.description ?? '',
      status: input.status,
      endpoint: input.endpoint,
      httpMethod: input.http_method,
      requestFormat: input.request_format,
      authentication: resolveAuthentication(input.authentication, null, '/webhook/authentication') ?? null,
      signingSecret: input.signing_secret?.secret ?? newSigningSecret(),
      createdBy: actor.id,
      updatedBy: actor.id,
      createdAt: now,
      updatedAt: now,
    },
    subscriptions: input.subscriptions ?? [],
  });
  return webhookJson(row);
}

export async function showWebhook({ actor, id }: { actor: Actor; id: string }) {
  requireAdmin(actor);
  return webhookJson(await existing(id));
}

/** PUT and PATCH: the fields given change (subscriptions are replaced as a whole); the others stay. */
export async function updateWebhook({ actor, id, input }: { actor: Actor; id: string; input: WebhookChangesInput }) {
  requireAdmin(actor);
  const current = await existing(id);
  if (input.endpoint !== undefined && input.endpoint !== current.endpoint) await checkEndpoint(input.endpoint, '/webhook/endpoint');
  const authentication = resolveAuthentication(input.authentication, current.authentication, '/webhook/authentication');
  const changes: WebhookChanges = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.status !== undefined && { status: input.status }),
    ...(input.endpoint !== undefined && { endpoint: input.endpoint }),
    ...(input.http_method !== undefined && { httpMethod: input.http_method }),
    ...(input.request_format !== undefined && { requestFormat: input.request_format }),
    ...(authentication !== undefined && { authentication }),
    updatedBy: actor.id,
    updatedAt: Date.now(),
  };
  const row = await updateRow({ id, changes, ...(input.subscriptions && { subscriptions: input.subscriptions }) });
  if (!row) throw webhookNotFound();
  return webhookJson(row);
}

/** Its subscriptions, invocations and attempts go with it. */
export async function deleteWebhook({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  requireAdmin(actor);
  if (!(await deleteRow({ id }))) throw webhookNotFound();
}

export async function showSigningSecret({ actor, id }: { actor: Actor; id: string }) {
  requireAdmin(actor);
  return signingSecretJson((await existing(id)).signingSecret);
}

/** A new secret; deliveries from now on are signed with it. */
export async function resetSigningSecret({ actor, id }: { actor: Actor; id: string }) {
  requireAdmin(actor);
  const secret = newSigningSecret();
  if (!(await setSigningSecret({ id, secret, updatedBy: actor.id, updatedAt: Date.now() }))) throw webhookNotFound();
  return signingSecretJson(secret);
}

type WebhookKey = ['webhooks', WebhookSort, string | number, string];

const sortKeyOf = (sort: WebhookSort) => sort.replace(/^-/, '') as WebhookSortKey;

function sortValue(w: Webhook, key: WebhookSortKey): string | number {
  return key === 'name' ? w.name : key === 'status' ? w.status : w.createdAt;
}

/**
 * Keyset pages in the order asked for (ties broken by id): a page costs the same at any depth. The
 * cursor holds the sort value and id of the row it stands for, and names its sort.
 */
export async function listWebhooks({ actor, query, url }: { actor: Actor; query: ListWebhooksQuery; url: string }) {
  requireAdmin(actor);
  const key = sortKeyOf(query.sort);
  const { backward, cursor, parameter } = direction(query);
  const isKey = (k: unknown[]): k is WebhookKey =>
    k.length === 4 &&
    k[0] === 'webhooks' &&
    k[1] === query.sort &&
    webhookSortKeys.includes(key) &&
    (key === 'created_at' ? Number.isSafeInteger(k[2]) : typeof k[2] === 'string') &&
    typeof k[3] === 'string';
  const at = cursor === undefined ? undefined : await decodeKey(cursor, parameter, isKey);
  const ascending = !query.sort.startsWith('-') !== backward;
  const fetched = await listRows({
    ...(query['filter[name_contains]'] !== undefined && { nameContains: query['filter[name_contains]'] }),
    ...(query['filter[status]'] !== undefined && { status: query['filter[status]'] }),
    sort: key,
    order: ascending ? 'asc' : 'desc',
    ...(at && { boundary: { op: ascending ? 'gt' : 'lt', value: at[2], id: at[3] } }),
    limit: query['page[size]'] + 1,
  });
  const page = await pageOf({ fetched, query, url, keyOf: (w) => ['webhooks', query.sort, sortValue(w, key), w.id] });
  return { webhooks: page.rows.map(webhookJson), meta: page.meta, links: page.links };
}

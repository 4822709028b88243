import { z } from 'zod';
import { invocationStatuses, webhookStatuses } from '@/db/schema';
import { integerText } from '../validation';
import { eventTypes } from './events';

// Zendesk's Webhooks API bodies and parameters. Like Zendesk, fields we do not keep (`custom_headers`,
// `external_source`, …) are ignored; the known ones are checked.

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const endpoint = z.string().trim().max(2048, 'must be at most 2048 characters').refine(isHttpUrl, 'must be an http: or https: URL');

const name = z.string().trim().min(1, 'must not be empty').max(255);
const description = z
  .string()
  .max(1024)
  .nullish()
  .transform((d) => d ?? '');
const status = z.enum(webhookStatuses, 'must be active or inactive');

const httpMethod = z
  .string()
  .transform((m) => m.toUpperCase())
  .pipe(
    z.literal('POST', 'must be POST: webhooks subscribed to events always send POST (other methods are for Zendesk triggers and automations, which this service does not have)'),
  );
const requestFormat = z
  .string()
  .transform((f) => f.toLowerCase())
  .pipe(z.literal('json', 'must be json: event requests are JSON (xml and form_encoded are for Zendesk triggers and automations)'));

const subscriptions = z
  .array(z.enum(eventTypes, `must be one of the event types this service sends: ${eventTypes.join(', ')}`))
  .max(50)
  .transform((types) => [...new Set(types)]);

// Sent in a header with every request: printable characters only (a line break would be a header
// of its own).
const headerSafe = /^[\x20-\x7e]*$/;
const token = z.string().min(1).max(2048).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const basicPart = (what: string) => z.string().max(1024).regex(headerSafe, `${what} must be printable ASCII`);

/**
 * What the endpoint asks for, as Zendesk takes it. `data` may be left out when the webhook already has
 * credentials of that type (a client sending back what Show gave it keeps them).
 */
export const authentication = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('bearer_token'), add_position: z.literal('header', 'must be header'), data: z.object({ token }).optional() }),
    z.object({
      type: z.literal('basic_auth'),
      add_position: z.literal('header', 'must be header'),
      data: z
        .object({
          username: basicPart('the username').min(1).refine((u) => !u.includes(':'), 'the username may not contain ":"'),
          password: basicPart('the password'),
        })
        .optional(),
    }),
  ],
  { error: 'must be bearer_token or basic_auth' },
);
export type AuthenticationInput = z.output<typeof authentication>;

const signingSecret = z.object({
  algorithm: z.literal('SHA256', 'must be SHA256').optional(),
  secret: z.string().min(16, 'must have at least 16 characters').max(256).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
});

const fields = {
  name,
  description: description.optional(),
  status,
  endpoint,
  http_method: httpMethod,
  request_format: requestFormat,
  subscriptions: subscriptions.optional(),
  authentication: authentication.nullish(),
};

export const createWebhookBody = z.object({
  webhook: z.object({ ...fields, signing_secret: signingSecret.optional() }),
});
export type CreateWebhookInput = z.output<typeof createWebhookBody>['webhook'];

/** PUT: the fields Zendesk marks mandatory are required again; the others keep their value when left out. */
export const updateWebhookBody = z.object({ webhook: z.object(fields) });

/** PATCH: any of the fields. */
export const patchWebhookBody = z.object({ webhook: z.object(fields).partial() });
export type WebhookChangesInput = z.output<typeof patchWebhookBody>['webhook'];

const pageSize = z
  .string()
  .regex(/^[0-9]+$/, 'must be a positive integer')
  // Clamped before it is checked: any size above 100 is 100.
  .transform((digits) => Math.min(Number(digits), 100))
  .pipe(z.number().int().min(1, 'must be a positive integer'))
  .default(100);
const page = {
  'page[size]': pageSize,
  'page[after]': z.string().min(1).max(1000).optional(),
  'page[before]': z.string().min(1).max(1000).optional(),
};
const oneDirection = (q: { 'page[after]'?: string; 'page[before]'?: string }) => !(q['page[after]'] && q['page[before]']);
const ONE_DIRECTION = { message: 'give page[after] or page[before], not both', path: ['page[before]'] };

export const webhookSorts = ['name', '-name', 'status', '-status', 'created_at', '-created_at'] as const;
export type WebhookSort = (typeof webhookSorts)[number];

export const listWebhooksQuery = z
  .object({
    'filter[name_contains]': z.string().max(255).optional(),
    'filter[status]': status.optional(),
    sort: z.enum(webhookSorts, `must be one of ${webhookSorts.join(', ')}`).default('created_at'),
    ...page,
  })
  .refine(oneDirection, ONE_DIRECTION);
export type ListWebhooksQuery = z.output<typeof listWebhooksQuery>;

export const listInvocationsQuery = z
  .object({ 'filter[status]': z.enum(invocationStatuses, 'must be pending, success or failed').optional(), ...page })
  .refine(oneDirection, ONE_DIRECTION);
export type ListInvocationsQuery = z.output<typeof listInvocationsQuery>;

// Any webhook id is accepted here: one that is not a webhook's is simply not found (404).
const webhookId = z.string().min(1).max(100);
export const webhookIdParams = z.object({ id: webhookId });
export const invocationParams = z.object({ id: webhookId, invocation_id: integerText('must be an invocation id (a positive integer)') });

export const testWebhookQuery = z.object({ webhook_id: webhookId.optional() });

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const RESERVED = /^(host|content-length|transfer-encoding|connection|x-zendesk-webhook-.*)$/i;
const testHeader = z.object({
  key: z
    .string()
    .regex(headerName, 'must be a header name')
    .refine((k) => !RESERVED.test(k), 'is set by the service itself'),
  value: z.string().max(4096).regex(/^[\t\x20-\x7e]*$/, 'must be printable ASCII'),
});

const testRequest = z.object({
  endpoint: endpoint.optional(),
  http_method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], 'must be GET, POST, PUT, PATCH or DELETE'))
    .optional(),
  request_format: requestFormat.optional(),
  headers: z.array(testHeader).max(20).optional(),
  // Zendesk sends the payload as it is given (JSON text); a JSON value is taken as its text.
  payload: z
    .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .transform((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    .pipe(z.string().max(256 * 1024, 'must be under 256 KB'))
    .optional(),
  authentication: authentication.nullish(),
});
export type TestRequestInput = z.output<typeof testRequest>;

/** Zendesk's documented body is `{"request":{…}}`; its OpenAPI document names the same object `webhook`. */
export const testWebhookBody = z.object({ request: testRequest.optional(), webhook: testRequest.optional() });

import { z } from 'zod';
import { attemptStatuses, invocationStatuses, webhookStatuses } from '@/db/schema';
import { eventTypes } from '../webhooks/events';
import { cursorMeta, pageLinks, timestamp, ulid } from './shapes-zendesk';

// What the Webhooks API answers, as lib/webhooks/serialize.ts and lib/webhooks/test-send.ts write it.
// Closed objects, like the other shapes: the API suites notice a field added on either side.

export const webhook = z
  .object({
    id: ulid,
    name: z.string(),
    status: z.enum(webhookStatuses),
    subscriptions: z.array(z.enum(eventTypes)).meta({ description: 'The event types the webhook receives.' }),
    created_at: timestamp,
    created_by: z.string().regex(/^[0-9]+$/).meta({ description: 'The id of the user who made the webhook, as a string (as Zendesk writes it).' }),
    description: z.string(),
    endpoint: z.string().meta({ description: 'An http: or https: URL.' }),
    http_method: z.literal('POST'),
    request_format: z.literal('json'),
    updated_at: timestamp,
    updated_by: z.string().regex(/^[0-9]+$/).meta({ description: 'The id of the user who last changed the webhook, as a string.' }),
    authentication: z
      .object({ type: z.enum(['bearer_token', 'basic_auth']), add_position: z.literal('header') })
      .optional()
      .meta({ description: 'What the endpoint asks for; present only when set. The credentials themselves are never shown.' }),
  })
  .meta({ id: 'Webhook' });

export const webhookBody = z.object({ webhook });

export const webhookPage = z.object({ webhooks: z.array(webhook), meta: cursorMeta, links: pageLinks });

export const signingSecretBody = z.object({
  signing_secret: z.object({
    algorithm: z.literal('SHA256'),
    secret: z.string().meta({ description: 'The HMAC key: `x-zendesk-webhook-signature` is base64(HMAC-SHA256(secret, timestamp + body)).' }),
  }),
});

const invocation = z
  .object({
    id: z.string().regex(/^[0-9]+$/).meta({ description: 'The invocation id (digits, as a string); the `x-zendesk-webhook-invocation-id` of its requests.' }),
    webhook_id: ulid,
    status: z.enum(invocationStatuses).meta({ description: '`pending` while attempts remain, then `success` or `failed`.' }),
    event_id: ulid.meta({ description: 'The `id` of the event envelope it sends.' }),
    latest_completed_at: timestamp.nullable().meta({ description: 'When its latest attempt finished; null before the first.' }),
  })
  .meta({ id: 'WebhookInvocation', description: 'One event for one webhook; its retries are its attempts.' });

export const invocationPage = z.object({ invocations: z.array(invocation), meta: cursorMeta, links: pageLinks });

const attempt = z
  .object({
    id: z.string().regex(/^[0-9]+$/),
    status: z.enum(attemptStatuses),
    status_code: z.number().int().nullable().meta({ description: "The endpoint's status code; null when no answer came (timeout, network error, refused address)." }),
    duration_ms: z.number().int().min(0),
    completed_at: timestamp,
    response_body: z.string().meta({ description: 'The first 1 KiB of the answer; what went wrong when there was none.' }),
  })
  .meta({ id: 'WebhookAttempt' });

export const attemptList = z.object({ attempts: z.array(attempt) });

export const testResponse = z.object({
  response: z.object({
    status: z.number().int().meta({ description: "The endpoint's status code." }),
    headers: z.array(z.object({ key: z.string(), value: z.string() })).meta({ description: "The endpoint's answer headers." }),
    body: z.string().meta({ description: 'The first 1 KiB of the answer.' }),
  }),
});

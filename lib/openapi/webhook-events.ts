import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { EVENT_TYPES, ZENDESK_EVENT_VERSION, type EventType } from '../webhooks/events';
import { survey, surveyResponse, timestamp, ulid } from './shapes-zendesk';

// The requests this service sends to webhooks (the document's `webhooks`, OpenAPI 3.1): one per event
// type, in Zendesk's event envelope (lib/webhooks/events.ts), signed as lib/webhooks/signing.ts signs.

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

const headers = z.object({
  'x-zendesk-webhook-id': ulid.meta({ description: 'The webhook the request is for.' }),
  'x-zendesk-webhook-invocation-id': z.string().regex(/^[0-9]+$/).meta({ description: 'The invocation: the same on every retry of it.' }),
  'x-zendesk-webhook-signature': z.string().meta({
    description: "base64(HMAC-SHA256(signing secret, timestamp + body)), as Zendesk signs: a receiver that verifies Zendesk's signatures accepts it.",
  }),
  'x-zendesk-webhook-signature-timestamp': z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    .meta({ description: 'When the request was signed: ISO 8601 in UTC, whole seconds.' }),
});

const rating = z.number().int().nullable();
const category = z.enum(['bad', 'neutral', 'good']).nullable();
const responseSubject = z.string().regex(/^zen:survey_response:[0-9A-HJKMNP-TV-Z]{26}$/);

function envelope(type: EventType, detail: z.ZodType, subject: z.ZodType, event: z.ZodType) {
  return z.object({
    type: z.literal(type),
    account_id: z.number().int().min(0).meta({ description: 'The `ACCOUNT_ID` the server is set to (1 unless set).' }),
    id: ulid.meta({ description: 'The event id: the same on every retry and for every webhook it goes to.' }),
    time: timestamp.meta({ description: 'When the change happened.' }),
    zendesk_event_version: z.literal(ZENDESK_EVENT_VERSION),
    subject,
    detail,
    event,
  });
}

const events: { type: EventType; summary: string; description: string; detail: z.ZodType; event: z.ZodType; subject?: z.ZodType }[] = [
  {
    type: EVENT_TYPES.offered,
    summary: 'A survey response was offered',
    description: 'A response made through the API (Create). An ingested response is answered at once and sends no `offered`.',
    detail: surveyResponse,
    event: z.object({}),
  },
  {
    type: EVENT_TYPES.answered,
    summary: 'A survey response was answered',
    description: 'The first answer, from any door: the API, the survey page or ingestion.',
    detail: surveyResponse,
    event: z.object({ rating, rating_category: category }),
  },
  {
    type: EVENT_TYPES.updated,
    summary: 'A survey response was answered again',
    description: 'A later edit of the answers, with the rating before and after.',
    detail: surveyResponse,
    event: z.object({ previous_rating: rating, previous_rating_category: category, rating, rating_category: category }),
  },
  {
    type: EVENT_TYPES.ratedBad,
    summary: 'A survey response was rated bad',
    description: 'An answer whose rating became bad (a bad CSAT rating, or an NPS detractor); editing the comment of a bad answer does not send it again.',
    detail: surveyResponse,
    event: z.object({ previous_rating: rating, rating }),
  },
  {
    type: EVENT_TYPES.surveyUpdated,
    summary: 'A survey changed',
    description: 'A new version, or the survey enabled or disabled; `detail` is the survey as the surveys API shows it in en-us.',
    detail: survey,
    subject: z.string().regex(/^zen:survey:[0-9A-HJKMNP-TV-Z]{26}$/),
    event: z.object({ previous_version: z.number().int().min(1) }),
  },
];

export const eventWebhooks: ZodOpenApiPathsObject = Object.fromEntries(
  events.map(({ type, summary, description, detail, event, subject }) => [
    type.replace('zen:event-type:', ''),
    {
      post: {
        operationId: `event.${type.replace('zen:event-type:', '')}`,
        tags: ['Webhooks'],
        summary,
        // Sent by this service: the webhook's own credentials, if any, go in Authorization.
        security: [],
        description:
          `${description} Sent as a POST with a JSON body to every active webhook subscribed to \`${type}\`, at least once: retried ` +
          'on network errors, 409, 429 (after `Retry-After`) and 5xx for up to 24 hours; any other 4xx is final. `detail` is the ' +
          'resource as of the change (a response as the unlocalized Show gives it). Credentials the webhook has go in `Authorization`.',
        requestParams: { header: headers },
        requestBody: { required: true, content: json(envelope(type, detail, subject ?? responseSubject, event)) },
        responses: {
          '2XX': { description: 'Received: the invocation succeeded.' },
          default: { description: 'Anything else: retried or failed, as above. The first 1 KiB of the answer is logged with the attempt.' },
        },
      },
    },
  ]),
);

import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ingestionHeaders, insertResponseBody } from '../ingestion/schemas';
import { BODY_400, errorResponses } from './errors';
import { described } from './params';
import { ingestedResponse } from './shapes-satismeter';

// SatisMeter's "insert response" (docs/ingestion.md). The write key in the body is the only
// credential, so this route answers CORS and takes no Authorization header.

const TAG = 'SatisMeter ingestion';

const cors = z.object({
  'Access-Control-Allow-Origin': z.literal('*'),
  'Access-Control-Allow-Methods': z.string(),
  'Access-Control-Allow-Headers': z.string(),
});

export const satismeterPaths: ZodOpenApiPathsObject = {
  '/api/responses': {
    post: {
      operationId: 'insertResponse',
      tags: [TAG],
      summary: 'Insert a response from an app',
      description:
        'The body names a write key (`writeKey`, made by admins: the only credential of this API, checked before anything else), ' +
        'the campaign (an NPS or custom survey id), the answer (`rating` 0–10 for NPS campaigns, `answers` by question id or alias, ' +
        'closed-question values by option id or label) and exactly one of `userId` / `anonymousId`. `traits` are merged into the ' +
        'user (an empty string means "not given"); `method` is matched in any case. The response lands in the same model as the Zendesk API\'s: it shows in its List. ' +
        'Unknown fields are ignored. With an `Idempotency-Key`, a retried request gets the first answer back (`Idempotent-Replayed: true`) ' +
        'and stores nothing new.',
      security: [],
      requestParams: {
        header: described(ingestionHeaders, { 'Idempotency-Key': 'Any unique string (a UUID); the same key with the same body replays the first answer.' }),
      },
      requestBody: { required: true, content: { 'application/json': { schema: insertResponseBody } } },
      responses: {
        201: {
          description: 'The response was stored, or a retry with the same Idempotency-Key replays the first answer.',
          headers: cors.extend({
            'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when this is the answer of an earlier request.' }),
          }),
          content: { 'application/json': { schema: ingestedResponse } },
        },
        ...errorResponses({
          400:
            `${BODY_400} Also answers that do not fit the campaign, \`anonymousId\` where the campaign does not allow it, and ` +
            '"Duplicate response": the user answered this campaign within its re-survey window, or does not match its targeting ' +
            '(`forceSurvey: true` skips both checks).',
          401: 'No `writeKey`, or not an active one (title "Unauthorized", `source.pointer` `/writeKey` when it is missing).',
          404: 'No such campaign: unknown, or a CSAT survey (title "The campaign could not be found").',
          409: 'The campaign is disabled ("The campaign has been disabled"), or the Idempotency-Key was used with another body ("Idempotency-Key reused").',
        }),
      },
    },
    options: {
      operationId: 'insertResponsePreflight',
      tags: [TAG],
      summary: 'CORS preflight',
      description: 'Browser apps may post from any origin: no cookies are involved.',
      security: [],
      responses: {
        204: { description: 'The methods and headers a cross-origin POST may use.', headers: cors.extend({ 'Access-Control-Max-Age': z.string() }) },
      },
    },
  },
};

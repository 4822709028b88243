import { createDocument } from 'zod-openapi';
import { unmatchedResponses } from './errors';
import { satismeterPaths } from './paths-satismeter';
import { servicePaths } from './paths-service';
import { surveyResponsePaths } from './paths-survey-responses';
import { surveyPaths, userPaths } from './paths-surveys-users';
import { webhookPaths } from './paths-webhooks';
import { eventWebhooks } from './webhook-events';

// The OpenAPI 3.1 document of both APIs (docs/zendesk-api.md, docs/ingestion.md). Request parts come
// from the zod schemas that validate the requests, so the document follows every change to them; the
// answers are described in shapes-*.ts, and the API suites hold every answer they receive to it.

const DESCRIPTION = `Two APIs over one survey model:

- A Zendesk-compatible API: the Guide \`survey_responses\` API, the read side of the Guide \`surveys\` API (with admin-only survey management as an extension) and a minimal Users API. A helpdesk integration written for Zendesk's CSAT works by changing the base URL.
- A subset of Zendesk's Webhooks API (admins only) and, under \`webhooks\`, the event requests it sends: Zendesk's event envelope, signed as Zendesk signs.
- A SatisMeter-compatible ingestion API, \`POST /api/responses\`, for NPS and custom surveys answered in apps.

Credentials: \`Authorization: Basic base64("{email}/token:{api_token}")\` (zendeskApiToken below): API tokens are made by admins; the email picks the user the request acts as, and that user's role applies. Credentials in the URL are ignored. Two credentials travel in the body instead: a survey response's \`access_token\` (Submit) and the SatisMeter \`writeKey\`.

What Zendesk clients send is accepted: \`.json\` may be appended to any \`/api/v2\` path (\`/api/v2/users/me.json\`) and names the same resource, so it is not listed separately; an empty query parameter counts as absent; unknown fields of Zendesk-shaped bodies are ignored (survey definitions, an extension, refuse them).

Errors: every 4xx and 5xx answer is the envelope \`{"errors":[{"code","status","title","detail"?,"source"?}]}\` (ErrorEnvelope). Failed credentials are limited per client address (past the limit, 429 with \`Retry-After\`; a right credential is never refused); a database that cannot be reached is a 503 with \`Retry-After\`. A request that matches no operation is answered as \`x-unmatched-requests\` says: 404 for an unknown path under /api, 405 for a method a path does not offer, 400 for a path whose percent-escapes do not decode. HEAD is answered as GET, without a body. Every answer carries an \`X-Request-Id\` header: the one the request sent (up to 128 letters, digits and \`._:@-\`), else a new one; the server's log line of the request names it.

Timestamps are ISO 8601 in UTC with milliseconds.`;

function build() {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Help Center Surveys API', version: '1', description: DESCRIPTION },
    tags: [
      { name: 'Survey responses', description: "Zendesk's Guide survey_responses API." },
      { name: 'Surveys', description: "The read side of Zendesk's Guide surveys API, and survey management (an extension)." },
      { name: 'Users', description: "A minimal subset of Zendesk's Users API." },
      { name: 'Webhooks', description: "A subset of Zendesk's Webhooks API, and the event requests webhooks receive." },
      { name: 'SatisMeter ingestion', description: "SatisMeter's insert-response API, authorized by a write key in the body." },
      { name: 'Service', description: 'Liveness, readiness and this document.' },
    ],
    security: [{ zendeskApiToken: [] }],
    paths: { ...surveyResponsePaths, ...surveyPaths, ...userPaths, ...webhookPaths, ...satismeterPaths, ...servicePaths },
    webhooks: eventWebhooks,
    components: {
      securitySchemes: {
        zendeskApiToken: {
          type: 'http',
          scheme: 'basic',
          description: 'User name `{email}/token`, password an API token: `Authorization: Basic base64("{email}/token:{api_token}")`.',
        },
      },
      responses: unmatchedResponses,
    },
    // No operation can describe these, so the document says it here, for readers and for the API
    // suites' answer checks alike (e2e/support/openapi-check.ts).
    'x-unmatched-requests': {
      malformedPath: { status: '400', response: { $ref: '#/components/responses/MalformedUrl' } },
      unknownPath: { status: '404', response: { $ref: '#/components/responses/NoSuchEndpoint' } },
      methodNotAllowed: { status: '405', response: { $ref: '#/components/responses/MethodNotAllowed' } },
    },
  });
}

export type OpenApiDocument = ReturnType<typeof build>;

let built: OpenApiDocument | undefined;
let text: string | undefined;

/** The document, made once per process: the schemas cannot change while it runs. */
export function openApiDocument(): OpenApiDocument {
  return (built ??= build());
}

/** The document as JSON text, serialized once. */
export function openApiJson(): string {
  return (text ??= JSON.stringify(openApiDocument()));
}

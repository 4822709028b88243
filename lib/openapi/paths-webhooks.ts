import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  createWebhookBody,
  invocationParams,
  listInvocationsQuery,
  listWebhooksQuery,
  patchWebhookBody,
  testWebhookBody,
  testWebhookQuery,
  updateWebhookBody,
  webhookIdParams,
} from '../webhooks/schemas';
import { BODY_400, errorResponses, FORBIDDEN_403, PARAMS_400, UNAUTHORIZED_401 } from './errors';
import { described } from './params';
import { attemptList, invocationPage, signingSecretBody, testResponse, webhookBody, webhookPage } from './shapes-webhooks';

// A subset of Zendesk's Webhooks API (docs/zendesk-api.md, Webhooks), admins only.

const TAG = 'Webhooks';
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const ADMINS = `${FORBIDDEN_403} Only admins manage webhooks, whether or not the id exists.`;
const NOT_FOUND = 'No such webhook (title "The webhook could not be found").';
const idParams = described(webhookIdParams, { id: 'The webhook id (a ULID). Any other value is simply not found.' });
const ENDPOINT_400 =
  'An endpoint the address guard refuses is "Invalid endpoint" (`source.pointer` `/webhook/endpoint`): a name that does not resolve, ' +
  'or one resolving to a loopback, private, link-local or metadata address (unless the server sets `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`).';
const WEBHOOK_400 =
  `${BODY_400} \`http_method\` must be \`POST\` and \`request_format\` \`json\` (webhooks subscribed to events), subscriptions must be ` +
  `event types this service sends, and \`authentication\` \`bearer_token\` or \`basic_auth\` in the header. ${ENDPOINT_400}`;
const NO_CONTENT = { description: 'Done; no body (as Zendesk answers).' };

const pageParams = {
  'page[size]': 'Items per page: 1 to 100 (the default); a larger size is taken as 100.',
  'page[after]': 'The `meta.after_cursor` of a page: the page after it.',
  'page[before]': 'The `meta.before_cursor` of a page: the page before it. Not together with `page[after]`.',
};
const CURSOR_400 = `${PARAMS_400} A cursor this API did not issue, or issued for another list or sort, is "Invalid cursor".`;

export const webhookPaths: ZodOpenApiPathsObject = {
  '/api/v2/webhooks': {
    get: {
      operationId: 'listWebhooks',
      tags: [TAG],
      summary: 'List webhooks',
      description: 'Cursor pages: the cost of a page does not grow with the depth.',
      requestParams: {
        query: described(listWebhooksQuery, {
          'filter[name_contains]': 'Webhooks whose name contains this text (letters compared case-insensitively).',
          'filter[status]': '`active` or `inactive`.',
          sort: '`name`, `status` (as Zendesk) or `created_at` (the default; an extension), ascending; with `-` before it, descending. Ties are ordered by id.',
          ...pageParams,
        }),
      },
      responses: {
        200: { description: 'One page of webhooks.', content: json(webhookPage) },
        ...errorResponses({ 400: CURSOR_400, 401: UNAUTHORIZED_401, 403: ADMINS }),
      },
    },
    post: {
      operationId: 'createWebhook',
      tags: [TAG],
      summary: 'Create a webhook',
      description:
        'Subscribes an endpoint to event types. A signing secret is made unless `signing_secret.secret` is given (a receiver moving ' +
        'from Zendesk may keep its secret); `GET …/signing_secret` shows it. Fields Zendesk has but this service does not use ' +
        '(`custom_headers`, `external_source`) are ignored.',
      requestBody: { required: true, content: json(createWebhookBody) },
      responses: {
        201: { description: 'The webhook.', content: json(webhookBody) },
        ...errorResponses({ 400: WEBHOOK_400, 401: UNAUTHORIZED_401, 403: ADMINS }),
      },
    },
  },
  '/api/v2/webhooks/{id}': {
    get: {
      operationId: 'showWebhook',
      tags: [TAG],
      summary: 'Show a webhook',
      requestParams: { path: idParams },
      responses: {
        200: { description: 'The webhook.', content: json(webhookBody) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
    put: {
      operationId: 'updateWebhook',
      tags: [TAG],
      summary: 'Update a webhook',
      description:
        '`name`, `status`, `endpoint`, `http_method` and `request_format` are required, as in Zendesk; `subscriptions`, when given, replace ' +
        'the ones the webhook has; `authentication` null removes the credentials, and without `data` keeps the stored ones of that type.',
      requestParams: { path: idParams },
      requestBody: { required: true, content: json(updateWebhookBody) },
      responses: {
        204: NO_CONTENT,
        ...errorResponses({ 400: WEBHOOK_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
    patch: {
      operationId: 'patchWebhook',
      tags: [TAG],
      summary: 'Patch a webhook',
      description: 'As Update, with every field optional: the fields left out keep their value.',
      requestParams: { path: idParams },
      requestBody: { required: true, content: json(patchWebhookBody) },
      responses: {
        204: NO_CONTENT,
        ...errorResponses({ 400: WEBHOOK_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
    delete: {
      operationId: 'deleteWebhook',
      tags: [TAG],
      summary: 'Delete a webhook',
      description: 'Its invocations and their attempts go with it; nothing more is sent to it.',
      requestParams: { path: idParams },
      responses: {
        204: NO_CONTENT,
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
  },
  '/api/v2/webhooks/{id}/signing_secret': {
    get: {
      operationId: 'showWebhookSigningSecret',
      tags: [TAG],
      summary: "Show a webhook's signing secret",
      requestParams: { path: idParams },
      responses: {
        200: { description: 'The secret the requests are signed with.', content: json(signingSecretBody) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
    post: {
      operationId: 'resetWebhookSigningSecret',
      tags: [TAG],
      summary: "Reset a webhook's signing secret",
      description: 'A new secret signs every request from now on, retries of earlier invocations included.',
      requestParams: { path: idParams },
      responses: {
        201: { description: 'The new secret.', content: json(signingSecretBody) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
  },
  '/api/v2/webhooks/{id}/invocations': {
    get: {
      operationId: 'listWebhookInvocations',
      tags: [TAG],
      summary: "List a webhook's invocations",
      description: 'Newest first: `page[after]` goes to older invocations.',
      requestParams: {
        path: idParams,
        query: described(listInvocationsQuery, { 'filter[status]': '`pending`, `success` or `failed`.', ...pageParams }),
      },
      responses: {
        200: { description: 'One page of invocations.', content: json(invocationPage) },
        ...errorResponses({ 400: CURSOR_400, 401: UNAUTHORIZED_401, 403: ADMINS, 404: NOT_FOUND }),
      },
    },
  },
  '/api/v2/webhooks/{id}/invocations/{invocation_id}/attempts': {
    get: {
      operationId: 'listWebhookInvocationAttempts',
      tags: [TAG],
      summary: "List an invocation's attempts",
      description: 'Every attempt, oldest first.',
      requestParams: {
        path: described(invocationParams, { id: 'The webhook id.', invocation_id: 'The invocation id (digits).' }),
      },
      responses: {
        200: { description: 'The attempts.', content: json(attemptList) },
        ...errorResponses({
          400: PARAMS_400,
          401: UNAUTHORIZED_401,
          403: ADMINS,
          404: `${NOT_FOUND} An invocation that is not this webhook's: "The invocation could not be found".`,
        }),
      },
    },
  },
  '/api/v2/webhooks/test': {
    post: {
      operationId: 'testWebhook',
      tags: [TAG],
      summary: 'Send a test request',
      description:
        'Sends one request now and answers with what the endpoint answered; never retried, nothing logged. The body is ' +
        '`{"request":{…}}` (Zendesk also documents the same object as `webhook`). With `webhook_id`, that webhook fills in what the ' +
        'request leaves out (endpoint, method, credentials) and its secret signs the request; without it the request is signed with ' +
        "Zendesk's static test secret `dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==`. POST, PUT and PATCH send `payload` (else `{}`) as " +
        'JSON; GET and DELETE send no body.',
      requestParams: { query: described(testWebhookQuery, { webhook_id: 'A webhook whose settings and signing secret the request uses.' }) },
      requestBody: { required: true, content: json(testWebhookBody) },
      responses: {
        200: { description: "The endpoint's answer (whatever its status).", content: json(testResponse) },
        ...errorResponses({
          400: `${BODY_400} No endpoint (neither in the request nor from \`webhook_id\`). ${ENDPOINT_400.replace('/webhook/endpoint', '/request/endpoint')}`,
          401: UNAUTHORIZED_401,
          403: ADMINS,
          404: `${NOT_FOUND} (\`webhook_id\`)`,
          502: 'The endpoint gave no answer: the connection failed, or no answer came within `WEBHOOK_TIMEOUT_MS` (title "The endpoint did not answer", the reason in `detail`).',
        }),
      },
    },
  },
};

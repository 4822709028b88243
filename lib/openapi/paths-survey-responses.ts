import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  createSurveyResponseBody,
  listSurveyResponsesQuery,
  localizedResponseParams,
  responseIdParams,
  submitSurveyResponseBody,
} from '../survey-responses/schemas';
import { BODY_400, errorResponses, FORBIDDEN_403, PARAMS_400, UNAUTHORIZED_401 } from './errors';
import { described, LOCALE, RESPONSE_ID } from './params';
import { createdSurveyResponse, localizedSurveyResponse, surveyResponse, surveyResponsePage } from './shapes-zendesk';

// The Guide survey_responses API (docs/zendesk-api.md), request schemas as validated.

const TAG = 'Survey responses';
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const one = z.object({ survey_response: surveyResponse });

const idParams = described(responseIdParams, { id: RESPONSE_ID });
const NOT_FOUND = 'No such survey response (title "The survey response could not be found").';
const SHOW_403 = 'Someone other than an admin, the responder or the assigned agent (title "Access to the resource is forbidden").';

const listQuery = described(listSurveyResponsesQuery, {
  'filter[responder_ids]': 'Comma list of user ids; a response matches any of them.',
  'filter[assignee_ids]': 'Extension. Comma list of assignee ids (as given at Create); any of them.',
  'filter[group_ids]': 'Extension. Comma list of group ids; any of them.',
  'filter[brand_ids]': 'Extension. Comma list of brand ids; any of them.',
  'filter[subject_zrns]': 'Comma list of ZRNs (`zen:ticket:N`, `zen:request:N`, `zen:conversation:UUID`); any of them.',
  'filter[tags]': 'Extension. Comma list of tags (compared lower-cased); a response with any of them matches.',
  'filter[state]': 'Extension. Comma list of `offered`, `answered`, `expired`; any of them.',
  'filter[created_at_start]': 'Created at or after, Unix epoch milliseconds (a value below 10^11 is read as seconds).',
  'filter[created_at_end]': 'Created at or before (inclusive), as `filter[created_at_start]`.',
  'filter[updated_at_start]': 'Extension. Updated at or after, as `filter[created_at_start]`.',
  'filter[updated_at_end]': 'Extension. Updated at or before (inclusive), as `filter[created_at_start]`.',
  sort:
    '`id` (oldest first, the default), `-id` (newest first), or, an extension for syncing (the change feed), `updated_at` / ' +
    '`-updated_at`: ordered by (updated_at, id); a submit moves updated_at, so following `page[after]` from a stored cursor ' +
    'sees every response created or edited since, at least once. The feed shows a change once it is 2 s old (settled), so ' +
    'that no write still in flight can commit behind a cursor.',
  'page[size]': 'Responses per page: 1 to 100 (the default); a larger size is taken as 100.',
  'page[after]': 'The `meta.after_cursor` of a page: the page after it.',
  'page[before]': 'The `meta.before_cursor` of a page: the page before it. Not together with `page[after]`.',
});

export const surveyResponsePaths: ZodOpenApiPathsObject = {
  '/api/v2/guide/survey_responses': {
    get: {
      operationId: 'listSurveyResponses',
      tags: [TAG],
      summary: 'List survey responses',
      description:
        'Admins see every response; agents the responses they are the responder of or are assigned (`assignee_id`); anyone else ' +
        'only the responses they are the responder of (a filter naming others finds none). ' +
        'Filters combine with AND, the values of one filter with OR. Cursor pagination: the cost of a page does not grow with the table or the depth.',
      requestParams: { query: listQuery },
      responses: {
        200: { description: 'One page of responses.', content: json(surveyResponsePage) },
        ...errorResponses({ 400: `${PARAMS_400} A cursor this API did not issue, or issued for another sort, is "Invalid cursor".`, 401: UNAUTHORIZED_401 }),
      },
    },
    post: {
      operationId: 'createSurveyResponse',
      tags: [TAG],
      summary: 'Create (offer) a survey response',
      description:
        'Admins only. Offers the latest version of an enabled survey to a responder about one or more subjects. The answer carries ' +
        "the survey page's rating links, and in them the response's access token: it is shown only here. `expires_at` defaults " +
        'to 28 days ahead (`SURVEY_RESPONSE_TTL_DAYS`). Extension: `assignee_id`, `group_id`, `brand_id` and `tags` record who and ' +
        'what the survey is about when it is offered; a submit never changes them.',
      requestBody: { required: true, content: json(createSurveyResponseBody) },
      responses: {
        200: { description: 'The response was made; its id and the links to the survey page.', content: json(createdSurveyResponse) },
        ...errorResponses({
          400: `${BODY_400} Also: no user has the \`responder_id\`, or \`expires_at\` is past or more than 3650 days ahead.`,
          401: UNAUTHORIZED_401,
          403: `${FORBIDDEN_403} Only admins create.`,
          404: 'No such survey (title "The survey is not found by provided id").',
          409: 'The survey is disabled (title "The survey associated with this survey response has been disabled").',
        }),
      },
    },
  },
  '/api/v2/guide/survey_responses/{id}': {
    get: {
      operationId: 'showSurveyResponse',
      tags: [TAG],
      summary: 'Show a survey response (unlocalized)',
      description:
        'The response with minimal questions, as in List. Admins see any response; an agent the ones they answer or are ' +
        'assigned; anyone else only their own.',
      requestParams: { path: idParams },
      responses: {
        200: { description: 'The response.', content: json(one) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: SHOW_403, 404: NOT_FOUND }),
      },
    },
    post: {
      operationId: 'submitSurveyResponse',
      tags: [TAG],
      summary: 'Submit answers to a survey response',
      description:
        'The responder (with their own credentials), or anyone holding the access token, sent in the body as ' +
        '`survey_response.access_token` (credentials are optional then). Answers are checked against the survey version the ' +
        'response is pinned to; unanswered questions are stored as `skipped`. Submitting again before `expires_at` replaces the ' +
        'answers (`created_at` kept, `updated_at` moves). A selection may be `{"type":"pre_defined","value":ID}` or ' +
        '`{"type":"predefined","option_id":ID}`; the answer always shows the latter.',
      security: [{ zendeskApiToken: [] }, {}],
      requestParams: { path: idParams },
      requestBody: { required: true, content: json(submitSurveyResponseBody) },
      responses: {
        200: { description: 'The answers were stored; the response as it is now.', content: json(one) },
        ...errorResponses({
          400: `${BODY_400} Answers that do not fit the pinned version are "Invalid answer", with \`source.pointer\`.`,
          401: 'No credentials and no matching access token, or bad credentials. Without credentials an unknown id is a 401 too.',
          403: 'Credentials of someone other than the responder, and no matching access token.',
          404: `${NOT_FOUND} Only with credentials.`,
          409:
            'The survey is disabled ("The survey associated with this survey response has been disabled"), or `expires_at` has ' +
            'passed ("The survey response has expired and can no longer be edited").',
        }),
      },
    },
  },
  '/api/v2/guide/{locale}/survey_responses/{id}': {
    get: {
      operationId: 'showLocalizedSurveyResponse',
      tags: [TAG],
      summary: 'Show a survey response (localized)',
      description: "The response with each answer's full question, texts in the requested locale. Who may see it is as in the unlocalized Show.",
      requestParams: { path: described(localizedResponseParams, { locale: LOCALE, id: RESPONSE_ID }) },
      responses: {
        200: { description: 'The response.', content: json(z.object({ survey_response: localizedSurveyResponse })) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: SHOW_403, 404: NOT_FOUND }),
      },
    },
  },
};

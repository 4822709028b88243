import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { createSurveyBody, listSurveysQuery, localeParams, surveyIdParams, surveyPathParams, updateSurveyBody } from '../surveys/schemas';
import { createOrUpdateUserBody, userIdParam } from '../users/schemas';
import { BODY_400, errorResponses, FORBIDDEN_403, PARAMS_400, UNAUTHORIZED_401 } from './errors';
import { described, LOCALE } from './params';
import { surveyBody, surveyList, userBody } from './shapes-zendesk';

// The read side of the Guide surveys API, its admin-only management (an extension), and the minimal
// Zendesk-shaped Users API.

const SURVEYS = 'Surveys';
const USERS = 'Users';
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const SURVEY_404 = 'No such survey (title "The survey is not found by provided id").';
const SURVEY_ID = 'The survey id (a ULID).';
const ADMINS_ONLY = `${FORBIDDEN_403} Only admins manage surveys.`;
const SURVEY_400 = `${BODY_400} Questions that do not hold together (a follow-up naming no later question, …) are "Invalid survey", with \`source.pointer\`.`;

export const surveyPaths: ZodOpenApiPathsObject = {
  '/api/v2/guide/{locale}/surveys': {
    get: {
      operationId: 'listSurveys',
      tags: [SURVEYS],
      summary: 'List surveys',
      description: 'Agents and admins. Each survey at its latest version, texts in the requested locale; one page holds them all.',
      requestParams: {
        path: described(localeParams, { locale: LOCALE }),
        query: described(listSurveysQuery, { 'filter[types]': 'Comma list of survey types (`CUSTOMER_SATISFACTION`, `NET_PROMOTER_SCORE`, `CUSTOM`).' }),
      },
      responses: {
        200: { description: 'The surveys.', content: json(surveyList) },
        ...errorResponses({ 400: PARAMS_400, 401: UNAUTHORIZED_401, 403: `${FORBIDDEN_403} End users may not list surveys.` }),
      },
    },
  },
  '/api/v2/guide/{locale}/surveys/{id}/{version}': {
    get: {
      operationId: 'showSurvey',
      tags: [SURVEYS],
      summary: 'Show a survey version',
      description: 'Anyone, without credentials (the survey page of an emailed link needs no account). A version above the latest gives the latest.',
      security: [],
      requestParams: { path: described(surveyPathParams, { locale: LOCALE, id: SURVEY_ID, version: 'The version, a positive integer.' }) },
      responses: {
        200: { description: 'The survey version.', content: json(surveyBody) },
        ...errorResponses({ 400: PARAMS_400, 404: SURVEY_404 }, { credentials: false }),
      },
    },
  },
  '/api/v2/guide/surveys': {
    post: {
      operationId: 'createSurvey',
      tags: [SURVEYS],
      summary: 'Create a survey (extension)',
      description:
        'Admins only; not in Zendesk. Question and option ids are assigned unless given; follow-ups may name a later question by ' +
        'alias. Texts come back in the locale of the admin. Settings matter for app campaigns (SatisMeter ingestion) only.',
      requestBody: { required: true, content: json(createSurveyBody) },
      responses: {
        201: { description: 'The survey, at version 1.', content: json(surveyBody) },
        ...errorResponses({ 400: SURVEY_400, 401: UNAUTHORIZED_401, 403: ADMINS_ONLY }),
      },
    },
  },
  '/api/v2/guide/surveys/{id}': {
    put: {
      operationId: 'updateSurvey',
      tags: [SURVEYS],
      summary: 'Change a survey (extension)',
      description:
        'Admins only; not in Zendesk. New questions make a new version (responses stay pinned to theirs; a question keeps its id ' +
        'while its alias stays); `state` enables or disables the survey; `settings` are merged into the current ones.',
      requestParams: { path: described(surveyIdParams, { id: SURVEY_ID }) },
      requestBody: { required: true, content: json(updateSurveyBody) },
      responses: {
        200: { description: 'The survey as it is now.', content: json(surveyBody) },
        ...errorResponses({ 400: SURVEY_400, 401: UNAUTHORIZED_401, 403: ADMINS_ONLY, 404: SURVEY_404 }),
      },
    },
  },
};

export const userPaths: ZodOpenApiPathsObject = {
  '/api/v2/users/create_or_update': {
    post: {
      operationId: 'createOrUpdateUser',
      tags: [USERS],
      summary: 'Create or update a user',
      description:
        'Admins only. The user is found by `external_id` when given, else by email; fields left out of an update keep their value. ' +
        'A new user is an `end_user` in `en-us` unless said otherwise.',
      requestBody: { required: true, content: json(createOrUpdateUserBody) },
      responses: {
        200: { description: 'An existing user was updated.', content: json(userBody) },
        201: { description: 'A new user was made.', content: json(userBody) },
        ...errorResponses({
          400: BODY_400,
          401: UNAUTHORIZED_401,
          403: `${FORBIDDEN_403} Only admins manage users.`,
          409: 'Another user has this email (title "A user with this email already exists").',
        }),
      },
    },
  },
  '/api/v2/users/{id}': {
    get: {
      operationId: 'showUser',
      tags: [USERS],
      summary: 'Show a user',
      description: 'Admins see anyone; anyone else only themselves.',
      requestParams: { path: described(userIdParam, { id: 'The user id, a positive integer.' }) },
      responses: {
        200: { description: 'The user.', content: json(userBody) },
        ...errorResponses({
          400: PARAMS_400,
          401: UNAUTHORIZED_401,
          403: `${FORBIDDEN_403} Whether or not the id exists, for anyone but admins.`,
          404: 'No such user (title "The user could not be found").',
        }),
      },
    },
  },
  '/api/v2/users/me': {
    get: {
      operationId: 'showCurrentUser',
      tags: [USERS],
      summary: 'Show the user of the credentials',
      responses: {
        200: { description: 'The user the request acts as.', content: json(userBody) },
        ...errorResponses({ 401: UNAUTHORIZED_401 }),
      },
    },
  },
};

import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses, unavailableResponse } from './errors';

// The service's own endpoints: liveness, readiness, and this document with its readable page.

const TAG = 'Service';

export const servicePaths: ZodOpenApiPathsObject = {
  '/api/health': {
    get: {
      operationId: 'health',
      tags: [TAG],
      summary: 'Liveness',
      description: 'Answers while the process runs; it does not touch the database.',
      security: [],
      responses: {
        200: { description: 'Alive.', content: { 'text/plain': { schema: z.literal('ok') } } },
      },
    },
  },
  '/api/ready': {
    get: {
      operationId: 'ready',
      tags: [TAG],
      summary: 'Readiness',
      description:
        'Ready to serve: the database answers a query and has every migration of this version applied. For a load balancer or an orchestrator; it only reads.',
      security: [],
      responses: {
        200: { description: 'Ready.', content: { 'application/json': { schema: z.object({ status: z.literal('ready') }) } } },
        ...errorResponses({}, { credentials: false, database: false }),
        503: unavailableResponse('Not ready: the database cannot be reached, or it lacks a migration of this version (the `detail` says which).'),
      },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      tags: [TAG],
      summary: 'This document',
      description: 'OpenAPI 3.1, generated from the schemas that validate the requests.',
      security: [],
      responses: {
        200: {
          description: 'The document.',
          content: {
            'application/json': {
              schema: z.looseObject({ openapi: z.string().regex(/^3\.1\./), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) }),
            },
          },
        },
        ...errorResponses({}, { credentials: false, database: false }),
      },
    },
  },
  '/api/docs': {
    get: {
      operationId: 'openApiPage',
      tags: [TAG],
      summary: 'This document, readable',
      description: 'A page rendered from this document: HTML and inline CSS, no script, nothing loaded from another host.',
      security: [],
      responses: {
        200: { description: 'The page.', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses({}, { credentials: false, database: false }),
      },
    },
  },
};

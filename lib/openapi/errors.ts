import { z } from 'zod';
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { STATUS_OF, UNAVAILABLE_RETRY_AFTER_S, type ErrorCode } from '../errors';

// The one error envelope of both APIs (lib/errors.ts) as the document shows it, and the error answers
// each operation lists, with the codes and statuses lib/errors.ts answers with.

export type ErrorStatus = (typeof STATUS_OF)[ErrorCode];

const codes = Object.keys(STATUS_OF) as [ErrorCode, ...ErrorCode[]];

const errorObject = z
  .object({
    code: z.enum(codes).meta({ description: 'Names the kind of failure; one code per HTTP status.' }),
    status: z.string().regex(/^[45][0-9]{2}$/).meta({ description: 'The HTTP status, as a string.' }),
    title: z.string().meta({ description: "A short summary; Zendesk's own titles where its reference has them." }),
    detail: z.string().optional().meta({ description: 'What exactly is wrong, when there is more to say.' }),
    source: z
      .union([
        z.object({ pointer: z.string().meta({ description: 'JSON Pointer to the offending value of the body.' }) }),
        z.object({ parameter: z.string().meta({ description: 'The query, path or header parameter, as the client named it.' }) }),
      ])
      .optional(),
  })
  .meta({ id: 'ErrorObject', description: 'One problem. A 400 lists one error object per problem found.' });

export const errorEnvelope = z
  .object({ errors: z.array(errorObject).min(1) })
  .meta({ id: 'ErrorEnvelope', description: 'The error envelope of both APIs: every 4xx and 5xx answer has this body.' });

const json = { 'application/json': { schema: errorEnvelope } };

const retryAfter = (description: string) =>
  z.object({ 'Retry-After': z.string().regex(/^[0-9]+$/).meta({ description }) });

/** Answers any operation may give, shared as components. */
const shared = {
  429: {
    id: 'TooManyRequests',
    description:
      'Too many failed credentials (API token, write key or access token) from this client address inside the window ' +
      '(`RATE_LIMIT_FAILURES` in `RATE_LIMIT_WINDOW_S`): wait as `Retry-After` says. A right credential is never refused.',
    headers: retryAfter('Seconds to wait before trying again.'),
    content: json,
  },
  500: {
    id: 'InternalError',
    description: 'An unexpected failure. Nothing about it is shown; the server logs the details.',
    content: json,
  },
  503: {
    id: 'ServiceUnavailable',
    description: `The database cannot be reached. Nothing was changed; retry after \`Retry-After\` seconds (${UNAVAILABLE_RETRY_AFTER_S}).`,
    headers: retryAfter('Seconds to wait before retrying.'),
    content: json,
  },
} satisfies Record<number, ZodOpenApiResponseObject>;

/** A 503 of an operation's own (the readiness check's), in the shape of the shared one. */
export const unavailableResponse = (description: string): ZodOpenApiResponseObject => ({
  description,
  headers: retryAfter('Seconds to wait before asking again.'),
  content: json,
});

/** Answers to requests that match no operation (see `x-unmatched-requests` in document.ts). */
export const unmatchedResponses = {
  MalformedUrl: {
    description: 'A path whose percent-escapes do not decode (`/api/v2/users/%ZZ`), whatever the path: title "Malformed URL".',
    content: json,
  },
  NoSuchEndpoint: {
    description: 'Any path under /api that is not in this document: title "No such API endpoint".',
    content: json,
  },
  MethodNotAllowed: {
    description: 'A method a path does not offer: title "Method not allowed".',
    headers: z.object({ Allow: z.string().meta({ description: 'The methods the path offers.' }) }),
    content: json,
  },
} satisfies Record<string, ZodOpenApiResponseObject>;

/** The 400 causes every operation with a JSON body shares, before its own rules are checked. */
export const BODY_400 =
  'Malformed JSON (title "Malformed JSON"), a body over 1 MiB ("Request body too large"), a NUL character, or a value ' +
  'the schema refuses ("Invalid request", one error per problem with `source.pointer`).';

/** The 400 causes of parameters: one error per problem with `source.parameter`. */
export const PARAMS_400 = 'A parameter the schema refuses ("Invalid request", one error per problem with `source.parameter`).';

export const UNAUTHORIZED_401 =
  'Missing or bad credentials (title "Unauthorized to access the resource", with `WWW-Authenticate: Basic`).';

export const FORBIDDEN_403 = 'The credentials are good but their user may not do this (title "Access to the resource is forbidden").';

type Own = Partial<Record<Exclude<ErrorStatus, 405 | 429 | 500 | 503>, string>>;

/**
 * The error answers of one operation: its own, described for it, then the shared ones. Operations
 * that check credentials may be throttled (429); those that read the database may find it down (503).
 */
export function errorResponses(
  own: Own,
  { credentials = true, database = true }: { credentials?: boolean; database?: boolean } = {},
): ZodOpenApiResponsesObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, description] of Object.entries(own)) responses[status] = { description, content: json };
  if (credentials) responses['429'] = shared[429];
  responses['500'] = shared[500];
  if (database) responses['503'] = shared[503];
  return responses as ZodOpenApiResponsesObject;
}

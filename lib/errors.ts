import { DatabaseUnavailable, InvalidValue } from '@/db/errors';

// The one error envelope of both APIs (docs/zendesk-api.md, Errors):
// {"errors":[{code,status,title,detail?,source?}]}.

export type ErrorCode =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'Conflict'
  | 'TooManyRequests'
  | 'InternalError'
  | 'BadGateway'
  | 'ServiceUnavailable';

export type ErrorSource = { pointer: string } | { parameter: string };

export interface ErrorObject {
  code: ErrorCode;
  status: string;
  title: string;
  detail?: string;
  source?: ErrorSource;
}

/** The HTTP status of each error code (the OpenAPI document lists them from here too). */
export const STATUS_OF = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  TooManyRequests: 429,
  InternalError: 500,
  // Only the webhook test send: the endpoint it called gave no answer (lib/webhooks/test-send.ts).
  BadGateway: 502,
  ServiceUnavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export interface Problem {
  title: string;
  detail?: string;
  source?: ErrorSource;
}

/** A failure the client caused or may see; use-cases throw it, the HTTP wrapper renders it. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ErrorObject[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, problems: Problem[], headers: Record<string, string> = {}) {
    super(problems.map((p) => p.detail ?? p.title).join('; '));
    this.name = 'ApiError';
    this.status = STATUS_OF[code];
    this.headers = headers;
    this.errors = problems.map((p) => ({ code, status: String(this.status), ...p }));
  }
}

/** The 429 of lib/auth/throttle.ts: too many failed credentials from one address. */
export const isThrottled = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 429;

export const badRequest = (...problems: Problem[]) => new ApiError('BadRequest', problems);

export const invalid = (detail: string, source?: ErrorSource) =>
  new ApiError('BadRequest', [{ title: 'Invalid request', detail, ...(source ? { source } : {}) }]);

export const unauthorized = () =>
  new ApiError('Unauthorized', [{ title: 'Unauthorized to access the resource' }], {
    'WWW-Authenticate': 'Basic realm="Help Center Surveys"',
  });

export const forbidden = () => new ApiError('Forbidden', [{ title: 'Access to the resource is forbidden' }]);

export const notFound = (title = 'The resource could not be found') => new ApiError('NotFound', [{ title }]);

export const conflict = (title: string, detail?: string) =>
  new ApiError('Conflict', [{ title, ...(detail ? { detail } : {}) }]);

export function envelope(errors: ErrorObject[]) {
  return { errors };
}

export const internalErrorBody = envelope([
  { code: 'InternalError', status: '500', title: 'An internal error occurred' },
]);

/** A value of the request the database refused as data (a number out of its range, a NUL character). */
export const isInvalidValue = (error: unknown) => error instanceof InvalidValue;

export const invalidValueBody = envelope([
  { code: 'BadRequest', status: '400', title: 'Invalid request', detail: 'A value in the request cannot be stored (out of range, or a NUL character)' },
]);

/** Whether a failure is the database being unreachable (a 503 to retry), not the client's doing. */
export const isUnavailable = (error: unknown) => error instanceof DatabaseUnavailable;

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

export const unavailableBody = envelope([
  { code: 'ServiceUnavailable', status: '503', title: 'Service unavailable', detail: 'The database cannot be reached; try again shortly' },
]);

import { clientAddress } from './client-address';
import { logger } from '../observability/log';
import { ApiError, envelope, internalErrorBody, invalidValueBody, isInvalidValue, isUnavailable, UNAVAILABLE_RETRY_AFTER_S, unavailableBody } from '../errors';

// Transport glue shared by every route handler: JSON out, the error envelope for any throw.

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const MAX_BODY_BYTES = 1024 * 1024;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || undefined;

/** The credentials a request presents and the address it came from (for the limits on failures). */
export function presented(request: Request): { authorization: string | null; client: string | undefined } {
  return { authorization: request.headers.get('authorization'), client: clientAddress(request.headers) };
}

/** Whether the client reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || firstValue(request.headers.get('x-forwarded-proto')) === 'https';
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The URL as the client addressed it, for links the API hands back (`links.next`). `next start` builds
 * `request.url` from its own hostname (`localhost`), so the origin comes from a proxy's
 * X-Forwarded-Host / X-Forwarded-Proto, else the Host header; anything that is not a host name is
 * ignored.
 */
export function publicUrl(request: Request): string {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host') ?? undefined;
  return `${isHttps(request) ? 'https:' : url.protocol}//${host && HOST.test(host) ? host : url.host}${url.pathname}${url.search}`;
}

/** A redirect with no body: 303 after a form post, 307 to move a GET elsewhere. */
export function redirectTo(location: string, status: 303 | 307, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store', ...headers, Location: location } });
}

/** A body that is already JSON text (large pages serialized piecewise). */
export function jsonText(body: string, status = 200): Response {
  return new Response(body, { status, headers: JSON_HEADERS });
}

/** The envelope for any throw; a database outage and an unknown error are logged with the request id. */
export function errorResponse(error: unknown, requestId?: string): Response {
  if (error instanceof ApiError) return json(envelope(error.errors), error.status, error.headers);
  if (isInvalidValue(error)) return json(invalidValueBody, 400);
  if (isUnavailable(error)) {
    logger().error({ request_id: requestId, err: error instanceof Error ? (error.cause ?? error) : error }, 'database unavailable');
    return json(unavailableBody, 503, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) });
  }
  // Never leak internals: the details go to the server log only.
  logger().error({ request_id: requestId, err: error }, 'unhandled error');
  return json(internalErrorBody, 500);
}

/** The request id lib/observability/requests.ts gave the request (the client's, or a new one). */
export const requestIdFrom = (request: Request) => request.headers.get('x-request-id') ?? undefined;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that every throw becomes the error envelope. */
export function handle<C>(fn: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await fn(request, context);
    } catch (error) {
      return errorResponse(error, requestIdFrom(request));
    }
  };
}

// The rest of an oversize body is never read: the connection is closed after the answer, so the next
// request a client sends goes on a fresh connection instead of into the unread body.
const tooLarge = () =>
  new ApiError('BadRequest', [{ title: 'Request body too large', detail: 'The limit is 1 MiB' }], { Connection: 'close' });

// What is read and dropped of an oversize chunked body before the answer (see drain).
const DRAIN_BYTES = 8 * MAX_BODY_BYTES;
const DRAIN_MS = 2_000;

/**
 * Reads and drops the rest of a body the client has sent already, up to DRAIN_BYTES or DRAIN_MS,
 * then stops reading. A connection closed while the client's bytes sit unread in the server's
 * receive buffer is reset rather than closed, and a reset can make the client drop the answer it
 * had not read yet: the 400 would never arrive. A client that keeps sending past the bounds is cut off.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), DRAIN_MS)));
  try {
    while (dropped <= DRAIN_BYTES) {
      const next = await Promise.race([reader.read(), late]);
      if (next === 'late' || next.done) break;
      dropped += next.value.byteLength;
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
}

/** The body as text, refused once it passes the limit: a huge body is never buffered whole. */
async function readLimited(request: Request): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) > MAX_BODY_BYTES) throw tooLarge();
    // Node's HTTP parser delivers exactly the declared length, so the whole body may be read at once
    // (cheaper than the chunk loop below: it showed in the throughput of every JSON POST).
    return request.text();
  }
  // A chunked body has no declared length: count as it arrives.
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await drain(reader);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const malformed = (detail: string) => new ApiError('BadRequest', [{ title: 'Malformed JSON', detail }]);

// An escaped NUL character (\u0000, not preceded by an odd number of backslashes): no field of either
// API takes one, and PostgreSQL's text cannot hold it, so it is refused on both databases alike.
const NUL = /(?<!\\)(?:\\\\)*\\u0000/;

/** Reads a JSON body; malformed JSON is its own 400, reported before any schema validation. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await readLimited(request);
  if (text.trim() === '') throw malformed('The request body is empty');
  if (text.includes('\\u0000') && NUL.test(text)) {
    throw new ApiError('BadRequest', [{ title: 'Invalid request', detail: 'Text may not contain the NUL character (\\u0000)' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('The request body is not valid JSON');
  }
}

/**
 * Query parameters as a plain object; a repeated parameter keeps its last value, and an empty one is
 * absent (Zendesk's own List example is `?filter=&page=&sort=`).
 */
export function queryOf(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (value === '') delete query[name];
    else query[name] = value;
  }
  return query;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
type Handlers = Record<Method, (request: Request, context: unknown) => Promise<Response>>;

/**
 * The handlers of the methods a route does not offer: a 405 in the envelope (instead of Next's empty
 * one) with `Allow` naming what it does offer. Next answers HEAD with the GET handler and OPTIONS
 * itself. `export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');`
 */
export function otherMethods<A extends Method>(...allowed: A[]): Omit<Handlers, A> {
  const allow = [...allowed, ...(allowed.includes('GET' as A) ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse = handle(async () => {
    throw new ApiError('MethodNotAllowed', [{ title: 'Method not allowed' }], { Allow: allow });
  });
  return Object.fromEntries(METHODS.filter((m) => !allowed.includes(m as A)).map((m) => [m, refuse])) as Omit<Handlers, A>;
}

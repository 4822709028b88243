import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from './log';
import { metrics } from './metrics';
import { methodOf, routeOf } from './routes';

// Every request, seen through node's `http.server.request.start` channel (as lib/http/shutdown.ts
// does) without touching Next: a request id, one JSON log line and the latency histogram, by route
// template. Nothing of the raw URL or the headers is kept but the method and the request id.

/** A request id a client or proxy may hand us: short, and of characters that are safe in a log. */
const GIVEN_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The client's X-Request-Id when it is one we can log as it is, else a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
}

export interface RequestRecord {
  request_id: string;
  method: string;
  route: string;
  status: number;
  duration_ms: number;
}

/**
 * What the log says of a request. `target` is the raw request target with its query; only its route
 * template is kept. A response closed before its end (the client went away) has status 499, as nginx
 * writes it.
 */
export function requestRecord(input: { requestId: string; method?: string; target?: string; status: number; finished: boolean; durationMs: number }): RequestRecord {
  return {
    request_id: input.requestId,
    method: methodOf(input.method),
    route: routeOf(input.target ?? ''),
    status: input.finished ? input.status : 499,
    duration_ms: Math.round(input.durationMs * 100) / 100,
  };
}

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
}

const STARTED = Symbol.for('help-center-surveys.requests-observed');

/** Starts the request log and metrics; once per process. */
export function observeRequests(): void {
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  const { requestDuration } = metrics();
  const log = logger();
  routeOf('/api'); // reads the OpenAPI document's templates now rather than in the first API request
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as RequestStart;
    const started = performance.now();
    const requestId = requestIdOf(request.headers['x-request-id']);
    // The route handlers read it from the request (the error log names it), the client from the answer.
    request.headers['x-request-id'] = requestId;
    response.setHeader('X-Request-Id', requestId);
    response.once('close', () => {
      const durationMs = performance.now() - started;
      const record = requestRecord({
        requestId,
        method: request.method,
        target: request.url,
        status: response.statusCode,
        finished: response.writableFinished,
        durationMs,
      });
      requestDuration.observe({ method: record.method, route: record.route, status: String(record.status) }, durationMs / 1000);
      log.info(record, 'request');
    });
  });
}

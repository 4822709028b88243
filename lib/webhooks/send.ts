import http from 'node:http';
import https from 'node:https';
import type { WebhookAuthentication } from '@/db/schema';
import { env } from '../env';
import { guardedLookup, refusedLiteral } from './network';

// One HTTP request to a webhook's endpoint: through the address guard (network.ts), within the
// timeout, keeping the first 1 KiB of the answer. Never throws: every outcome is something to log.

export const RESPONSE_BODY_LIMIT = 1024;

// Kept-alive connections per endpoint: a busy webhook is sent many requests, and a new connection (and
// TLS handshake) for each cost the server more than the request itself. A socket is opened only to
// an address the guard checked, so reusing it never reaches another address.
//
// As many sockets per endpoint as the delivery loop keeps sends in flight (delivery.ts): each send's
// timeout runs from the moment it is made, so a send queued behind a slow endpoint's busy sockets
// would time out without ever leaving, and its lease (twice the timeout) must outlast every send.
// New sockets open only while all open ones are busy, so a fast endpoint gets a few.
export const MAX_CONCURRENT_SENDS = 128;
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: MAX_CONCURRENT_SENDS, timeout: 30_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: MAX_CONCURRENT_SENDS, timeout: 30_000 }),
};

export interface SendOutcome {
  /** The status code, or null when no answer came (refused address, network error, timeout). */
  statusCode: number | null;
  headers: Record<string, string>;
  /** The first 1 KiB of the answer's body; what went wrong when there was no answer. */
  body: string;
  durationMs: number;
  /** Set when no answer came. */
  error?: string;
}

export function authenticationHeaders(auth: WebhookAuthentication | null | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer_token') return { authorization: `Bearer ${auth.data.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.data.username}:${auth.data.password}`).toString('base64')}` };
}

export async function sendRequest(input: {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}): Promise<SendOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
  const url = new URL(input.endpoint);
  const refused = refusedLiteral(url);
  if (refused) return done({ statusCode: null, headers: {}, body: refused, error: refused });
  const limit = input.timeoutMs ?? env().WEBHOOK_TIMEOUT_MS;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((settle) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle(done(outcome));
    };
    const headers: Record<string, string> = { 'user-agent': 'Zendesk Webhook', ...input.headers };
    if (input.body !== undefined) headers['content-length'] = String(Buffer.byteLength(input.body));
    const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const request = client.request(url, { method: input.method, headers, lookup: guardedLookup, agent }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = () => {
        const body = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
        finish({ statusCode: response.statusCode ?? null, headers: kept, body });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // Enough kept: the rest of a large answer is not read.
        if (size >= RESPONSE_BODY_LIMIT) {
          answer();
          response.destroy();
        }
      });
      response.on('end', answer);
      response.on('error', answer);
    });
    const timer = setTimeout(() => {
      const message = `no answer within ${limit} ms`;
      finish({ statusCode: null, headers: {}, body: message, error: message });
      request.destroy();
    }, limit);
    request.on('error', (error: Error) => finish({ statusCode: null, headers: {}, body: error.message, error: error.message }));
    request.end(input.body);
  });
}

import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A webhook receiver on 127.0.0.1 for the suite: it keeps every request it gets, answers with the
// statuses a test lines up (200 once they run out), and checks signatures as a receiver written for
// Zendesk's webhooks does.

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: { type: string; id: string; subject: string; detail: Record<string, unknown>; event: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Statuses (with headers) for the next requests, in order. */
  answers: Answer[];
  /**
   * Answers for chosen requests only (other tests' events reach a webhook too while it is active):
   * what to answer this delivery, or undefined for the next of `answers`.
   */
  answerFor?: (delivery: Delivery) => Answer | undefined;
  close: () => Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
}

export async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const answers: Answer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let event = {} as Delivery['event'];
      try {
        event = JSON.parse(body) as Delivery['event'];
      } catch {
        // a test send with a body that is not JSON
      }
      const delivery = { headers: request.headers, body, event };
      deliveries.push(delivery);
      const answer = receiver.answerFor?.(delivery) ?? answers.shift() ?? { status: 200 };
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end(`got it (${answer.status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    deliveries,
    answers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/** Zendesk's check: base64(HMAC-SHA256(secret, timestamp + body)) equals the signature header. */
export function verifiesSignature(delivery: Pick<Delivery, 'headers' | 'body'>, secret: string): boolean {
  const timestamp = delivery.headers['x-zendesk-webhook-signature-timestamp'];
  const signature = delivery.headers['x-zendesk-webhook-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  return createHmac('sha256', secret).update(timestamp + delivery.body).digest('base64') === signature;
}

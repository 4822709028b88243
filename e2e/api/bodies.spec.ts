import net from 'node:net';
import { expect, test } from '@playwright/test';
import { adminAuth } from '../support/api';

// A body the server does not read to its end (past the 1 MiB limit, or refused before it is read)
// must not poison its connection: either the answer says `Connection: close` and the server closes
// it, or the rest is drained and the next request on it is answered. Written over a raw socket, as a
// keep-alive client sends it.

const MIB = 1024 * 1024;
const HEALTH = Buffer.from('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n');

interface Outcome {
  /** The first answer's status line and headers, lower-cased. */
  head: string;
  /** The server closed the connection after its answer, having said so. */
  closedAsSaid: boolean;
  /** A second request on the same connection got its answer. */
  nextAnswered: boolean;
}

async function exchange(baseURL: string, request: Buffer[]): Promise<Outcome> {
  const { hostname, port } = new URL(baseURL);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  socket.on('close', () => (closed = true));
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  for (const part of request) socket.write(part);
  await expect.poll(() => received.includes('\r\n\r\n'), { timeout: 10_000 }).toBe(true);
  const head = received.slice(0, received.indexOf('\r\n\r\n')).toLowerCase();
  if (head.includes('connection: close')) {
    await expect.poll(() => closed, { timeout: 5_000 }).toBe(true);
    return { head, closedAsSaid: true, nextAnswered: false };
  }
  if (!closed) socket.write(HEALTH);
  const answered = () => (received.match(/HTTP\/1\.1 \d{3}/g) ?? []).length >= 2;
  await expect.poll(() => answered() || closed, { timeout: 5_000 }).toBe(true).catch(() => {});
  socket.destroy();
  return { head, closedAsSaid: false, nextAnswered: answered() && /HTTP\/1\.1 200/.test(received.slice(received.indexOf('\r\n\r\n'))) };
}

const post = (path: string, extra: string, auth = '') =>
  Buffer.from(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${auth}${extra}\r\n`);
const chunked = (bytes: number) => {
  const chunk = Buffer.alloc(256 * 1024, 'x');
  const count = Math.ceil(bytes / chunk.length);
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
  return [Buffer.from('1\r\n{\r\n'), ...Array.from({ length: count }, () => framed), Buffer.from('0\r\n\r\n')];
};
const authLine = () => `Authorization: ${adminAuth().Authorization}\r\n`;

test('a chunked body past 1 MiB is a 400 that closes its connection', async ({ baseURL }) => {
  for (const [path, auth] of [['/api/responses', ''], ['/api/v2/guide/survey_responses', authLine()]] as const) {
    const outcome = await exchange(baseURL!, [post(path, 'Transfer-Encoding: chunked\r\n', auth), ...chunked(1.25 * MIB)]);
    expect(outcome.head, path).toMatch(/^http\/1\.1 400 /);
    expect(outcome.closedAsSaid, path).toBe(true);
  }
});

test('a declared length past 1 MiB is a 400 before the body arrives, and closes its connection', async ({ baseURL }) => {
  const outcome = await exchange(baseURL!, [post('/api/responses', `Content-Length: ${8 * MIB}\r\n`), Buffer.alloc(64 * 1024, 'x')]);
  expect(outcome.head).toMatch(/^http\/1\.1 400 /);
  expect(outcome.closedAsSaid).toBe(true);
});

test('a body refused before it is read (401) leaves a connection that still answers', async ({ baseURL }) => {
  const outcome = await exchange(baseURL!, [post('/api/v2/guide/survey_responses', 'Transfer-Encoding: chunked\r\n'), ...chunked(1.25 * MIB)]);
  expect(outcome.head).toMatch(/^http\/1\.1 401 /);
  expect(outcome.closedAsSaid || outcome.nextAnswered).toBe(true);
});

test('a body within the limit keeps the connection for the next request', async ({ baseURL }) => {
  const outcome = await exchange(baseURL!, [post('/api/responses', 'Content-Length: 2\r\n'), Buffer.from('{}')]);
  expect(outcome.head).toMatch(/^http\/1\.1 401 /);
  expect(outcome).toMatchObject({ closedAsSaid: false, nextAnswered: true });
});

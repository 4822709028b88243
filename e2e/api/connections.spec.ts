import http from 'node:http';
import type { Socket } from 'node:net';
import { expect, test } from '../support/test';

// Idle kept-alive connections stay open for KEEP_ALIVE_TIMEOUT_S (65 s by default), not Node's 5 s:
// a client pool that sends its next request after a pause reuses its connection and is answered,
// instead of racing the server's close and getting a reset.

function get(agent: http.Agent, base: URL, path: string): Promise<{ status: number; keepAlive?: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, host: base.hostname, port: base.port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, keepAlive: res.headers['keep-alive'] as string | undefined, socket: req.socket! }));
    });
    req.on('error', reject);
  });
}

test('an idle kept-alive connection outlives Node\'s 5 s default and answers the next request', async ({ baseURL }) => {
  test.setTimeout(30_000);
  const base = new URL(baseURL!);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(agent, base, '/api/health');
    expect(first.status).toBe(200);
    expect(first.keepAlive).toBe('timeout=65');
    let closed = false;
    first.socket.once('close', () => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(closed, 'the server closed the idle connection').toBe(false);
    const second = await get(agent, base, '/api/health');
    expect(second.status).toBe(200);
    expect(second.socket).toBe(first.socket);
  } finally {
    agent.destroy();
  }
});

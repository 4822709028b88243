import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

// A graceful stop for `next start`. Next's own SIGTERM handler closes the server and waits for every
// connection to end, which a client on a kept-alive connection never lets happen (and the idle ones it
// closes at once reset a request already on its way). So this replaces it. From the signal on:
// - no new connections are accepted;
// - every answer, to a request in flight or arriving on an open connection, says `Connection: close`,
//   so each connection ends after its answer;
// - kept-alive connections left idle for GRACE_MS are closed (a request already travelling on one
//   is answered first, not reset);
// - the process exits when the last connection has ended, or after `timeoutS` whatever is left.
// Node's `http.server.request.start` channel tells us the server and each response without touching Next.

const GRACE_MS = 1_000;

interface RequestStart {
  server: Server;
  response: ServerResponse;
}

const closeAfterAnswer = (response: ServerResponse) => {
  if (!response.headersSent) response.setHeader('Connection', 'close');
};

export function stopGracefully({ timeoutS, log = console.log, onStop }: { timeoutS: number; log?: (line: string) => void; onStop?: () => void }): void {
  const servers = new Set<Server>();
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  let graceOver = false;

  const closeIdle = () => {
    for (const server of servers) server.closeIdleConnections();
  };

  subscribe('http.server.request.start', (message) => {
    const { server, response } = message as RequestStart;
    servers.add(server);
    if (stopping) closeAfterAnswer(response);
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      // A connection whose answer had already started when the signal came is idle now.
      if (graceOver) setImmediate(closeIdle);
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const exitCode = signal === 'SIGINT' ? 130 : 143;
    log(`${signal}: finishing ${inFlight.size} request(s), then exiting (at most ${timeoutS} s)`);
    onStop?.();
    for (const response of inFlight) closeAfterAnswer(response);
    let open = servers.size;
    if (open === 0) process.exit(exitCode);
    for (const server of servers) {
      // net.Server's close: stop listening, and exit once every connection has ended. (http.Server's
      // own close would also close the idle connections at once; that waits for the grace below.)
      NetServer.prototype.close.call(server, () => {
        if (--open === 0) process.exit(exitCode);
      });
    }
    setTimeout(() => {
      graceOver = true;
      closeIdle();
    }, Math.min(GRACE_MS, timeoutS * 500)).unref();
    setTimeout(() => {
      log(`${signal}: ${inFlight.size} request(s) still open after ${timeoutS} s; exiting`);
      for (const server of servers) server.closeAllConnections();
      process.exit(exitCode);
    }, timeoutS * 1000).unref();
  };
  // Next's handlers would close the idle connections at once and wait without end for the others.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, stop);
  }
}

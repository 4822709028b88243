import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';

// How long an idle kept-alive connection stays open. Node's default is 5 s, shorter than the idle
// timeout of every load balancer and HTTP client pool in front of us (60 s at AWS ALB and nginx): a
// client that sends its next request on a connection the server is closing at that moment gets a
// reset instead of an answer. Holding idle connections longer than the client does leaves the close
// to the client, which never races its own request. `next start --keepAliveTimeout` would do the
// same for one command line; this does it for every way the server is started.
export function keepConnectionsAlive({ timeoutS }: { timeoutS: number }): void {
  const tuned = new WeakSet<Server>();
  subscribe('http.server.request.start', (message) => {
    const { server } = message as { server: Server };
    if (tuned.has(server)) return;
    tuned.add(server);
    // Read when each answer ends, so this first request's connection gets it too.
    server.keepAliveTimeout = timeoutS * 1000;
    // The whole request head must still arrive within headersTimeout once a request begins; keep it
    // above the keep-alive timeout as Node advises.
    server.headersTimeout = Math.max(server.headersTimeout, timeoutS * 1000 + 1000);
  });
}

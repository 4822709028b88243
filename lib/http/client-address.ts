import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

// Route handlers see a web Request, which does not carry the peer's address. So every request is
// given one, in a header of our own, as it arrives (node's `http.server.request.start` channel runs
// before Next reads the headers). A client's own header of that name is always overwritten.

export const CLIENT_ADDRESS_HEADER = 'x-hcs-client-address';

/** The last address of an X-Forwarded-For list: the one the proxy in front of us saw. */
function lastForwarded(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').pop()?.trim();
  return last || undefined;
}

export function recordClientAddresses({ trustProxy }: { trustProxy: boolean }): void {
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = (trustProxy ? lastForwarded(request.headers['x-forwarded-for']) : undefined) ?? socket.remoteAddress ?? 'unknown';
    request.headers[CLIENT_ADDRESS_HEADER] = address;
  });
}

/** The client address recorded for a request (undefined outside a server, e.g. in unit tests). */
export function clientAddress(headers: { get(name: string): string | null }): string | undefined {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? undefined;
}

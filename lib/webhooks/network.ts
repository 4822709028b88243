import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { env } from '../env';

// Webhook endpoints are addresses an admin types: without a guard they could make this server call
// its own loopback, the private network behind it, or a cloud metadata service (SSRF). Every address a
// name resolves to is checked, at create and at every delivery (a name may resolve elsewhere later),
// and a delivery connects to the address that was checked, never to a second lookup's answer.
// WEBHOOK_ALLOW_PRIVATE_NETWORKS=true lifts the guard (a receiver on the same network, tests).

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT (and some clouds' metadata, 100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, with the metadata address 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local, with AWS's metadata address fd00:ec2::254
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** IPv4 carried in IPv6 (::ffff:a.b.c.d, NAT64's 64:ff9b::a.b.c.d) is judged as the IPv4 address. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an IP address is loopback, private, link-local, metadata or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return blocked.check(address, 'ipv4');
  if (version !== 6) return true;
  const v4 = embeddedIpv4(address);
  return v4 !== undefined ? blocked.check(v4, 'ipv4') : blocked.check(address, 'ipv6');
}

export const privateNetworksAllowed = () => env().WEBHOOK_ALLOW_PRIVATE_NETWORKS;

export class RefusedAddress extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a loopback, private, link-local or metadata address`);
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** The addresses a name resolves to (all of them), or the address itself. */
function resolve(host: string): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((ok, fail) => dnsLookup(host, { all: true, verbatim: true }, (error, found) => (error ? fail(error) : ok(found.map((f) => f.address)))));
}

/**
 * Why an endpoint may not be called, or undefined when it may: its name does not resolve, or one of
 * its addresses is not public (unless private networks are allowed).
 */
export async function refusedEndpoint(endpoint: string): Promise<string | undefined> {
  const url = new URL(endpoint);
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return `${host} does not resolve to an address`;
  }
  if (privateNetworksAllowed()) return undefined;
  const bad = addresses.find(isPrivateAddress);
  return bad === undefined ? undefined : new RefusedAddress(host, bad).message;
}

/**
 * For http.request's `lookup`: resolves like the system does, and fails the connection when any
 * address is not public, so the socket only ever opens to an address that was checked.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, found) => {
    if (error) return callback(error, '', 0);
    const bad = privateNetworksAllowed() ? undefined : found.find((f) => isPrivateAddress(f.address));
    if (bad) return callback(Object.assign(new RefusedAddress(hostname, bad.address), { code: 'EREFUSEDADDRESS' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: typeof found) => void)(null, found);
    const first = found[0]!;
    callback(null, first.address, first.family);
  });
};

/** An endpoint whose host is an address literal is checked here (Node connects to those without a lookup). */
export function refusedLiteral(url: URL): string | undefined {
  const host = hostOf(url);
  if (!isIP(host) || privateNetworksAllowed() || !isPrivateAddress(host)) return undefined;
  return new RefusedAddress(host, host).message;
}

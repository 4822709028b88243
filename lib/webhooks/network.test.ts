import { afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '../env';
import { isPrivateAddress, refusedEndpoint } from './network';

// The address guard: every address that is not public is refused, after resolution, unless
// WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.

function allowPrivate(value: 'true' | 'false' | undefined) {
  if (value === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  else process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = value;
  resetEnv();
}

const saved = process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
afterEach(() => allowPrivate(saved as 'true' | 'false' | undefined));

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.100.100.200', 'carrier-grade NAT, a metadata address'],
    ['0.0.0.0', 'this network'],
    ['::1', 'IPv6 loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00:ec2::254', "AWS's IPv6 metadata address (unique local)"],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['not an address', 'not an address at all'],
  ])('refuses %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])('accepts the public %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('refusedEndpoint', () => {
  it('refuses private address literals and names that resolve to them, and says why', async () => {
    allowPrivate('false');
    expect(await refusedEndpoint('http://127.0.0.1:3000/hook')).toBe('127.0.0.1 resolves to 127.0.0.1, a loopback, private, link-local or metadata address');
    expect(await refusedEndpoint('http://169.254.169.254/latest/meta-data')).toMatch(/^169\.254\.169\.254 resolves to 169\.254\.169\.254/);
    expect(await refusedEndpoint('http://[::1]:8080/')).toMatch(/^::1 resolves to ::1/);
    expect(await refusedEndpoint('http://[fd00:ec2::254]/')).toMatch(/^fd00:ec2::254 resolves/);
    expect(await refusedEndpoint('https://[::ffff:127.0.0.1]/')).toMatch(/resolves to ::ffff:7f00:1/);
    expect(await refusedEndpoint('http://localhost:3000/')).toMatch(/^localhost resolves to (127\.0\.0\.1|::1),/);
    expect(await refusedEndpoint('https://93.184.216.34/hook')).toBeUndefined();
  });

  it('refuses a name that does not resolve, allowed or not', async () => {
    allowPrivate('true');
    expect(await refusedEndpoint('http://no-such-host.invalid/')).toBe('no-such-host.invalid does not resolve to an address');
  });

  it('lets private addresses through when WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', async () => {
    allowPrivate('true');
    expect(await refusedEndpoint('http://127.0.0.1:3000/hook')).toBeUndefined();
    expect(await refusedEndpoint('http://localhost:3000/')).toBeUndefined();
    expect(await refusedEndpoint('http://169.254.169.254/')).toBeUndefined();
  });

  it('refuses by default', async () => {
    allowPrivate(undefined);
    expect(await refusedEndpoint('http://10.0.0.5/')).toMatch(/^10\.0\.0\.5 resolves to 10\.0\.0\.5/);
  });
});

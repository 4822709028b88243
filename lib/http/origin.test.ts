import { describe, expect, it } from 'vitest';
import { isCrossSite } from './origin';

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: 'help.example.com', ...headers }) });

describe('isCrossSite', () => {
  it('passes a post from a page of this site, by Origin or by Sec-Fetch-Site', () => {
    expect(isCrossSite(request('POST', { origin: 'https://help.example.com' }))).toBe(false);
    expect(isCrossSite(request('POST', { origin: 'http://HELP.example.com' }))).toBe(false);
    expect(isCrossSite(request('POST', { 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSite(request('POST', { origin: 'https://help.example.com', host: '10.0.0.5:3000', 'x-forwarded-host': 'help.example.com' }))).toBe(false);
  });

  it('refuses a post from another site, another port, or an opaque origin', () => {
    expect(isCrossSite(request('POST', { origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSite(request('POST', { origin: 'https://help.example.com:8443' }))).toBe(true);
    expect(isCrossSite(request('POST', { origin: 'null' }))).toBe(true);
    expect(isCrossSite(request('POST', { origin: 'not a url' }))).toBe(true);
    expect(isCrossSite(request('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSite(request('POST', { 'sec-fetch-site': 'same-site' }))).toBe(true);
  });

  it('passes reads, and requests no browser page made (neither header)', () => {
    expect(isCrossSite(request('GET', { origin: 'https://evil.example' }))).toBe(false);
    expect(isCrossSite(request('POST', {}))).toBe(false);
  });
});

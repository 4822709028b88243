import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailable } from '@/db/errors';
import { createLogger } from '../observability/log';
import { handle, otherMethods, publicUrl, queryOf } from './handler';

const at = (headers: Record<string, string>) =>
  publicUrl(new Request('http://localhost:3000/api/v2/guide/survey_responses?page[size]=2', { headers }));

describe('publicUrl', () => {
  it('takes the origin the client used, not the server hostname', () => {
    expect(at({ host: 'help.example.com' })).toBe('http://help.example.com/api/v2/guide/survey_responses?page[size]=2');
    expect(at({ host: '192.0.2.2:3611' })).toBe('http://192.0.2.2:3611/api/v2/guide/survey_responses?page[size]=2');
    expect(at({ host: '[2001:db8::1]:8080' })).toBe('http://[2001:db8::1]:8080/api/v2/guide/survey_responses?page[size]=2');
  });

  it("prefers a proxy's forwarded host and protocol (their first values)", () => {
    expect(at({ host: '10.0.0.5:3000', 'x-forwarded-host': 'help.example.com, inner.local', 'x-forwarded-proto': 'https, http' })).toBe(
      'https://help.example.com/api/v2/guide/survey_responses?page[size]=2',
    );
  });

  it('ignores a header that is not a host name', () => {
    expect(at({ host: 'evil.example.com/path?x=' })).toBe('http://localhost:3000/api/v2/guide/survey_responses?page[size]=2');
    expect(at({ 'x-forwarded-host': 'a b', host: 'help.example.com' })).toBe('http://localhost:3000/api/v2/guide/survey_responses?page[size]=2');
  });
});

describe('queryOf', () => {
  it('reads an empty parameter as absent, and a repeated one as its last value', () => {
    const query = queryOf(new Request('http://x/api?filter=&page=&sort=&sort=id&page[size]=5&page[size]='));
    expect(query).toEqual({ sort: 'id' });
  });
});

describe('otherMethods', () => {
  it('answers 405 in the envelope with Allow naming the methods the route has', async () => {
    const others = otherMethods('GET', 'POST');
    expect(Object.keys(others).sort()).toEqual(['DELETE', 'PATCH', 'PUT']);
    const res = await others.PUT(new Request('http://x/api', { method: 'PUT' }), {});
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(await res.json()).toEqual({ errors: [{ code: 'MethodNotAllowed', status: '405', title: 'Method not allowed' }] });
    expect((await otherMethods('PUT').GET(new Request('http://x/api'), {})).headers.get('allow')).toBe('PUT, OPTIONS');
  });
});

describe('handle', () => {
  const KEY = Symbol.for('help-center-surveys.logger');
  const holder = globalThis as Record<symbol, unknown>;
  afterEach(() => {
    delete holder[KEY];
  });

  /** The server's logger, its lines kept here. */
  function capturedLog(): Record<string, unknown>[] {
    const lines: Record<string, unknown>[] = [];
    holder[KEY] = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    return lines;
  }

  const request = new Request('http://x/api/v2/users/me?access_token=s3cret', { headers: { 'x-request-id': 'req-42', authorization: 'Basic c2VjcmV0' } });

  it('logs an unknown error with the request id and its stack, and answers a bare 500', async () => {
    const lines = capturedLog();
    const res = await handle(async () => {
      throw new Error('boom');
    })(request, {});
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ errors: [{ code: 'InternalError', status: '500', title: 'An internal error occurred' }] });
    expect(lines).toMatchObject([{ level: 'error', msg: 'unhandled error', request_id: 'req-42', err: { message: 'boom', stack: expect.stringContaining('Error: boom') } }]);
    expect(JSON.stringify(lines)).not.toMatch(/s3cret|c2VjcmV0/);
  });

  it('logs a database outage with the request id and answers 503', async () => {
    const lines = capturedLog();
    const res = await handle(async () => {
      throw new DatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    })(request, {});
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(lines).toMatchObject([{ level: 'error', msg: 'database unavailable', request_id: 'req-42', err: { message: 'connect ECONNREFUSED 127.0.0.1:5432' } }]);
  });
});

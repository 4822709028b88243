import { describe, expect, it } from 'vitest';
import { censored, createLogger } from './log';
import { requestIdOf, requestRecord } from './requests';

function captured() {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the request log line', () => {
  it('holds the route template, method, status, duration and request id, and nothing of the URL or headers', () => {
    const { log, lines, json } = captured();
    const record = requestRecord({
      requestId: 'req-1',
      method: 'POST',
      target: '/hc/de/survey_responses/01J9ZX5W3V7Q8R2M4N6P0K1H2G?access_token=s3cret-token&rating=5',
      status: 303,
      finished: true,
      durationMs: 12.3456,
    });
    log.info(record, 'request');
    expect(json()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        pid: process.pid,
        hostname: expect.any(String),
        request_id: 'req-1',
        method: 'POST',
        route: '/hc/{locale}/survey_responses/{id}',
        status: 303,
        duration_ms: 12.35,
        msg: 'request',
      },
    ]);
    expect(lines.join('')).not.toContain('s3cret-token');
    expect(lines.join('')).not.toContain('01J9ZX5W3V7Q8R2M4N6P0K1H2G');
  });

  it('says 499 for an answer the client did not wait for', () => {
    expect(requestRecord({ requestId: 'r', method: 'GET', target: '/api/health', status: 200, finished: false, durationMs: 1 }).status).toBe(499);
  });
});

describe('requestIdOf', () => {
  it("takes the client's X-Request-Id when it is short and plain, else makes one", () => {
    expect(requestIdOf('abc-123_x.y:z@w')).toBe('abc-123_x.y:z@w');
    for (const bad of [undefined, '', 'with space', 'new\nline', 'x'.repeat(129), '{"json":1}', ['a', 'b']]) {
      expect(requestIdOf(bad), JSON.stringify(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('the logger', () => {
  it('censors fields named like a credential, up to two levels down', () => {
    const { log, lines } = captured();
    log.info(
      {
        authorization: 'Basic c2VjcmV0LWE=',
        headers: { cookie: 'hcs_session=secret-b', authorization: 'Bearer secret-c' },
        body: { survey_response: { access_token: 'secret-d' }, password: 'secret-e' },
        writeKey: 'secret-f',
        token: 'secret-g',
      },
      'something',
    );
    const text = lines.join('');
    for (const secret of ['c2VjcmV0LWE=', 'secret-b', 'secret-c', 'secret-d', 'secret-e', 'secret-f', 'secret-g']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it("censors inside arrays, leaves the caller's object as it was, and copies nothing when there is nothing to censor", () => {
    const { log, json } = captured();
    const fields = { attempts: [{ token: 'secret-h', status: 204 }], route: '/api/health' };
    log.info(fields, 'something');
    expect(json()[0]).toMatchObject({ attempts: [{ token: '[redacted]', status: 204 }], route: '/api/health' });
    expect(fields.attempts[0]!.token).toBe('secret-h');
    const plain = { route: '/api/health', nested: { status: 200, list: [1, 2] } };
    expect(censored(plain)).toBe(plain);
    expect(censored({ a: { b: { c: { token: 'deep' } } } })).toEqual({ a: { b: { c: { token: 'deep' } } } });
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    log.info({ route: '/api/health' }, 'request');
    log.error({ request_id: 'r' }, 'unhandled error');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['unhandled error']);
  });
});

import { describe, expect, it } from 'vitest';
import { otherMethods, publicUrl, queryOf } from './handler';

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

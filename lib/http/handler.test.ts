import { describe, expect, it } from 'vitest';
import { publicUrl } from './handler';

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

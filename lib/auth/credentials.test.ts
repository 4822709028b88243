import { describe, expect, it } from 'vitest';
import { parseBasicToken } from './credentials';
import { sameHash, sha256 } from './secrets';

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

describe('parseBasicToken', () => {
  it('reads {email}/token:{api_token}, lower-casing the email', () => {
    expect(parseBasicToken(basic('Ann@Example.com/token:abc:def'))).toEqual({ email: 'ann@example.com', token: 'abc:def' });
  });
  it('refuses every other shape', () => {
    for (const header of ['Bearer x', basic('ann@example.com:password'), basic('/token:abc'), basic('ann@example.com/token:'), basic('\0/token:abc'), 'Basic', 'Basic !!']) {
      expect(parseBasicToken(header), header).toBeUndefined();
    }
  });
});

describe('token hashes', () => {
  it('compare equal only for the same secret', () => {
    expect(sameHash(sha256('a'), sha256('a'))).toBe(true);
    expect(sameHash(sha256('a'), sha256('b'))).toBe(false);
    expect(sameHash(sha256('a'), 'abcd')).toBe(false);
  });
});

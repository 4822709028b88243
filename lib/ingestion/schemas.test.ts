import { describe, expect, it } from 'vitest';
import { insertResponseBody } from './schemas';

const body = (extra: Record<string, unknown>) => ({ writeKey: 'k', campaign: 'c', userId: 'u1', ...extra });

describe('insertResponseBody', () => {
  it('matches the method whatever its case, and answers the reference spelling', () => {
    for (const [sent, stored] of [['in-app', 'In-App'], ['In-app', 'In-App'], ['MOBILE', 'Mobile'], ['email', 'Email']]) {
      expect(insertResponseBody.parse(body({ method: sent })).method).toBe(stored);
    }
    expect(insertResponseBody.parse(body({})).method).toBe('In-App');
    expect(insertResponseBody.safeParse(body({ method: 'Web' })).success).toBe(false);
  });

  it('reads an empty-string trait as not given, before the email and locale checks', () => {
    expect(insertResponseBody.parse(body({ traits: { email: '', locale: '', plan: 'pro', seats: 0, beta: false } })).traits).toEqual({
      plan: 'pro',
      seats: 0,
      beta: false,
    });
    expect(insertResponseBody.safeParse(body({ traits: { email: 'not-an-email' } })).success).toBe(false);
  });

  it('refuses an integer user id past 2^53 - 1 instead of rounding it', () => {
    expect(insertResponseBody.safeParse(body({ userId: 2 ** 53 })).success).toBe(false);
    expect(insertResponseBody.parse(body({ userId: 2 ** 53 - 1 })).userId).toBe('9007199254740991');
  });
});

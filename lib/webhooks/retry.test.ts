import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_BACKOFF_MS, nextAfter, retryAfterMs, retryable } from './retry';

const base = { attempts: 1, createdAt: 1_000_000, now: 1_000_000, baseMs: 10_000, windowMs: 86_400_000, random: () => 1 };

describe('webhook retries', () => {
  it('finishes on 2xx, gives up at once on other 4xx and 3xx', () => {
    expect(nextAfter({ ...base, statusCode: 200 })).toEqual({ status: 'success' });
    expect(nextAfter({ ...base, statusCode: 204 })).toEqual({ status: 'success' });
    for (const code of [301, 400, 401, 403, 404, 410, 422]) expect(nextAfter({ ...base, statusCode: code })).toEqual({ status: 'failed' });
  });

  it('retries network errors, 409, 429 and 5xx with a doubling backoff', () => {
    for (const code of [null, 409, 429, 500, 502, 503, 504]) expect(retryable(code)).toBe(true);
    expect(nextAfter({ ...base, statusCode: 503 })).toEqual({ status: 'pending', nextAttemptAt: base.now + 10_000 });
    expect(nextAfter({ ...base, attempts: 3, statusCode: null })).toEqual({ status: 'pending', nextAttemptAt: base.now + 40_000 });
  });

  it('jitters between half and all of the backoff, capped at an hour', () => {
    expect(backoffMs(1, 10_000, () => 0)).toBe(5_000);
    expect(backoffMs(1, 10_000, () => 1)).toBe(10_000);
    expect(backoffMs(20, 10_000, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1000, 10_000, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('honours Retry-After in seconds or as a date on 429 and 503', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(base.now + 30_000).toUTCString(), base.now)).toBe(30_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(nextAfter({ ...base, statusCode: 429, retryAfter: '7' })).toEqual({ status: 'pending', nextAttemptAt: base.now + 7_000 });
    expect(nextAfter({ ...base, statusCode: 503, retryAfter: '0' })).toEqual({ status: 'pending', nextAttemptAt: base.now });
    // Only 429 and 503 carry Retry-After's meaning; a 500 backs off as usual.
    expect(nextAfter({ ...base, statusCode: 500, retryAfter: '7' })).toEqual({ status: 'pending', nextAttemptAt: base.now + 10_000 });
  });

  it('stops once the next attempt would fall past the window after the event', () => {
    const late = { ...base, now: base.createdAt + 86_400_000 - 5_000 };
    expect(nextAfter({ ...late, statusCode: 503 })).toEqual({ status: 'failed' });
    expect(nextAfter({ ...late, statusCode: 429, retryAfter: '4' })).toEqual({ status: 'pending', nextAttemptAt: late.now + 4_000 });
    expect(nextAfter({ ...late, statusCode: 429, retryAfter: '3600' })).toEqual({ status: 'failed' });
  });
});

import { describe, expect, it } from 'vitest';
import { matchesTargeting } from './targeting';

describe('matchesTargeting', () => {
  const traits = { plan: 'pro', seats: 12, signedUpAt: '2026-01-15T00:00:00Z', beta: true, gone: null };
  it('holds when every condition holds', () => {
    expect(matchesTargeting([], traits)).toBe(true);
    expect(
      matchesTargeting(
        [
          { trait: 'plan', op: 'eq', value: 'pro' },
          { trait: 'plan', op: 'neq', value: 'free' },
          { trait: 'seats', op: 'gte', value: 10 },
          { trait: 'seats', op: 'lte', value: 12 },
          { trait: 'signedUpAt', op: 'after', value: '2026-01-01T00:00:00Z' },
          { trait: 'signedUpAt', op: 'before', value: '2026-02-01T00:00:00Z' },
          { trait: 'beta', op: 'eq', value: true },
          { trait: 'beta', op: 'exists' },
        ],
        traits,
      ),
    ).toBe(true);
  });
  it('fails on any condition that does not hold, or on a missing trait', () => {
    for (const c of [
      { trait: 'plan', op: 'eq', value: 'free' },
      { trait: 'plan', op: 'neq', value: 'pro' },
      { trait: 'seats', op: 'gte', value: 13 },
      { trait: 'seats', op: 'lte', value: 11 },
      { trait: 'signedUpAt', op: 'before', value: '2026-01-01T00:00:00Z' },
      { trait: 'signedUpAt', op: 'after', value: '2026-02-01T00:00:00Z' },
      { trait: 'missing', op: 'exists' },
      { trait: 'gone', op: 'exists' },
      { trait: 'plan', op: 'gte', value: 1 },
      { trait: 'missing', op: 'after', value: '2026-01-01T00:00:00Z' },
    ] as const) {
      expect(matchesTargeting([c], traits), JSON.stringify(c)).toBe(false);
    }
    expect(matchesTargeting([{ trait: 'missing', op: 'neq', value: 'x' }], traits)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { randomByte, randomBytesPooled } from './random';

describe('pooled random bytes', () => {
  it('are never handed out twice, across pool refills', () => {
    const draws = Array.from({ length: 2000 }, () => randomBytesPooled(24).toString('hex'));
    expect(new Set(draws).size).toBe(draws.length);
    expect(draws.every((d) => d.length === 48)).toBe(true);
  });
  it('cover every byte value', () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => randomByte()));
    expect(seen.size).toBe(256);
  });
});

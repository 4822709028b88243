import { describe, expect, it } from 'vitest';
import { idAt, idBoundsFor, idTime, newId } from './ids';

describe('ids', () => {
  it('are monotonic and carry their creation time', () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => newId(now));
    expect([...ids].sort()).toEqual(ids);
    expect(idTime(ids[0]!)).toBe(now);
  });
  it('turn a created_at range into an inclusive id range', () => {
    const t = 1_763_000_000_123;
    const { lo, hi } = idBoundsFor(t, t + 10);
    for (const ms of [t, t + 5, t + 10]) {
      const id = idAt(ms);
      expect(id >= lo && id <= hi, String(ms)).toBe(true);
    }
    expect(idAt(t - 1) < lo).toBe(true);
    expect(idAt(t + 11) > hi).toBe(true);
  });
  it('draw their random part from the whole alphabet, never repeating', () => {
    const ms = 1_763_000_000_000;
    const ids = Array.from({ length: 5000 }, () => idAt(ms));
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(ids.flatMap((id) => [...id.slice(10)]));
    expect(used.size).toBe(32);
  });
});

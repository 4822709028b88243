import { describe, expect, it } from 'vitest';
import { integerText, TOO_LARGE } from './validation';

describe('integerText', () => {
  const id = integerText('must be an id');
  const epoch = integerText('must be an epoch', { from: 0 });

  it('reads digits as a number up to 2^53 - 1', () => {
    expect(id.parse('42')).toBe(42);
    expect(id.parse('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(epoch.parse('0')).toBe(0);
  });

  it('refuses a larger number with one clear message instead of rounding it', () => {
    for (const digits of ['9007199254740992', '9007199254740993', '1'.repeat(400)]) {
      expect(id.safeParse(digits).error?.issues.map((i) => i.message)).toEqual([TOO_LARGE]);
    }
  });

  it('refuses what is not plain digits', () => {
    for (const text of ['', '-1', '1.5', '1e3', ' 7', '0x10']) expect(id.safeParse(text).success).toBe(false);
    expect(id.safeParse('0').success).toBe(false);
    expect(id.safeParse('007').success).toBe(false);
    expect(epoch.safeParse('007').success).toBe(true);
  });
});

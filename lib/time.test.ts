import { describe, expect, it } from 'vitest';
import { epochToMs, iso } from './time';

describe('iso', () => {
  it('matches Date#toISOString across eras, leap days and millisecond edges', () => {
    const samples = [0, 1, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, 1_795_335_891_502, 253_402_300_799_999];
    // Outside years 0000–9999 toISOString writes a sign and six digits.
    samples.push(-1, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15);
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.random() * 253_402_300_799_999));
    for (const ms of samples) expect(iso(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('epochToMs', () => {
  it('reads values below 10^11 as seconds', () => {
    expect(epochToMs(1_741_275_900)).toBe(1_741_275_900_000);
    expect(epochToMs(1_741_275_900_000)).toBe(1_741_275_900_000);
    expect(epochToMs(1_741_275_900, 'end')).toBe(1_741_275_900_999);
    expect(epochToMs(1_741_275_900_000, 'end')).toBe(1_741_275_900_000);
  });
});

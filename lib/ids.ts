import { decodeTime, monotonicFactory, ulid } from 'ulid';
import { randomByte } from './random';

// The ulid package asks its PRNG for one number per character; its default makes a getRandomValues
// call for each (16 per id). The pool gives the same OS randomness for a fraction of the cost.
const pooledRandom = () => randomByte() / 256;

// Monotonic within a millisecond, so ids made by this process sort in creation order.
const next = monotonicFactory(pooledRandom);

export function newId(now = Date.now()): string {
  return next(now);
}

/** An id for a given time that need not be monotonic (bulk fills, tests). */
export function idAt(ms: number): string {
  return ulid(ms, pooledRandom);
}

export function idTime(id: string): number {
  return decodeTime(id);
}

const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}

const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_TIME = 2 ** 48 - 1;

function encodeTime(ms: number): string {
  let rest = Math.min(Math.max(Math.floor(ms), 0), MAX_TIME);
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ENCODING[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** The smallest and largest ULIDs of a millisecond: a created_at range as an id range. */
export function idBoundsFor(fromMs: number, toMs: number): { lo: string; hi: string } {
  return { lo: `${encodeTime(fromMs)}0000000000000000`, hi: `${encodeTime(toMs)}ZZZZZZZZZZZZZZZZ` };
}

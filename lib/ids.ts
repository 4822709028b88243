import { randomFillSync } from 'node:crypto';
import { decodeTime, monotonicFactory, ulid } from 'ulid';

// The ulid package asks its PRNG for one random number per character. Its default PRNG makes one
// getRandomValues call for each (16 per id), and Next.js wraps that function for its own
// bookkeeping: it showed in the create route's profile. The same OS randomness taken 4 KiB at a
// time costs a fraction of that.
const pool = Buffer.alloc(4096);
let used = pool.length;

function pooledRandom(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! / 256;
}

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

import { randomFillSync } from 'node:crypto';

// Random bytes from the OS's CSPRNG, drawn 4 KiB at a time and each handed out once. One draw per
// id or secret cost a system call each (and Next.js wraps the web getRandomValues for its own
// bookkeeping); both showed in the create route's profile.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `size` (at most 4096) fresh random bytes, in a buffer of their own. */
export function randomBytesPooled(size: number): Buffer {
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return bytes;
}

/** One fresh random byte. */
export function randomByte(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]!;
}

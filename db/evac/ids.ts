import { randomFillSync, randomInt } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// Random bytes are drawn 4 KiB at a time: one system call per id cost more than the row it names.
const pool = Buffer.alloc(4096);
let used = pool.length;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, 62 random bits.
 * Used for evacuees, households and movements because a group is entered together and later
 * returned together: with random (v4) ids each of its rows lands on a different page of the
 * id indexes, so a bulk return of 5,000 people touched thousands of pages; time-ordered ids
 * keep them on neighbouring pages. Still a UUID for exchange between offices (z.uuid() accepts
 * it), and never decreasing within a process even if the clock steps back.
 */
export function timeOrderedUuid(nowMs = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    // A random start leaves room to count up within the millisecond and hides how many came before.
    counter = randomInt(0, 0x800);
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, (used += 16));
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReadingRow } from './rain.repo';

/**
 * Readings of a file being imported, as staged between the chunk calls and the commit: one
 * typed array per field. A chunk is stored as one blob of its arrays one after another, 25 bytes
 * a reading instead of six float64 (48), deflated at the fastest level (columns of hourly data
 * shrink several times over): a million readings are written, checkpointed, read back and freed
 * again inside one import, so every byte is paid several times, and bytes cost more than the
 * compression.
 *
 * Blob layout for n readings: end ms (float64 × n), value in thousandths (float64 × n, NaN when
 * missing), station key (int32 × n), interval s (int32 × n), flags (uint8 × n: quality code in
 * the low two bits, then TRACE, BAD and IMPLAUSIBLE). Byte order is the machine's; a staged file lives and
 * dies within one import.
 */
export interface Staged {
  n: number;
  end: Float64Array;
  value: Float64Array;
  station: Int32Array;
  interval: Int32Array;
  flags: Uint8Array;
}

export const QUALITY_MASK = 3;
export const TRACE = 4;
/** from a row with an error (or an unknown station): skipped, or the file refused */
export const BAD = 8;
/** above the plausible limit: skipped, or the file refused, unless the user confirmed such values */
export const IMPLAUSIBLE = 16;

const BYTES_PER_READING = 8 + 8 + 4 + 4 + 1;

export function newStaged(n: number): Staged {
  return { n, end: new Float64Array(n), value: new Float64Array(n), station: new Int32Array(n), interval: new Int32Array(n), flags: new Uint8Array(n) };
}

const bytesOf = (a: Float64Array | Int32Array | Uint8Array, from: number, count: number) => new Uint8Array(a.buffer, a.byteOffset + from * a.BYTES_PER_ELEMENT, count * a.BYTES_PER_ELEMENT);

const columns = (s: Staged) => [s.end, s.value, s.station, s.interval, s.flags];

export function encodeStaged(s: Staged): Buffer {
  const blob = Buffer.alloc(s.n * BYTES_PER_READING);
  let at = 0;
  for (const column of columns(s)) {
    const bytes = bytesOf(column, 0, s.n);
    blob.set(bytes, at);
    at += bytes.length;
  }
  return deflateRawSync(blob, { level: 1 });
}

/** Copies one chunk's blob into `into` from reading `at` on; returns how many readings it held. */
export function decodeStagedInto(into: Staged, at: number, stored: Uint8Array): number {
  const blob = inflateRawSync(stored);
  const n = blob.length / BYTES_PER_READING;
  let from = 0;
  for (const column of columns(into)) {
    const bytes = bytesOf(column, at, n);
    bytes.set(blob.subarray(from, from + bytes.length));
    from += bytes.length;
  }
  return n;
}

/**
 * The readings to write, grouped by station (a stable counting sort, so file order within a
 * station): a file is usually hour by hour across all gauges, and inserting it in that order
 * sends each row to a different corner of the (station, end) B-tree; station by station, each
 * gauge's rows are appended in time order. Slots are unique by now, so the order changes no outcome.
 */
export function stationOrder(s: Staged, skip: Uint8Array): Int32Array {
  let maxKey = 0;
  for (let i = 0; i < s.n; i++) if (!skip[i] && s.station[i] > maxKey) maxKey = s.station[i];
  const starts = new Int32Array(maxKey + 2);
  for (let i = 0; i < s.n; i++) if (!skip[i]) starts[s.station[i] + 1] += 1;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const order = new Int32Array(starts[starts.length - 1]);
  for (let i = 0; i < s.n; i++) if (!skip[i]) order[starts[s.station[i]]++] = i;
  return order;
}

export const rowAt = (s: Staged, i: number, batchKey: number): ReadingRow => ({
  station_key: s.station[i],
  end_ms: s.end[i],
  interval_s: s.interval[i],
  value_milli: Number.isNaN(s.value[i]) ? null : s.value[i],
  quality: s.flags[i] & QUALITY_MASK,
  trace: s.flags[i] & TRACE ? 1 : 0,
  batch_key: batchKey,
});

/** MurmurHash3's finaliser: every input bit reaches the low bits the table is indexed by. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Groups the readings that share a slot (station, end, interval), in file order, by an open-
 * addressing hash table over the packed numbers: a Map of Maps over a million readings cost
 * more than inserting them. Returns only the groups with more than one reading.
 */
export function slotGroups(s: Staged, skip: Uint8Array): number[][] {
  let size = 1;
  while (size < s.n * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < s.n; i++) {
    if (skip[i]) continue;
    const end = s.end[i];
    const h = mix(mix(mix(end >>> 0) ^ Math.floor(end / 4294967296)) ^ s.station[i] ^ Math.imul(s.interval[i], 0x9e3779b1)) & mask;
    for (let at = h; ; at = (at + 1) & mask) {
      const first = table[at];
      if (first === -1) {
        table[at] = i;
        break;
      }
      if (s.station[first] === s.station[i] && s.end[first] === end && s.interval[first] === s.interval[i]) {
        const group = groups.get(first);
        if (group) group.push(i);
        else groups.set(first, [first, i]);
        break;
      }
    }
  }
  return [...groups.values()];
}

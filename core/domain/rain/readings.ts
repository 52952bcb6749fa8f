/**
 * Rain readings: what one gauge said about one interval, and how raw source values
 * become amounts.
 *
 * An amount covers the half-open interval (endMs − intervalMinutes, endMs]: a reading
 * stamped 08:00 is the rain that fell up to and including 08:00, so it belongs to the
 * day (or window) that ends at 08:00, never to the one that starts then.
 *
 * Missing is never zero. A reading carries data only when `value` is a number and its
 * quality is not 'missing' (see `hasData`); everything else is a gap that later shows
 * up as incomplete coverage instead of as a lower total.
 *
 * Trace (HKO "Trace", CMA "微量": less than 0.05 mm) is recorded as 0 mm with
 * `trace: true`. It is a real observation (not missing), adds nothing to totals, and a
 * trace-only day is not a rain day, since rain days need ≥ 0.1 mm. Counting it as 0.05
 * would invent rain: the HKO record since 1884 holds 6,904 trace days, which would add
 * about 345 mm that no published HKO total contains.
 */

export type RainQuality = 'ok' | 'suspect' | 'missing' | 'estimated';

export interface RainReading {
  stationId: string;
  /** UTC epoch ms of the end of the interval (inclusive). */
  endMs: number;
  intervalMinutes: number;
  /** millimetres; null when the source had no usable value */
  value: number | null;
  quality: RainQuality;
  /** where the reading came from (file name, feed, manual entry …) */
  source: string;
  /** the source said "trace" (< 0.05 mm); value is then 0 */
  trace?: boolean;
}

export const DEFAULT_SENTINELS: readonly number[] = [999999, 32766, -9999];

/** Text that sources use for "no value" and that should not be reported as an error. */
const MISSING_MARKERS = new Set(['***', '**', '*', '---', '--', '-', '/', '//', 'na', 'n/a', 'nan', 'null', 'none', 'm', 'x', '缺测', '缺', '无数据', '沒有數據']);
const TRACE_MARKERS = new Set(['trace', 'tr', 't', '微量', 'trace.']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type RawValueStatus = 'number' | 'trace' | 'blank' | 'sentinel' | 'marker' | 'negative' | 'invalid';

export interface ClassifiedValue {
  value: number | null;
  trace: boolean;
  /** 'negative' and 'invalid' deserve a row error on import; the others are ordinary data */
  status: RawValueStatus;
}

/** Full classification of a raw rain value, for importers that must tell gaps from garbage. */
export function classifyRainValue(raw: unknown, sentinels: readonly number[] = DEFAULT_SENTINELS): ClassifiedValue {
  if (raw === null || raw === undefined) return { value: null, trace: false, status: 'blank' };
  if (typeof raw === 'number') return classifyNumber(raw, sentinels);
  if (typeof raw !== 'string') return { value: null, trace: false, status: 'invalid' };
  const text = raw.trim();
  if (text === '') return { value: null, trace: false, status: 'blank' };
  // Plain numbers are nearly every cell of a file: settle them before the word lists.
  if (NUMBER.test(text)) return classifyNumber(Number(text), sentinels);
  const lower = text.toLowerCase();
  if (TRACE_MARKERS.has(lower)) return { value: 0, trace: true, status: 'trace' };
  if (MISSING_MARKERS.has(lower)) return { value: null, trace: false, status: 'marker' };
  return { value: null, trace: false, status: 'invalid' };
}

function classifyNumber(n: number, sentinels: readonly number[]): ClassifiedValue {
  if (!Number.isFinite(n)) return { value: null, trace: false, status: 'invalid' };
  if (sentinels.some((s) => s === n)) return { value: null, trace: false, status: 'sentinel' };
  if (n < 0) return { value: null, trace: false, status: 'negative' };
  // -0 would print as "0" but compare oddly in Object.is; normalise it away.
  return { value: n === 0 ? 0 : n, trace: false, status: 'number' };
}

/**
 * A rain amount in mm, or null for sentinels, blanks, markers such as "***",
 * non-numeric text, NaN/Infinity and negative numbers. "Trace" gives 0.
 */
export function normaliseValue(raw: unknown, sentinels: readonly number[] = DEFAULT_SENTINELS): number | null {
  return classifyRainValue(raw, sentinels).value;
}

/** True when the reading holds a usable amount (suspect and estimated values count). */
export function hasData(r: Pick<RainReading, 'value' | 'quality'>): boolean {
  return r.value !== null && r.quality !== 'missing' && Number.isFinite(r.value);
}

export function readingStartMs(r: Pick<RainReading, 'endMs' | 'intervalMinutes'>): number {
  return r.endMs - r.intervalMinutes * 60_000;
}

export interface DuplicateGroup {
  stationId: string;
  endMs: number;
  intervalMinutes: number;
  /** every value seen, in input (import) order; null for missing */
  values: (number | null)[];
  /** false when all copies said the same thing (collapsed silently apart from this record) */
  conflict: boolean;
  kept: RainReading;
  /** input index of the kept reading */
  keptIndex: number;
  droppedIndexes: number[];
  /** which rule decided: 'identical' | 'has_value' | 'quality_ok' | 'latest_import' */
  rule: 'identical' | 'has_value' | 'quality_ok' | 'latest_import';
}

export interface MergeResult {
  readings: RainReading[];
  duplicates: DuplicateGroup[];
}

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}

/**
 * Merges readings that describe the same station, end instant and interval.
 *
 * The input order is the import order (callers pass rows ordered by import time, e.g.
 * `ORDER BY imported_at, rowid`). Within a group:
 * - when every copy has the same value (and missing-ness), they collapse into one; the
 *   kept copy is an 'ok' one if there is one, ties going to the later import;
 * - otherwise it is a conflict, decided by, in turn: a copy with data beats a missing
 *   one (a later "no data" never erases a measurement), quality 'ok' beats the others,
 *   and the later import wins.
 * Every group with more than one copy is reported, conflicts flagged.
 * Output keeps the position of each group's first appearance.
 */
export function mergeDuplicates(readings: readonly RainReading[]): MergeResult {
  const { groups, member } = groupSameSlot(readings);
  const out: RainReading[] = [];
  const duplicates: DuplicateGroup[] = [];
  for (let first = 0; first < readings.length; first++) {
    const indexes = groups.get(first);
    if (indexes === undefined) {
      if (!member[first]) out.push(readings[first]);
      continue;
    }
    const copies = indexes.map((i) => ({ i, r: readings[i], data: hasData(readings[i]) }));
    type Copy = (typeof copies)[number];
    const valueOf = (c: Copy) => (c.data ? c.r.value : null);
    const settled = (list: Copy[]) => list.every((c) => c.data === list[0].data && sameValue(valueOf(c), valueOf(list[0])));
    const identical = settled(copies);

    let pool = copies;
    let rule: DuplicateGroup['rule'] | null = identical ? 'identical' : null;
    const narrow = (keep: (c: Copy) => boolean, name: DuplicateGroup['rule']) => {
      const kept = pool.filter(keep);
      if (kept.length === 0 || kept.length === pool.length) return;
      pool = kept;
      if (rule === null && settled(pool)) rule = name;
    };
    narrow((c) => c.data, 'has_value');
    narrow((c) => c.r.quality === 'ok', 'quality_ok');
    const winner = pool[pool.length - 1];
    out.push(winner.r);
    duplicates.push({
      stationId: winner.r.stationId,
      endMs: winner.r.endMs,
      intervalMinutes: winner.r.intervalMinutes,
      values: copies.map(valueOf),
      conflict: !identical,
      kept: winner.r,
      keptIndex: winner.i,
      droppedIndexes: indexes.filter((i) => i !== winner.i),
      rule: rule ?? 'latest_import',
    });
  }
  return { readings: out, duplicates };
}

/**
 * Groups of input indexes sharing station, end and interval, keyed by the group's first
 * index (single readings get no entry); `member` marks the later copies. Number-keyed
 * maps per station keep this cheap for a season of 10-minute data: no string key per
 * reading.
 */
function groupSameSlot(readings: readonly RainReading[]): { groups: Map<number, number[]>; member: Uint8Array } {
  // station → end → first index of each interval seen at that end (almost always one)
  const leaders = new Map<string, Map<number, number | number[]>>();
  const groups = new Map<number, number[]>();
  const member = new Uint8Array(readings.length);
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    let byEnd = leaders.get(r.stationId);
    if (!byEnd) leaders.set(r.stationId, (byEnd = new Map()));
    const seen = byEnd.get(r.endMs);
    if (seen === undefined) {
      byEnd.set(r.endMs, i);
      continue;
    }
    const list = typeof seen === 'number' ? [seen] : seen;
    const leader = list.find((l) => readings[l].intervalMinutes === r.intervalMinutes);
    if (leader === undefined) {
      byEnd.set(r.endMs, [...list, i]);
      continue;
    }
    member[i] = 1;
    const group = groups.get(leader);
    if (group) group.push(i);
    else groups.set(leader, [leader, i]);
  }
  return { groups, member };
}

/**
 * Rounds to the 0.1 mm reporting precision, halves upwards: 9.95 → 10.0, 9.94 → 9.9.
 * The tiny nudge keeps 9.95 (stored in binary as 9.94999…) and sums such as
 * 49.999999999 from floating-point addition on the side a person would expect.
 */
export function roundToTenth(mm: number): number {
  return Math.round(mm * 10 + 1e-7) / 10;
}

/** Strips floating-point dust from sums (values are never finer than 0.001 mm). */
export function cleanMm(mm: number): number {
  return Math.round(mm * 1e6) / 1e6;
}

/**
 * The most rain a reading over `intervalMinutes` may hold before the user is asked to confirm
 * it: `mmPerHour` for an hour or less (a short burst can hold most of an hour's rain), scaled
 * with the length of longer intervals. Typing 250 for 25.0 is the usual slip on the phone.
 */
export function implausibleLimitMm(intervalMinutes: number, mmPerHour: number): number {
  return mmPerHour * Math.max(1, intervalMinutes / 60);
}

export function isImplausibleRain(value: number | null, intervalMinutes: number, mmPerHour: number): boolean {
  return value !== null && value > implausibleLimitMm(intervalMinutes, mmPerHour);
}

import { cleanMm, hasData, mergeDuplicates, readingStartMs, type DuplicateGroup, type RainReading } from './readings';

/**
 * One station's readings, sorted and turned into prefix sums once, so that any window
 * total afterwards costs two binary searches.
 *
 * A series holds only readings with data and only non-overlapping intervals. Because
 * the intervals do not overlap, both their starts and their ends are sorted, and the
 * readings lying wholly inside a window (from, to] form one contiguous run: from the
 * first reading starting at or after `from` up to the last one ending at or before `to`.
 * A reading that sticks out of the window (a daily total inside a 3 h window, an hourly
 * reading cut by a window that does not fall on the hour) is left out and its minutes
 * show up as missing coverage rather than as a guessed share of the amount.
 */
export interface StationSeries {
  readonly stationId: string;
  readonly length: number;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** prefixMm[i] = sum of the first i amounts */
  readonly prefixMm: Float64Array;
  /** minutes covered by the first i readings */
  readonly prefixMinutes: Float64Array;
  /** minutes covered by suspect or estimated readings among the first i */
  readonly prefixFlaggedMinutes: Float64Array;
}

export interface RejectedReading {
  reading: RainReading;
  reason: 'overlap' | 'bad_interval' | 'no_data';
}

export interface SeriesSet {
  series: Map<string, StationSeries>;
  duplicates: DuplicateGroup[];
  /** readings not in any series; 'no_data' ones are ordinary gaps, the others need a look */
  rejected: RejectedReading[];
}

/**
 * Builds one series per station: duplicates are merged first (see `mergeDuplicates`),
 * then, per station, readings are taken in order of end time (shorter interval first
 * on ties) and a reading that starts before the previous kept one ended is rejected as
 * an overlap, so mixed feeds (hourly plus a daily total) are never added twice.
 */
export function buildSeries(readings: readonly RainReading[]): SeriesSet {
  const { readings: merged, duplicates } = mergeDuplicates(readings);
  const rejected: RejectedReading[] = [];
  const byStation = new Map<string, RainReading[]>();
  for (const r of merged) {
    if (!(r.intervalMinutes > 0) || !Number.isFinite(r.intervalMinutes) || !Number.isFinite(r.endMs)) {
      rejected.push({ reading: r, reason: 'bad_interval' });
      continue;
    }
    if (!hasData(r)) {
      rejected.push({ reading: r, reason: 'no_data' });
      continue;
    }
    const list = byStation.get(r.stationId);
    if (list) list.push(r);
    else byStation.set(r.stationId, [r]);
  }
  const series = new Map<string, StationSeries>();
  for (const [stationId, list] of byStation) {
    list.sort((a, b) => a.endMs - b.endMs || a.intervalMinutes - b.intervalMinutes);
    const kept: RainReading[] = [];
    let lastEnd = -Infinity;
    for (const r of list) {
      if (readingStartMs(r) < lastEnd) {
        rejected.push({ reading: r, reason: 'overlap' });
        continue;
      }
      kept.push(r);
      lastEnd = r.endMs;
    }
    series.set(stationId, packSeries(stationId, kept));
  }
  return { series, duplicates, rejected };
}

/**
 * The same series as `buildSeries` gives for one station, for readings that are already one
 * per slot and sorted by end time (shorter interval first), as the database returns them:
 * no duplicate merge to do, so no per-reading maps, which matters when 200 gauges are summed
 * at once.
 */
export function seriesFromSorted(stationId: string, sorted: readonly Pick<RainReading, 'endMs' | 'intervalMinutes' | 'value' | 'quality'>[]): StationSeries {
  const kept: RainReading[] = [];
  let lastEnd = -Infinity;
  for (const r of sorted) {
    if (!(r.intervalMinutes > 0) || !hasData(r) || readingStartMs(r) < lastEnd) continue;
    kept.push(r as RainReading);
    lastEnd = r.endMs;
  }
  return packSeries(stationId, kept);
}

/** A reading as stored: [end ms, interval s, value in thousandths or null, quality code (0 ok, 2 missing)]. */
export type StoredReading = readonly [number, number, number | null, number];
const MISSING_QUALITY = 2;

/**
 * `seriesFromSorted` for rows as the database returns them, in its order, without an object
 * per reading: the rolling sums of every gauge at one instant read thousands of rows, and
 * making each a RainReading first cost more than the read. Same rules: no data, no interval
 * or an overlap with the previous kept reading leaves a row out.
 */
export function seriesFromStored(stationId: string, rows: readonly StoredReading[]): StationSeries {
  const n = rows.length;
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const prefixMm = new Float64Array(n + 1);
  const prefixMinutes = new Float64Array(n + 1);
  const prefixFlaggedMinutes = new Float64Array(n + 1);
  let k = 0;
  let lastEnd = -Infinity;
  for (const [end, intervalS, milli, quality] of rows) {
    const minutes = intervalS / 60;
    const start = end - minutes * 60_000;
    if (!(minutes > 0) || milli === null || quality === MISSING_QUALITY || start < lastEnd) continue;
    startMs[k] = start;
    endMs[k] = end;
    prefixMm[k + 1] = prefixMm[k] + milli / 1000;
    prefixMinutes[k + 1] = prefixMinutes[k] + minutes;
    prefixFlaggedMinutes[k + 1] = prefixFlaggedMinutes[k] + (quality === 0 ? 0 : minutes);
    lastEnd = end;
    k += 1;
  }
  return {
    stationId,
    length: k,
    startMs: startMs.subarray(0, k),
    endMs: endMs.subarray(0, k),
    prefixMm: prefixMm.subarray(0, k + 1),
    prefixMinutes: prefixMinutes.subarray(0, k + 1),
    prefixFlaggedMinutes: prefixFlaggedMinutes.subarray(0, k + 1),
  };
}

/** Convenience for one station's readings (other stations' readings are ignored). */
export function buildStationSeries(stationId: string, readings: readonly RainReading[]): StationSeries {
  const own = readings.filter((r) => r.stationId === stationId);
  return buildSeries(own).series.get(stationId) ?? packSeries(stationId, []);
}

function packSeries(stationId: string, sorted: readonly RainReading[]): StationSeries {
  const n = sorted.length;
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const prefixMm = new Float64Array(n + 1);
  const prefixMinutes = new Float64Array(n + 1);
  const prefixFlaggedMinutes = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = sorted[i];
    startMs[i] = readingStartMs(r);
    endMs[i] = r.endMs;
    prefixMm[i + 1] = prefixMm[i] + (r.value as number);
    prefixMinutes[i + 1] = prefixMinutes[i] + r.intervalMinutes;
    prefixFlaggedMinutes[i + 1] = prefixFlaggedMinutes[i] + (r.quality === 'ok' ? 0 : r.intervalMinutes);
  }
  return { stationId, length: n, startMs, endMs, prefixMm, prefixMinutes, prefixFlaggedMinutes };
}

/** First index i with arr[i] >= x (arr sorted ascending). */
function lowerBound(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with arr[i] > x (arr sorted ascending). */
function upperBound(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WindowSum {
  stationId: string;
  /** the window is (fromMs, toMs] */
  fromMs: number;
  toMs: number;
  /** mm from the readings wholly inside the window; null when nothing inside had data */
  totalMm: number | null;
  windowMinutes: number;
  coveredMinutes: number;
  /** window minutes not covered by any reading with data (gaps, or readings sticking out) */
  missingMinutes: number;
  /** true only when every minute of the window is covered; otherwise totalMm is a lower bound */
  complete: boolean;
  readingCount: number;
  /** covered minutes that came from suspect or estimated readings */
  flaggedMinutes: number;
}

/** Total over (fromMs, toMs] with its coverage. O(log n). */
export function windowSum(series: StationSeries, fromMs: number, toMs: number): WindowSum {
  const windowMinutes = Math.max(0, (toMs - fromMs) / 60_000);
  const i0 = lowerBound(series.startMs, fromMs);
  const i1 = Math.max(i0, upperBound(series.endMs, toMs));
  const coveredMinutes = series.prefixMinutes[i1] - series.prefixMinutes[i0];
  const readingCount = i1 - i0;
  return {
    stationId: series.stationId,
    fromMs,
    toMs,
    totalMm: readingCount === 0 ? null : cleanMm(series.prefixMm[i1] - series.prefixMm[i0]),
    windowMinutes,
    coveredMinutes,
    missingMinutes: Math.max(0, windowMinutes - coveredMinutes),
    complete: windowMinutes > 0 && coveredMinutes >= windowMinutes,
    readingCount,
    flaggedMinutes: series.prefixFlaggedMinutes[i1] - series.prefixFlaggedMinutes[i0],
  };
}

/** End of the latest reading ending at or before `atMs`, or null; handy to align "now" to the data. */
export function latestEndAtOrBefore(series: StationSeries, atMs: number): number | null {
  const i = upperBound(series.endMs, atMs) - 1;
  return i >= 0 ? series.endMs[i] : null;
}

import { cleanMm } from './readings';
import { windowSum, type StationSeries, type WindowSum } from './series';

/**
 * Rolling and arbitrary-window totals across stations, area averages, the wettest
 * station and departures from normal. Fixed daily totals live in `days.ts`.
 *
 * A total with gaps is reported with `complete: false` and is a lower bound; it is
 * never padded, interpolated or shown as a silently smaller complete figure.
 */

export const ROLLING_HOURS = [1, 3, 6, 12, 24] as const;
export type RollingKey = 'h1' | 'h3' | 'h6' | 'h12' | 'h24';
export type RollingSums = Record<RollingKey, WindowSum>;
/** Plain totals per rolling window (null when nothing was measured), e.g. for signals. */
export type RollingTotals = Partial<Record<RollingKey, number | null>>;

/** Total over (atMs − hours, atMs]. */
export function rollingSum(series: StationSeries, atMs: number, hours: number): WindowSum {
  return windowSum(series, atMs - hours * 3_600_000, atMs);
}

/** The 1, 3, 6, 12 and 24 h totals ending at `atMs`. */
export function rollingSums(series: StationSeries, atMs: number): RollingSums {
  return {
    h1: rollingSum(series, atMs, 1),
    h3: rollingSum(series, atMs, 3),
    h6: rollingSum(series, atMs, 6),
    h12: rollingSum(series, atMs, 12),
    h24: rollingSum(series, atMs, 24),
  };
}

/** Rolling sums for every station at one instant (each O(log n)). */
export function rollingSumsAll(series: Iterable<StationSeries>, atMs: number): RollingSums[] {
  const out: RollingSums[] = [];
  for (const s of series) out.push(rollingSums(s, atMs));
  return out;
}

export function rollingTotals(sums: RollingSums): RollingTotals {
  return { h1: sums.h1.totalMm, h3: sums.h3.totalMm, h6: sums.h6.totalMm, h12: sums.h12.totalMm, h24: sums.h24.totalMm };
}

/** Per-station totals for any window (event, season, a report period): (fromMs, toMs]. */
export function windowTotals(series: Iterable<StationSeries>, fromMs: number, toMs: number): WindowSum[] {
  const out: WindowSum[] = [];
  for (const s of series) out.push(windowSum(s, fromMs, toMs));
  return out;
}

export interface AreaAverage {
  /** mean of the stations with complete coverage; null when none was complete */
  meanMm: number | null;
  stationsUsed: number;
  stationsTotal: number;
  /** stations left out because their window had gaps */
  incompleteStationIds: string[];
}

/**
 * Area average as the plain mean of stations whose window is fully covered. Stations
 * with gaps are left out (and named) rather than averaged in as if dry.
 */
export function areaAverage(sums: readonly WindowSum[]): AreaAverage {
  let total = 0;
  let used = 0;
  const incompleteStationIds: string[] = [];
  for (const s of sums) {
    if (s.complete && s.totalMm !== null) {
      total += s.totalMm;
      used += 1;
    } else {
      incompleteStationIds.push(s.stationId);
    }
  }
  return { meanMm: used > 0 ? cleanMm(total / used) : null, stationsUsed: used, stationsTotal: sums.length, incompleteStationIds };
}

export interface WettestStation {
  stationId: string;
  totalMm: number;
  complete: boolean;
  /** how many stations had gaps in the window: any of them might really be wetter */
  incompleteStations: number;
}

/**
 * The station with the largest total (ties: the first given). Stations with gaps take
 * part with their lower-bound totals, since a station that already measured the most
 * is the wettest whatever fell in its gaps; `incompleteStations` tells the caller when
 * the ranking is not certain. Null when no station measured any rain.
 */
export function wettestStation(sums: readonly WindowSum[]): WettestStation | null {
  let best: WindowSum | null = null;
  let incompleteStations = 0;
  for (const s of sums) {
    if (!s.complete) incompleteStations += 1;
    if (s.totalMm !== null && s.totalMm > 0 && (best === null || s.totalMm > (best.totalMm as number))) best = s;
  }
  if (!best) return null;
  return { stationId: best.stationId, totalMm: best.totalMm as number, complete: best.complete, incompleteStations };
}

export interface NormalEntry {
  stationId: string;
  /** caller's period key, e.g. 'season', '07', 'meiyu', '2024-06-01/2024-09-30' */
  period: string;
  normalMm: number;
}

export function findNormal(normals: readonly NormalEntry[], stationId: string, period: string): number | null {
  const hit = normals.find((n) => n.stationId === stationId && n.period === period);
  return hit && Number.isFinite(hit.normalMm) ? hit.normalMm : null;
}

export type DepartureDirection = 'above' | 'below' | 'equal';

export interface Departure {
  /** (this − normal) / normal × 100, unrounded */
  percent: number;
  /** decided on the whole-number percent a report prints, so "偏多 0%" cannot happen */
  direction: DepartureDirection;
}

/**
 * Departure from normal in percent. Null when either figure is absent or the normal is
 * not positive (a percentage of zero normal means nothing).
 */
export function departureFromNormal(valueMm: number | null | undefined, normalMm: number | null | undefined): Departure | null {
  if (valueMm === null || valueMm === undefined || normalMm === null || normalMm === undefined) return null;
  if (!Number.isFinite(valueMm) || !Number.isFinite(normalMm) || normalMm <= 0) return null;
  const percent = ((valueMm - normalMm) / normalMm) * 100;
  const whole = Math.round(percent);
  return { percent, direction: whole > 0 ? 'above' : whole < 0 ? 'below' : 'equal' };
}

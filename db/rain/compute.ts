import type { RainOverview, RollingCell, StationOverview, StationSeriesOut } from '../../core/contract/rain';
import { gradeRain, suggestRainstormSignal, type SignalThresholds } from '../../core/domain/rain/grades';
import { seriesFromSorted, seriesFromStored, windowSum, type StationSeries } from '../../core/domain/rain/series';
import { areaAverage, ROLLING_HOURS, rollingSums, rollingTotals, type RollingKey, type RollingSums } from '../../core/domain/rain/sums';
import { waterLevelStatus } from '../../core/domain/rain/water';
import type { Db } from '../platform/connection';
import type { HandlerContext } from '../platform/context';
import { publicStation, rainReadingsRepo, type StoredStation } from './rain.repo';
import { rowToReading } from './store';

const HOUR = 3_600_000;
export const ROLLING_KEYS: readonly RollingKey[] = ['h1', 'h3', 'h6', 'h12', 'h24'];

/**
 * One gauge's readings ending in (fromMs, toMs] as a prefix-sum series. Readings that
 * start before fromMs are loaded too and simply fall outside every window; the database
 * already holds one reading per slot, so the series' duplicate merge has nothing to do.
 */
export function loadSeries(db: Db, station: StoredStation, fromMs: number, toMs: number, repo = rainReadingsRepo(db)): StationSeries {
  return seriesOfRows(station.id, repo.window(station.key, fromMs, toMs));
}

function seriesOfRows(stationId: string, rows: ReturnType<ReturnType<typeof rainReadingsRepo>['window']>): StationSeries {
  return seriesFromSorted(stationId, rows.map((r) => rowToReading(stationId, r)));
}

/**
 * Rolling 1–24 h sums of every rain gauge, each taken at the end of its newest reading at or
 * before `atMs` (if that is less than a day old). Hourly data asked about at 10:37 would
 * otherwise lose the hour ending at 10:00 from every window, because a reading that sticks
 * out of a window is never counted in part: the duty officer wants "the latest 1 h", not a
 * window that no reading fits.
 */
export function rollingAt(db: Db, stations: readonly StoredStation[], atMs: number): Map<string, { atMs: number; sums: RollingSums }> {
  const out = new Map<string, { atMs: number; sums: RollingSums }>();
  const longest = Math.max(...ROLLING_HOURS) * HOUR;
  // One set of prepared statements for all gauges: preparing them per gauge cost more than the reads.
  const repo = rainReadingsRepo(db);
  for (const s of stations) {
    if (s.type !== 'rain') continue;
    // The newest reading with data in the last day is a short walk down the (station, end) key;
    // then exactly the day before it is read, as bare rows straight into the series.
    const latest = repo.latestEndWithDataIn(s.key, atMs - longest, atMs);
    const at = latest ?? atMs;
    out.set(s.id, { atMs: at, sums: rollingSums(seriesFromStored(s.id, repo.windowStored(s.key, at - longest, at)), at) });
  }
  return out;
}

const cell = (sums: RollingSums, key: RollingKey): RollingCell => ({ totalMm: sums[key].totalMm, complete: sums[key].complete });

export function overview(ctx: HandlerContext, stations: readonly StoredStation[], atMs: number): RainOverview {
  const { rain } = ctx.settings();
  const thresholds = rain.signals as SignalThresholds;
  const staleMs = rain.staleHours * HOUR;
  const readings = rainReadingsRepo(ctx.db);
  const rolling = rollingAt(ctx.db, stations, atMs);
  const rows: StationOverview[] = stations.map((station) => {
    const base = { station: publicStation(station), rolling: null, grade24: null, grade12: null, signal: null, levelM: null, waterStatus: null, overWarningM: null };
    if (station.type === 'water') {
      const latest = readings.latestWithData(station.key, atMs);
      const levelM = latest ? (latest.value_milli as number) / 1000 : null;
      const status = waterLevelStatus(levelM, { warningM: station.warningM, guaranteeM: station.guaranteeM, floodLimitM: station.floodLimitM });
      const lastEndMs = latest?.end_ms ?? null;
      return { ...base, lastEndMs, stale: lastEndMs === null || atMs - lastEndMs > staleMs, levelM, waterStatus: status.status, overWarningM: status.overWarningM };
    }
    const { sums } = rolling.get(station.id) as { sums: RollingSums };
    const lastEndMs = readings.latestEndWithData(station.key, atMs);
    return {
      ...base,
      lastEndMs,
      stale: lastEndMs === null || atMs - lastEndMs > staleMs,
      rolling: { h1: cell(sums, 'h1'), h3: cell(sums, 'h3'), h6: cell(sums, 'h6'), h12: cell(sums, 'h12'), h24: cell(sums, 'h24') },
      grade24: gradeRain(sums.h24.totalMm, '24h')?.grade ?? null,
      grade12: gradeRain(sums.h12.totalMm, '12h')?.grade ?? null,
      signal: suggestRainstormSignal(rollingTotals(sums), thresholds),
    };
  });
  const all = [...rolling.values()].map((r) => r.sums);
  const area = Object.fromEntries(
    ROLLING_KEYS.map((key) => {
      const avg = areaAverage(all.map((s) => s[key]));
      return [key, { meanMm: avg.meanMm, stationsUsed: avg.stationsUsed, stationsTotal: avg.stationsTotal }];
    }),
  ) as RainOverview['area'];
  return { atMs, stations: rows, area };
}

/** Hourly bars on the hour, each (h − 1 h, h], with the running total; or the water levels as read. */
export function stationSeries(ctx: HandlerContext, station: StoredStation, fromMs: number, toMs: number): StationSeriesOut {
  if (station.type === 'water') {
    const rows = rainReadingsRepo(ctx.db).window(station.key, fromMs, toMs);
    const points = rows.filter((r) => r.value_milli !== null).map((r) => ({ endMs: r.end_ms, value: (r.value_milli as number) / 1000, complete: true }));
    return { station: publicStation(station), fromMs, toMs, points, cumulativeMm: [] };
  }
  const firstHour = Math.floor(fromMs / HOUR) * HOUR + HOUR;
  const series = loadSeries(ctx.db, station, firstHour - HOUR, toMs);
  const points: StationSeriesOut['points'] = [];
  const cumulativeMm: number[] = [];
  let running = 0;
  for (let h = firstHour; h <= toMs; h += HOUR) {
    const sum = windowSum(series, h - HOUR, h);
    running += sum.totalMm ?? 0;
    points.push({ endMs: h, value: sum.totalMm, complete: sum.complete });
    cumulativeMm.push(Math.round(running * 1000) / 1000);
  }
  return { station: publicStation(station), fromMs, toMs, points, cumulativeMm };
}

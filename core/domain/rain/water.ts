import { DEFAULT_TIME_ZONE, dutyDayOf, type LocalDate, type LocalTime } from '../../time';

/**
 * Water levels at river, lake and reservoir gauges, in metres above the gauge's datum.
 *
 * A level is an instantaneous observation at `atMs` (not an amount over an interval).
 * "Above" a characteristic level means strictly above it (超警戒 = higher than the
 * warning level); a level exactly at warning is reported as at warning, with margin 0.
 */

export interface WaterReading {
  stationId: string;
  atMs: number;
  /** metres; null when the gauge reported nothing usable */
  levelM: number | null;
}

export interface CharacteristicLevels {
  /** 警戒水位 */
  warningM?: number | null;
  /** 保证水位 */
  guaranteeM?: number | null;
  /** 汛限水位 (reservoirs) */
  floodLimitM?: number | null;
}

export type WaterStatus = 'above_guarantee' | 'above_warning' | 'at_warning' | 'above_flood_limit' | 'normal' | 'unknown';

export const WATER_STATUS_LABELS: Record<WaterStatus, { zh: string; en: string }> = {
  above_guarantee: { zh: '超保证', en: 'above guarantee level' },
  above_warning: { zh: '超警戒', en: 'above warning level' },
  at_warning: { zh: '达警戒', en: 'at warning level' },
  above_flood_limit: { zh: '超汛限', en: 'above flood-limit level' },
  normal: { zh: '正常', en: 'normal' },
  unknown: { zh: '无数据', en: 'no data' },
};

export interface WaterLevelStatus {
  status: WaterStatus;
  levelM: number | null;
  /** level − characteristic level, metres (positive = above); null when that level is not set */
  overWarningM: number | null;
  overGuaranteeM: number | null;
  overFloodLimitM: number | null;
}

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);
/** Level differences are printed to the centimetre; strip floating-point dust. */
const diff = (a: number, b: number) => Math.round((a - b) * 1e6) / 1e6;

/** Status of one level against the gauge's characteristic levels (highest applicable first). */
export function waterLevelStatus(levelM: number | null | undefined, levels: CharacteristicLevels): WaterLevelStatus {
  if (!present(levelM)) return { status: 'unknown', levelM: null, overWarningM: null, overGuaranteeM: null, overFloodLimitM: null };
  const overWarningM = present(levels.warningM) ? diff(levelM, levels.warningM) : null;
  const overGuaranteeM = present(levels.guaranteeM) ? diff(levelM, levels.guaranteeM) : null;
  const overFloodLimitM = present(levels.floodLimitM) ? diff(levelM, levels.floodLimitM) : null;
  let status: WaterStatus = 'normal';
  if (overGuaranteeM !== null && overGuaranteeM > 0) status = 'above_guarantee';
  else if (overWarningM !== null && overWarningM > 0) status = 'above_warning';
  else if (overWarningM === 0) status = 'at_warning';
  else if (overFloodLimitM !== null && overFloodLimitM > 0) status = 'above_flood_limit';
  return { status, levelM, overWarningM, overGuaranteeM, overFloodLimitM };
}

function usable(readings: readonly WaterReading[], fromMs = -Infinity, toMs = Infinity): WaterReading[] {
  return readings.filter((r) => present(r.levelM) && r.atMs >= fromMs && r.atMs <= toMs);
}

export interface CurrentLevel {
  reading: WaterReading;
  /** older than maxAgeMs at `nowMs` */
  stale: boolean;
}

/** Latest usable reading at or before `nowMs` (readings in any order). */
export function currentLevel(readings: readonly WaterReading[], nowMs: number, maxAgeMs: number = 3 * 3_600_000): CurrentLevel | null {
  let latest: WaterReading | null = null;
  for (const r of usable(readings, -Infinity, nowMs)) if (!latest || r.atMs > latest.atMs) latest = r;
  return latest ? { reading: latest, stale: nowMs - latest.atMs > maxAgeMs } : null;
}

export interface PeakLevel {
  levelM: number;
  atMs: number;
  stationId: string;
}

/** Highest usable level within [fromMs, toMs] (ties: the earliest time). */
export function peakLevel(readings: readonly WaterReading[], fromMs = -Infinity, toMs = Infinity): PeakLevel | null {
  let best: WaterReading | null = null;
  for (const r of usable(readings, fromMs, toMs)) {
    if (!best || (r.levelM as number) > (best.levelM as number) || (r.levelM === best.levelM && r.atMs < best.atMs)) best = r;
  }
  return best ? { levelM: best.levelM as number, atMs: best.atMs, stationId: best.stationId } : null;
}

export interface DaysAboveOptions {
  /** day boundary; local midnight by default, '08:00' to count flood-control days */
  boundary?: LocalTime;
  timeZone?: string;
}

/**
 * Local days (named by the date they start) in [fromDay, toDay] on which any reading
 * was strictly above the level. A level is an instant, so a reading at exactly the
 * boundary starts the new day. Days without readings are simply not counted; the
 * caller can compare with `daysWithData` to see whether the count may be short.
 */
export function daysAboveLevel(
  readings: readonly WaterReading[],
  levelM: number,
  fromDay: LocalDate,
  toDay: LocalDate,
  options: DaysAboveOptions = {},
): { count: number; days: LocalDate[]; daysWithData: number } {
  const boundary = options.boundary ?? '00:00';
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const above = new Set<LocalDate>();
  const withData = new Set<LocalDate>();
  for (const r of usable(readings)) {
    const day = dutyDayOf(r.atMs, boundary, timeZone);
    if (day < fromDay || day > toDay) continue;
    withData.add(day);
    if ((r.levelM as number) > levelM) above.add(day);
  }
  const days = [...above].sort();
  return { count: days.length, days, daysWithData: withData.size };
}

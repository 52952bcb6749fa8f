import { addDays, DEFAULT_TIME_ZONE, dutyDayOf, zonedToUtc, type LocalDate, type LocalTime } from '../../time';
import { roundToTenth } from './readings';
import { windowSum, type StationSeries, type WindowSum } from './series';
import { areaAverage } from './sums';

/**
 * Fixed days for reports.
 *
 * A day is the window (boundary of one date, boundary of the next], so a reading ending
 * exactly on the boundary belongs to the day that ends then: with an 08:00 boundary,
 * the hourly amount stamped 08:00 on 7 July is the last hour of the flood-control day
 * that ended at 08:00 on 7 July.
 *
 * How a day is named differs between trades, and both conventions are settings:
 * - meteorological day (CMA): 20:00 of the previous date to 20:00, named by the date on
 *   which it ends — "7 月 7 日降水量" is 6 July 20:00 → 7 July 20:00;
 * - flood-control / hydrological day: 08:00 to 08:00 next day, named by the date on
 *   which it starts ("本日 8 时至次日 8 时为本日"), the same naming as the duty day in
 *   `core/time.ts`.
 */
export interface DayRule {
  boundary: LocalTime;
  /** whether a day is named by the local date on which it starts or ends */
  label: 'start' | 'end';
  timeZone: string;
}

export const MET_DAY_RULE: DayRule = { boundary: '20:00', label: 'end', timeZone: DEFAULT_TIME_ZONE };
export const FLOOD_DAY_RULE: DayRule = { boundary: '08:00', label: 'start', timeZone: DEFAULT_TIME_ZONE };
/** Midnight to midnight, as HKO publishes its daily totals. */
export const CALENDAR_DAY_RULE: DayRule = { boundary: '00:00', label: 'start', timeZone: DEFAULT_TIME_ZONE };

/** The window (fromMs, toMs] of a named day. */
export function dayWindow(day: LocalDate, rule: DayRule): { fromMs: number; toMs: number } {
  const startDate = rule.label === 'start' ? day : addDays(day, -1);
  return { fromMs: zonedToUtc(startDate, rule.boundary, rule.timeZone), toMs: zonedToUtc(addDays(startDate, 1), rule.boundary, rule.timeZone) };
}

/** The day an amount ending at `endMs` belongs to (its window is (from, to] with to ≥ endMs). */
export function dayOfReadingEnd(endMs: number, rule: DayRule): LocalDate {
  // dutyDayOf places an instant in [start, end); the instant one millisecond before the
  // reading's end lies in the day the (…, end] convention wants.
  const startDate = dutyDayOf(endMs - 1, rule.boundary, rule.timeZone);
  return rule.label === 'start' ? startDate : addDays(startDate, 1);
}

/**
 * The named days a stretch of time from `fromMs` to `toMs` touches (an event, a storm): from the
 * day holding its first moment to the day holding its last, so none of its rain falls outside.
 */
export function daysSpanning(fromMs: number, toMs: number, rule: DayRule): { fromDay: LocalDate; toDay: LocalDate } {
  return { fromDay: dayOfReadingEnd(fromMs + 1, rule), toDay: dayOfReadingEnd(Math.max(toMs, fromMs + 1), rule) };
}

/** The window from the start of `fromDay` to the end of `toDay`, both named under `rule`. */
export function daysWindow(fromDay: LocalDate, toDay: LocalDate, rule: DayRule): { fromMs: number; toMs: number } {
  return { fromMs: dayWindow(fromDay, rule).fromMs, toMs: dayWindow(toDay, rule).toMs };
}

export interface DayTotal extends WindowSum {
  day: LocalDate;
}

function eachDay(fromDay: LocalDate, toDay: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * A day's window read no further than `untilMs`: a day under way counts what has fallen so far.
 * A day not yet begun keeps its whole window, which no reading covers, so it stays unknown.
 */
function windowUntil(day: LocalDate, rule: DayRule, untilMs: number): { fromMs: number; toMs: number } {
  const { fromMs, toMs } = dayWindow(day, rule);
  return untilMs > fromMs ? { fromMs, toMs: Math.min(toMs, untilMs) } : { fromMs, toMs };
}

/** One total per named day from `fromDay` to `toDay` inclusive, each read to `untilMs` at the latest. */
export function dailyTotals(series: StationSeries, fromDay: LocalDate, toDay: LocalDate, rule: DayRule, untilMs = Infinity): DayTotal[] {
  return eachDay(fromDay, toDay).map((day) => {
    const { fromMs, toMs } = windowUntil(day, rule, untilMs);
    return { day, ...windowSum(series, fromMs, toMs) };
  });
}

export interface AreaDayTotal {
  day: LocalDate;
  /** mean over stations complete on that day; null when none was */
  meanMm: number | null;
  stationsUsed: number;
  stationsTotal: number;
}

/** Area-average daily totals (mean of the stations complete on each day). */
export function areaDailyTotals(series: readonly StationSeries[], fromDay: LocalDate, toDay: LocalDate, rule: DayRule, untilMs = Infinity): AreaDayTotal[] {
  return eachDay(fromDay, toDay).map((day) => {
    const { fromMs, toMs } = windowUntil(day, rule, untilMs);
    const avg = areaAverage(series.map((s) => windowSum(s, fromMs, toMs)));
    return { day, meanMm: avg.meanMm, stationsUsed: avg.stationsUsed, stationsTotal: avg.stationsTotal };
  });
}

/** National rain-day threshold: a daily total of at least 0.1 mm (trace does not count). */
export const RAIN_DAY_THRESHOLD_MM = 0.1;

export type RainDayStatus = 'rain' | 'dry' | 'unknown';

/**
 * Whether a day was a rain day. The total is first rounded to 0.1 mm, as it would be
 * reported. A day with gaps that already reached the threshold is a rain day; one with
 * gaps that did not is 'unknown' (rain may have fallen in the gap), never 'dry'.
 */
export function rainDayStatus(day: Pick<WindowSum, 'totalMm' | 'complete'>, thresholdMm: number = RAIN_DAY_THRESHOLD_MM): RainDayStatus {
  const total = day.totalMm === null ? null : roundToTenth(day.totalMm);
  if (total !== null && total >= thresholdMm) return 'rain';
  return day.complete ? 'dry' : 'unknown';
}

export interface RainDayCount {
  rainDays: number;
  dryDays: number;
  unknownDays: number;
}

export function countRainDays(days: readonly Pick<WindowSum, 'totalMm' | 'complete'>[], thresholdMm: number = RAIN_DAY_THRESHOLD_MM): RainDayCount {
  const count: RainDayCount = { rainDays: 0, dryDays: 0, unknownDays: 0 };
  for (const d of days) {
    const s = rainDayStatus(d, thresholdMm);
    if (s === 'rain') count.rainDays += 1;
    else if (s === 'dry') count.dryDays += 1;
    else count.unknownDays += 1;
  }
  return count;
}

/** For area series: a day counts as a rain day when the area mean reaches the threshold. */
export function countAreaRainDays(days: readonly AreaDayTotal[], thresholdMm: number = RAIN_DAY_THRESHOLD_MM): RainDayCount {
  return countRainDays(
    days.map((d) => ({ totalMm: d.meanMm, complete: d.meanMm !== null })),
    thresholdMm,
  );
}

/**
 * The day with the largest total (ties: the earliest), or null when no day reached the
 * rain-day threshold. Works for station days and, via `meanMm`, for area days.
 */
export function wettestDay<T extends { day: LocalDate }>(days: readonly T[], totalOf: (d: T) => number | null): T | null {
  let best: T | null = null;
  let bestMm = -Infinity;
  for (const d of days) {
    const mm = totalOf(d);
    if (mm !== null && mm > bestMm) {
      best = d;
      bestMm = mm;
    }
  }
  return best && roundToTenth(bestMm) >= RAIN_DAY_THRESHOLD_MM ? best : null;
}

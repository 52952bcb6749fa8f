import { TZDate } from '@date-fns/tz';
import { addDays as addCalendarDays, format, parseISO } from 'date-fns';

/**
 * Time rules shared by every domain.
 *
 * Instants are stored as UTC epoch milliseconds (or ISO strings) and shown in the
 * office's zone (Asia/Shanghai by default, a setting). "Local dates" such as duty days
 * are plain `YYYY-MM-DD` strings that carry no zone, so they never shift when the
 * machine's own clock zone differs from the office's.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export type LocalDate = string; // YYYY-MM-DD
export type LocalTime = string; // HH:mm

export interface LocalParts {
  date: LocalDate;
  time: LocalTime;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

export function localParts(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): LocalParts {
  const zoned = new TZDate(instantMs, timeZone);
  return {
    date: format(zoned, 'yyyy-MM-dd'),
    time: format(zoned, 'HH:mm'),
    hour: zoned.getHours(),
    minute: zoned.getMinutes(),
    weekday: Number(format(zoned, 'i')),
  };
}

/** Formats an instant in the office zone, e.g. `formatLocal(ms, 'yyyy-MM-dd HH:mm')`. */
export function formatLocal(instantMs: number, pattern: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return format(new TZDate(instantMs, timeZone), pattern);
}

/** The UTC instant of a wall-clock time in the office zone. */
export function zonedToUtc(date: LocalDate, time: LocalTime, timeZone: string = DEFAULT_TIME_ZONE): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return format(addCalendarDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date, independent of any zone. */
export function weekdayOf(date: LocalDate): number {
  return Number(format(parseISO(date), 'i'));
}

/** Number of calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000);
}

function ymd(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m - 1, d];
}

/**
 * The duty day an instant belongs to: a duty day is named by the local date on which it
 * starts, so with an 08:00 boundary 03:00 on the 5th still belongs to the 4th.
 */
export function dutyDayOf(instantMs: number, boundary: LocalTime = '08:00', timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const parts = localParts(instantMs, timeZone);
  return parts.time < boundary ? addDays(parts.date, -1) : parts.date;
}

/** [start, end) instants of a duty day. */
export function dutyDayWindow(day: LocalDate, boundary: LocalTime = '08:00', timeZone: string = DEFAULT_TIME_ZONE): { startMs: number; endMs: number } {
  return { startMs: zonedToUtc(day, boundary, timeZone), endMs: zonedToUtc(addDays(day, 1), boundary, timeZone) };
}

export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = ymd(value);
  const probe = new Date(Date.UTC(y, m, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m && probe.getUTCDate() === d;
}

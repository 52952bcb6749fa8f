import { addDays, localParts, zonedToUtc, DEFAULT_TIME_ZONE, type LocalDate, type LocalTime } from '../../time';
import { dayOfReadingEnd } from './days';
import { classifyRainValue } from './readings';

/**
 * One line typed by the duty officer while a gauge keeper reads it out on the phone:
 *
 *   HF01 14:00 12.5        today (or yesterday, if 14:00 has not come yet)
 *   HF01 7-6 08:00 3       this year's 6 July
 *   HF01 2024-07-06 8:00 缺测
 *   SW01 16:00 2.35        a water gauge: metres
 *
 * The value may be a number, "缺测"/"-"/"m" for missing, or "T"/"微量" for trace.
 */
export interface ManualLine {
  code: string;
  endMs: number;
  /** null: the keeper said there is no reading */
  value: number | null;
  trace: boolean;
  /** the line named the date; without one the time means its latest past occurrence */
  dated: boolean;
}

export type ManualLineError = 'format' | 'time' | 'value';

const TIME = /^(\d{1,2})[:：](\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SHORT_DATE = /^(\d{1,2})[-/.](\d{1,2})$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

export function parseManualLine(line: string, nowMs: number, timeZone: string = DEFAULT_TIME_ZONE): { ok: true; value: ManualLine } | { ok: false; error: ManualLineError } {
  const parts = line.trim().split(/[\s,，]+/).filter((p) => p !== '');
  if (parts.length < 3 || parts.length > 4) return { ok: false, error: 'format' };
  const [code, ...rest] = parts;
  const rawValue = rest[rest.length - 1];
  const timeText = rest[rest.length - 2];
  const dateText = rest.length === 3 ? rest[0] : null;

  const time = TIME.exec(timeText);
  if (!time) return { ok: false, error: 'time' };
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return { ok: false, error: 'time' };
  const today = localParts(nowMs, timeZone).date;
  let date: string;
  if (dateText === null) {
    date = today;
  } else {
    const full = FULL_DATE.exec(dateText);
    const short = SHORT_DATE.exec(dateText);
    if (full) date = `${full[1]}-${pad2(Number(full[2]))}-${pad2(Number(full[3]))}`;
    else if (short) date = `${today.slice(0, 4)}-${pad2(Number(short[1]))}-${pad2(Number(short[2]))}`;
    else return { ok: false, error: 'time' };
    if (localParts(zonedToUtc(date, '12:00', timeZone), timeZone).date !== date) return { ok: false, error: 'time' };
  }
  const clock = `${pad2(hour)}:${pad2(minute)}`;
  let endMs = zonedToUtc(date, clock, timeZone);
  // "14:00" said at 09:30 means yesterday afternoon: a reading is never from the future.
  if (dateText === null && endMs > nowMs) endMs = zonedToUtc(addDays(date, -1), clock, timeZone);

  const dated = dateText !== null;
  const lower = rawValue.toLowerCase();
  if (['缺测', '缺', '-', 'm', 'x'].includes(lower)) return { ok: true, value: { code, endMs, value: null, trace: false, dated } };
  // Water levels may be below the gauge datum, so the sign is checked by the caller per gauge type.
  const signed = /^-\d/.test(rawValue) ? Number(rawValue) : null;
  if (signed !== null && Number.isFinite(signed)) return { ok: true, value: { code, endMs, value: signed, trace: false, dated } };
  const v = classifyRainValue(rawValue, []);
  if (v.status === 'trace') return { ok: true, value: { code, endMs, value: 0, trace: true, dated } };
  if (v.status !== 'number') return { ok: false, error: 'value' };
  return { ok: true, value: { code, endMs, value: v.value, trace: false, dated } };
}

export interface DayChoice {
  endMs: number;
  /** the duty day the amount is counted in: the day whose (start, end] holds its end */
  dutyDay: LocalDate;
}

/**
 * A date typed with a time that is a day boundary (the duty day's start, or midnight) names an
 * end-of-period two ways: "7-6 08:00" is the instant 6 July 08:00, whose hour belongs to the duty
 * day of 5 July, but a keeper reading out "the 6th's rain" by the hour it closes means 7 July
 * 08:00; "7-6 00:00" is likewise the end of 5 July or "24:00" on the 6th. Both choices are
 * offered when both are past (`latestMs`); otherwise there is nothing to ask. Without a date the
 * latest past occurrence is meant and there is no other past reading of it.
 */
export function boundaryDayChoices(line: ManualLine, dutyDayStart: LocalTime, latestMs: number, timeZone: string = DEFAULT_TIME_ZONE): DayChoice[] {
  if (!line.dated) return [];
  const { date, time } = localParts(line.endMs, timeZone);
  if (time !== dutyDayStart && time !== '00:00') return [];
  const rule = { boundary: dutyDayStart, label: 'start' as const, timeZone };
  const choices = [line.endMs, zonedToUtc(addDays(date, 1), time, timeZone)].filter((endMs) => endMs <= latestMs);
  return choices.length === 2 ? choices.map((endMs) => ({ endMs, dutyDay: dayOfReadingEnd(endMs, rule) })) : [];
}

import { addDays, localParts, zonedToUtc, DEFAULT_TIME_ZONE } from '../../time';
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

  const lower = rawValue.toLowerCase();
  if (['缺测', '缺', '-', 'm', 'x'].includes(lower)) return { ok: true, value: { code, endMs, value: null, trace: false } };
  // Water levels may be below the gauge datum, so the sign is checked by the caller per gauge type.
  const signed = /^-\d/.test(rawValue) ? Number(rawValue) : null;
  if (signed !== null && Number.isFinite(signed)) return { ok: true, value: { code, endMs, value: signed, trace: false } };
  const v = classifyRainValue(rawValue, []);
  if (v.status === 'trace') return { ok: true, value: { code, endMs, value: 0, trace: true } };
  if (v.status !== 'number') return { ok: false, error: 'value' };
  return { ok: true, value: { code, endMs, value: v.value, trace: false } };
}

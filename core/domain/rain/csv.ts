import { addDays, DEFAULT_TIME_ZONE, isLocalDate, zonedToUtc, type LocalTime } from '../../time';
import { dayWindow } from './days';
import { classifyRainValue, DEFAULT_SENTINELS, type RainQuality, type RainReading } from './readings';

/**
 * Rain CSV rows → readings, with no IO: rows are arrays of strings as papaparse yields
 * them, so a caller can stream a file chunk by chunk (pass `firstRowNumber` for each
 * chunk) and every row is judged on its own.
 *
 * Times. A full time names the end of the interval unless `timeMarks: 'start'`. Text
 * with an offset or "Z" is absolute; text without one is wall-clock time in the
 * mapping's `timeZone`. An hour of 24 means 00:00 of the next day. A date without a time
 * names a whole day under (`dayBoundary`, `dayLabel`), by default midnight to midnight
 * named by its start, so the reading ends at the next local midnight: the HKO daily
 * total for 2008-06-07 becomes the amount over (2008-06-07 00:00, 2008-06-08 00:00]
 * Hong Kong time, i.e. ending 2008-06-07T16:00Z. The interval of such a reading is
 * the length of that local day (1440 minutes except on summer-time changes), whatever
 * `intervalMinutes` says. CMA daily data (20:00 to 20:00, named by its end) maps with
 * dayBoundary '20:00', dayLabel 'end'.
 *
 * Values. Blanks, sentinels and markers such as "***" become missing readings quietly
 * (missing is data about the gauge); "Trace" becomes 0 mm with `trace: true`; negative
 * or unreadable values become missing readings *and* a row error.
 */

export type DateColumns = { year: number; month: number; day: number; hour?: number; minute?: number };

export interface RainCsvMapping {
  /** column of the station code; or give `stationFixed` for single-station files */
  station?: number;
  stationFixed?: string;
  /** one time column, or separate date (and optional hour/minute) columns */
  time: number | DateColumns;
  value: number;
  quality?: number;
  /** quality column code → quality; blank cells count as 'ok' */
  qualityCodes?: Record<string, RainQuality>;
  timeZone: string;
  intervalMinutes: number;
  /** 'auto': ISO-like text (2024-07-06 08:00, 2024/7/6 8:00, …T08:00+08:00, date only) */
  timeFormat?: 'auto' | 'compact' | 'epoch_ms' | 'epoch_s';
  timeMarks?: 'end' | 'start';
  dayBoundary?: LocalTime;
  dayLabel?: 'start' | 'end';
  sentinels?: readonly number[];
  /** recorded on every reading, e.g. the file name */
  source?: string;
}

export type RowErrorCode = 'station_blank' | 'station_unknown' | 'time_invalid' | 'date_invalid' | 'value_negative' | 'value_invalid' | 'value_implausible' | 'quality_unknown';

export interface RowError {
  /** row number as the user sees it (1-based within the file when firstRowNumber is right) */
  row: number;
  /** 0-based column index, null for the row as a whole */
  column: number | null;
  code: RowErrorCode;
  /** 'error': the row gave no reading or only a missing one; 'warning': the reading was kept */
  severity: 'error' | 'warning';
  message_zh: string;
  message_en: string;
}

export interface ParseResult {
  readings: RainReading[];
  /** the row number each reading came from, parallel to `readings` */
  readingRows: number[];
  errors: RowError[];
  /** short rows with one piece of text, such as HKO's legend lines; skipped */
  notes: { row: number; text: string }[];
  blankRows: number;
}

export const DEFAULT_QUALITY_CODES: Record<string, RainQuality> = {
  C: 'ok',
  '#': 'suspect',
  ok: 'ok',
  OK: 'ok',
  suspect: 'suspect',
  estimated: 'estimated',
  missing: 'missing',
};

const MESSAGES: Record<RowErrorCode, (cell: string) => { zh: string; en: string }> = {
  station_blank: () => ({ zh: '站点编号为空', en: 'Station code is blank' }),
  station_unknown: (c) => ({ zh: `未登记的站点编号“${c}”`, en: `Unknown station code "${c}"` }),
  time_invalid: (c) => ({ zh: `无法识别的时间“${c}”`, en: `Unreadable time "${c}"` }),
  date_invalid: (c) => ({ zh: `日期不存在“${c}”`, en: `No such date "${c}"` }),
  value_negative: (c) => ({ zh: `降水量为负数“${c}”，按缺测处理`, en: `Negative rainfall "${c}", treated as missing` }),
  value_invalid: (c) => ({ zh: `无法识别的降水量“${c}”，按缺测处理`, en: `Unreadable rainfall "${c}", treated as missing` }),
  value_implausible: (c) => ({ zh: `降水量 ${c} 毫米超过合理上限，确认无误后才导入`, en: `Rainfall of ${c} mm is above the plausible limit; imported only when confirmed` }),
  quality_unknown: (c) => ({ zh: `未知的质量标记“${c}”，按可疑处理`, en: `Unknown quality flag "${c}", treated as suspect` }),
};

class RowFault {
  constructor(
    readonly code: RowErrorCode,
    readonly column: number | null,
    readonly cell: string,
  ) {}
}

const cellAt = (row: readonly string[], i: number | undefined): string => (i === undefined ? '' : (row[i] ?? '').trim());
const pad2 = (n: number) => String(n).padStart(2, '0');

function localInstant(date: string, hour: number, minute: number, second: number, timeZone: string): number {
  const [d, h] = hour === 24 ? [addDays(date, 1), 0] : [date, hour];
  return zonedToUtc(d, `${pad2(h)}:${pad2(minute)}`, timeZone) + second * 1000;
}

/**
 * Reading a time cell (pattern, calendar check, zone conversion through a TZDate) is most of
 * the cost of a row, and a file of hourly data for many gauges repeats the same few thousand
 * cells, so results are remembered per zone and format. Bounded, so a century of daily data
 * does not hold a million entries.
 */
const timeCache = new Map<string, Map<string, ParsedTime>>();
const TIME_CACHE_MAX = 100_000;

function checkClock(hour: number, minute: number, second: number): boolean {
  return hour >= 0 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && (hour < 24 || (hour === 24 && minute === 0 && second === 0));
}

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?)?$/;

type ParsedTime = { kind: 'instant'; ms: number } | { kind: 'date'; date: string };

function fromParts(y: number, mo: number, d: number, hh: number | null, mi: number, ss: number, offset: string | undefined, m: RainCsvMapping, column: number | null, cell: string): ParsedTime {
  const date = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  if (!isLocalDate(date)) throw new RowFault('date_invalid', column, cell);
  if (hh === null) return { kind: 'date', date };
  if (!checkClock(hh, mi, ss)) throw new RowFault('time_invalid', column, cell);
  if (offset === undefined) return { kind: 'instant', ms: localInstant(date, hh, mi, ss, m.timeZone) };
  const sign = offset.startsWith('-') ? -1 : 1;
  const off = offset.toUpperCase() === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
  return { kind: 'instant', ms: Date.UTC(y, mo - 1, d, hh, mi, ss) - off * 60_000 };
}

/** The remembered time cells for a mapping's zone and format, looked up once per pass, not per row. */
function timeCacheFor(m: RainCsvMapping): Map<string, ParsedTime> {
  const scope = `${m.timeZone}|${m.timeFormat ?? 'auto'}`;
  let cache = timeCache.get(scope);
  if (!cache) timeCache.set(scope, (cache = new Map()));
  return cache;
}

function parseTimeCell(cell: string, column: number, m: RainCsvMapping, cache: Map<string, ParsedTime>): ParsedTime {
  const known = cache.get(cell);
  if (known) return known;
  const parsed = readTimeCell(cell, column, m, m.timeFormat ?? 'auto');
  if (cache.size >= TIME_CACHE_MAX) cache.clear();
  cache.set(cell, parsed);
  return parsed;
}

function readTimeCell(cell: string, column: number, m: RainCsvMapping, format: NonNullable<RainCsvMapping['timeFormat']>): ParsedTime {
  if (format === 'epoch_ms' || format === 'epoch_s') {
    if (!/^\d+(\.\d+)?$/.test(cell)) throw new RowFault('time_invalid', column, cell);
    return { kind: 'instant', ms: Number(cell) * (format === 'epoch_s' ? 1000 : 1) };
  }
  const match = (format === 'compact' ? COMPACT : ISO_LIKE).exec(cell);
  if (!match) throw new RowFault('time_invalid', column, cell);
  const [, y, mo, d, hh, mi, ss, offset] = match;
  return fromParts(Number(y), Number(mo), Number(d), hh === undefined ? null : Number(hh), Number(mi ?? 0), Number(ss ?? 0), offset, m, column, cell);
}

function parseDateColumns(row: readonly string[], cols: DateColumns, m: RainCsvMapping): ParsedTime {
  const int = (i: number | undefined): number | null => {
    const c = cellAt(row, i);
    if (!/^\d{1,4}$/.test(c)) throw new RowFault('time_invalid', i ?? null, c);
    return Number(c);
  };
  const shown = [cols.year, cols.month, cols.day, cols.hour, cols.minute].filter((i) => i !== undefined).map((i) => cellAt(row, i)).join('-');
  const hour = cols.hour === undefined ? null : int(cols.hour);
  const minute = cols.minute === undefined ? 0 : (int(cols.minute) as number);
  return fromParts(int(cols.year) as number, int(cols.month) as number, int(cols.day) as number, hour, minute, 0, undefined, m, null, shown);
}

/** End and length of the reading. A date names a whole local day, whose length is taken
 * from the zone: Hong Kong kept summer time until 1979, so some HKO days are 1380 or
 * 1500 minutes long, and a fixed 1440 would make neighbouring days overlap or gap. */
function spanOf(t: ParsedTime, m: RainCsvMapping): { endMs: number; intervalMinutes: number } {
  if (t.kind === 'date') {
    const day = dayWindow(t.date, { boundary: m.dayBoundary ?? '00:00', label: m.dayLabel ?? 'start', timeZone: m.timeZone });
    return { endMs: day.toMs, intervalMinutes: (day.toMs - day.fromMs) / 60_000 };
  }
  return { endMs: m.timeMarks === 'start' ? t.ms + m.intervalMinutes * 60_000 : t.ms, intervalMinutes: m.intervalMinutes };
}

function columnsOf(m: RainCsvMapping): number[] {
  const cols = [m.value, m.station, m.quality];
  if (typeof m.time === 'number') cols.push(m.time);
  else cols.push(m.time.year, m.time.month, m.time.day, m.time.hour, m.time.minute);
  return cols.filter((c): c is number => c !== undefined);
}

/** A row error in both languages, for checks made outside this parser (e.g. station codes known to the database). */
export function rowError(row: number, code: RowErrorCode, column: number | null, cell: string, severity: RowError['severity'] = 'error'): RowError {
  const msg = MESSAGES[code](cell);
  return { row, column, code, severity, message_zh: msg.zh, message_en: msg.en };
}

function fault(row: number, f: RowFault, severity: RowError['severity']): RowError {
  return rowError(row, f.code, f.column, f.cell, severity);
}

/** Problems with the mapping itself (before any row is read); empty when usable. */
export function mappingProblems(m: RainCsvMapping): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (m.station === undefined && !m.stationFixed?.trim()) out.push({ zh: '请指定站点列或固定站点编号', en: 'Choose a station column or a fixed station code' });
  if (!(m.intervalMinutes > 0) || !Number.isInteger(m.intervalMinutes)) out.push({ zh: '时段长度必须是正整数分钟', en: 'The interval must be a whole number of minutes' });
  const cols = columnsOf(m);
  if (cols.some((c) => !Number.isInteger(c) || c < 0)) out.push({ zh: '列号无效', en: 'Invalid column index' });
  if (new Set(cols).size !== cols.length) out.push({ zh: '同一列被指定了两次', en: 'The same column is used twice' });
  return out;
}

/** One reading as the rows yield it, before it becomes an object or a packed record. */
export type ReadingSink = (stationId: string, endMs: number, intervalMinutes: number, value: number | null, quality: RainQuality, trace: boolean, row: number) => void;

/** What a pass over rows found besides the readings. */
export type RowsResult = Omit<ParseResult, 'readings' | 'readingRows'>;

/**
 * The one set of row rules, shared by `parseRainRows` (objects, for previews and tests) and
 * `packRainRows` (typed arrays, for the import): every reading goes to `sink`. Throws nothing
 * for bad rows; they become `errors`.
 */
export function readRainRows(rows: readonly (readonly string[])[], m: RainCsvMapping, firstRowNumber: number, sink: ReadingSink): RowsResult {
  const result: RowsResult = { errors: [], notes: [], blankRows: 0 };
  const needed = Math.max(...columnsOf(m)) + 1;
  const sentinels = m.sentinels ?? DEFAULT_SENTINELS;
  const codes = m.qualityCodes ?? DEFAULT_QUALITY_CODES;
  const times = timeCacheFor(m);
  rows.forEach((row, index) => {
    const rowNumber = firstRowNumber + index;
    if (row.length < needed) {
      const filled = row.filter((c) => c.trim() !== '');
      if (filled.length === 0) {
        result.blankRows += 1;
        return;
      }
      if (filled.length === 1) {
        result.notes.push({ row: rowNumber, text: filled[0].trim() });
        return;
      }
    } else if (row.every((c) => c.trim() === '')) {
      result.blankRows += 1;
      return;
    }
    try {
      const stationId = m.station === undefined ? (m.stationFixed ?? '').trim() : cellAt(row, m.station);
      if (stationId === '') throw new RowFault('station_blank', m.station ?? null, '');
      const time = typeof m.time === 'number' ? parseTimeCell(cellAt(row, m.time), m.time, m, times) : parseDateColumns(row, m.time, m);
      const raw = cellAt(row, m.value);
      const v = classifyRainValue(raw, sentinels);
      let quality: RainQuality = 'ok';
      if (m.quality !== undefined) {
        const code = cellAt(row, m.quality);
        if (code !== '') {
          const mapped = codes[code];
          if (mapped) quality = mapped;
          else {
            quality = 'suspect';
            result.errors.push(fault(rowNumber, new RowFault('quality_unknown', m.quality, code), 'warning'));
          }
        }
      }
      if (v.status === 'negative' || v.status === 'invalid') {
        result.errors.push(fault(rowNumber, new RowFault(v.status === 'negative' ? 'value_negative' : 'value_invalid', m.value, raw), 'error'));
      }
      const span = spanOf(time, m);
      sink(stationId, span.endMs, span.intervalMinutes, v.value, v.value === null ? 'missing' : quality, v.trace, rowNumber);
    } catch (e) {
      if (!(e instanceof RowFault)) throw e;
      result.errors.push(fault(rowNumber, e, 'error'));
    }
  });
  return result;
}

/** Parses rows that follow the header. Throws nothing for bad rows; they become `errors`. */
export function parseRainRows(rows: readonly (readonly string[])[], m: RainCsvMapping, firstRowNumber = 1): ParseResult {
  const readings: RainReading[] = [];
  const readingRows: number[] = [];
  const source = m.source ?? '';
  const rest = readRainRows(rows, m, firstRowNumber, (stationId, endMs, intervalMinutes, value, quality, trace, row) => {
    const reading: RainReading = { stationId, endMs, intervalMinutes, value, quality, source };
    if (trace) reading.trace = true;
    readings.push(reading);
    readingRows.push(row);
  });
  return { readings, readingRows, ...rest };
}

type Role = 'station' | 'datetime' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'value' | 'quality';

/** Header words per role, compared after lower-casing and dropping spaces, _ - and dots. */
const HEADER_WORDS: [Role, string[]][] = [
  ['quality', ['quality', 'qc', 'flag', 'completeness', 'datacompleteness', 'q', '质量', '质控', '质量控制码', '完整性', '数据完整性', '數據完整性']],
  ['station', ['station', 'stationid', 'stationcode', 'stationno', 'stcd', 'site', 'siteid', 'gauge', '站号', '站名', '站点', '测站', '站码', '测站编码', '區站號', '站']],
  ['datetime', ['time', 'datetime', 'obstime', 'observationtime', 'timestamp', 'tm', 'date', '时间', '時間', '观测时间', '日期时间', '日期']],
  ['year', ['year', 'yr', 'yyyy', '年', '年份']],
  ['month', ['month', 'mon', '月', '月份']],
  ['day', ['day', 'dd', '日']],
  ['hour', ['hour', 'hr', 'hh', '时', '時', '小时', '小時']],
  ['minute', ['minute', 'min', '分', '分钟']],
  ['value', ['value', 'rain', 'rainfall', 'precip', 'precipitation', 'pre', 'pre1h', 'drp', 'amount', 'rainmm', 'rainfallmm', '降水', '降水量', '雨量', '数值', '數值', '日雨量', '时段雨量']],
];

function headerParts(cell: string): string[] {
  return cell
    .replace(/^\ufeff/, '')
    .split(/[/()（）|]/)
    .map((p) => p.toLowerCase().replace(/[\s_\-.]/g, ''))
    .filter((p) => p !== '');
}

export interface DetectedColumns {
  /** a starting mapping; the user still confirms station, zone and interval */
  mapping: Partial<RainCsvMapping>;
  /** what could not be found and must be chosen by hand */
  missing: ('station' | 'time' | 'value')[];
}

/**
 * Suggests a mapping from a header row by matching known words in English and Chinese
 * (each part of "年/Year"-style bilingual headers is tried). The zone defaults to the
 * office's, the interval to a day when only a date is found and to an hour otherwise.
 */
export function detectColumns(headerRow: readonly string[], timeZone = DEFAULT_TIME_ZONE): DetectedColumns {
  const found = new Map<Role, number>();
  headerRow.forEach((cell, index) => {
    const parts = headerParts(cell);
    for (const [role, words] of HEADER_WORDS) {
      if (found.has(role)) continue;
      if (parts.some((p) => words.includes(p))) {
        found.set(role, index);
        return;
      }
    }
  });
  const mapping: Partial<RainCsvMapping> = { timeZone };
  const missing: DetectedColumns['missing'] = [];
  if (found.has('station')) mapping.station = found.get('station');
  else missing.push('station');
  const y = found.get('year');
  const mo = found.get('month');
  const d = found.get('day');
  if (found.has('datetime')) {
    mapping.time = found.get('datetime');
    mapping.intervalMinutes = 60;
  } else if (y !== undefined && mo !== undefined && d !== undefined) {
    const cols: DateColumns = { year: y, month: mo, day: d };
    if (found.has('hour')) cols.hour = found.get('hour');
    if (found.has('minute')) cols.minute = found.get('minute');
    mapping.time = cols;
    mapping.intervalMinutes = cols.hour === undefined ? 1440 : 60;
  } else {
    missing.push('time');
  }
  if (found.has('value')) mapping.value = found.get('value');
  else missing.push('value');
  if (found.has('quality')) {
    mapping.quality = found.get('quality');
    mapping.qualityCodes = DEFAULT_QUALITY_CODES;
  }
  return { mapping, missing };
}

/**
 * Index of the header row among the first `maxScan` rows: the first one in which both
 * a time and a value column are recognised. Title lines above it (HKO has two) are
 * skipped this way. -1 when none is found.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], maxScan = 30): number {
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const { missing } = detectColumns(rows[i]);
    if (!missing.includes('time') && !missing.includes('value')) return i;
  }
  return -1;
}

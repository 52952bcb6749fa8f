import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectColumns, findHeaderRow, parseRainRows, type RainCsvMapping } from '../../../core/domain/rain/csv';
import { CALENDAR_DAY_RULE, countRainDays, dailyTotals, daysWindow, wettestDay } from '../../../core/domain/rain/days';
import { buildSeries, windowSum } from '../../../core/domain/rain/series';

/**
 * The real HKO daily series: two title lines, a bilingual header, "Trace" values, a
 * "***" row on 1900-02-29 (a date that does not exist), and legend lines after a blank
 * line at the end. Expected figures are computed here from the raw lines, independently.
 */
const FILE = '/work/shared/data/rain/hko_daily_total_rainfall_HKO_RF_ALL.csv';
const text = readFileSync(FILE, 'utf8');
const rawLines = text.replace(/^\ufeff/, '').split(/\r?\n/);

function independentYear(year: number) {
  let total = 0;
  let rainDays = 0;
  let days = 0;
  let trace = 0;
  let wettest = { mm: -1, date: '' };
  for (const line of rawLines) {
    const [y, m, d, v] = line.split(',');
    if (y !== String(year)) continue;
    days += 1;
    if (v === 'Trace') {
      trace += 1;
      continue;
    }
    const mm = parseFloat(v);
    total += mm;
    if (mm >= 0.1) rainDays += 1;
    if (mm > wettest.mm) wettest = { mm, date: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
  }
  return { total, rainDays, days, trace, wettest };
}

describe('HKO daily rainfall file', () => {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  const header = findHeaderRow(rows);
  const detected = detectColumns(rows[header]);
  const mapping: RainCsvMapping = {
    ...detected.mapping,
    stationFixed: 'HKO',
    timeZone: 'Asia/Hong_Kong',
    intervalMinutes: 1440,
    source: 'hko_daily_total_rainfall_HKO_RF_ALL.csv',
  } as RainCsvMapping;
  const parsed = parseRainRows(rows.slice(header + 1), mapping, header + 2);
  const { series, duplicates, rejected } = buildSeries(parsed.readings);
  const hko = series.get('HKO')!;

  it('finds the header under the two title lines and needs only a station code', () => {
    expect(header).toBe(2);
    expect(detected.missing).toEqual(['station']);
  });

  it('parses every data line; the only error is the non-existent 1900-02-29', () => {
    const dataLines = rawLines.filter((l) => /^\d{4},/.test(l));
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ code: 'date_invalid', row: rawLines.findIndex((l) => l.startsWith('1900,2,29,')) + 1 });
    expect(parsed.readings).toHaveLength(dataLines.length - 1);
    expect(parsed.notes.map((n) => n.text)).toContain('*** 沒有數據/unavailable');
    expect(parsed.notes.length).toBe(4);
    expect(duplicates).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it('reads Trace as 0 mm flagged as trace', () => {
    const traceLines = rawLines.filter((l) => l.split(',')[3] === 'Trace').length;
    expect(parsed.readings.filter((r) => r.trace && r.value === 0)).toHaveLength(traceLines);
  });

  it('puts each day at (00:00, next 00:00] Hong Kong time', () => {
    const r = parsed.readings.find((x) => x.endMs === Date.parse('2008-06-07T16:00:00Z'));
    expect(r).toBeDefined();
    expect(r!.intervalMinutes).toBe(1440);
  });

  it.each([2008, 1997, 2023, 1965])('year %i: total, rain days and wettest day agree with a plain loop over the raw lines', (year) => {
    const expected = independentYear(year);
    const { fromMs, toMs } = daysWindow(`${year}-01-01`, `${year}-12-31`, { ...CALENDAR_DAY_RULE, timeZone: 'Asia/Hong_Kong' });
    const total = windowSum(hko, fromMs, toMs);
    expect(total.complete).toBe(true);
    expect(total.readingCount).toBe(expected.days);
    expect(total.totalMm).toBeCloseTo(expected.total, 6);

    const days = dailyTotals(hko, `${year}-01-01`, `${year}-12-31`, { ...CALENDAR_DAY_RULE, timeZone: 'Asia/Hong_Kong' });
    expect(countRainDays(days)).toEqual({ rainDays: expected.rainDays, dryDays: expected.days - expected.rainDays, unknownDays: 0 });
    const wettest = wettestDay(days, (d) => d.totalMm);
    expect(wettest?.day).toBe(expected.wettest.date);
    expect(wettest?.totalMm).toBe(expected.wettest.mm);
  });

  it('gives days of summer-time changes their real length (Hong Kong kept summer time until 1979)', () => {
    const lengths = new Set(parsed.readings.map((r) => r.intervalMinutes));
    expect(lengths.has(1380) && lengths.has(1500)).toBe(true);
    // the one other length is 1904-10-30, when Hong Kong left local mean time (+7:36:42)
    const odd = parsed.readings.filter((r) => ![1380, 1440, 1500].includes(r.intervalMinutes));
    expect(odd.map((r) => r.intervalMinutes)).toEqual([1416.7]);
    expect(parsed.readings.filter((r) => r.endMs > Date.parse('1980-01-01T00:00:00Z')).every((r) => r.intervalMinutes === 1440)).toBe(true);
  });

  it('shows the 1900-02-29 gap nowhere as rain: February 1900 is complete with 28 days', () => {
    const { fromMs, toMs } = daysWindow('1900-02-01', '1900-02-28', { ...CALENDAR_DAY_RULE, timeZone: 'Asia/Hong_Kong' });
    expect(windowSum(hko, fromMs, toMs)).toMatchObject({ complete: true, readingCount: 28 });
  });
});

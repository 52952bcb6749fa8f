import { describe, expect, it } from 'vitest';
import { detectColumns, findHeaderRow, mappingProblems, parseRainRows, type RainCsvMapping } from '../../../core/domain/rain/csv';

const utc = (iso: string) => Date.parse(iso);
const base: RainCsvMapping = { station: 0, time: 1, value: 2, timeZone: 'Asia/Shanghai', intervalMinutes: 60, source: 'test.csv' };

describe('parseRainRows with a time column', () => {
  it('reads local wall-clock times as Shanghai time, the stamp marking the end', () => {
    const { readings, errors } = parseRainRows([['58362', '2024-07-07 08:00', '12.5']], base);
    expect(errors).toEqual([]);
    expect(readings).toEqual([{ stationId: '58362', endMs: utc('2024-07-07T00:00:00Z'), intervalMinutes: 60, value: 12.5, quality: 'ok', source: 'test.csv' }]);
  });

  it('accepts the usual spellings, offsets and hour 24', () => {
    const rows = [
      ['A', '2024/7/7 8:00', '1'],
      ['A', '2024-07-07T08:00:00+08:00', '1'],
      ['A', '2024-07-07T00:00:00Z', '1'],
      ['A', '2024-07-06 24:00', '1'],
      ['A', '2024-07-07T00:00:00.000Z', '1'],
    ];
    const { readings, errors } = parseRainRows(rows, base);
    expect(errors).toEqual([]);
    expect(readings.map((r) => r.endMs)).toEqual([
      utc('2024-07-07T00:00:00Z'),
      utc('2024-07-07T00:00:00Z'),
      utc('2024-07-07T00:00:00Z'),
      utc('2024-07-06T16:00:00Z'),
      utc('2024-07-07T00:00:00Z'),
    ]);
  });

  it('converts at the local midnight edge', () => {
    const { readings } = parseRainRows([['A', '2024-07-07 00:30', '1']], { ...base, intervalMinutes: 30 });
    // 00:30 on 7 July in Shanghai is still 6 July in UTC
    expect(readings[0].endMs).toBe(utc('2024-07-06T16:30:00Z'));
  });

  it('supports compact and epoch formats and start-of-interval stamps', () => {
    expect(parseRainRows([['A', '2024070708', '1']], { ...base, timeFormat: 'compact' }).readings[0].endMs).toBe(utc('2024-07-07T00:00:00Z'));
    expect(parseRainRows([['A', String(utc('2024-07-07T00:00:00Z') / 1000), '1']], { ...base, timeFormat: 'epoch_s' }).readings[0].endMs).toBe(utc('2024-07-07T00:00:00Z'));
    expect(parseRainRows([['A', '2024-07-07 07:00', '1']], { ...base, timeMarks: 'start' }).readings[0].endMs).toBe(utc('2024-07-07T00:00:00Z'));
  });

  it('keeps missing apart from zero and reports garbage', () => {
    const rows = [
      ['A', '2024-07-07 01:00', '0.0'],
      ['A', '2024-07-07 02:00', ''],
      ['A', '2024-07-07 03:00', '999999'],
      ['A', '2024-07-07 04:00', '-9999'],
      ['A', '2024-07-07 05:00', 'Trace'],
      ['A', '2024-07-07 06:00', '-2'],
      ['A', '2024-07-07 07:00', 'x1'],
    ];
    const { readings, errors } = parseRainRows(rows, base, 2);
    expect(readings.map((r) => [r.value, r.quality, r.trace ?? false])).toEqual([
      [0, 'ok', false],
      [null, 'missing', false],
      [null, 'missing', false],
      [null, 'missing', false],
      [0, 'ok', true],
      [null, 'missing', false],
      [null, 'missing', false],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 2, 'value_negative'],
      [8, 2, 'value_invalid'],
    ]);
    expect(errors[0].message_zh).toContain('负数');
    expect(errors[0].message_en).toContain('Negative');
  });

  it('turns bad rows into errors with row numbers, never into readings', () => {
    const rows = [
      ['', '2024-07-07 01:00', '1'],
      ['A', '2024-02-30 01:00', '1'],
      ['A', '7/7/2024 01:00', '1'],
      ['A', '2024-07-07 25:00', '1'],
      ['A', '2024-07-07 01:00', '1'],
    ];
    const { readings, errors } = parseRainRows(rows, base, 10);
    expect(readings).toHaveLength(1);
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [10, 'station_blank'],
      [11, 'date_invalid'],
      [12, 'time_invalid'],
      [13, 'time_invalid'],
    ]);
  });

  it('uses a fixed station and maps quality codes, warning on unknown ones', () => {
    const m: RainCsvMapping = { stationFixed: 'HKO', time: 0, value: 1, quality: 2, timeZone: 'Asia/Hong_Kong', intervalMinutes: 60 };
    const { readings, errors } = parseRainRows([['2024-07-07 08:00', '3', 'C'], ['2024-07-07 09:00', '3', '#'], ['2024-07-07 10:00', '3', '?'], ['2024-07-07 11:00', '3', '']], m);
    expect(readings.map((r) => [r.stationId, r.quality])).toEqual([
      ['HKO', 'ok'],
      ['HKO', 'suspect'],
      ['HKO', 'suspect'],
      ['HKO', 'ok'],
    ]);
    expect(errors).toMatchObject([{ row: 3, code: 'quality_unknown', severity: 'warning' }]);
  });

  it('skips blank rows and keeps one-cell legend rows as notes', () => {
    const { readings, notes, blankRows, errors } = parseRainRows([['A', '2024-07-07 01:00', '1'], [''], ['', '', ''], ['*** 沒有數據/unavailable']], base);
    expect(readings).toHaveLength(1);
    expect(blankRows).toBe(2);
    expect(notes).toEqual([{ row: 4, text: '*** 沒有數據/unavailable' }]);
    expect(errors).toEqual([]);
  });
});

describe('parseRainRows with date columns', () => {
  const m: RainCsvMapping = { stationFixed: 'X', time: { year: 0, month: 1, day: 2 }, value: 3, timeZone: 'Asia/Shanghai', intervalMinutes: 1440 };

  it('a date names the day from local midnight, ending at the next midnight', () => {
    expect(parseRainRows([['2024', '7', '6', '10']], m).readings[0].endMs).toBe(utc('2024-07-06T16:00:00Z'));
  });

  it('CMA met days (20:00 → 20:00, named by the end) end at 20:00 on the date', () => {
    expect(parseRainRows([['2024', '7', '6', '10']], { ...m, dayBoundary: '20:00', dayLabel: 'end' }).readings[0].endMs).toBe(utc('2024-07-06T12:00:00Z'));
  });

  it('reads an hour column as the end hour', () => {
    const hourly = { ...m, time: { year: 0, month: 1, day: 2, hour: 3 }, value: 4, intervalMinutes: 60 };
    expect(parseRainRows([['2024', '7', '7', '8', '1']], hourly).readings[0].endMs).toBe(utc('2024-07-07T00:00:00Z'));
  });

  it('rejects dates that do not exist, such as 1900-02-29', () => {
    expect(parseRainRows([['1900', '2', '29', '***']], m).errors).toMatchObject([{ code: 'date_invalid', column: null, message_en: 'No such date "1900-2-29"' }]);
  });
});

describe('mappingProblems', () => {
  it('asks for a station and a sane interval', () => {
    expect(mappingProblems(base)).toEqual([]);
    expect(mappingProblems({ ...base, station: undefined })).toHaveLength(1);
    expect(mappingProblems({ ...base, intervalMinutes: 0 })).toHaveLength(1);
    expect(mappingProblems({ ...base, value: 1 })).toHaveLength(1);
  });
});

describe('detectColumns', () => {
  it('reads an HKO-style bilingual header', () => {
    const d = detectColumns(['\ufeff年/Year', '月/Month', '日/Day', '數值/Value', '數據完整性/data Completeness']);
    expect(d.mapping).toMatchObject({ time: { year: 0, month: 1, day: 2 }, value: 3, quality: 4, intervalMinutes: 1440 });
    expect(d.missing).toEqual(['station']);
  });

  it('reads Chinese and English station-time-value headers', () => {
    expect(detectColumns(['站号', '观测时间', '雨量(mm)']).mapping).toMatchObject({ station: 0, time: 1, value: 2, intervalMinutes: 60 });
    expect(detectColumns(['Station ID', 'Date Time', 'Rainfall (mm)', 'QC']).mapping).toMatchObject({ station: 0, time: 1, value: 2, quality: 3 });
    expect(detectColumns(['Station', 'Year', 'Mon', 'Day', 'Hour', 'PRE_1h']).mapping).toMatchObject({ station: 0, time: { year: 1, month: 2, day: 3, hour: 4 }, value: 5, intervalMinutes: 60 });
  });

  it('says what it could not find', () => {
    expect(detectColumns(['foo', 'bar']).missing).toEqual(['station', 'time', 'value']);
  });

  it('finds the header below title lines', () => {
    const rows = [['日總雨量(毫米) - 天文台'], ['Daily Total Rainfall (mm) at the Hong Kong Observatory'], ['年/Year', '月/Month', '日/Day', '數值/Value', '數據完整性/data Completeness'], ['1884', '3', '1', '0.0', 'C']];
    expect(findHeaderRow(rows)).toBe(2);
    expect(findHeaderRow([['a'], ['b']])).toBe(-1);
  });
});

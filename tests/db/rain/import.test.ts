import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportBatch, MappingInput, RainSummary, StationRecord } from '../../../core/contract/rain';
import type { RowError } from '../../../core/domain/rain/csv';
import { createTestDb, type TestDb } from '../../support/db';

const NOW = Date.UTC(2026, 6, 1, 4, 0);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): TestDb {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  t.call<StationRecord>('rain.saveStation', { code: 'HF01', name: '华富', type: 'rain' });
  t.call<StationRecord>('rain.saveStation', { code: 'HF02', name: '莲花', type: 'rain' });
  return t;
}

const HOURLY: MappingInput = { station: 0, time: 1, value: 2, timeZone: 'Asia/Shanghai', intervalMinutes: 60 };

/** Stages rows in chunks of `size` and returns the batch, as the renderer does. */
function stage(t: TestDb, rows: string[][], mapping: MappingInput = HOURLY, size = 3): ImportBatch {
  const batch = t.call<ImportBatch>('rain.importBegin', { fileName: 'test.csv', mapping });
  for (let i = 0, seq = 0; i < rows.length; i += size, seq++) {
    t.call('rain.importChunk', { importId: batch.id, seq, firstRow: i + 2, rows: rows.slice(i, i + size) });
  }
  return batch;
}

const readings = (t: TestDb) => t.db.prepare('SELECT station_key, end_ms, interval_s, value_milli, quality, trace FROM rain_readings ORDER BY station_key, end_ms').all();

const GOOD = [
  ['HF01', '2026-07-01 08:00', '1.5'],
  ['HF01', '2026-07-01 09:00', '2.0'],
  ['HF01', '2026-07-01 10:00', '999999'],
  ['HF02', '2026-07-01 08:00', '0.0'],
  ['HF02', '2026-07-01 09:00', 'Trace'],
  ['HF02', '2026-07-01 10:00', '12.3'],
];

describe('staged import', () => {
  it('writes nothing until commit, then the whole file; sentinels become missing', () => {
    const t = setup();
    const batch = stage(t, GOOD);
    expect(readings(t)).toEqual([]);
    const done = t.call<ImportBatch>('rain.importCommit', { importId: batch.id });
    expect(done).toMatchObject({ status: 'committed', rowsRead: 6, readings: 6, inserted: 6, unchanged: 0, duplicates: 0 });
    const rows = readings(t) as { value_milli: number | null; quality: number; trace: number; end_ms: number }[];
    expect(rows.map((r) => r.value_milli)).toEqual([1500, 2000, null, 0, 0, 12300]);
    expect(rows[2].quality).toBe(2);
    expect(rows[4].trace).toBe(1);
    // 08:00 Beijing time is 00:00Z
    expect(rows[0].end_ms).toBe(Date.UTC(2026, 6, 1, 0));
    expect(t.db.prepare('SELECT count(*) FROM rain_import_chunks').pluck().get()).toBe(0);
  });

  it('re-importing the same file changes no reading and reports no duplicate', () => {
    const t = setup();
    const withDupe = [...GOOD, ['HF01', '2026-07-01 08:00', '1.7']];
    t.call('rain.importCommit', { importId: stage(t, withDupe).id });
    const first = readings(t);
    expect(t.call<{ total: number }>('rain.duplicates', {}).total).toBe(1);
    const again = t.call<ImportBatch>('rain.importCommit', { importId: stage(t, withDupe).id });
    expect(again).toMatchObject({ inserted: 0, replaced: 0, unchanged: 6, duplicates: 1 });
    expect(readings(t)).toEqual(first);
    // the later copy inside the file wins, by the stated rule
    expect((first[0] as { value_milli: number }).value_milli).toBe(1700);
  });

  it('refuses a file with bad rows as a whole, listing them, and leaves every table as it was', () => {
    const t = setup();
    const bad = [...GOOD, ['HF09', '2026-07-01 08:00', '1'], ['HF01', '2026-13-01 08:00', '1'], ['HF01', '2026-07-01 11:00', '-3']];
    const batch = stage(t, bad);
    const before = readings(t);
    const error = t.fail('rain.importCommit', { importId: batch.id });
    expect(error).toMatchObject({ key: 'errors.rain.importHasErrors', params: { rows: 3 } });
    expect(readings(t)).toEqual(before);
    const report = t.call<{ rows: RowError[]; total: number }>('rain.importErrors', { importId: batch.id });
    expect(report.rows.map((e) => [e.row, e.code])).toEqual([
      [8, 'station_unknown'],
      [9, 'date_invalid'],
      [10, 'value_negative'],
    ]);
    // With an explicit "skip bad rows" the good ones land and the bad ones are counted.
    const done = t.call<ImportBatch>('rain.importCommit', { importId: batch.id, skipBadRows: true });
    expect(done).toMatchObject({ inserted: 6, skippedRows: 3, errorRows: 3 });
  });

  it('lists a value above the plausible limit as a bad row, and imports it only when confirmed', () => {
    const rows = [...GOOD, ['HF01', '2026-07-01 11:00', '250']];
    const refused = setup();
    const batch = stage(refused, rows);
    expect(refused.fail('rain.importCommit', { importId: batch.id })).toMatchObject({ key: 'errors.rain.importHasErrors', params: { rows: 1 } });
    const listed = refused.call<{ rows: RowError[] }>('rain.importErrors', { importId: batch.id }).rows;
    expect(listed).toEqual([expect.objectContaining({ row: 8, code: 'value_implausible', message_zh: expect.stringContaining('250'), message_en: expect.stringContaining('plausible') })]);
    expect(refused.call<ImportBatch>('rain.importCommit', { importId: batch.id, skipBadRows: true })).toMatchObject({ inserted: 6, skippedRows: 1 });

    const confirmed = setup();
    const again = stage(confirmed, rows);
    expect(confirmed.call<ImportBatch>('rain.importCommit', { importId: again.id, confirmedImplausible: true })).toMatchObject({ inserted: 7, skippedRows: 0 });
    expect(confirmed.db.prepare('SELECT max(value_milli) FROM rain_readings').pluck().get()).toBe(250_000);
  });

  it('cancels a staged file, after which it cannot be committed', () => {
    const t = setup();
    const batch = stage(t, GOOD);
    expect(t.call<ImportBatch>('rain.importCancel', { importId: batch.id }).status).toBe('cancelled');
    expect(t.fail('rain.importCommit', { importId: batch.id }).key).toBe('errors.rain.importClosed');
    expect(readings(t)).toEqual([]);
  });

  it('refuses a mapping that uses one column twice, or an unknown zone', () => {
    const t = setup();
    expect(t.fail('rain.importBegin', { fileName: 'x.csv', mapping: { ...HOURLY, value: 1 } }).key).toBe('errors.rain.badMapping');
    expect(t.fail('rain.importBegin', { fileName: 'x.csv', mapping: { ...HOURLY, timeZone: 'Mars/Base' } }).key).toBe('errors.settings.badTimeZone');
    expect(t.db.prepare('SELECT count(*) FROM rain_batches').pluck().get()).toBe(0);
  });

  it('merges an import with manual readings by the same rule: data beats missing', () => {
    const t = setup();
    const hf01 = t.call<StationRecord[]>('rain.listStations', {})[0];
    t.call('rain.addReading', { stationId: hf01.id, endMs: Date.UTC(2026, 6, 1, 2), value: 4 });
    const done = t.call<ImportBatch>('rain.importCommit', { importId: stage(t, GOOD).id });
    // the file's 10:00 HF01 is a sentinel (missing): the manual 4 mm stays
    expect(done).toMatchObject({ inserted: 5, unchanged: 1, duplicates: 1 });
    expect(t.db.prepare('SELECT value_milli FROM rain_readings WHERE end_ms = ? AND station_key = 1').pluck().get(Date.UTC(2026, 6, 1, 2))).toBe(4000);
  });
});

describe('the real HKO daily file through the database import path', () => {
  const file = join(process.cwd(), '..', 'shared', 'data', 'rain', 'hko_daily_total_rainfall_HKO_RF_ALL.csv');
  const text = readFileSync(file, 'utf8');
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);

  /** Independent figures: a plain loop over the raw lines, no shared code. */
  function yearFromLines(year: number) {
    let total = 0;
    let rainDays = 0;
    for (const line of lines) {
      const [y, , , v] = line.split(',');
      if (y !== String(year) || v === 'Trace') continue;
      const mm = parseFloat(v);
      total += mm;
      if (mm >= 0.1) rainDays += 1;
    }
    return { total, rainDays };
  }

  it('imports every day (skipping the impossible 1900-02-29) and agrees with the raw lines on yearly totals', () => {
    const t = createTestDb(Date.UTC(2026, 3, 1));
    cleanups.push(t.close);
    t.call('settings.update', { section: 'general', values: { timeZone: 'Asia/Hong_Kong' } });
    t.call('rain.saveStation', { code: 'HKO', name: '香港天文台', nameEn: 'Hong Kong Observatory', type: 'rain', source: 'HKO' });
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    const mapping: MappingInput = { stationFixed: 'HKO', time: { year: 0, month: 1, day: 2 }, value: 3, quality: 4, qualityCodes: { C: 'ok', '#': 'suspect' }, timeZone: 'Asia/Hong_Kong', intervalMinutes: 1440 };
    const batch = t.call<ImportBatch>('rain.importBegin', { fileName: 'hko_daily_total_rainfall_HKO_RF_ALL.csv', mapping });
    const body = rows.slice(3);
    for (let i = 0, seq = 0; i < body.length; i += 5000, seq++) t.call('rain.importChunk', { importId: batch.id, seq, firstRow: i + 4, rows: body.slice(i, i + 5000) });
    expect(t.fail('rain.importCommit', { importId: batch.id }).params).toEqual({ rows: 1 });
    const done = t.call<ImportBatch>('rain.importCommit', { importId: batch.id, skipBadRows: true });
    const dataLines = lines.filter((l) => /^\d{4},/.test(l)).length;
    expect(done).toMatchObject({ inserted: dataLines - 1, skippedRows: 1, duplicates: 0 });

    for (const year of [1997, 2008, 2023]) {
      const expected = yearFromLines(year);
      // HKO days run midnight to midnight Hong Kong time: the year is (1 Jan 00:00, next 1 Jan 00:00].
      const from = Date.parse(`${year}-01-01T00:00:00+08:00`);
      const to = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
      const stored = t.db.prepare('SELECT sum(value_milli) AS mm, count(*) AS n, sum(value_milli >= 100) AS rainDays FROM rain_readings WHERE end_ms > ? AND end_ms <= ?').get(from, to) as { mm: number; n: number; rainDays: number };
      expect(stored.mm / 1000).toBeCloseTo(expected.total, 6);
      expect(stored.rainDays).toBe(expected.rainDays);
    }
    // A midnight-to-midnight day sticks out of every 08–08 flood day, so flood-day totals are
    // reported as incomplete rather than guessed.
    const summary = t.call<RainSummary>('rain.summary', { fromDay: '2008-06-01', toDay: '2008-06-30', dayRule: 'flood' });
    expect(summary.stations[0]).toMatchObject({ complete: false });

    // Re-importing the file changes nothing.
    const before = t.db.prepare('SELECT count(*) AS n, sum(value_milli) AS mm FROM rain_readings').get();
    const again = t.call<ImportBatch>('rain.importBegin', { fileName: 'hko_daily_total_rainfall_HKO_RF_ALL.csv', mapping });
    for (let i = 0, seq = 0; i < body.length; i += 5000, seq++) t.call('rain.importChunk', { importId: again.id, seq, firstRow: i + 4, rows: body.slice(i, i + 5000) });
    expect(t.call<ImportBatch>('rain.importCommit', { importId: again.id, skipBadRows: true })).toMatchObject({ inserted: 0, replaced: 0, unchanged: dataLines - 1 });
    expect(t.db.prepare('SELECT count(*) AS n, sum(value_milli) AS mm FROM rain_readings').get()).toEqual(before);
  });
});

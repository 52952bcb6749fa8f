import { afterEach, describe, expect, it } from 'vitest';
import type { ImportBatch, MappingInput, StationRecord } from '../../../core/contract/rain';
import type { RainCsvMapping } from '../../../core/domain/rain/csv';
import { PACKED_FIELDS, packRainRows } from '../../../core/domain/rain/packed';
import { createTestDb, type TestDb } from '../../support/db';

/**
 * rain.importParsed (rows parsed in the renderer, sent packed) against rain.importChunk (raw
 * rows parsed here): the same file must leave the same readings, counts, duplicates and
 * error report; and a packed chunk that no parse could produce is refused, writing nothing.
 */

const NOW = Date.UTC(2026, 6, 1, 4, 0);
const HOUR = 3_600_000;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const MAPPING: MappingInput = { station: 0, time: 1, value: 2, quality: 3, timeZone: 'Asia/Shanghai', intervalMinutes: 60 };

function setup(): TestDb {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  for (const code of ['HF01', 'HF02', 'HF03']) t.call<StationRecord>('rain.saveStation', { code, name: code, type: 'rain' });
  t.call<StationRecord>('rain.saveStation', { code: 'LV01', name: '水位', type: 'water' });
  return t;
}

const stamp = (h: number) => new Date(Date.UTC(2026, 5, 1, h) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

/** 700 rows across four gauges: some copies of one slot, sentinels, a quality column, an unknown gauge and bad cells. */
function file(): string[][] {
  const rows: string[][] = [];
  for (let h = 1; h <= 170; h++) for (const code of ['HF01', 'HF02', 'HF03', 'LV01']) rows.push([code, stamp(h), String(((h * 7) % 13) / 2), h % 50 === 0 ? '#' : 'C']);
  rows.push(['HF01', stamp(5), '9.5', 'C'], ['HF02', stamp(6), '999999', ''], ['HF09', stamp(7), '1', ''], ['HF01', 'soon', '1', ''], ['HF03', stamp(171), '-2', ''], ['HF03', stamp(172), '3', 'missing']);
  rows.push([''], ...Array.from({ length: 14 }, (_, i) => ['HF02', stamp(200 + i), 'Trace', '']));
  return rows;
}

const CHUNK = 128;

function stageRaw(t: TestDb, rows: string[][]): ImportBatch {
  const batch = t.call<ImportBatch>('rain.importBegin', { fileName: 'f.csv', mapping: MAPPING });
  for (let i = 0, seq = 0; i < rows.length; i += CHUNK, seq++) t.call('rain.importChunk', { importId: batch.id, seq, firstRow: i + 2, rows: rows.slice(i, i + CHUNK) });
  return batch;
}

function parsedChunk(importId: string, rows: string[][], seq: number, firstRow: number) {
  const packed = packRainRows(rows, { ...(MAPPING as RainCsvMapping), source: 'f.csv' }, firstRow);
  const data = Buffer.from(packed.data.buffer, packed.data.byteOffset, packed.data.byteLength).toString('base64');
  return { importId, seq, firstRow, rowCount: rows.length, stations: packed.stations, data, errors: packed.errors };
}

function stageParsed(t: TestDb, rows: string[][]): ImportBatch {
  const batch = t.call<ImportBatch>('rain.importBegin', { fileName: 'f.csv', mapping: MAPPING });
  for (let i = 0, seq = 0; i < rows.length; i += CHUNK, seq++) t.call('rain.importParsed', parsedChunk(batch.id, rows.slice(i, i + CHUNK), seq, i + 2));
  return batch;
}

function state(t: TestDb, importId: string) {
  return {
    readings: t.db.prepare('SELECT station_key, end_ms, interval_s, value_milli, quality, trace FROM rain_readings ORDER BY 1, 2, 3').all(),
    duplicates: t.db.prepare('SELECT station_key, end_ms, interval_s, kept_milli, dropped_milli, kept, rule, conflict FROM rain_duplicates ORDER BY 1, 2, 3, 4, 5').all(),
    errors: t.call<{ rows: unknown[] }>('rain.importErrors', { importId, limit: 1000 }).rows,
  };
}

const counts = ({ rowsRead, readings, inserted, replaced, unchanged, duplicates, skippedRows, errorRows, warningRows }: ImportBatch) =>
  ({ rowsRead, readings, inserted, replaced, unchanged, duplicates, skippedRows, errorRows, warningRows });

describe('staging parsed rows', () => {
  it('gives what staging raw rows gives, over readings already stored by an earlier import and by hand', () => {
    const results = (['raw', 'parsed'] as const).map((how) => {
      const t = setup();
      // Half the slots are taken already, some with other values, so blocks of the commit meet both.
      const earlier = stageRaw(t, file().filter((r, i) => i % 2 === 0 && i < 400).map((r) => [r[0], r[1], r[0] === 'HF01' ? '7.0' : r[2], r[3]]));
      const first = t.call<ImportBatch>('rain.importCommit', { importId: earlier.id, skipBadRows: true });
      const hf02 = t.call<StationRecord[]>('rain.listStations', {}).find((s) => s.code === 'HF02') as StationRecord;
      t.call('rain.addReading', { stationId: hf02.id, endMs: Date.UTC(2026, 5, 1, 6), value: 4 });
      const batch = (how === 'raw' ? stageRaw : stageParsed)(t, file());
      expect(t.fail('rain.importCommit', { importId: batch.id }).key).toBe('errors.rain.importHasErrors');
      const done = t.call<ImportBatch>('rain.importCommit', { importId: batch.id, skipBadRows: true });
      // Every reading is counted once, as new, replacing or unchanged, and the new ones are all there.
      expect(done.inserted + done.replaced + done.unchanged).toBe(done.readings);
      expect(t.db.prepare('SELECT count(*) FROM rain_readings').pluck().get()).toBe(first.inserted + 1 + done.inserted);
      const again = t.call<ImportBatch>('rain.importCommit', { importId: (how === 'raw' ? stageRaw : stageParsed)(t, file()).id, skipBadRows: true });
      return { done: counts(done), again: counts(again), ...state(t, batch.id) };
    });
    const [raw, parsed] = results;
    expect(raw.done.inserted).toBeGreaterThan(200);
    expect(raw.done.unchanged + raw.done.replaced).toBeGreaterThan(150);
    expect(raw.done.skippedRows).toBe(3);
    expect(raw.again).toMatchObject({ inserted: 0, replaced: 0 });
    expect(parsed).toEqual(raw);
  });

  it('stores a water level as an instant and refuses a packed chunk no parse could make, writing nothing', () => {
    const t = setup();
    const batch = t.call<ImportBatch>('rain.importBegin', { fileName: 'f.csv', mapping: MAPPING });
    const good = parsedChunk(batch.id, [['LV01', stamp(1), '3.25', 'C'], ['HF01', stamp(1), '1', 'C']], 0, 2);
    const dump = () => JSON.stringify(['rain_import_chunks', 'rain_import_errors', 'rain_readings'].map((n) => t.db.prepare(`SELECT * FROM ${n}`).all()));
    const before = dump();
    const bytes = Buffer.from(good.data, 'base64');
    const spoil = (at: number, v: number) => {
      const copy = new Float64Array(bytes.length / 8);
      new Uint8Array(copy.buffer).set(bytes);
      copy[at] = v;
      return Buffer.from(copy.buffer).toString('base64');
    };
    expect(t.fail('rain.importParsed', { ...good, data: spoil(PACKED_FIELDS, 5) })).toMatchObject({ key: 'errors.rain.badPacked', params: { record: 1, field: 'station' } });
    expect(t.fail('rain.importParsed', { ...good, data: spoil(6, 99) })).toMatchObject({ key: 'errors.rain.badPacked', params: { record: 0, field: 'row' } });
    expect(t.fail('rain.importParsed', { ...good, data: bytes.subarray(0, 60).toString('base64') }).key).toBe('errors.rain.badPacked');
    expect(t.fail('rain.importParsed', { ...good, data: 'not base64!' }).code).toBe('validation');
    expect(dump()).toBe(before);
    t.call('rain.importParsed', good);
    const done = t.call<ImportBatch>('rain.importCommit', { importId: batch.id });
    expect(done).toMatchObject({ inserted: 2 });
    expect(t.db.prepare('SELECT interval_s, value_milli FROM rain_readings ORDER BY station_key DESC').all()).toEqual([
      { interval_s: 0, value_milli: 3250 },
      { interval_s: 3600, value_milli: 1000 },
    ]);
  });
});

import { readRainRows, type RainCsvMapping, type RowError } from './csv';
import type { RainQuality } from './readings';

/**
 * Parsed readings as one Float64Array, the form a file travels in from the renderer to the
 * staged import: parsing a million rows of text on the server cost several times the insert
 * itself, and an object (or JSON array) per reading costs more than the reading. The renderer
 * parses with the very rules of `readRainRows`; the server only checks each record's ranges.
 *
 * One record per reading, PACKED_FIELDS numbers:
 * [station index into `stations`, end ms, interval in seconds, value in thousandths (NaN when
 *  missing), quality code (RAIN_QUALITY_CODES), trace (0/1), row number in the file].
 */
export const PACKED_FIELDS = 7;

/** Quality as stored and packed: the index in this list. */
export const RAIN_QUALITY_CODES: readonly RainQuality[] = ['ok', 'suspect', 'missing', 'estimated'];
const QUALITY_INDEX = new Map(RAIN_QUALITY_CODES.map((q, i) => [q, i]));
export const MISSING_CODE = 2;

/** Thousandths of the unit: the precision readings are stored with (values are never finer). */
export const toMilli = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000));

export interface PackedRows {
  /** station codes as written in the file, in order of first appearance */
  stations: string[];
  data: Float64Array;
  /** readings in `data` */
  count: number;
  errors: RowError[];
}

export function packRainRows(rows: readonly (readonly string[])[], m: RainCsvMapping, firstRowNumber: number): PackedRows {
  const stations: string[] = [];
  const index = new Map<string, number>();
  // A row gives at most one reading.
  const data = new Float64Array(rows.length * PACKED_FIELDS);
  let count = 0;
  const { errors } = readRainRows(rows, m, firstRowNumber, (stationId, endMs, intervalMinutes, value, quality, trace, row) => {
    let s = index.get(stationId);
    if (s === undefined) {
      s = stations.push(stationId) - 1;
      index.set(stationId, s);
    }
    // A quality column saying "missing" makes the value no data, whatever the cell held
    // (hasData's rule); the database keeps value and quality in step.
    const missing = value === null || quality === 'missing';
    const o = count * PACKED_FIELDS;
    data[o] = s;
    data[o + 1] = endMs;
    data[o + 2] = Math.round(intervalMinutes * 60);
    data[o + 3] = missing ? Number.NaN : (toMilli(value) as number);
    data[o + 4] = missing ? MISSING_CODE : (QUALITY_INDEX.get(quality) as number);
    data[o + 5] = trace ? 1 : 0;
    data[o + 6] = row;
    count += 1;
  });
  return { stations, data: data.subarray(0, count * PACKED_FIELDS), count, errors };
}

const MAX_INSTANT = 8_640_000_000_000;
const MAX_INTERVAL_S = 366 * 24 * 3600;

/**
 * The first record that no parse by `readRainRows` could have produced, or null. The server
 * runs this on every chunk, since the renderer is only trusted to be a client; the database's
 * own CHECKs would catch less and later.
 */
export function packedProblem(data: Float64Array, stationCount: number, firstRow: number, rowCount: number): { record: number; field: string } | null {
  const lastRow = firstRow + rowCount;
  for (let i = 0, o = 0; o < data.length; i++, o += PACKED_FIELDS) {
    const station = data[o];
    const end = data[o + 1];
    const interval = data[o + 2];
    const value = data[o + 3];
    const quality = data[o + 4];
    const trace = data[o + 5];
    const row = data[o + 6];
    if (!(Number.isInteger(station) && station >= 0 && station < stationCount)) return { record: i, field: 'station' };
    if (!(Number.isInteger(end) && end >= 0 && end <= MAX_INSTANT)) return { record: i, field: 'endMs' };
    if (!(Number.isInteger(interval) && interval > 0 && interval <= MAX_INTERVAL_S)) return { record: i, field: 'interval' };
    if (Number.isNaN(value) ? quality !== MISSING_CODE : !(Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER && quality !== MISSING_CODE)) {
      return { record: i, field: 'value' };
    }
    if (!(quality === 0 || quality === 1 || quality === 2 || quality === 3)) return { record: i, field: 'quality' };
    if (!(trace === 0 || trace === 1)) return { record: i, field: 'trace' };
    if (!(Number.isInteger(row) && row >= firstRow && row < lastRow)) return { record: i, field: 'row' };
  }
  return null;
}

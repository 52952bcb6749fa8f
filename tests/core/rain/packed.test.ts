import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRainRows, type RainCsvMapping } from '../../../core/domain/rain/csv';
import { PACKED_FIELDS, packedProblem, packRainRows, RAIN_QUALITY_CODES } from '../../../core/domain/rain/packed';

const hourly: RainCsvMapping = { station: 0, time: 1, value: 2, quality: 3, timeZone: 'Asia/Shanghai', intervalMinutes: 60 };

/** Cells a real file can hold, good and bad, so both paths meet every rule. */
const cell = {
  station: fc.constantFrom('HF01', 'HF02', ' HF03 ', '', '58362'),
  time: fc.constantFrom('2024-07-07 08:00', '2024/7/7 9:00', '2024-07-06 24:00', '2024-07-07T00:00:00Z', '2024-13-01 08:00', 'yesterday', '2024-07-07', ''),
  value: fc.oneof(
    fc.constantFrom('0.0', '12.5', 'Trace', '***', '999999', '-3', 'abc', '', '32766', '0.05'),
    fc.double({ min: 0, max: 500, noNaN: true }).map((v) => v.toFixed(1)),
  ),
  quality: fc.constantFrom('', 'C', '#', 'missing', 'estimated', '?'),
};
const row = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(cell.station, cell.time, cell.value, cell.quality).map((r) => [...r]) },
  { weight: 1, arbitrary: fc.constantFrom([''], ['', '', '', ''], ['*** 沒有數據/unavailable']) },
);

describe('packRainRows', () => {
  it('packs exactly the readings and errors parseRainRows finds, by the same rules', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 1000 }), (rows, first) => {
        const parsed = parseRainRows(rows, hourly, first);
        const packed = packRainRows(rows, hourly, first);
        expect(packed.errors).toEqual(parsed.errors);
        expect(packed.count).toBe(parsed.readings.length);
        expect(packed.data.length).toBe(packed.count * PACKED_FIELDS);
        parsed.readings.forEach((r, i) => {
          const o = i * PACKED_FIELDS;
          const missing = r.value === null || r.quality === 'missing';
          expect(packed.stations[packed.data[o]]).toBe(r.stationId);
          expect([packed.data[o + 1], packed.data[o + 2]]).toEqual([r.endMs, r.intervalMinutes * 60]);
          if (missing) expect(packed.data[o + 3]).toBeNaN();
          else expect(packed.data[o + 3]).toBe(Math.round((r.value as number) * 1000));
          expect(RAIN_QUALITY_CODES[packed.data[o + 4]]).toBe(missing ? 'missing' : r.quality);
          expect([packed.data[o + 5], packed.data[o + 6]]).toEqual([r.trace ? 1 : 0, parsed.readingRows[i]]);
        });
        expect(packedProblem(packed.data, packed.stations.length, first, rows.length)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a value flagged "missing" by the quality column as missing, as the database requires', () => {
    const { data } = packRainRows([['HF01', '2024-07-07 08:00', '4.0', 'missing']], hourly, 2);
    expect(data[3]).toBeNaN();
    expect(data[4]).toBe(RAIN_QUALITY_CODES.indexOf('missing'));
  });
});

describe('packedProblem', () => {
  const good = () => packRainRows([['HF01', '2024-07-07 08:00', '1.5', 'C']], hourly, 10).data.slice();
  const spoilt: [string, number, number][] = [
    ['station', 0, 1],
    ['station', 0, 0.5],
    ['endMs', 1, -1],
    ['endMs', 1, 1.5],
    ['interval', 2, 0],
    ['value', 3, -1000],
    ['value', 3, 1.5],
    ['value', 3, Number.NaN],
    ['quality', 4, 4],
    ['trace', 5, 2],
    ['row', 6, 9],
    ['row', 6, 11],
  ];

  it('accepts a record any parse could make, and names the field of one none could', () => {
    expect(packedProblem(good(), 1, 10, 1)).toBeNull();
    for (const [field, at, bad] of spoilt) {
      const data = good();
      data[at] = bad;
      expect(packedProblem(data, 1, 10, 1), `${field} = ${bad}`).toEqual({ record: 0, field });
    }
    // A missing value must say so in its quality, and a value must not claim to be missing.
    const missing = good();
    missing[4] = RAIN_QUALITY_CODES.indexOf('missing');
    expect(packedProblem(missing, 1, 10, 1)).toEqual({ record: 0, field: 'value' });
  });
});

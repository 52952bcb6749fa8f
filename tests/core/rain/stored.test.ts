import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAIN_QUALITY_CODES } from '../../../core/domain/rain/packed';
import { seriesFromSorted, seriesFromStored, windowSum, type StoredReading } from '../../../core/domain/rain/series';

const H = 3_600_000;

describe('seriesFromStored (rows as the database returns them)', () => {
  it('gives the very window sums seriesFromSorted gives for the same readings as objects', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            hour: fc.integer({ min: 0, max: 60 }),
            interval: fc.constantFrom(0, 60, 180, 1440),
            milli: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
            quality: fc.constantFrom(0, 1, 3),
          }),
          { selector: (r) => `${r.hour}/${r.interval}` },
        ),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (slots, from, len) => {
          const rows: StoredReading[] = slots
            .map((s): StoredReading => [s.hour * H, s.interval * 60, s.milli, s.milli === null ? 2 : s.quality])
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          const objects = rows.map(([endMs, intervalS, milli, q]) => ({ endMs, intervalMinutes: intervalS / 60, value: milli === null ? null : milli / 1000, quality: RAIN_QUALITY_CODES[q] }));
          const stored = seriesFromStored('A', rows);
          const sorted = seriesFromSorted('A', objects);
          expect(stored.length).toBe(sorted.length);
          expect(windowSum(stored, from * H, (from + len) * H)).toEqual(windowSum(sorted, from * H, (from + len) * H));
        },
      ),
      { numRuns: 300 },
    );
  });
});

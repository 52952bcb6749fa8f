import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RainReading } from '../../../core/domain/rain/readings';
import { buildSeries, buildStationSeries, latestEndAtOrBefore, seriesFromSorted, windowSum } from '../../../core/domain/rain/series';
import { areaAverage, departureFromNormal, findNormal, rollingSum, rollingSums, rollingSumsAll, rollingTotals, wettestStation, windowTotals } from '../../../core/domain/rain/sums';

const H = 3_600_000;
const T0 = Date.UTC(2024, 6, 6, 0, 0); // 2024-07-06 08:00 in Shanghai

function hourly(stationId: string, values: (number | null)[], firstEnd = T0 + H): RainReading[] {
  return values.map((value, i) => ({ stationId, endMs: firstEnd + i * H, intervalMinutes: 60, value, quality: value === null ? 'missing' : 'ok', source: 't' }));
}

describe('windowSum and rolling sums', () => {
  // hours ending 09:00 … 20:00 local: 1, 2, …, 12 mm
  const values = Array.from({ length: 12 }, (_, i) => i + 1);
  const s = buildStationSeries('A', hourly('A', values));
  const at = T0 + 12 * H; // end of the 12th hour

  it('sums the readings whose intervals lie inside (t − W, t]', () => {
    const r = rollingSums(s, at);
    expect(r.h1).toMatchObject({ totalMm: 12, complete: true, coveredMinutes: 60, readingCount: 1 });
    expect(r.h3).toMatchObject({ totalMm: 10 + 11 + 12, complete: true });
    expect(r.h6.totalMm).toBe(7 + 8 + 9 + 10 + 11 + 12);
    expect(r.h12).toMatchObject({ totalMm: 78, complete: true });
  });

  it('flags a window reaching back before the data as incomplete, never silently lower', () => {
    const h24 = rollingSums(s, at).h24;
    expect(h24).toMatchObject({ totalMm: 78, complete: false, windowMinutes: 1440, coveredMinutes: 720, missingMinutes: 720 });
  });

  it('counts the reading ending exactly at t, not one ending exactly at t − W', () => {
    // (t − 1 h, t]: the reading ending at t − 1 h covers (t − 2 h, t − 1 h] and lies outside
    expect(rollingSum(s, at - H, 1).totalMm).toBe(11);
  });

  it('leaves out readings sticking out of an unaligned window and says so', () => {
    const w = rollingSum(s, at - H / 2, 3); // (16:30, 19:30] local: 17–18 and 18–19 fit, 16–17 and 19–20 stick out
    expect(w.readingCount).toBe(2);
    expect(w.complete).toBe(false);
    expect(w.missingMinutes).toBe(60);
  });

  it('keeps missing and zero apart', () => {
    const zero = buildStationSeries('Z', hourly('Z', [0, 0, 0]));
    const gap = buildStationSeries('M', hourly('M', [null, null, null]));
    expect(rollingSum(zero, T0 + 3 * H, 3)).toMatchObject({ totalMm: 0, complete: true });
    expect(rollingSum(gap, T0 + 3 * H, 3)).toMatchObject({ totalMm: null, complete: false, coveredMinutes: 0 });
    const holed = buildStationSeries('G', hourly('G', [5, null, 5]));
    expect(rollingSum(holed, T0 + 3 * H, 3)).toMatchObject({ totalMm: 10, complete: false, missingMinutes: 60 });
  });

  it('counts flagged minutes from suspect or estimated readings', () => {
    const rs = hourly('F', [1, 2]);
    rs[1] = { ...rs[1], quality: 'estimated' };
    expect(rollingSum(buildStationSeries('F', rs), T0 + 2 * H, 2)).toMatchObject({ totalMm: 3, complete: true, flaggedMinutes: 60 });
  });

  it('finds the latest end at or before an instant', () => {
    expect(latestEndAtOrBefore(s, at + H / 2)).toBe(at);
    expect(latestEndAtOrBefore(s, T0)).toBeNull();
  });

  it('gives plain totals for the signal rules', () => {
    expect(rollingTotals(rollingSums(s, at))).toEqual({ h1: 12, h3: 33, h6: 57, h12: 78, h24: 78 });
  });
});

describe('buildSeries', () => {
  it('merges duplicates instead of doubling them', () => {
    const rs = hourly('A', [4, 4]);
    const { series, duplicates } = buildSeries([...rs, { ...rs[0] }]);
    expect(duplicates).toHaveLength(1);
    expect(windowSum(series.get('A')!, T0, T0 + 2 * H).totalMm).toBe(8);
  });

  it('rejects an overlapping daily total next to hourly data', () => {
    const rs = hourly('A', Array(24).fill(1));
    const daily: RainReading = { stationId: 'A', endMs: T0 + 24 * H, intervalMinutes: 1440, value: 30, quality: 'ok', source: 'daily' };
    const { series, rejected } = buildSeries([daily, ...rs]);
    expect(rejected).toEqual([{ reading: daily, reason: 'overlap' }]);
    expect(windowSum(series.get('A')!, T0, T0 + 24 * H)).toMatchObject({ totalMm: 24, complete: true });
  });

  it('accepts a station that changes interval, as long as nothing overlaps', () => {
    const tenMin: RainReading[] = Array.from({ length: 6 }, (_, i) => ({ stationId: 'A', endMs: T0 + 2 * H + (i + 1) * 600_000, intervalMinutes: 10, value: 0.5, quality: 'ok', source: 't' }));
    const { series } = buildSeries([...hourly('A', [1, 1]), ...tenMin]);
    expect(windowSum(series.get('A')!, T0, T0 + 3 * H)).toMatchObject({ totalMm: 5, complete: true, readingCount: 8 });
  });

  it('sets missing readings and bad intervals aside', () => {
    const bad: RainReading = { stationId: 'A', endMs: T0, intervalMinutes: 0, value: 1, quality: 'ok', source: 't' };
    const { rejected } = buildSeries([bad, ...hourly('A', [null])]);
    expect(rejected.map((r) => r.reason).sort()).toEqual(['bad_interval', 'no_data']);
  });
});

describe('area average and wettest station', () => {
  const set = buildSeries([...hourly('A', [10, 10, 10]), ...hourly('B', [20, 20, 20]), ...hourly('C', [90, null, 90])]).series;
  const sums = windowTotals(set.values(), T0, T0 + 3 * H);

  it('averages only stations with complete coverage and says how many', () => {
    expect(areaAverage(sums)).toEqual({ meanMm: 45, stationsUsed: 2, stationsTotal: 3, incompleteStationIds: ['C'] });
    expect(areaAverage([]).meanMm).toBeNull();
  });

  it('names the wettest station and warns when some had gaps', () => {
    expect(wettestStation(sums)).toEqual({ stationId: 'C', totalMm: 180, complete: false, incompleteStations: 1 });
    expect(wettestStation(sums.filter((s) => s.stationId !== 'C'))).toMatchObject({ stationId: 'B', complete: true, incompleteStations: 0 });
    expect(wettestStation(windowTotals(buildSeries(hourly('D', [0, 0])).series.values(), T0, T0 + 2 * H))).toBeNull();
  });
});

describe('departure from normal', () => {
  it('is (this − normal) / normal', () => {
    expect(departureFromNormal(194.1, 183.1)?.percent).toBeCloseTo(6.0076, 3);
    expect(departureFromNormal(194.1, 183.1)?.direction).toBe('above');
    expect(departureFromNormal(90, 100)).toEqual({ percent: -10, direction: 'below' });
    expect(departureFromNormal(100.4, 100)?.direction).toBe('equal');
  });

  it('has no answer without a positive normal', () => {
    expect(departureFromNormal(10, 0)).toBeNull();
    expect(departureFromNormal(10, null)).toBeNull();
    expect(departureFromNormal(null, 10)).toBeNull();
  });

  it('looks normals up per station and period', () => {
    const normals = [
      { stationId: 'A', period: '07', normalMm: 180 },
      { stationId: 'A', period: 'season', normalMm: 900 },
    ];
    expect(findNormal(normals, 'A', 'season')).toBe(900);
    expect(findNormal(normals, 'B', 'season')).toBeNull();
  });
});

describe('property: prefix sums equal a naive sum', () => {
  const segment = fc.record({
    gapMinutes: fc.constantFrom(0, 0, 0, 5, 10, 60),
    intervalMinutes: fc.constantFrom(5, 10, 60, 180),
    tenths: fc.integer({ min: 0, max: 1500 }),
    missing: fc.boolean(),
  });

  it('for any readings and any window', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), fc.integer({ min: -120, max: 6000 }), fc.integer({ min: 0, max: 3000 }), (segs, fromMin, lenMin) => {
        const readings: RainReading[] = [];
        let t = 0;
        for (const s of segs) {
          t += s.gapMinutes + s.intervalMinutes;
          readings.push({ stationId: 'P', endMs: t * 60_000, intervalMinutes: s.intervalMinutes, value: s.missing ? null : s.tenths / 10, quality: s.missing ? 'missing' : 'ok', source: 'p' });
        }
        const fromMs = fromMin * 60_000;
        const toMs = (fromMin + lenMin) * 60_000;
        const got = windowSum(buildStationSeries('P', [...readings].reverse()), fromMs, toMs);

        let total = 0;
        let covered = 0;
        let count = 0;
        for (const r of readings) {
          if (r.value === null || r.endMs - r.intervalMinutes * 60_000 < fromMs || r.endMs > toMs) continue;
          total += r.value;
          covered += r.intervalMinutes;
          count += 1;
        }
        expect(got.readingCount).toBe(count);
        expect(got.coveredMinutes).toBe(covered);
        expect(got.complete).toBe(lenMin > 0 && covered === lenMin);
        if (count === 0) expect(got.totalMm).toBeNull();
        else expect(got.totalMm).toBeCloseTo(total, 6);
      }),
      { numRuns: 500 },
    );
  });
});

describe('efficiency', () => {
  it('gives 24 h sums for 200 stations of 92 days of hourly data quickly', () => {
    const readings: RainReading[] = [];
    for (let s = 0; s < 200; s++) {
      for (let h = 1; h <= 92 * 24; h++) readings.push({ stationId: `S${s}`, endMs: T0 + h * H, intervalMinutes: 60, value: (h * 7 + s) % 5, quality: 'ok', source: 'b' });
    }
    const { series } = buildSeries(readings);
    const all = [...series.values()];
    const start = performance.now();
    let sums = rollingSumsAll(all, T0 + 50 * 24 * H);
    for (let k = 1; k < 100; k++) sums = rollingSumsAll(all, T0 + (50 * 24 + k) * H);
    const elapsed = performance.now() - start;
    expect(sums).toHaveLength(200);
    expect(sums.every((r) => r.h24.complete)).toBe(true);
    // 100 instants × 200 stations × 5 windows by binary search: far below a second
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('seriesFromSorted (database fast path)', () => {
  it('gives the same window sums as buildSeries for one-per-slot sorted readings', () => {
    const H = 3_600_000;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ hour: fc.integer({ min: 0, max: 60 }), interval: fc.constantFrom(60, 180, 1440), value: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }) }), { selector: (r) => `${r.hour}/${r.interval}` }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (slots, from, len) => {
          const readings = slots
            .map((s) => ({ stationId: 'A', endMs: s.hour * H, intervalMinutes: s.interval, value: s.value === null ? null : s.value / 10, quality: s.value === null ? ('missing' as const) : ('ok' as const), source: '' }))
            .sort((a, b) => a.endMs - b.endMs || a.intervalMinutes - b.intervalMinutes);
          const reference = buildSeries(readings).series.get('A');
          const fast = seriesFromSorted('A', readings);
          const a = reference ? windowSum(reference, from * H, (from + len) * H) : null;
          const b = windowSum(fast, from * H, (from + len) * H);
          expect(b.totalMm).toEqual(a ? a.totalMm : null);
          expect(b.coveredMinutes).toEqual(a ? a.coveredMinutes : 0);
        },
      ),
    );
  });
});

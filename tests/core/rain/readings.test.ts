import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRainValue, hasData, mergeDuplicates, normaliseValue, roundToTenth, type RainReading } from '../../../core/domain/rain/readings';

const reading = (over: Partial<RainReading> = {}): RainReading => ({
  stationId: 'S1',
  endMs: Date.UTC(2024, 6, 7, 0, 0),
  intervalMinutes: 60,
  value: 1.2,
  quality: 'ok',
  source: 'test',
  ...over,
});

describe('normaliseValue', () => {
  it('reads plain numbers, keeping zero as zero', () => {
    expect(normaliseValue('12.5')).toBe(12.5);
    expect(normaliseValue(' 0.0 ')).toBe(0);
    expect(normaliseValue(3)).toBe(3);
    expect(normaliseValue('.5')).toBe(0.5);
  });

  it('treats sentinels as missing, never as rain', () => {
    expect(normaliseValue('999999')).toBeNull();
    expect(normaliseValue('999999.0')).toBeNull();
    expect(normaliseValue(32766)).toBeNull();
    expect(normaliseValue('-9999')).toBeNull();
    expect(normaliseValue('99.9', [99.9])).toBeNull();
    expect(normaliseValue('999999', [])).toBe(999999);
  });

  it('treats blanks, markers, garbage, NaN and negative rain as missing', () => {
    for (const raw of ['', '   ', null, undefined, '***', 'NA', '缺测', 'abc', '12,5', '1.2.3', NaN, Infinity, '-0.1', -3, {}]) {
      expect(normaliseValue(raw), String(raw)).toBeNull();
    }
  });

  it('reads trace as 0 mm and says so', () => {
    expect(normaliseValue('Trace')).toBe(0);
    expect(classifyRainValue('Trace')).toEqual({ value: 0, trace: true, status: 'trace' });
    expect(classifyRainValue('微量').trace).toBe(true);
  });

  it('tells quiet gaps from garbage so importers can report the latter', () => {
    expect(classifyRainValue('***').status).toBe('marker');
    expect(classifyRainValue('32766').status).toBe('sentinel');
    expect(classifyRainValue('').status).toBe('blank');
    expect(classifyRainValue('-1').status).toBe('negative');
    expect(classifyRainValue('1,5').status).toBe('invalid');
  });
});

describe('hasData', () => {
  it('counts suspect and estimated values, not missing ones', () => {
    expect(hasData(reading({ quality: 'suspect' }))).toBe(true);
    expect(hasData(reading({ quality: 'estimated' }))).toBe(true);
    expect(hasData(reading({ value: 0 }))).toBe(true);
    expect(hasData(reading({ value: null }))).toBe(false);
    expect(hasData(reading({ quality: 'missing', value: 3 }))).toBe(false);
  });
});

describe('roundToTenth', () => {
  it('rounds halves upwards despite binary representation', () => {
    expect(roundToTenth(9.95)).toBe(10);
    expect(roundToTenth(9.94)).toBe(9.9);
    expect(roundToTenth(49.95)).toBe(50);
    expect(roundToTenth(0.04)).toBe(0);
    expect(roundToTenth(49.999999999)).toBe(50);
  });
});

describe('mergeDuplicates', () => {
  it('collapses identical copies into one and reports them without conflict', () => {
    const { readings, duplicates } = mergeDuplicates([reading(), reading({ source: 'second file' })]);
    expect(readings).toHaveLength(1);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ conflict: false, rule: 'identical', keptIndex: 1, droppedIndexes: [0], values: [1.2, 1.2] });
  });

  it('keeps the ok copy over a later suspect one when values differ', () => {
    const { readings, duplicates } = mergeDuplicates([reading({ value: 5 }), reading({ value: 7, quality: 'suspect' })]);
    expect(readings).toEqual([reading({ value: 5 })]);
    expect(duplicates[0]).toMatchObject({ conflict: true, rule: 'quality_ok', keptIndex: 0, values: [5, 7] });
  });

  it('keeps the later import when qualities tie', () => {
    const { readings, duplicates } = mergeDuplicates([reading({ value: 5 }), reading({ value: 7 }), reading({ value: 6 })]);
    expect(readings[0].value).toBe(6);
    expect(duplicates[0]).toMatchObject({ conflict: true, rule: 'latest_import', keptIndex: 2, droppedIndexes: [0, 1] });
  });

  it('never lets a later missing copy erase a measurement', () => {
    const { readings, duplicates } = mergeDuplicates([reading({ value: 4, quality: 'suspect' }), reading({ value: null, quality: 'missing' })]);
    expect(readings[0].value).toBe(4);
    expect(duplicates[0]).toMatchObject({ conflict: true, rule: 'has_value', values: [4, null] });
  });

  it('does not merge different stations, end times or intervals', () => {
    const input = [reading(), reading({ stationId: 'S2' }), reading({ endMs: reading().endMs + 3_600_000 }), reading({ intervalMinutes: 10 })];
    const { readings, duplicates } = mergeDuplicates(input);
    expect(readings).toHaveLength(4);
    expect(duplicates).toHaveLength(0);
  });

  it('keeps the order of first appearance', () => {
    const a = reading({ stationId: 'A' });
    const b = reading({ stationId: 'B' });
    const { readings } = mergeDuplicates([a, b, { ...a, value: 9 }]);
    expect(readings.map((r) => r.stationId)).toEqual(['A', 'B']);
    expect(readings[0].value).toBe(9);
  });
});

describe('property: merging', () => {
  it('leaves exactly one reading per station, end and interval, and only real copies are reported', () => {
    const arb = fc.array(
      fc.record({
        stationId: fc.constantFrom('A', 'B'),
        endMs: fc.constantFrom(0, 3_600_000, 7_200_000),
        intervalMinutes: fc.constantFrom(10, 60),
        value: fc.option(fc.constantFrom(0, 1, 2.5), { nil: null }),
        quality: fc.constantFrom('ok', 'suspect', 'estimated', 'missing'),
        source: fc.constant('p'),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (readings) => {
        const { readings: out, duplicates } = mergeDuplicates(readings as RainReading[]);
        const slot = (r: RainReading) => `${r.stationId}|${r.endMs}|${r.intervalMinutes}`;
        const slots = new Set(readings.map((r) => slot(r as RainReading)));
        expect(out).toHaveLength(slots.size);
        expect(new Set(out.map(slot)).size).toBe(slots.size);
        expect(duplicates.reduce((n, d) => n + d.droppedIndexes.length, 0)).toBe(readings.length - slots.size);
        for (const d of duplicates) {
          expect(out).toContain(d.kept);
          // a measurement is never dropped in favour of a copy without data
          if (d.values.some((v) => v !== null)) expect(hasData(d.kept)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

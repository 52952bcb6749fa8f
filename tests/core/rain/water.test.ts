import { describe, expect, it } from 'vitest';
import { currentLevel, daysAboveLevel, peakLevel, waterLevelStatus, type WaterReading } from '../../../core/domain/rain/water';

const utc = (iso: string) => Date.parse(iso);
const w = (iso: string, levelM: number | null): WaterReading => ({ stationId: 'W1', atMs: utc(iso), levelM });
const levels = { warningM: 8.0, guaranteeM: 9.5 };

describe('waterLevelStatus', () => {
  it('compares with warning and guarantee levels, strictly above', () => {
    expect(waterLevelStatus(7.99, levels)).toMatchObject({ status: 'normal', overWarningM: -0.01 });
    expect(waterLevelStatus(8.0, levels)).toMatchObject({ status: 'at_warning', overWarningM: 0 });
    expect(waterLevelStatus(8.72, levels)).toMatchObject({ status: 'above_warning', overWarningM: 0.72, overGuaranteeM: -0.78 });
    expect(waterLevelStatus(9.51, levels).status).toBe('above_guarantee');
  });

  it('handles reservoirs with only a flood-limit level', () => {
    expect(waterLevelStatus(101.2, { floodLimitM: 100 })).toMatchObject({ status: 'above_flood_limit', overWarningM: null, overFloodLimitM: 1.2 });
    expect(waterLevelStatus(99, { floodLimitM: 100 }).status).toBe('normal');
  });

  it('says unknown without a level', () => {
    expect(waterLevelStatus(null, levels).status).toBe('unknown');
  });
});

describe('series figures', () => {
  // Shanghai time: 2024-07-05T16:00Z is 6 July 00:00
  const series = [
    w('2024-07-05T15:59:00Z', 8.3), // 5 July 23:59 local
    w('2024-07-05T16:00:00Z', 7.9), // 6 July 00:00 local
    w('2024-07-06T04:00:00Z', 8.72), // 6 July 12:00
    w('2024-07-06T05:00:00Z', 8.72), // same peak later
    w('2024-07-06T06:00:00Z', null),
    w('2024-07-07T02:00:00Z', 8.0), // 7 July: exactly warning, not above
    w('2024-07-08T02:00:00Z', 8.1),
  ];

  it('peak level and its (earliest) time', () => {
    expect(peakLevel(series)).toEqual({ levelM: 8.72, atMs: utc('2024-07-06T04:00:00Z'), stationId: 'W1' });
    expect(peakLevel(series, utc('2024-07-07T00:00:00Z'))).toMatchObject({ levelM: 8.1 });
    expect(peakLevel([])).toBeNull();
  });

  it('counts local days with any reading above warning', () => {
    expect(daysAboveLevel(series, 8.0, '2024-07-05', '2024-07-08')).toEqual({ count: 3, days: ['2024-07-05', '2024-07-06', '2024-07-08'], daysWithData: 4 });
    expect(daysAboveLevel(series, 8.0, '2024-07-06', '2024-07-07')).toMatchObject({ count: 1, days: ['2024-07-06'] });
  });

  it('can count flood-control days instead; a level at exactly 08:00 starts the new day', () => {
    const pair = [w('2024-07-06T23:00:00Z', 8.5), w('2024-07-07T00:00:00Z', 8.5)]; // 7 July 07:00 and 08:00 local
    expect(daysAboveLevel(pair, 8.0, '2024-07-01', '2024-07-09').days).toEqual(['2024-07-07']);
    expect(daysAboveLevel(pair, 8.0, '2024-07-01', '2024-07-09', { boundary: '08:00' }).days).toEqual(['2024-07-06', '2024-07-07']);
    expect(daysAboveLevel(pair, 8.0, '2024-07-01', '2024-07-09', { timeZone: 'UTC' }).days).toEqual(['2024-07-06', '2024-07-07']);
  });

  it('current level is the latest usable reading, stale when old', () => {
    expect(currentLevel(series, utc('2024-07-06T06:30:00Z'))).toEqual({ reading: series[3], stale: false });
    expect(currentLevel(series, utc('2024-07-06T12:00:00Z'))?.stale).toBe(true);
    expect(currentLevel(series, utc('2024-07-01T00:00:00Z'))).toBeNull();
  });
});

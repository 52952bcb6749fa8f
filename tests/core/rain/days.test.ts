import { describe, expect, it } from 'vitest';
import { areaDailyTotals, CALENDAR_DAY_RULE, countAreaRainDays, countRainDays, dailyTotals, dayOfReadingEnd, daysSpanning, daysWindow, dayWindow, FLOOD_DAY_RULE, MET_DAY_RULE, rainDayStatus, wettestDay } from '../../../core/domain/rain/days';
import type { RainReading } from '../../../core/domain/rain/readings';
import { buildSeries, buildStationSeries, windowSum } from '../../../core/domain/rain/series';

const H = 3_600_000;
// Shanghai is UTC+8 without DST: local 08:00 = 00:00Z, local 20:00 = 12:00Z, local midnight = 16:00Z the day before.
const utc = (iso: string) => Date.parse(iso);

function hourly(stationId: string, firstEndIso: string, values: (number | null)[]): RainReading[] {
  return values.map((value, i) => ({ stationId, endMs: utc(firstEndIso) + i * H, intervalMinutes: 60, value, quality: value === null ? 'missing' : 'ok', source: 't' }));
}

describe('day windows', () => {
  it('flood-control day: 08:00 → 08:00, named by its start', () => {
    expect(dayWindow('2024-07-06', FLOOD_DAY_RULE)).toEqual({ fromMs: utc('2024-07-06T00:00:00Z'), toMs: utc('2024-07-07T00:00:00Z') });
  });

  it('meteorological day: 20:00 → 20:00, named by its end', () => {
    expect(dayWindow('2024-07-07', MET_DAY_RULE)).toEqual({ fromMs: utc('2024-07-06T12:00:00Z'), toMs: utc('2024-07-07T12:00:00Z') });
  });

  it('a run of days spans from the first start to the last end', () => {
    expect(daysWindow('2024-06-01', '2024-09-30', FLOOD_DAY_RULE)).toEqual({ fromMs: utc('2024-06-01T00:00:00Z'), toMs: utc('2024-10-01T00:00:00Z') });
  });
});

describe('which day a reading belongs to', () => {
  it('a reading ending exactly at 08:00 belongs to the flood day ending then', () => {
    expect(dayOfReadingEnd(utc('2024-07-07T00:00:00Z'), FLOOD_DAY_RULE)).toBe('2024-07-06');
    expect(dayOfReadingEnd(utc('2024-07-07T00:00:01Z'), FLOOD_DAY_RULE)).toBe('2024-07-07');
    expect(dayOfReadingEnd(utc('2024-07-07T01:00:00Z'), FLOOD_DAY_RULE)).toBe('2024-07-07');
  });

  it('a reading ending exactly at 20:00 belongs to the met day ending then', () => {
    expect(dayOfReadingEnd(utc('2024-07-07T12:00:00Z'), MET_DAY_RULE)).toBe('2024-07-07');
    expect(dayOfReadingEnd(utc('2024-07-07T13:00:00Z'), MET_DAY_RULE)).toBe('2024-07-08');
  });

  it('converts UTC to +8 at the midnight edge', () => {
    // 2024-07-06T16:00Z is local midnight starting 7 July: the amount ending then is 6 July's last hour
    expect(dayOfReadingEnd(utc('2024-07-06T16:00:00Z'), CALENDAR_DAY_RULE)).toBe('2024-07-06');
    // 17:00Z is 01:00 on 7 July locally, though still 6 July in UTC
    expect(dayOfReadingEnd(utc('2024-07-06T17:00:00Z'), CALENDAR_DAY_RULE)).toBe('2024-07-07');
    expect(dayOfReadingEnd(utc('2024-07-06T17:00:00Z'), { ...CALENDAR_DAY_RULE, timeZone: 'UTC' })).toBe('2024-07-06');
  });
});

describe('the days an event touches', () => {
  it('runs from the day holding its start to the day holding its end, under each rule', () => {
    // 1 Sep 2023 07:30 → 2 Sep 21:00 Beijing time (Saola)
    const from = Date.UTC(2023, 7, 31, 23, 30);
    const to = Date.UTC(2023, 8, 2, 13, 0);
    expect(daysSpanning(from, to, FLOOD_DAY_RULE)).toEqual({ fromDay: '2023-08-31', toDay: '2023-09-02' });
    expect(daysSpanning(from, to, MET_DAY_RULE)).toEqual({ fromDay: '2023-09-01', toDay: '2023-09-03' });
    // Starting exactly on the boundary starts the new day; ending on it ends the old one.
    expect(daysSpanning(Date.UTC(2023, 8, 1, 0), Date.UTC(2023, 8, 2, 0), FLOOD_DAY_RULE)).toEqual({ fromDay: '2023-09-01', toDay: '2023-09-01' });
  });
});

describe('daily totals', () => {
  // 24 hourly amounts of 1 mm ending 09:00 on 6 July … 08:00 on 7 July (local), plus 5 mm ending 09:00 on 7 July
  const readings = [...hourly('A', '2024-07-06T01:00:00Z', Array(24).fill(1)), ...hourly('A', '2024-07-07T01:00:00Z', [5])];
  const s = buildStationSeries('A', readings);

  it('puts the 08:00 reading in the day that ends then', () => {
    const days = dailyTotals(s, '2024-07-06', '2024-07-07', FLOOD_DAY_RULE);
    expect(days[0]).toMatchObject({ day: '2024-07-06', totalMm: 24, complete: true });
    expect(days[1]).toMatchObject({ day: '2024-07-07', totalMm: 5, complete: false, coveredMinutes: 60 });
  });

  it('gives met-day totals from the same series, incomplete where data is missing', () => {
    const met = dailyTotals(s, '2024-07-06', '2024-07-07', MET_DAY_RULE);
    // met day 6 July = 5 July 20:00 → 6 July 20:00: hours ending 09:00 … 20:00 on 6 July
    expect(met[0]).toMatchObject({ day: '2024-07-06', totalMm: 12, complete: false, coveredMinutes: 720 });
    // met day 7 July = 6 July 20:00 → 7 July 20:00: 12 × 1 + 5
    expect(met[1]).toMatchObject({ day: '2024-07-07', totalMm: 17, complete: false });
  });

  it('event totals over arbitrary windows use the same rule', () => {
    expect(windowSum(s, utc('2024-07-06T00:00:00Z'), utc('2024-07-07T01:00:00Z'))).toMatchObject({ totalMm: 29, complete: true });
  });
});

describe('rain days', () => {
  it('needs 0.1 mm; trace and 0.04 do not count, 0.05 rounds to 0.1 and does', () => {
    expect(rainDayStatus({ totalMm: 0.1, complete: true })).toBe('rain');
    expect(rainDayStatus({ totalMm: 0.05, complete: true })).toBe('rain');
    expect(rainDayStatus({ totalMm: 0.04, complete: true })).toBe('dry');
    expect(rainDayStatus({ totalMm: 0, complete: true })).toBe('dry');
  });

  it('a day with gaps is a rain day if it already reached the threshold, else unknown', () => {
    expect(rainDayStatus({ totalMm: 3, complete: false })).toBe('rain');
    expect(rainDayStatus({ totalMm: 0, complete: false })).toBe('unknown');
    expect(rainDayStatus({ totalMm: null, complete: false })).toBe('unknown');
  });

  it('counts them', () => {
    const days = [
      { totalMm: 12, complete: true },
      { totalMm: 0, complete: true },
      { totalMm: null, complete: false },
      { totalMm: 0.1, complete: false },
    ];
    expect(countRainDays(days)).toEqual({ rainDays: 2, dryDays: 1, unknownDays: 1 });
  });
});

describe('area days and the wettest day', () => {
  const set = buildSeries([
    ...hourly('A', '2024-07-06T01:00:00Z', [...Array(24).fill(1), ...Array(24).fill(3)]),
    ...hourly('B', '2024-07-06T01:00:00Z', [...Array(24).fill(2), ...Array(23).fill(0), null]),
  ]).series;

  it('averages complete stations per day', () => {
    const area = areaDailyTotals([...set.values()], '2024-07-06', '2024-07-08', FLOOD_DAY_RULE);
    expect(area).toEqual([
      { day: '2024-07-06', meanMm: 36, stationsUsed: 2, stationsTotal: 2 },
      { day: '2024-07-07', meanMm: 72, stationsUsed: 1, stationsTotal: 2 },
      { day: '2024-07-08', meanMm: null, stationsUsed: 0, stationsTotal: 2 },
    ]);
    expect(countAreaRainDays(area)).toEqual({ rainDays: 2, dryDays: 0, unknownDays: 1 });
    expect(wettestDay(area, (d) => d.meanMm)?.day).toBe('2024-07-07');
  });

  it('picks the earliest of equal days and nothing when no day had rain', () => {
    const days = dailyTotals(set.get('B')!, '2024-07-06', '2024-07-07', FLOOD_DAY_RULE);
    expect(wettestDay(days, (d) => d.totalMm)?.day).toBe('2024-07-06');
    expect(wettestDay([{ day: '2024-07-01', totalMm: 0 }], (d) => d.totalMm)).toBeNull();
    expect(wettestDay([{ day: '2024-07-01', mm: 2 }, { day: '2024-07-02', mm: 2 }], (d) => d.mm)?.day).toBe('2024-07-01');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { RainOverview, ReadingOutcome, StationRecord, StationSeriesOut, SignalSuggestion, RainSummary, NormalRecord } from '../../../core/contract/rain';
import { createTestDb, type TestDb } from '../../support/db';

const HOUR = 3_600_000;
// 2026-07-01 12:00 Beijing time
const NOW = Date.UTC(2026, 6, 1, 4, 0);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): TestDb & { gauge: StationRecord; river: StationRecord } {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  const gauge = t.call<StationRecord>('rain.saveStation', { code: 'HF01', name: '华富街道办', type: 'rain', lat: 22.5533, lng: 114.0719, source: '自动站' });
  const river = t.call<StationRecord>('rain.saveStation', { code: 'SW01', name: '福田河笋岗桥', type: 'water', lat: 22.556, lng: 114.08, warningM: 4.5, guaranteeM: 5.2 });
  return { ...t, gauge, river };
}

function snapshot(t: TestDb) {
  const tables = ['rain_stations', 'rain_readings', 'rain_batches', 'rain_duplicates', 'rain_normals', 'rain_signal_suggestions', 'audit_log'];
  return Object.fromEntries(tables.map((name) => [name, t.db.prepare(`SELECT * FROM ${name}`).all()]));
}

describe('rain gauges', () => {
  it('creates, lists, updates and retires gauges, with an audit row each', () => {
    const t = setup();
    expect(t.call<StationRecord[]>('rain.listStations', {}).map((s) => s.code)).toEqual(['HF01', 'SW01']);
    expect(t.call<StationRecord[]>('rain.listStations', { type: 'water' }).map((s) => s.code)).toEqual(['SW01']);
    const renamed = t.call<StationRecord>('rain.saveStation', { ...t.gauge, name: '华富站', expectedVersion: t.gauge.version });
    expect(renamed).toMatchObject({ id: t.gauge.id, name: '华富站', version: t.gauge.version + 1 });
    // A screen still holding the first version (e.g. a drag on the map) is refused with the gauge as it is now.
    const stale = t.fail('rain.saveStation', { ...t.gauge, lat: 22.6, lng: 114.1, expectedVersion: t.gauge.version });
    expect(stale).toMatchObject({ code: 'conflict', current: { name: '华富站', version: renamed.version } });
    expect(t.fail('rain.saveStation', { ...t.gauge, name: '无版本' }).issues?.[0].path).toBe('expectedVersion');
    t.call('rain.deleteStation', { id: t.river.id });
    expect(t.call<StationRecord[]>('rain.listStations', {}).map((s) => s.code)).toEqual(['HF01']);
    const audit = t.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'rain_station'").pluck().get();
    expect(audit).toBe(4);
  });

  it('refuses a taken code, a guarantee level below warning, and half a location, changing nothing', () => {
    const t = setup();
    const before = snapshot(t);
    expect(t.fail('rain.saveStation', { code: 'HF01', name: 'x', type: 'rain' }).key).toBe('errors.rain.codeTaken');
    expect(t.fail('rain.saveStation', { code: 'SW02', name: 'x', type: 'water', warningM: 5, guaranteeM: 4 }).code).toBe('validation');
    expect(t.fail('rain.saveStation', { code: 'HF09', name: 'x', type: 'rain', lat: 22.5 }).code).toBe('validation');
    expect(snapshot(t)).toEqual(before);
  });
});

describe('manual entry and duplicates', () => {
  it('stores a reading, keeps missing as missing, and merges a second copy by the stated rule', () => {
    const t = setup();
    const at = NOW - HOUR;
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: at, value: 12.5 })).toMatchObject({ outcome: 'inserted', value: 12.5 });
    // The same figure again from another call changes nothing.
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: at, value: 12.5 })).toMatchObject({ outcome: 'unchanged' });
    // A later "no data" never erases a measurement.
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: at, value: null })).toMatchObject({ outcome: 'kept_existing', value: 12.5, rule: 'has_value' });
    // A different figure is a correction only when the user saw both and chose to replace.
    const before = snapshot(t);
    const refused = t.fail('rain.addReading', { stationId: t.gauge.id, endMs: at, value: 13 });
    expect(refused).toMatchObject({ code: 'conflict', key: 'errors.rain.replaceExisting', params: { code: 'HF01', old: 12.5, new: 13 } });
    expect(snapshot(t)).toEqual(before);
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: at, value: 13, replace: true })).toMatchObject({ outcome: 'replaced', value: 13, rule: 'confirmed_replace' });
    // The same figure marked suspect is not a different reading: no question, and the ok copy stays.
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: at, value: 13, quality: 'suspect' })).toMatchObject({ outcome: 'kept_existing', value: 13 });
    const dupes = t.call<{ rows: { rule: string; kept: string; keptValue: number | null; droppedValue: number | null }[]; total: number }>('rain.duplicates', {});
    expect(dupes.total).toBe(3);
    expect(dupes.rows.find((d) => d.rule === 'confirmed_replace')).toMatchObject({ kept: 'incoming', keptValue: 13, droppedValue: 12.5 });
    const stored = t.db.prepare('SELECT value_milli, quality FROM rain_readings').all();
    expect(stored).toEqual([{ value_milli: 13000, quality: 0 }]);
  });

  it('fills a slot recorded as missing without asking: nothing measured is overwritten', () => {
    const t = setup();
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: null });
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: 4 })).toMatchObject({ outcome: 'replaced', value: 4 });
  });

  it('refuses a value above the plausible limit unless confirmed, scaled for longer intervals and set in settings', () => {
    const t = setup();
    const before = snapshot(t);
    expect(t.fail('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: 250 })).toMatchObject({ code: 'validation', key: 'errors.rain.implausible', params: { value: 250, minutes: 60, limit: 200 } });
    expect(snapshot(t)).toEqual(before);
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: 250, confirmedImplausible: true })).toMatchObject({ outcome: 'inserted', value: 250 });
    // A day's total of 250 mm is heavy, not implausible; a water level is never checked.
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.gauge.id, endMs: NOW - 24 * HOUR, value: 250, intervalMinutes: 1440 }).outcome).toBe('inserted');
    expect(t.call<ReadingOutcome>('rain.addReading', { stationId: t.river.id, endMs: NOW, value: 300 }).outcome).toBe('inserted');
    t.call('settings.update', { section: 'rain', values: { implausibleMmPerHour: 100 } });
    expect(t.fail('rain.addReading', { stationId: t.gauge.id, endMs: NOW - HOUR, value: 120 }).params).toMatchObject({ limit: 100 });
    expect(t.fail('settings.update', { section: 'rain', values: { implausibleMmPerHour: -5 } }).code).toBe('validation');
  });

  it('stores a missing reading as NULL, never 0', () => {
    const t = setup();
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: null });
    expect(t.db.prepare('SELECT value_milli, quality FROM rain_readings').get()).toEqual({ value_milli: null, quality: 2 });
    const view = t.call<RainOverview>('rain.overview', {});
    expect(view.stations.find((s) => s.station.code === 'HF01')!.rolling!.h1).toEqual({ totalMm: null, complete: false });
  });

  it('refuses future and negative rain readings and unknown gauges, leaving the database unchanged', () => {
    const t = setup();
    const before = snapshot(t);
    expect(t.fail('rain.addReading', { stationId: t.gauge.id, endMs: NOW + 2 * HOUR, value: 1 }).key).toBe('errors.rain.future');
    expect(t.fail('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: -1 }).key).toBe('errors.rain.negative');
    expect(t.fail('rain.addReading', { stationId: crypto.randomUUID(), endMs: NOW, value: 1 }).code).toBe('not_found');
    expect(t.fail('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: 'ten' }).code).toBe('validation');
    expect(snapshot(t)).toEqual(before);
  });
});

describe('station table: rolling sums, grades, signals, water', () => {
  function rainHours(t: TestDb & { gauge: StationRecord }, amounts: number[]) {
    // amounts[0] is the hour ending at NOW, amounts[1] the hour before, …
    amounts.forEach((value, i) => t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW - i * HOUR, value }));
  }

  it('sums 1/3/6/12/24 h windows, grades 12 h and 24 h totals, and suggests the right signal', () => {
    const t = setup();
    const hours = Array.from({ length: 24 }, (_, i) => (i < 3 ? 20 : 2));
    rainHours(t, hours);
    const row = t.call<RainOverview>('rain.overview', {}).stations.find((s) => s.station.id === t.gauge.id)!;
    const expected = (n: number) => hours.slice(0, n).reduce((a, b) => a + b, 0);
    expect(row.rolling!.h1).toEqual({ totalMm: expected(1), complete: true });
    expect(row.rolling!.h3.totalMm).toBe(expected(3));
    expect(row.rolling!.h6.totalMm).toBe(expected(6));
    expect(row.rolling!.h12.totalMm).toBe(expected(12));
    expect(row.rolling!.h24).toEqual({ totalMm: expected(24), complete: true });
    // 24 h = 102 mm: 大暴雨; 12 h = 78 mm: 12 h grade 大暴雨 (70–139.9)
    expect(row.grade24).toBe('heavy_torrential');
    expect(row.grade12).toBe('heavy_torrential');
    // 3 h = 60 mm ≥ 50: orange
    expect(row.signal).toBe('orange');
  });

  it('marks a window with a gap as incomplete and leaves the gauge out of the area mean', () => {
    const t = setup();
    rainHours(t, [5, 5]);
    const view = t.call<RainOverview>('rain.overview', {});
    const row = view.stations.find((s) => s.station.id === t.gauge.id)!;
    expect(row.rolling!.h3).toEqual({ totalMm: 10, complete: false });
    expect(view.area.h1).toEqual({ meanMm: 5, stationsUsed: 1, stationsTotal: 1 });
    expect(view.area.h3.meanMm).toBeNull();
  });

  it('reports a water level against its warning and guarantee levels', () => {
    const t = setup();
    t.call('rain.addReading', { stationId: t.river.id, endMs: NOW - HOUR, value: 4.2 });
    t.call('rain.addReading', { stationId: t.river.id, endMs: NOW, value: 4.8 });
    const row = t.call<RainOverview>('rain.overview', {}).stations.find((s) => s.station.id === t.river.id)!;
    expect(row).toMatchObject({ levelM: 4.8, waterStatus: 'above_warning', stale: false });
    expect(row.overWarningM).toBeCloseTo(0.3, 9);
  });

  it('logs a signal suggestion once, lets the officer decide it, and never issues anything', () => {
    const t = setup();
    rainHours(t, [40, 40, 30]);
    // Each entry recomputed the hints: the red one is open without pressing "check now".
    const first = t.call<SignalSuggestion[]>('rain.suggestions', { status: 'open' });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ colour: 'red', window: 'h3', totalMm: 110, thresholdMm: 100, status: 'open' });
    expect(t.call<SignalSuggestion[]>('rain.checkSignals', {})).toEqual([]);
    const decided = t.call<SignalSuggestion>('rain.decideSuggestion', { id: first[0].id, status: 'accepted', note: '已报区气象局' });
    expect(decided).toMatchObject({ status: 'accepted', decidedBy: '测试员' });
    expect(t.fail('rain.decideSuggestion', { id: first[0].id, status: 'dismissed' }).key).toBe('errors.rain.alreadyDecided');
    const warnings = t.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'duty_warnings'").pluck().get() as number;
    if (warnings) expect(t.db.prepare('SELECT count(*) FROM duty_warnings').pluck().get()).toBe(0);
  });

  it('recomputes the hints on each entry, and a higher hint for the gauge closes the lower one', () => {
    const t = setup();
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW - 2 * HOUR, value: 30 });
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW - HOUR, value: 25 });
    expect(t.call<SignalSuggestion[]>('rain.suggestions', { status: 'open' }).map((s) => s.colour)).toEqual(['orange']);
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW, value: 50 });
    expect(t.call<SignalSuggestion[]>('rain.suggestions', { status: 'open' }).map((s) => s.colour)).toEqual(['red']);
    const all = t.call<SignalSuggestion[]>('rain.suggestions', {});
    const red = all.find((s) => s.colour === 'red')!;
    expect(all.find((s) => s.colour === 'orange')).toMatchObject({ status: 'dismissed', note: `superseded:${red.id}` });
  });

  it('recomputes the hints after a file import', () => {
    const t = setup();
    const hours = [1, 2, 3].map((h) => [t.gauge.code, String(NOW - (3 - h) * HOUR), '40']);
    const batch = t.call<{ id: string }>('rain.importBegin', { fileName: 'storm.csv', mapping: { station: 0, time: 1, value: 2, timeZone: 'Asia/Shanghai', intervalMinutes: 60, timeFormat: 'epoch_ms' } });
    t.call('rain.importChunk', { importId: batch.id, seq: 0, firstRow: 2, rows: hours });
    t.call('rain.importCommit', { importId: batch.id });
    expect(t.call<SignalSuggestion[]>('rain.suggestions', { status: 'open' }).map((s) => s.colour)).toEqual(['red']);
  });

  it('uses signal thresholds from settings', () => {
    const t = setup();
    rainHours(t, [25]);
    t.call('settings.update', { section: 'rain', values: { signals: { blue: { window: 'h1', mm: 20 }, yellow: { window: 'h6', mm: 50 }, orange: { window: 'h3', mm: 50 }, red: { window: 'h3', mm: 100 } } } });
    expect(t.call<SignalSuggestion[]>('rain.checkSignals', {}).map((s) => s.colour)).toEqual(['blue']);
  });
});

describe('charts and the season summary', () => {
  it('gives hourly bars and a running total for the chart', () => {
    const t = setup();
    [3, 0, 7].forEach((v, i) => t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW - i * HOUR, value: v }));
    const s = t.call<StationSeriesOut>('rain.series', { stationId: t.gauge.id, fromMs: NOW - 4 * HOUR, toMs: NOW });
    expect(s.points.map((p) => p.value)).toEqual([null, 7, 0, 3]);
    expect(s.cumulativeMm).toEqual([0, 7, 7, 10]);
  });

  it('totals flood days, counts rain days, finds the wettest day and the departure from normal', () => {
    const t = setup();
    // Two flood days (08–08) of hourly data: 30 June 08:00 → 2 July 08:00 Beijing time.
    const start = Date.UTC(2026, 5, 30, 0, 0);
    t.setNow(start + 49 * HOUR);
    for (let h = 1; h <= 48; h++) t.call('rain.addReading', { stationId: t.gauge.id, endMs: start + h * HOUR, value: h <= 24 ? 1 : 0 });
    const normal = t.call<NormalRecord>('rain.setNormal', { stationId: t.gauge.id, period: 'test', normalMm: 20 });
    expect(normal.normalMm).toBe(20);
    t.call('rain.addReading', { stationId: t.river.id, endMs: start + 5 * HOUR, value: 4.9 });
    const summary = t.call<RainSummary>('rain.summary', { fromDay: '2026-06-30', toDay: '2026-07-01', dayRule: 'flood', period: 'test', periodName: { zh: '测试期', en: 'Test period' } });
    const hf = summary.stations.find((s) => s.code === 'HF01')!;
    expect(hf).toMatchObject({ totalMm: 24, complete: true, rainDays: 1, wettestDay: '2026-06-30', wettestDayMm: 24, normalMm: 20 });
    expect(hf.departurePercent).toBeCloseTo(20, 9);
    expect(summary.water[0]).toMatchObject({ peakM: 4.9, daysAboveWarning: 1 });
    expect(summary.sentence.zh).toBe('测试期 2 天，雨日 1 天，降水量 24.0 毫米，比常年同期偏多 20%；最大降雨日 6 月 30 日，最大降雨站点华富街道办站；最高水位 4.90 米，超警戒 1 天。');
    expect(summary.sentence.en).toContain('20% above normal');
  });

  it('reads a period that has not ended to the last whole hour and says the last day is incomplete, keeping its rain', () => {
    const t = setup();
    // Now is 1 July 12:00 Beijing time: the flood day of 1 July runs to 08:00 on the 2nd.
    for (let h = 0; h < 6; h++) t.call('rain.addReading', { stationId: t.gauge.id, endMs: NOW - h * HOUR, value: 2 });
    t.setNow(NOW + 20 * 60_000);
    const summary = t.call<RainSummary>('rain.summary', { fromDay: '2026-07-01', toDay: '2026-07-01', dayRule: 'flood', periodName: { zh: '本次过程', en: 'This storm' } });
    expect(summary.lastDayUntilMs).toBe(NOW);
    expect(summary.stations[0]).toMatchObject({ totalMm: 8, complete: true, rainDays: 1 });
    expect(summary.areaTotalMm).toBe(8);
    expect(summary.sentence.zh).toBe('本次过程 1 天，雨日 1 天，降水量 8.0 毫米；最大降雨日 7 月 1 日，最大降雨站点华富街道办站；截至 7 月 1 日 12:00，当日降雨尚未结束。');
    expect(summary.sentence.en).toContain('the last day is incomplete (to 12:00 on 1 July)');
    // A period already over says nothing of the kind.
    expect(t.call<RainSummary>('rain.summary', { fromDay: '2026-06-29', toDay: '2026-06-30' }).lastDayUntilMs).toBeNull();
  });

  it('puts the 08:00 reading in the flood day that ends then and the 20:00 reading in the met day that ends then', () => {
    const t = setup();
    // 20:00 on 30 June Beijing time = 12:00Z; 08:00 on 1 July = 00:00Z
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: Date.UTC(2026, 5, 30, 12), value: 5 });
    t.call('rain.addReading', { stationId: t.gauge.id, endMs: Date.UTC(2026, 6, 1, 0), value: 7 });
    const flood = t.call<RainSummary>('rain.summary', { fromDay: '2026-06-30', toDay: '2026-06-30', dayRule: 'flood' });
    expect(flood.stations[0].totalMm).toBe(12);
    const met = t.call<RainSummary>('rain.summary', { fromDay: '2026-06-30', toDay: '2026-06-30', dayRule: 'met' });
    expect(met.stations[0].totalMm).toBe(5);
  });
});

describe('demo data', () => {
  it('seeds gauges, a storm, a sentinel gap and a signal suggestion through the contract', async () => {
    const { seedDemo } = await import('../../../db/demo');
    const t = createTestDb(NOW);
    cleanups.push(t.close);
    seedDemo(t.db, t.dispatcher, NOW);
    const view = t.call<RainOverview>('rain.overview', {});
    expect(view.stations).toHaveLength(8);
    const hf03 = view.stations.find((s) => s.station.code === 'HF03')!;
    expect(hf03.rolling!.h24.complete).toBe(false);
    expect(view.stations.some((s) => s.grade24 !== null)).toBe(true);
    expect(t.call<SignalSuggestion[]>('rain.suggestions', {}).length).toBeGreaterThan(0);
    expect(view.stations.find((s) => s.station.code === 'SW01')!.waterStatus).toBe('above_warning');
  });
});

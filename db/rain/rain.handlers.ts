import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../core/contract';
import type { ReadingOutcome } from '../../core/contract/rain';
import { implausibleLimitMm, isImplausibleRain } from '../../core/domain/rain/readings';
import { EMPTY_LAYER, toColumns, type MapLayerData, type MapPoint } from '../../core/contract/map-layers';
import { Conflict, NotFound, StaleRecord, ValidationError } from '../../core/errors';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { publicStation, qualityCode, rainReadingsRepo, rainStationsRepo, type StoredStation } from './rain.repo';
import { rainImportRepo } from './import.repo';
import { overview, stationSeries } from './compute';
import { rainImportHandlers } from './import.handlers';
import { checkSignals, rainSignalHandlers } from './signals.handlers';
import { CONFIRMED_REPLACE, confirmedReplacement, settleSlot, toMilli } from './store';
import { rainSummary } from './summary.handlers';

function liveStation(ctx: HandlerContext, id: string): StoredStation {
  const station = rainStationsRepo(ctx.db).get(id);
  if (!station || station.deletedAt) throw new NotFound('rain_station', id);
  return station;
}

type ReadingInput = ParsedInputOf<'rain.addReading'>;

/**
 * The duty officer's one-line entry: each reading is its own small batch, so its source and time
 * are kept. Two things are only done when the input says the user was asked: keeping a value
 * beyond the plausible limit, and overwriting a different stored value (the merge rule would
 * otherwise decide silently which of two people's figures stands).
 */
function addReading(ctx: HandlerContext, input: ReadingInput): ReadingOutcome {
  const station = liveStation(ctx, input.stationId);
  const { duty, rain } = ctx.settings();
  if (input.endMs > ctx.nowMs + duty.futureToleranceMinutes * 60_000) throw new ValidationError('errors.rain.future', 'A reading cannot be from the future');
  if (station.type === 'rain' && input.value !== null && input.value < 0) throw new ValidationError('errors.rain.negative', 'Rainfall cannot be negative');
  const value = input.quality === 'missing' ? null : input.value;
  const intervalMinutes = station.type === 'water' ? 0 : input.intervalMinutes;
  if (station.type === 'rain' && !input.confirmedImplausible && isImplausibleRain(value, intervalMinutes, rain.implausibleMmPerHour)) {
    const limit = implausibleLimitMm(intervalMinutes, rain.implausibleMmPerHour);
    throw new ValidationError('errors.rain.implausible', `${value} mm in ${intervalMinutes} minutes is above ${limit} mm; confirm it to save`, { value: value as number, minutes: intervalMinutes, limit });
  }
  const imports = rainImportRepo(ctx.db);
  const readings = rainReadingsRepo(ctx.db);
  const batchKey = imports.nextKey();
  const row = {
    station_key: station.key,
    end_ms: input.endMs,
    interval_s: intervalMinutes * 60,
    value_milli: toMilli(value),
    quality: value === null ? qualityCode('missing') : qualityCode(input.quality),
    trace: input.trace && value === 0 ? 1 : 0,
    batch_key: batchKey,
  };
  const before = readings.slot(row.station_key, row.end_ms, row.interval_s) ?? null;
  const overwrites = before !== null && before.value_milli !== null && row.value_milli !== null && (before.value_milli !== row.value_milli || before.trace !== row.trace);
  if (overwrites && !input.replace) {
    throw new Conflict('errors.rain.replaceExisting', `${station.code} already has ${before.value_milli! / 1000} for this time; send replace to overwrite it`, {
      code: station.code,
      old: before.value_milli! / 1000,
      new: value as number,
    });
  }
  imports.insert({ id: randomUUID(), key: batchKey, kind: 'manual', source: input.source || '手工录入', fileHash: '', mapping: null, status: 'committed', actorName: ctx.actor.name, createdAt: ctx.nowIso, updatedAt: ctx.nowIso });
  let result: ReadingOutcome = { outcome: 'inserted', endMs: row.end_ms, value, rule: null };
  if (overwrites) {
    readings.replace(row);
    imports.insertDuplicate(confirmedReplacement(before, row, ctx.nowIso));
    result = { outcome: 'replaced', endMs: row.end_ms, value, rule: CONFIRMED_REPLACE };
  } else if (!readings.insertNew(row)) {
    const settled = settleSlot(readings, before!, row, ctx.nowIso);
    if (settled.duplicate) imports.insertDuplicate(settled.duplicate);
    const kept = readings.slot(row.station_key, row.end_ms, row.interval_s)!;
    result = { outcome: settled.outcome, endMs: row.end_ms, value: kept.value_milli === null ? null : kept.value_milli / 1000, rule: settled.rule };
  }
  const counts = { inserted: result.outcome === 'inserted' ? 1 : 0, replaced: result.outcome === 'replaced' ? 1 : 0, unchanged: result.outcome === 'inserted' || result.outcome === 'replaced' ? 0 : 1 };
  imports.finish(batchKey, { status: 'committed', rowsRead: 1, readings: 1, ...counts, duplicates: before ? 1 : 0, skippedRows: 0, committedAt: ctx.nowIso, updatedAt: ctx.nowIso });
  ctx.audit({ entity: 'rain_reading', entityId: `${station.code}@${new Date(row.end_ms).toISOString()}`, before, after: { ...row, outcome: result.outcome, source: input.source } });
  if (station.type === 'rain') checkSignals(ctx, ctx.nowMs);
  return result;
}

export const rainHandlers = {
  'rain.listStations': (ctx, { type }) => rainStationsRepo(ctx.db).list(type ?? null).map(publicStation),
  'rain.saveStation': (ctx, input) => {
    const repo = rainStationsRepo(ctx.db);
    const clash = repo.byCode(input.code);
    if (clash && clash.id !== input.id) throw new Conflict('errors.rain.codeTaken', `Station code ${input.code} is already used`, { code: input.code });
    const { expectedVersion, ...fields } = input;
    if (fields.id) {
      const before = liveStation(ctx, fields.id);
      if (expectedVersion !== before.version) throw new StaleRecord('rain_station', publicStation(before));
      const after: StoredStation = { ...before, ...fields, id: before.id, updatedAt: ctx.nowIso, version: before.version + 1 };
      // The version in the WHERE clause makes the check and the write one step.
      if (!repo.update(after, before.version)) throw new StaleRecord('rain_station', publicStation(liveStation(ctx, before.id)));
      ctx.audit({ entity: 'rain_station', entityId: before.id, before: publicStation(before), after: publicStation(after) });
      return publicStation(after);
    }
    const station: StoredStation = { ...fields, id: randomUUID(), key: repo.nextKey(), deletedAt: null, createdAt: ctx.nowIso, updatedAt: ctx.nowIso, version: 1 };
    repo.insert(station);
    ctx.audit({ entity: 'rain_station', entityId: station.id, before: null, after: publicStation(station) });
    return publicStation(station);
  },
  'rain.deleteStation': (ctx, { id }) => {
    const before = liveStation(ctx, id);
    rainStationsRepo(ctx.db).softDelete(id, ctx.nowIso);
    ctx.audit({ entity: 'rain_station', entityId: id, before: publicStation(before), after: { ...publicStation(before), deletedAt: ctx.nowIso } });
    return { id };
  },
  'rain.addReading': (ctx, input) => addReading(ctx, input),
  'rain.overview': (ctx, { atMs }) => overview(ctx, rainStationsRepo(ctx.db).list(), atMs ?? ctx.nowMs),
  'rain.series': (ctx, { stationId, fromMs, toMs }) => stationSeries(ctx, liveStation(ctx, stationId), fromMs, toMs),
  'rain.summary': (ctx, query) => rainSummary(ctx, query),
  ...rainImportHandlers,
  ...rainSignalHandlers,
} satisfies HandlerMap<'rain'>;

/** This domain's map layers: rain gauges coloured by their 24 h grade, water gauges by level against warning. */
export function rainMapLayer(ctx: HandlerContext): MapLayerData {
  const stations = rainStationsRepo(ctx.db).list().filter((s) => s.lat !== null && s.lng !== null);
  if (stations.length === 0) return EMPTY_LAYER;
  const view = overview(ctx, stations, ctx.nowMs);
  const points: MapPoint[] = view.stations.map(({ station: s, waterStatus, grade24 }) => {
    const common = { id: s.id, name: s.name, lat: s.lat as number, lng: s.lng as number };
    if (s.type === 'water') {
      const status = waterStatus ?? 'unknown';
      return { ...common, layer: 'waterGauges', kind: 'water', level: status, alert: status === 'above_warning' || status === 'above_guarantee' };
    }
    // No ring: the 24 h grade is the gauge's colour, and in a storm a signal threshold is reached at
    // every gauge at once, which would ring them all; the ring is kept for places to act on now.
    return { ...common, layer: 'rainGauges', kind: 'rain', level: grade24 ?? 'none', alert: false };
  });
  return { points: toColumns(points), lines: [] };
}

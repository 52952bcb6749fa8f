import type { Db } from '../platform/connection';
import type { StationRecord, StationType } from '../../core/contract/rain';
import type { RainQuality } from '../../core/domain/rain/readings';
import { RAIN_QUALITY_CODES } from '../../core/domain/rain/packed';
import type { StoredReading } from '../../core/domain/rain/series';
import { perDb } from '../platform/per-db';

interface StationRow {
  id: string;
  key: number;
  code: string;
  name: string;
  name_en: string;
  type: string;
  lat: number | null;
  lng: number | null;
  source: string;
  warning_m: number | null;
  guarantee_m: number | null;
  flood_limit_m: number | null;
  notes: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StoredStation extends StationRecord {
  key: number;
  deletedAt: string | null;
}

const toStation = (row: StationRow): StoredStation => ({
  id: row.id,
  key: row.key,
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  type: row.type as StationType,
  lat: row.lat,
  lng: row.lng,
  source: row.source,
  warningM: row.warning_m,
  guaranteeM: row.guarantee_m,
  floodLimitM: row.flood_limit_m,
  notes: row.notes,
  deletedAt: row.deleted_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/** The public shape: the integer key and the deletion mark stay inside the database layer. */
export function publicStation(s: StoredStation): StationRecord {
  const { key: _key, deletedAt: _deletedAt, ...rest } = s;
  return rest;
}

export const rainStationsRepo = perDb((db: Db) => {
  const byId = db.prepare('SELECT * FROM rain_stations WHERE id = ?');
  const byCode = db.prepare('SELECT * FROM rain_stations WHERE code = ? AND deleted_at IS NULL');
  const list = db.prepare('SELECT * FROM rain_stations WHERE deleted_at IS NULL AND (@type IS NULL OR type = @type) ORDER BY code');
  const nextKey = db.prepare('SELECT coalesce(max(key), 0) + 1 FROM rain_stations').pluck();
  const insert = db.prepare(
    `INSERT INTO rain_stations (id, key, code, name, name_en, type, lat, lng, source, warning_m, guarantee_m, flood_limit_m, notes, deleted_at, created_at, updated_at)
     VALUES (@id, @key, @code, @name, @nameEn, @type, @lat, @lng, @source, @warningM, @guaranteeM, @floodLimitM, @notes, NULL, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE rain_stations SET code = @code, name = @name, name_en = @nameEn, type = @type, lat = @lat, lng = @lng, source = @source,
       warning_m = @warningM, guarantee_m = @guaranteeM, flood_limit_m = @floodLimitM, notes = @notes, updated_at = @updatedAt,
       version = version + 1 WHERE id = @id AND version = @expectedVersion`,
  );
  const softDelete = db.prepare('UPDATE rain_stations SET deleted_at = ?, updated_at = ? WHERE id = ?');
  return {
    get: (id: string) => {
      const row = byId.get(id) as StationRow | undefined;
      return row ? toStation(row) : undefined;
    },
    byCode: (code: string) => {
      const row = byCode.get(code) as StationRow | undefined;
      return row ? toStation(row) : undefined;
    },
    list: (type: StationType | null = null) => (list.all({ type }) as StationRow[]).map(toStation),
    nextKey: () => nextKey.get() as number,
    insert: (s: StoredStation) => insert.run(s),
    /** False when the stored version is not `expectedVersion`: someone else saved first. */
    update: (s: StoredStation, expectedVersion: number) => update.run({ ...s, expectedVersion }).changes === 1,
    softDelete: (id: string, nowIso: string) => softDelete.run(nowIso, nowIso, id),
  };
});

/** Quality as stored: the index in this list, the same as in packed readings. */
export const QUALITY_CODES: readonly RainQuality[] = RAIN_QUALITY_CODES;
export const qualityCode = (q: RainQuality): number => QUALITY_CODES.indexOf(q);

/** A reading as stored: value in thousandths of the unit, null when missing. */
export interface ReadingRow {
  station_key: number;
  end_ms: number;
  interval_s: number;
  value_milli: number | null;
  quality: number;
  trace: number;
  batch_key: number;
}

export const rainReadingsRepo = perDb((db: Db) => {
  const insertNew = db.prepare(
    `INSERT INTO rain_readings (station_key, end_ms, interval_s, value_milli, quality, trace, batch_key)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const slot = db.prepare('SELECT * FROM rain_readings WHERE station_key = ? AND end_ms = ? AND interval_s = ?');
  const replace = db.prepare('UPDATE rain_readings SET value_milli = ?, quality = ?, trace = ?, batch_key = ? WHERE station_key = ? AND end_ms = ? AND interval_s = ?');
  const window = db.prepare('SELECT end_ms, interval_s, value_milli, quality, trace FROM rain_readings WHERE station_key = ? AND end_ms > ? AND end_ms <= ? ORDER BY end_ms, interval_s');
  const windowStored = db.prepare('SELECT end_ms, interval_s, value_milli, quality FROM rain_readings WHERE station_key = ? AND end_ms > ? AND end_ms <= ? ORDER BY end_ms, interval_s').raw();
  const latestWithDataIn = db
    .prepare('SELECT end_ms FROM rain_readings WHERE station_key = ? AND end_ms > ? AND end_ms <= ? AND value_milli IS NOT NULL ORDER BY end_ms DESC LIMIT 1')
    .pluck();
  const latestWithData = db
    .prepare('SELECT end_ms FROM rain_readings WHERE station_key = ? AND end_ms <= ? AND value_milli IS NOT NULL ORDER BY end_ms DESC LIMIT 1')
    .pluck();
  const latestAny = db.prepare('SELECT * FROM rain_readings WHERE station_key = ? AND end_ms <= ? AND value_milli IS NOT NULL ORDER BY end_ms DESC LIMIT 1');
  return {
    /** true when inserted, false when the slot was already taken */
    insertNew: (r: Omit<ReadingRow, 'trace'> & { trace: number }): boolean =>
      insertNew.run(r.station_key, r.end_ms, r.interval_s, r.value_milli, r.quality, r.trace, r.batch_key).changes === 1,
    /** The bare statement for the import loop, where an object per row would cost more than the insert. */
    insertNewStatement: insertNew,
    /** The same for `rows` readings at once (7 parameters each, in insertNew's order). */
    insertBlockStatement: (rows: number) =>
      db.prepare(
        `INSERT INTO rain_readings (station_key, end_ms, interval_s, value_milli, quality, trace, batch_key)
         VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
      ),
    slot: (stationKey: number, endMs: number, intervalS: number) => slot.get(stationKey, endMs, intervalS) as ReadingRow | undefined,
    replace: (r: ReadingRow) => replace.run(r.value_milli, r.quality, r.trace, r.batch_key, r.station_key, r.end_ms, r.interval_s),
    /** Readings ending in (fromMs, toMs], oldest first. */
    window: (stationKey: number, fromMs: number, toMs: number) =>
      window.all(stationKey, fromMs, toMs) as Pick<ReadingRow, 'end_ms' | 'interval_s' | 'value_milli' | 'quality' | 'trace'>[],
    /** The same window as rows of seriesFromStored's shape, without an object per row. */
    windowStored: (stationKey: number, fromMs: number, toMs: number) => windowStored.all(stationKey, fromMs, toMs) as StoredReading[],
    /** The same as latestEndWithData, looking no further back than fromMs (exclusive). */
    latestEndWithDataIn: (stationKey: number, fromMs: number, atMs: number) => (latestWithDataIn.get(stationKey, fromMs, atMs) as number | undefined) ?? null,
    latestEndWithData: (stationKey: number, atMs: number) => (latestWithData.get(stationKey, atMs) as number | undefined) ?? null,
    latestWithData: (stationKey: number, atMs: number) => latestAny.get(stationKey, atMs) as ReadingRow | undefined,
  };
});

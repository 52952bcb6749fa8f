import type { Db } from '../platform/connection';
import type { MapMarker, MarkerKind, ShapeKind, TileKind, Tileset } from '../../core/contract/map';
import { columnsOf, type PointColumns } from '../../core/contract/map-layers';
import type { CoordSystem } from '../../core/domain/geo/coords';
import type { TileFormat } from '../../core/domain/geo/mbtiles';
import { sectionSchema, type Settings } from '../../core/settings';
import { perDb } from '../platform/per-db';

interface TilesetRow {
  id: string;
  name: string;
  file_name: string;
  kind: string;
  format: string;
  coord_system: string;
  minzoom: number;
  maxzoom: number;
  bounds: string | null;
  attribution: string;
  tile_count: number;
  size_bytes: number;
  visible: number;
  opacity: number;
  position: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

const toTileset = (row: TilesetRow): Tileset => ({
  id: row.id,
  name: row.name,
  kind: row.kind as TileKind,
  format: row.format as TileFormat,
  coordSystem: row.coord_system as CoordSystem,
  minzoom: row.minzoom,
  maxzoom: row.maxzoom,
  bounds: row.bounds ? (JSON.parse(row.bounds) as Tileset['bounds']) : null,
  attribution: row.attribution,
  tileCount: row.tile_count,
  sizeBytes: row.size_bytes,
  visible: row.visible === 1,
  opacity: row.opacity,
  position: row.position,
  notes: JSON.parse(row.notes) as Tileset['notes'],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const tilesetParams = (t: Tileset, fileName: string) => ({
  ...t,
  fileName,
  bounds: t.bounds ? JSON.stringify(t.bounds) : null,
  visible: t.visible ? 1 : 0,
  notes: JSON.stringify(t.notes),
});

export const tilesetsRepo = perDb((db: Db) => {
  const list = db.prepare('SELECT * FROM map_tilesets WHERE deleted_at IS NULL ORDER BY position, created_at');
  const byId = db.prepare('SELECT * FROM map_tilesets WHERE id = ? AND deleted_at IS NULL');
  const maxPosition = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM map_tilesets WHERE deleted_at IS NULL').pluck();
  const insert = db.prepare(
    `INSERT INTO map_tilesets (id, name, file_name, kind, format, coord_system, minzoom, maxzoom, bounds, attribution, tile_count, size_bytes, visible, opacity, position, notes, created_at, updated_at)
     VALUES (@id, @name, @fileName, @kind, @format, @coordSystem, @minzoom, @maxzoom, @bounds, @attribution, @tileCount, @sizeBytes, @visible, @opacity, @position, @notes, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE map_tilesets SET name = @name, kind = @kind, coord_system = @coordSystem, visible = @visible, opacity = @opacity, position = @position, updated_at = @updatedAt WHERE id = @id`,
  );
  const remove = db.prepare('UPDATE map_tilesets SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
  return {
    list: () => (list.all() as TilesetRow[]).map(toTileset),
    get: (id: string) => {
      const row = byId.get(id) as TilesetRow | undefined;
      return row ? toTileset(row) : undefined;
    },
    nextPosition: () => maxPosition.get() as number,
    insert: (t: Tileset, fileName: string) => insert.run(tilesetParams(t, fileName)),
    update: (t: Tileset) => update.run(tilesetParams(t, '')),
    remove: (id: string, nowIso: string) => remove.run(nowIso, nowIso, id).changes > 0,
  };
});

interface UploadRow {
  id: string;
  file_name: string;
  size_bytes: number;
  received_bytes: number;
  next_index: number;
}

export const uploadsRepo = perDb((db: Db) => {
  const byId = db.prepare('SELECT id, file_name, size_bytes, received_bytes, next_index FROM map_uploads WHERE id = ?');
  const insert = db.prepare('INSERT INTO map_uploads (id, file_name, size_bytes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const addChunk = db.prepare('INSERT INTO map_upload_chunks (upload_id, idx, data) VALUES (?, ?, ?)');
  const advance = db.prepare('UPDATE map_uploads SET received_bytes = received_bytes + ?, next_index = next_index + 1, updated_at = ? WHERE id = ?');
  const chunks = db.prepare('SELECT data FROM map_upload_chunks WHERE upload_id = ? ORDER BY idx').pluck();
  const remove = db.prepare('DELETE FROM map_uploads WHERE id = ?');
  // Uploads abandoned for a day (a closed window, a crash) are dropped at the next begin.
  const stale = db.prepare('DELETE FROM map_uploads WHERE updated_at < ?');
  return {
    get: (id: string) => byId.get(id) as UploadRow | undefined,
    begin: (id: string, fileName: string, sizeBytes: number, nowIso: string) => insert.run(id, fileName, sizeBytes, nowIso, nowIso),
    append: (id: string, index: number, data: Buffer, nowIso: string) => {
      addChunk.run(id, index, data);
      advance.run(data.length, nowIso, id);
    },
    /** Chunks in order, one at a time, so a large file is never held twice in memory. */
    chunks: (id: string) => chunks.iterate(id) as IterableIterator<Buffer>,
    remove: (id: string) => remove.run(id).changes > 0,
    dropStale: (beforeIso: string) => stale.run(beforeIso).changes,
  };
});

interface MarkerRow {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

const toMarker = (row: MarkerRow): MapMarker => ({
  id: row.id,
  name: row.name,
  kind: row.kind as MarkerKind,
  lat: row.lat,
  lng: row.lng,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const markersRepo = perDb((db: Db) => {
  const list = db.prepare('SELECT * FROM map_markers WHERE deleted_at IS NULL ORDER BY name');
  const byId = db.prepare('SELECT * FROM map_markers WHERE id = ? AND deleted_at IS NULL');
  const insert = db.prepare(
    'INSERT INTO map_markers (id, name, kind, lat, lng, notes, created_at, updated_at) VALUES (@id, @name, @kind, @lat, @lng, @notes, @createdAt, @updatedAt)',
  );
  const move = db.prepare('UPDATE map_markers SET lat = @lat, lng = @lng, updated_at = @updatedAt WHERE id = @id');
  const remove = db.prepare('UPDATE map_markers SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
  // SQLite writes each column as one JSON array: 50k markers as row arrays cost 3× more in V8 than parsing five
  // strings. One statement, so the columns line up; no ORDER BY, the map needs none.
  const columns = db
    .prepare(
      `SELECT json_group_array(id), json_group_array(name), json_group_array(round(lat, 6)), json_group_array(round(lng, 6)), json_group_array(kind)
       FROM map_markers WHERE deleted_at IS NULL`,
    )
    .raw();
  return {
    list: () => (list.all() as MarkerRow[]).map(toMarker),
    /** Every live marker as the map draws it (no notes: the popup reads those for one marker). */
    columns(): PointColumns {
      const [ids, names, lat, lng, kind] = (columns.get() as string[]).map((text) => JSON.parse(text) as never[]);
      return columnsOf('markers', { ids, names, lat, lng, kind, level: new Array<string>(ids.length).fill(''), alerts: [] });
    },
    get: (id: string) => {
      const row = byId.get(id) as MarkerRow | undefined;
      return row ? toMarker(row) : undefined;
    },
    insert: (m: MapMarker) => insert.run(m),
    move: (m: MapMarker) => move.run(m),
    remove: (id: string, nowIso: string) => remove.run(nowIso, nowIso, id).changes > 0,
  };
});

export interface ShapeRow {
  id: string;
  kind: ShapeKind;
  name: string;
  geojson: string;
  feature_count: number;
}

export const shapesRepo = perDb((db: Db) => {
  const list = db.prepare('SELECT id, kind, name, geojson, feature_count FROM map_shapes ORDER BY kind');
  const byKind = db.prepare('SELECT id, kind, name, geojson, feature_count FROM map_shapes WHERE kind = ?');
  const upsert = db.prepare(
    `INSERT INTO map_shapes (id, kind, name, geojson, feature_count, created_at, updated_at) VALUES (@id, @kind, @name, @geojson, @featureCount, @nowIso, @nowIso)
     ON CONFLICT (kind) DO UPDATE SET name = excluded.name, geojson = excluded.geojson, feature_count = excluded.feature_count, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM map_shapes WHERE kind = ?');
  return {
    list: () => list.all() as ShapeRow[],
    get: (kind: ShapeKind) => byKind.get(kind) as ShapeRow | undefined,
    upsert: (shape: { id: string; kind: ShapeKind; name: string; geojson: string; featureCount: number; nowIso: string }) => upsert.run(shape),
    remove: (kind: ShapeKind) => remove.run(kind).changes > 0,
  };
});

/**
 * The map section alone, for the online tile route (hundreds of requests a second while
 * panning): one prepared statement, and the parse reused while the stored text is unchanged.
 */
export function mapSettingsReader(db: Db): () => Settings['map'] {
  const select = db.prepare("SELECT value FROM settings WHERE section = 'map'").pluck();
  const schema = sectionSchema('map');
  let last: { text: string | undefined; value: Settings['map'] } | null = null;
  return () => {
    const text = select.get() as string | undefined;
    if (last && last.text === text) return last.value;
    const parsed = schema.safeParse(text === undefined ? undefined : JSON.parse(text));
    // A damaged section falls back to defaults, as settingsRepo.read does.
    last = { text, value: parsed.success ? parsed.data : schema.parse(undefined) };
    return last.value;
  };
}

export interface TileRouteReads {
  isActive(tilesetId: string): boolean;
  mapSettings(): Settings['map'];
}

/** What the tile routes read on every request, prepared once per connection (a restore brings a new one). */
export const tileRouteReads = perDb((db: Db): TileRouteReads => {
  const active = db.prepare('SELECT 1 FROM map_tilesets WHERE id = ? AND deleted_at IS NULL').pluck();
  return { isActive: (id) => active.get(id) !== undefined, mapSettings: mapSettingsReader(db) };
});

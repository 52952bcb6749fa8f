import type { Statement } from 'better-sqlite3';
import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { DamageRecord, DamageSourceKind, DamageVersion } from '../../core/contract/damage';
import type { DamageTypeId } from '../../core/domain/damage/catalogue';
import type { Quantities } from '../../core/domain/damage/quantities';
import type { DamageStatus, VersionChange } from '../../core/domain/damage/status';
import type { VersionFigures } from '../../core/domain/damage/totals';

interface VersionRow {
  id: string;
  record_id: string;
  version: number;
  change_kind: string;
  status: string;
  damage_type: string;
  occurred_at_ms: number;
  place_name: string;
  hazard_point_id: string | null;
  lat: number | null;
  lng: number | null;
  loss_wan: number;
  description: string;
  reason: string;
  recorded_by: string;
  recorded_at_ms: number;
  verified_by: string | null;
  verified_at_ms: number | null;
  created_at: string;
  superseded_at: string | null;
  /** json_group_object of the version's quantities. */
  quantities: string;
}

interface RecordRow extends VersionRow {
  event_id: string;
  source_kind: string;
  source_id: string | null;
  record_created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
  photo_count: number;
}

const toVersion = (row: VersionRow): DamageVersion => ({
  id: row.id,
  recordId: row.record_id,
  version: row.version,
  change: row.change_kind as VersionChange,
  status: row.status as DamageStatus,
  type: row.damage_type as DamageTypeId,
  occurredAtMs: row.occurred_at_ms,
  place: { name: row.place_name, hazardPointId: row.hazard_point_id, lat: row.lat, lng: row.lng },
  quantities: JSON.parse(row.quantities) as Quantities,
  lossWan: row.loss_wan,
  description: row.description,
  reason: row.reason,
  recordedBy: row.recorded_by,
  recordedAtMs: row.recorded_at_ms,
  verifiedBy: row.verified_by,
  verifiedAtMs: row.verified_at_ms,
  createdAt: row.created_at,
  supersededAt: row.superseded_at,
});

const toRecord = (row: RecordRow): DamageRecord => {
  const { id, recordId, createdAt: _versionCreated, supersededAt: _current, ...current } = toVersion(row);
  return {
    ...current,
    id: recordId,
    versionId: id,
    eventId: row.event_id,
    source: { kind: row.source_kind as DamageSourceKind, id: row.source_id },
    photoCount: row.photo_count,
    createdAt: row.record_created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    deleteReason: row.delete_reason,
  };
};

const QUANTITIES = '(SELECT json_group_object(q.indicator, q.quantity) FROM damage_quantities q WHERE q.version_id = v.id) AS quantities';
const CURRENT = `SELECT v.*, ${QUANTITIES}, r.event_id, r.source_kind, r.source_id, r.created_at AS record_created_at, r.updated_at,
    r.deleted_at, r.deleted_by, r.delete_reason, (SELECT count(*) FROM damage_photos p WHERE p.record_id = r.id) AS photo_count
  FROM damage_records r JOIN damage_versions v ON v.record_id = r.id AND v.superseded_at IS NULL`;

export interface DamageListFilter {
  eventId?: string;
  type?: DamageTypeId;
  status?: DamageStatus;
  text: string;
  includeRemoved: boolean;
  limit: number;
  offset: number;
}

/** A version as written: the record's figures at one moment. */
export type NewVersion = Omit<DamageVersion, 'supersededAt'>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const damageRepo = perDb((db: Db) => {
  const insertRecord = db.prepare(
    `INSERT INTO damage_records (id, event_id, source_kind, source_id, created_by, created_at, updated_at)
     VALUES (@id, @eventId, @sourceKind, @sourceId, @createdBy, @at, @at)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO damage_versions (id, record_id, version, change_kind, status, damage_type, occurred_at_ms, place_name, hazard_point_id, lat, lng,
       loss_wan, description, reason, recorded_by, recorded_at_ms, verified_by, verified_at_ms, created_at)
     VALUES (@id, @recordId, @version, @change, @status, @type, @occurredAtMs, @placeName, @hazardPointId, @lat, @lng,
       @lossWan, @description, @reason, @recordedBy, @recordedAtMs, @verifiedBy, @verifiedAtMs, @createdAt)`,
  );
  const insertQuantity = db.prepare('INSERT INTO damage_quantities (version_id, indicator, quantity) VALUES (?, ?, ?)');
  const supersede = db.prepare('UPDATE damage_versions SET superseded_at = @at WHERE id = @id AND superseded_at IS NULL');
  const touch = db.prepare('UPDATE damage_records SET updated_at = ? WHERE id = ?');
  const remove = db.prepare(
    'UPDATE damage_records SET deleted_at = @at, deleted_by = @by, delete_reason = @reason, updated_at = @at WHERE id = @id AND deleted_at IS NULL',
  );
  const current = db.prepare(`${CURRENT} WHERE r.id = ?`);
  const history = db.prepare(`SELECT v.*, ${QUANTITIES} FROM damage_versions v WHERE v.record_id = ? ORDER BY v.version`);
  const fromSource = db.prepare('SELECT id FROM damage_records WHERE source_kind = ? AND source_id = ? AND deleted_at IS NULL ORDER BY created_at').pluck();
  const figures = db.prepare(
    `SELECT v.record_id, v.version, v.recorded_at_ms, v.status, v.loss_wan, ${QUANTITIES}
     FROM damage_records r JOIN damage_versions v ON v.record_id = r.id WHERE r.event_id = ? ORDER BY v.occurred_at_ms, v.record_id, v.version`,
  );
  const removedOf = db.prepare('SELECT id, deleted_at FROM damage_records WHERE event_id = ?');
  const mapRows = db.prepare(`${CURRENT} WHERE r.event_id = ? AND r.deleted_at IS NULL AND v.lat IS NOT NULL ORDER BY v.occurred_at_ms, r.id`);
  const linkPhoto = db.prepare('INSERT INTO damage_photos (photo_id, record_id, version, created_at) VALUES (?, ?, ?, ?)');
  const photoLinked = db.prepare('SELECT 1 FROM damage_photos WHERE photo_id = ?').pluck();
  const photosOf = db.prepare('SELECT photo_id FROM damage_photos WHERE record_id = ? ORDER BY created_at, photo_id').pluck();

  // One statement per combination of filters, built from fixed fragments and prepared once.
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };

  return {
    insertRecord: (r: { id: string; eventId: string; sourceKind: DamageSourceKind; sourceId: string | null; createdBy: string; at: string }) => insertRecord.run(r),
    insertVersion(v: NewVersion): void {
      insertVersion.run({ ...v, placeName: v.place.name, hazardPointId: v.place.hazardPointId, lat: v.place.lat, lng: v.place.lng });
      for (const [indicator, quantity] of Object.entries(v.quantities)) insertQuantity.run(v.id, indicator, quantity);
    },
    /** Marks the current version superseded; false when it no longer is the current one. */
    supersede: (versionId: string, at: string) => supersede.run({ id: versionId, at }).changes === 1,
    touch: (recordId: string, at: string) => touch.run(at, recordId),
    remove: (recordId: string, at: string, by: string, reason: string) => remove.run({ id: recordId, at, by, reason }).changes === 1,
    /** The record as it stands, removed or not. */
    current(recordId: string): DamageRecord | undefined {
      const row = current.get(recordId) as RecordRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    history: (recordId: string) => (history.all(recordId) as VersionRow[]).map(toVersion),
    /** Records (not removed) that came from one source record, oldest first. */
    fromSource: (kind: DamageSourceKind, sourceId: string) => fromSource.all(kind, sourceId) as string[],
    list(f: DamageListFilter): { rows: DamageRecord[]; total: number } {
      const where = [
        f.includeRemoved ? null : 'r.deleted_at IS NULL',
        f.eventId === undefined ? null : 'r.event_id = @eventId',
        f.type === undefined ? null : 'v.damage_type = @type',
        f.status === undefined ? null : 'v.status = @status',
        f.text === '' ? null : "(v.place_name LIKE @like ESCAPE '\\' OR v.description LIKE @like ESCAPE '\\')",
      ].filter((clause) => clause !== null);
      const sql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
      const params = { eventId: f.eventId, type: f.type, status: f.status, like: likePattern(f.text), limit: f.limit, offset: f.offset };
      const rows = prepared(`${CURRENT}${sql} ORDER BY v.occurred_at_ms DESC, r.id LIMIT @limit OFFSET @offset`).all(params) as RecordRow[];
      const total = prepared(`SELECT count(*) FROM damage_records r JOIN damage_versions v ON v.record_id = r.id AND v.superseded_at IS NULL${sql}`)
        .pluck()
        .get(params) as number;
      return { rows: rows.map(toRecord), total };
    },
    /** Every version of every record of an event, removed ones included: totals decide what counts at an instant. */
    figuresOfEvent: (eventId: string): VersionFigures[] =>
      (figures.all(eventId) as Pick<VersionRow, 'record_id' | 'version' | 'recorded_at_ms' | 'status' | 'loss_wan' | 'quantities'>[]).map((row) => ({
        recordId: row.record_id,
        version: row.version,
        recordedAtMs: row.recorded_at_ms,
        status: row.status as DamageStatus,
        lossWan: row.loss_wan,
        quantities: JSON.parse(row.quantities) as Quantities,
      })),
    /** When each record of an event was removed (null: it stands). */
    removedOfEvent: (eventId: string) =>
      new Map((removedOf.all(eventId) as { id: string; deleted_at: string | null }[]).map((row) => [row.id, row.deleted_at === null ? null : Date.parse(row.deleted_at)])),
    /** The event's standing records that have a place on the map. */
    mapRecords: (eventId: string) => (mapRows.all(eventId) as RecordRow[]).map(toRecord),
    linkPhoto: (photoId: string, recordId: string, version: number, at: string) => linkPhoto.run(photoId, recordId, version, at),
    photoLinked: (photoId: string) => photoLinked.get(photoId) === 1,
    photoIds: (recordId: string) => photosOf.all(recordId) as string[],
  };
});

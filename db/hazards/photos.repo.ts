import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { PhotoMeta, PhotoMime, PhotoOwnerKind } from '../../core/contract/hazards-types';

interface PhotoDbRow {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  owner_kind: string;
  owner_id: string | null;
  item_key: string | null;
  step: string | null;
  original_name: string;
  width: number | null;
  height: number | null;
  taken_at_ms: number | null;
  lat: number | null;
  lng: number | null;
  created_at: string;
}

const toPhoto = (row: PhotoDbRow): PhotoMeta => ({
  id: row.id,
  sha256: row.sha256,
  mime: row.mime as PhotoMime,
  bytes: row.bytes,
  ownerKind: row.owner_kind as PhotoOwnerKind,
  ownerId: row.owner_id,
  itemKey: row.item_key,
  step: row.step,
  originalName: row.original_name,
  width: row.width,
  height: row.height,
  takenAtMs: row.taken_at_ms,
  lat: row.lat,
  lng: row.lng,
  createdAt: row.created_at,
});

export const photosRepo = perDb((db: Db) => {
  const fileExists = db.prepare('SELECT 1 FROM hazard_files WHERE sha256 = ?').pluck();
  const insertFile = db.prepare('INSERT OR IGNORE INTO hazard_files (sha256, mime, bytes, thumb_bytes, created_at) VALUES (?, ?, ?, ?, ?)');
  const insert = db.prepare(
    `INSERT INTO hazard_photos (id, sha256, owner_kind, owner_id, item_key, step, original_name, width, height, taken_at_ms, lat, lng, created_at, updated_at)
     VALUES (@id, @sha256, 'upload', NULL, NULL, NULL, @originalName, @width, @height, @takenAtMs, @lat, @lng, @createdAt, @createdAt)`,
  );
  const select = 'SELECT ph.*, f.mime, f.bytes FROM hazard_photos ph JOIN hazard_files f ON f.sha256 = ph.sha256';
  const byId = db.prepare(`${select} WHERE ph.id = ? AND ph.deleted_at IS NULL`);
  const byOwner = db.prepare(`${select} WHERE ph.owner_kind = ? AND ph.owner_id = ? AND ph.deleted_at IS NULL ORDER BY ph.created_at, ph.id`);
  const forPoint = db.prepare(
    `${select} WHERE ph.deleted_at IS NULL AND (
       (ph.owner_kind = 'point' AND ph.owner_id = @pointId)
       OR (ph.owner_kind = 'inspection' AND ph.owner_id IN (SELECT id FROM hazard_inspections WHERE point_id = @pointId))
       OR (ph.owner_kind = 'rectification' AND ph.owner_id IN (SELECT id FROM hazard_rectifications WHERE point_id = @pointId)))
     ORDER BY ph.created_at DESC, ph.id LIMIT 200`,
  );
  const attach = db.prepare(
    `UPDATE hazard_photos SET owner_kind = @kind, owner_id = @ownerId, item_key = @itemKey, step = @step, updated_at = @at
     WHERE id = @id AND owner_kind = 'upload' AND deleted_at IS NULL`,
  );
  return {
    fileExists: (hash: string) => fileExists.get(hash) === 1,
    insertFile: (hash: string, mime: string, bytes: number, thumbBytes: number, at: string) => insertFile.run(hash, mime, bytes, thumbBytes, at),
    insert: (p: { id: string; sha256: string; originalName: string; width: number | null; height: number | null; takenAtMs: number | null; lat: number | null; lng: number | null; createdAt: string }) =>
      insert.run(p),
    get(id: string): PhotoMeta | undefined {
      const row = byId.get(id) as PhotoDbRow | undefined;
      return row ? toPhoto(row) : undefined;
    },
    byOwner: (kind: PhotoOwnerKind, ownerId: string) => (byOwner.all(kind, ownerId) as PhotoDbRow[]).map(toPhoto),
    forPoint: (pointId: string) => (forPoint.all({ pointId }) as PhotoDbRow[]).map(toPhoto),
    /** Only a fresh upload can be attached, and only once: a photo never moves between records. */
    attach: (id: string, kind: PhotoOwnerKind, ownerId: string, itemKey: string | null, step: string | null, at: string) =>
      attach.run({ id, kind, ownerId, itemKey, step, at }).changes === 1,
  };
});

-- Hazards, second pass (issue #5): imports traceable per point, a pinyin sort key, patrol runs
-- that keep the route they were walked on.

-- The staged import a point came from. An import is audited as one row (entity hazard_import,
-- its id, the file name and every point id) instead of one row per point; this column leads
-- from a point to that row.
ALTER TABLE hazard_points ADD COLUMN import_id TEXT;

-- Pinyin of the name (重庆路 → "chong qing lu"), computed by the service with a context-aware
-- converter that SQL does not have. Rows from before this migration are filled by the
-- migration's code step (db/connection.ts → db/services/hazards-pinyin.ts), in the same transaction.
ALTER TABLE hazard_points ADD COLUMN name_pinyin TEXT;

CREATE INDEX hazard_points_by_name_pinyin ON hazard_points (name_pinyin) WHERE deleted_at IS NULL;

-- A route may be renamed, reordered or deleted after it was walked; a run is judged (visited,
-- missed, order) against the route as it was when the run was recorded.
ALTER TABLE hazard_patrol_runs ADD COLUMN route_snapshot TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(route_snapshot));

UPDATE hazard_patrol_runs
SET route_snapshot = coalesce(
  (SELECT json_object('name', r.name, 'pointIds', json(r.point_ids)) FROM hazard_routes r WHERE r.id = hazard_patrol_runs.route_id),
  '{}'
);

-- Rows of one file that share a name are compared with each other while staging (same name
-- within the duplicate radius is warned, as against registered points).
ALTER TABLE hazard_import_rows ADD COLUMN name_norm TEXT;

CREATE INDEX hazard_import_rows_by_import_name ON hazard_import_rows (import_id, name_norm) WHERE name_norm IS NOT NULL;

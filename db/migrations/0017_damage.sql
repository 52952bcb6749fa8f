-- The damage register (灾情登记, DOMAIN.md §9). A record is never edited in place: each report,
-- correction and verification is a new row of damage_versions that supersedes the one before
-- (superseded_at set, nothing else may change), so the figures sent up the chain at any moment
-- can be shown again later. The record itself holds only what never changes (its event and where
-- the desk learned of it) and its soft removal.

CREATE TABLE damage_records (
  id            TEXT PRIMARY KEY,
  event_id      TEXT NOT NULL REFERENCES events (id),
  source_kind   TEXT NOT NULL CHECK (source_kind IN ('manual', 'map_point', 'hazard_point', 'log_entry', 'incident', 'inspection')),
  -- The hazard point, duty log entry (its entry_id), incident or inspection it came from.
  source_id     TEXT CHECK ((source_kind IN ('manual', 'map_point')) = (source_id IS NULL)),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  -- Moves with every new version, so an exchange can send what changed since it last ran.
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  deleted_by    TEXT,
  delete_reason TEXT CHECK ((deleted_at IS NULL) = (delete_reason IS NULL))
) STRICT;

CREATE INDEX damage_records_by_event ON damage_records (event_id);
CREATE INDEX damage_records_by_source ON damage_records (source_kind, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE damage_versions (
  id              TEXT PRIMARY KEY,
  record_id       TEXT NOT NULL REFERENCES damage_records (id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  change_kind     TEXT NOT NULL CHECK (change_kind IN ('record', 'correct', 'verify')),
  status          TEXT NOT NULL CHECK (status IN ('reported', 'verified', 'corrected')),
  damage_type     TEXT NOT NULL CHECK (damage_type IN ('house_collapsed', 'house_severe', 'house_slight', 'road_bridge', 'tree_fallen', 'utilities',
                                                       'vehicle', 'waterlogging', 'landslide', 'crops', 'casualties', 'other')),
  occurred_at_ms  INTEGER NOT NULL,
  place_name      TEXT NOT NULL DEFAULT '',
  hazard_point_id TEXT REFERENCES hazard_points (id),
  lat             REAL CHECK (lat BETWEEN -90 AND 90),
  lng             REAL CHECK (lng BETWEEN -180 AND 180),
  loss_wan        REAL NOT NULL DEFAULT 0 CHECK (loss_wan >= 0),
  description     TEXT NOT NULL DEFAULT '',
  reason          TEXT NOT NULL DEFAULT '',
  recorded_by     TEXT NOT NULL,
  recorded_at_ms  INTEGER NOT NULL,
  verified_by     TEXT,
  verified_at_ms  INTEGER,
  created_at      TEXT NOT NULL,
  superseded_at   TEXT,
  UNIQUE (record_id, version),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK ((status = 'verified') = (verified_by IS NOT NULL AND verified_at_ms IS NOT NULL))
) STRICT;

-- One current version per record; lists and the map read only those.
CREATE UNIQUE INDEX damage_versions_by_record_current ON damage_versions (record_id) WHERE superseded_at IS NULL;
CREATE INDEX damage_versions_by_occurred_current ON damage_versions (occurred_at_ms) WHERE superseded_at IS NULL;

CREATE TABLE damage_quantities (
  version_id TEXT NOT NULL REFERENCES damage_versions (id),
  indicator  TEXT NOT NULL CHECK (indicator IN ('houses_collapsed_households', 'houses_collapsed_rooms', 'houses_severe_households', 'houses_severe_rooms',
                                                'houses_slight_households', 'houses_slight_rooms', 'road_bridge_sites', 'trees_fallen', 'utility_outages',
                                                'vehicles_damaged', 'waterlogging_sites', 'waterlogging_depth_cm', 'landslide_sites', 'crops_affected_ha',
                                                'crops_lost_ha', 'people_injured', 'people_dead', 'people_missing', 'other_items')),
  quantity   REAL NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (version_id, indicator)
) STRICT, WITHOUT ROWID;

-- Photos are stored once, by the hazards photo store (hazard_photos / hazard_files, uploaded with
-- hazards.uploadPhoto); a damage record links the uploads it shows. A photo belongs to one record.
CREATE TABLE damage_photos (
  photo_id   TEXT PRIMARY KEY REFERENCES hazard_photos (id),
  record_id  TEXT NOT NULL REFERENCES damage_records (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX damage_photos_by_record ON damage_photos (record_id);

CREATE TRIGGER damage_versions_no_delete BEFORE DELETE ON damage_versions
BEGIN
  SELECT RAISE(ABORT, 'damage versions are never deleted; write a correction');
END;

CREATE TRIGGER damage_versions_no_edit BEFORE UPDATE OF id, record_id, version, change_kind, status, damage_type, occurred_at_ms, place_name,
  hazard_point_id, lat, lng, loss_wan, description, reason, recorded_by, recorded_at_ms, verified_by, verified_at_ms, created_at ON damage_versions
BEGIN
  SELECT RAISE(ABORT, 'damage versions are never edited; write a correction');
END;

CREATE TRIGGER damage_versions_supersede_once BEFORE UPDATE OF superseded_at ON damage_versions
  WHEN OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
BEGIN
  SELECT RAISE(ABORT, 'a damage version is superseded once and stays so');
END;

CREATE TRIGGER damage_quantities_no_change BEFORE UPDATE ON damage_quantities
BEGIN
  SELECT RAISE(ABORT, 'damage quantities belong to their version and are never edited');
END;

CREATE TRIGGER damage_quantities_no_delete BEFORE DELETE ON damage_quantities
BEGIN
  SELECT RAISE(ABORT, 'damage quantities belong to their version and are never deleted');
END;

CREATE TRIGGER damage_records_no_delete BEFORE DELETE ON damage_records
BEGIN
  SELECT RAISE(ABORT, 'damage records are never deleted; remove them with a reason');
END;

CREATE TRIGGER damage_records_shapes_insert BEFORE INSERT ON damage_records
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_records: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER damage_records_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON damage_records
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_records: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER damage_versions_shapes_insert BEFORE INSERT ON damage_versions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.superseded_at IS NOT NULL AND NEW.superseded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_versions: created_at, superseded_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER damage_versions_shapes_update BEFORE UPDATE OF created_at, superseded_at ON damage_versions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.superseded_at IS NOT NULL AND NEW.superseded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_versions: created_at, superseded_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER damage_photos_shapes_insert BEFORE INSERT ON damage_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_photos: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER damage_photos_shapes_update BEFORE UPDATE OF created_at ON damage_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_photos: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

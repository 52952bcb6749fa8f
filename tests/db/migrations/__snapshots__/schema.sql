-- table accounts
CREATE TABLE accounts (
  id                     TEXT PRIMARY KEY,
  -- Stored normalised (NFKC, lower case), so 'Zhang' and 'zhang' cannot both exist.
  username               TEXT NOT NULL CHECK (length(username) BETWEEN 2 AND 32),
  display_name           TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  role                   TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'duty_officer', 'safety_staff', 'viewer')),
  password_hash          TEXT NOT NULL,
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  must_change_password   INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts        INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until_ms        INTEGER,
  last_login_at_ms       INTEGER,
  -- A session carries the epoch it began in; a reset, a change or a deactivation bumps it and so
  -- signs the person out everywhere (no clock involved, so two changes in one millisecond still count).
  session_epoch          INTEGER NOT NULL DEFAULT 0 CHECK (session_epoch >= 0),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
) STRICT;

-- index accounts_by_username
CREATE UNIQUE INDEX accounts_by_username ON accounts (username);

-- index sqlite_autoindex_accounts_1

-- trigger accounts_shapes_insert
CREATE TRIGGER accounts_shapes_insert BEFORE INSERT ON accounts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'accounts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger accounts_shapes_update
CREATE TRIGGER accounts_shapes_update BEFORE UPDATE OF created_at, updated_at ON accounts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'accounts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table audit_log
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  actor_id   TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  method     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after))
, prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64), hash TEXT CHECK (hash IS NULL OR length(hash) = 64)) STRICT;

-- index audit_log_by_entity
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);

-- index audit_log_by_method
CREATE INDEX audit_log_by_method ON audit_log (method, seq);

-- trigger audit_log_chained
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows must carry their chain hashes');
END;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
  AND NEW.seq = OLD.seq AND NEW.at_ms = OLD.at_ms
  AND NEW.actor_id = OLD.actor_id AND NEW.actor_name = OLD.actor_name
  AND NEW.method = OLD.method AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id
  AND NEW.before IS OLD.before AND NEW.after IS OLD.after
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- table damage_photos
CREATE TABLE damage_photos (
  photo_id   TEXT PRIMARY KEY REFERENCES hazard_photos (id),
  record_id  TEXT NOT NULL REFERENCES damage_records (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL
) STRICT;

-- index damage_photos_by_record
CREATE INDEX damage_photos_by_record ON damage_photos (record_id);

-- index sqlite_autoindex_damage_photos_1

-- trigger damage_photos_shapes_insert
CREATE TRIGGER damage_photos_shapes_insert BEFORE INSERT ON damage_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_photos: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger damage_photos_shapes_update
CREATE TRIGGER damage_photos_shapes_update BEFORE UPDATE OF created_at ON damage_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_photos: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table damage_quantities
CREATE TABLE damage_quantities (
  version_id TEXT NOT NULL REFERENCES damage_versions (id),
  indicator  TEXT NOT NULL CHECK (indicator IN ('houses_collapsed_households', 'houses_collapsed_rooms', 'houses_severe_households', 'houses_severe_rooms',
                                                'houses_slight_households', 'houses_slight_rooms', 'road_bridge_sites', 'trees_fallen', 'utility_outages',
                                                'vehicles_damaged', 'waterlogging_sites', 'waterlogging_depth_cm', 'landslide_sites', 'crops_affected_ha',
                                                'crops_lost_ha', 'people_injured', 'people_dead', 'people_missing', 'other_items')),
  quantity   REAL NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (version_id, indicator)
) STRICT, WITHOUT ROWID;

-- trigger damage_quantities_no_change
CREATE TRIGGER damage_quantities_no_change BEFORE UPDATE ON damage_quantities
BEGIN
  SELECT RAISE(ABORT, 'damage quantities belong to their version and are never edited');
END;

-- trigger damage_quantities_no_delete
CREATE TRIGGER damage_quantities_no_delete BEFORE DELETE ON damage_quantities
BEGIN
  SELECT RAISE(ABORT, 'damage quantities belong to their version and are never deleted');
END;

-- table damage_records
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

-- index damage_records_by_event
CREATE INDEX damage_records_by_event ON damage_records (event_id);

-- index damage_records_by_source
CREATE INDEX damage_records_by_source ON damage_records (source_kind, source_id) WHERE source_id IS NOT NULL;

-- index sqlite_autoindex_damage_records_1

-- trigger damage_records_no_delete
CREATE TRIGGER damage_records_no_delete BEFORE DELETE ON damage_records
BEGIN
  SELECT RAISE(ABORT, 'damage records are never deleted; remove them with a reason');
END;

-- trigger damage_records_shapes_insert
CREATE TRIGGER damage_records_shapes_insert BEFORE INSERT ON damage_records
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_records: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger damage_records_shapes_update
CREATE TRIGGER damage_records_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON damage_records
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_records: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table damage_stat_figures
CREATE TABLE damage_stat_figures (
  report_id      TEXT NOT NULL REFERENCES damage_stat_reports (id),
  indicator      TEXT NOT NULL CHECK (indicator IN ('affected_people', 'dead', 'missing', 'relocated', 'needing_aid', 'collapsed_households',
                                                    'collapsed_rooms', 'severe_households', 'severe_rooms', 'slight_households', 'slight_rooms',
                                                    'crops_affected_ha', 'crops_lost_ha', 'direct_loss_wan', 'moved_precaution')),
  computed_value REAL CHECK (computed_value IS NULL OR computed_value >= 0),
  -- The part of computed_value from verified damage records, which a 核报 is checked against.
  verified_value REAL CHECK (verified_value IS NULL OR verified_value >= 0),
  reported_value REAL CHECK (reported_value IS NULL OR reported_value >= 0),
  reason         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, indicator),
  CHECK (computed_value IS NULL OR reported_value IS NULL OR reported_value = computed_value OR reason <> '')
) STRICT, WITHOUT ROWID;

-- trigger damage_stat_figures_no_delete
CREATE TRIGGER damage_stat_figures_no_delete BEFORE DELETE ON damage_stat_figures
BEGIN
  SELECT RAISE(ABORT, 'statistics report figures are kept as sent; save a new version');
END;

-- trigger damage_stat_figures_no_update
CREATE TRIGGER damage_stat_figures_no_update BEFORE UPDATE ON damage_stat_figures
BEGIN
  SELECT RAISE(ABORT, 'statistics report figures are kept as sent; save a new version');
END;

-- table damage_stat_reports
CREATE TABLE damage_stat_reports (
  id          TEXT PRIMARY KEY,
  event_id    TEXT NOT NULL REFERENCES events (id),
  stage       TEXT NOT NULL CHECK (stage IN ('initial', 'update', 'final')),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  -- The instant the figures count to (统计截止时间), epoch ms like the other *_ms columns.
  as_of_ms    INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (event_id, seq),
  -- The first version is the 初报 and only the first.
  CHECK ((seq = 1) = (stage = 'initial'))
) STRICT;

-- index damage_stat_reports_by_event_final
CREATE UNIQUE INDEX damage_stat_reports_by_event_final ON damage_stat_reports (event_id) WHERE stage = 'final';

-- index sqlite_autoindex_damage_stat_reports_1

-- index sqlite_autoindex_damage_stat_reports_2

-- trigger damage_stat_reports_no_delete
CREATE TRIGGER damage_stat_reports_no_delete BEFORE DELETE ON damage_stat_reports
BEGIN
  SELECT RAISE(ABORT, 'statistics report versions are kept as sent; save a new version');
END;

-- trigger damage_stat_reports_no_update
CREATE TRIGGER damage_stat_reports_no_update BEFORE UPDATE ON damage_stat_reports
BEGIN
  SELECT RAISE(ABORT, 'statistics report versions are kept as sent; save a new version');
END;

-- trigger damage_stat_reports_shapes_insert
CREATE TRIGGER damage_stat_reports_shapes_insert BEFORE INSERT ON damage_stat_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_stat_reports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table damage_versions
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

-- index damage_versions_by_occurred_current
CREATE INDEX damage_versions_by_occurred_current ON damage_versions (occurred_at_ms) WHERE superseded_at IS NULL;

-- index damage_versions_by_record_current
CREATE UNIQUE INDEX damage_versions_by_record_current ON damage_versions (record_id) WHERE superseded_at IS NULL;

-- index sqlite_autoindex_damage_versions_1

-- index sqlite_autoindex_damage_versions_2

-- trigger damage_versions_no_delete
CREATE TRIGGER damage_versions_no_delete BEFORE DELETE ON damage_versions
BEGIN
  SELECT RAISE(ABORT, 'damage versions are never deleted; write a correction');
END;

-- trigger damage_versions_no_edit
CREATE TRIGGER damage_versions_no_edit BEFORE UPDATE OF id, record_id, version, change_kind, status, damage_type, occurred_at_ms, place_name,
  hazard_point_id, lat, lng, loss_wan, description, reason, recorded_by, recorded_at_ms, verified_by, verified_at_ms, created_at ON damage_versions
BEGIN
  SELECT RAISE(ABORT, 'damage versions are never edited; write a correction');
END;

-- trigger damage_versions_shapes_insert
CREATE TRIGGER damage_versions_shapes_insert BEFORE INSERT ON damage_versions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.superseded_at IS NOT NULL AND NEW.superseded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_versions: created_at, superseded_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger damage_versions_shapes_update
CREATE TRIGGER damage_versions_shapes_update BEFORE UPDATE OF created_at, superseded_at ON damage_versions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.superseded_at IS NOT NULL AND NEW.superseded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_versions: created_at, superseded_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger damage_versions_supersede_once
CREATE TRIGGER damage_versions_supersede_once BEFORE UPDATE OF superseded_at ON damage_versions
  WHEN OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
BEGIN
  SELECT RAISE(ABORT, 'a damage version is superseded once and stays so');
END;

-- table duty_assignments
CREATE TABLE duty_assignments (
  id               TEXT PRIMARY KEY,
  day_id           TEXT NOT NULL REFERENCES duty_days (id),
  date             TEXT NOT NULL,
  slot             TEXT NOT NULL CHECK (slot IN ('leader', 'officer', 'backup', 'extra')),
  position         INTEGER NOT NULL CHECK (position >= 0),
  person_id        TEXT NOT NULL REFERENCES duty_people (id),
  shift            TEXT NOT NULL DEFAULT 'full' CHECK (shift IN ('full', 'day', 'night')),
  source           TEXT NOT NULL CHECK (source IN ('generated', 'manual', 'import', 'swap', 'extension')),
  extension_id     TEXT REFERENCES duty_extensions (id),
  superseded_at_ms INTEGER,
  superseded_by    TEXT REFERENCES duty_assignments (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

-- index duty_assignments_by_date_current
CREATE INDEX duty_assignments_by_date_current ON duty_assignments (date, slot, position) WHERE superseded_at_ms IS NULL;

-- index duty_assignments_by_person_date
CREATE INDEX duty_assignments_by_person_date ON duty_assignments (person_id, date);

-- index sqlite_autoindex_duty_assignments_1

-- trigger duty_assignments_no_delete
CREATE TRIGGER duty_assignments_no_delete BEFORE DELETE ON duty_assignments
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments are superseded, never deleted');
END;

-- trigger duty_assignments_shapes_insert
CREATE TRIGGER duty_assignments_shapes_insert BEFORE INSERT ON duty_assignments
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_assignments_shapes_update
CREATE TRIGGER duty_assignments_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_assignments
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_changes
CREATE TABLE duty_changes (
  id                TEXT PRIMARY KEY,
  batch_id          TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('swap', 'replace', 'rota', 'import', 'extension')),
  date              TEXT NOT NULL,
  slot              TEXT NOT NULL CHECK (slot IN ('leader', 'officer', 'backup', 'extra')),
  from_person_id    TEXT REFERENCES duty_people (id),
  to_person_id      TEXT REFERENCES duty_people (id),
  reason            TEXT NOT NULL DEFAULT '',
  changed_by        TEXT NOT NULL,
  changed_at_ms     INTEGER NOT NULL,
  old_assignment_id TEXT REFERENCES duty_assignments (id),
  new_assignment_id TEXT REFERENCES duty_assignments (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

-- index duty_changes_by_at
CREATE INDEX duty_changes_by_at ON duty_changes (changed_at_ms);

-- index duty_changes_by_date_at
CREATE INDEX duty_changes_by_date_at ON duty_changes (date, changed_at_ms);

-- index sqlite_autoindex_duty_changes_1

-- trigger duty_changes_shapes_insert
CREATE TRIGGER duty_changes_shapes_insert BEFORE INSERT ON duty_changes
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_changes: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_changes_shapes_update
CREATE TRIGGER duty_changes_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_changes
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_changes: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_days
CREATE TABLE duty_days (
  id         TEXT PRIMARY KEY,
  date       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_duty_days_1

-- index sqlite_autoindex_duty_days_2

-- trigger duty_days_shapes_insert
CREATE TRIGGER duty_days_shapes_insert BEFORE INSERT ON duty_days
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_days: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_days_shapes_update
CREATE TRIGGER duty_days_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_days
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_days: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_equipment_checks
CREATE TABLE duty_equipment_checks (
  id         TEXT PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  duty_day   TEXT NOT NULL,
  checked_by TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- index duty_equipment_checks_by_at
CREATE INDEX duty_equipment_checks_by_at ON duty_equipment_checks (at_ms);

-- index sqlite_autoindex_duty_equipment_checks_1

-- trigger duty_equipment_checks_shapes_insert
CREATE TRIGGER duty_equipment_checks_shapes_insert BEFORE INSERT ON duty_equipment_checks
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_checks: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_equipment_checks_shapes_update
CREATE TRIGGER duty_equipment_checks_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_equipment_checks
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_checks: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_equipment_items
CREATE TABLE duty_equipment_items (
  id          TEXT PRIMARY KEY,
  check_id    TEXT NOT NULL REFERENCES duty_equipment_checks (id),
  item_key    TEXT NOT NULL,
  label       TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('ok', 'fault', 'not_checked')),
  note        TEXT NOT NULL DEFAULT '',
  repaired_by TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (check_id, item_key)
) STRICT;

-- index sqlite_autoindex_duty_equipment_items_1

-- index sqlite_autoindex_duty_equipment_items_2

-- trigger duty_equipment_items_shapes_insert
CREATE TRIGGER duty_equipment_items_shapes_insert BEFORE INSERT ON duty_equipment_items
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_items: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_equipment_items_shapes_update
CREATE TRIGGER duty_equipment_items_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_equipment_items
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_items: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_extensions
CREATE TABLE duty_extensions (
  id           TEXT PRIMARY KEY,
  day_id       TEXT NOT NULL REFERENCES duty_days (id),
  warning_id   TEXT,
  until_ms     INTEGER,
  note         TEXT NOT NULL DEFAULT '',
  ended_at_ms  INTEGER,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (warning_id IS NOT NULL OR until_ms IS NOT NULL)
) STRICT;

-- index duty_extensions_by_ended
CREATE INDEX duty_extensions_by_ended ON duty_extensions (ended_at_ms);

-- index sqlite_autoindex_duty_extensions_1

-- trigger duty_extensions_shapes_insert
CREATE TRIGGER duty_extensions_shapes_insert BEFORE INSERT ON duty_extensions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_extensions: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_extensions_shapes_update
CREATE TRIGGER duty_extensions_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_extensions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_extensions: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_handover_drafts
CREATE TABLE duty_handover_drafts (
  id           TEXT PRIMARY KEY,
  outgoing_day TEXT NOT NULL UNIQUE,
  lang         TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  text         TEXT NOT NULL,
  saved_by     TEXT NOT NULL,
  saved_at_ms  INTEGER NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_duty_handover_drafts_1

-- index sqlite_autoindex_duty_handover_drafts_2

-- trigger duty_handover_drafts_frozen_insert
CREATE TRIGGER duty_handover_drafts_frozen_insert BEFORE INSERT ON duty_handover_drafts
WHEN EXISTS (SELECT 1 FROM duty_handovers WHERE outgoing_day = NEW.outgoing_day)
BEGIN
  SELECT RAISE(ABORT, 'the handover of this day is signed; its draft is frozen');
END;

-- trigger duty_handover_drafts_frozen_update
CREATE TRIGGER duty_handover_drafts_frozen_update BEFORE UPDATE ON duty_handover_drafts
WHEN EXISTS (SELECT 1 FROM duty_handovers WHERE outgoing_day = OLD.outgoing_day)
BEGIN
  SELECT RAISE(ABORT, 'the handover of this day is signed; its draft is frozen');
END;

-- trigger duty_handover_drafts_no_delete
CREATE TRIGGER duty_handover_drafts_no_delete BEFORE DELETE ON duty_handover_drafts
BEGIN
  SELECT RAISE(ABORT, 'handover drafts are kept');
END;

-- trigger duty_handover_drafts_shapes_insert
CREATE TRIGGER duty_handover_drafts_shapes_insert BEFORE INSERT ON duty_handover_drafts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handover_drafts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_handover_drafts_shapes_update
CREATE TRIGGER duty_handover_drafts_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_handover_drafts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handover_drafts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_handovers
CREATE TABLE duty_handovers (
  id                    TEXT PRIMARY KEY,
  outgoing_day          TEXT NOT NULL UNIQUE,
  incoming_day          TEXT NOT NULL,
  lang                  TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  text                  TEXT NOT NULL,
  sections              TEXT NOT NULL CHECK (json_valid(sections)),
  outgoing_signed_by    TEXT NOT NULL,
  outgoing_signed_at_ms INTEGER NOT NULL,
  incoming_ack_by       TEXT,
  incoming_ack_at_ms    INTEGER,
  leader_signed_by      TEXT,
  leader_signed_at_ms   INTEGER,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  CHECK (outgoing_day < incoming_day)
) STRICT;

-- index sqlite_autoindex_duty_handovers_1

-- index sqlite_autoindex_duty_handovers_2

-- trigger duty_handovers_shapes_insert
CREATE TRIGGER duty_handovers_shapes_insert BEFORE INSERT ON duty_handovers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handovers: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_handovers_shapes_update
CREATE TRIGGER duty_handovers_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_handovers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handovers: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_incident_reports
CREATE TABLE duty_incident_reports (
  id          TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES duty_incidents (id),
  stage       TEXT NOT NULL CHECK (stage IN ('initial', 'followup', 'final')),
  mode        TEXT NOT NULL CHECK (mode IN ('verbal', 'written')),
  at_ms       INTEGER NOT NULL,
  reported_to TEXT NOT NULL,
  content     TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- index duty_incident_reports_by_incident_at
CREATE INDEX duty_incident_reports_by_incident_at ON duty_incident_reports (incident_id, at_ms);

-- index sqlite_autoindex_duty_incident_reports_1

-- trigger duty_incident_reports_shapes_insert
CREATE TRIGGER duty_incident_reports_shapes_insert BEFORE INSERT ON duty_incident_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incident_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_incident_reports_shapes_update
CREATE TRIGGER duty_incident_reports_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_incident_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incident_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_incidents
CREATE TABLE duty_incidents (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  location       TEXT NOT NULL DEFAULT '',
  summary        TEXT NOT NULL DEFAULT '',
  received_at_ms INTEGER NOT NULL,
  duty_day       TEXT NOT NULL,
  event_id       TEXT REFERENCES events (id),
  log_entry_id   TEXT REFERENCES duty_log_entries (id),
  closed_at_ms   INTEGER,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

-- index duty_incidents_by_closed_received
CREATE INDEX duty_incidents_by_closed_received ON duty_incidents (closed_at_ms, received_at_ms);

-- index duty_incidents_by_day
CREATE INDEX duty_incidents_by_day ON duty_incidents (duty_day);

-- index duty_incidents_by_log_entry
CREATE INDEX duty_incidents_by_log_entry ON duty_incidents (log_entry_id) WHERE log_entry_id IS NOT NULL;

-- index sqlite_autoindex_duty_incidents_1

-- trigger duty_incidents_shapes_insert
CREATE TRIGGER duty_incidents_shapes_insert BEFORE INSERT ON duty_incidents
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incidents: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_incidents_shapes_update
CREATE TRIGGER duty_incidents_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_incidents
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incidents: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_leave
CREATE TABLE duty_leave (
  id         TEXT PRIMARY KEY,
  person_id  TEXT NOT NULL REFERENCES duty_people (id),
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (from_date <= to_date)
) STRICT;

-- index duty_leave_by_person_from
CREATE INDEX duty_leave_by_person_from ON duty_leave (person_id, from_date);

-- index sqlite_autoindex_duty_leave_1

-- trigger duty_leave_shapes_insert
CREATE TRIGGER duty_leave_shapes_insert BEFORE INSERT ON duty_leave
  WHEN (NEW.from_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.to_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_leave: from_date, to_date, deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_leave_shapes_update
CREATE TRIGGER duty_leave_shapes_update BEFORE UPDATE OF from_date, to_date, deleted_at, created_at, updated_at ON duty_leave
  WHEN (NEW.from_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.to_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_leave: from_date, to_date, deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_log_entries
CREATE TABLE duty_log_entries (
  id                TEXT PRIMARY KEY,
  entry_id          TEXT NOT NULL REFERENCES duty_log_entries (id),
  version           INTEGER NOT NULL CHECK (version >= 1),
  is_current        INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  received_at_ms    INTEGER NOT NULL,
  duty_day          TEXT NOT NULL,
  channel           TEXT NOT NULL CHECK (channel IN ('phone', 'fax', 'video', 'message', 'radio', 'walk_in', 'other')),
  from_name         TEXT NOT NULL DEFAULT '',
  from_unit         TEXT NOT NULL DEFAULT '',
  content           TEXT NOT NULL,
  action_taken      TEXT NOT NULL DEFAULT '',
  forwarded_to      TEXT NOT NULL DEFAULT '',
  result            TEXT NOT NULL DEFAULT '',
  recorded_by       TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  follow_up_of      TEXT REFERENCES duty_log_entries (id),
  event_id          TEXT REFERENCES events (id),
  correction_reason TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (entry_id, version)
) STRICT;

-- index duty_log_entries_by_day_received
CREATE INDEX duty_log_entries_by_day_received ON duty_log_entries (duty_day, received_at_ms) WHERE is_current = 1;

-- index duty_log_entries_by_entry_current
CREATE UNIQUE INDEX duty_log_entries_by_entry_current ON duty_log_entries (entry_id) WHERE is_current = 1;

-- index duty_log_entries_by_event_received
CREATE INDEX duty_log_entries_by_event_received ON duty_log_entries (event_id, received_at_ms) WHERE is_current = 1;

-- index duty_log_entries_by_follow_up
CREATE INDEX duty_log_entries_by_follow_up ON duty_log_entries (follow_up_of) WHERE follow_up_of IS NOT NULL;

-- index duty_log_entries_by_received_current
CREATE INDEX duty_log_entries_by_received_current ON duty_log_entries (received_at_ms) WHERE is_current = 1;

-- index sqlite_autoindex_duty_log_entries_1

-- index sqlite_autoindex_duty_log_entries_2

-- trigger duty_log_entries_fts_insert
CREATE TRIGGER duty_log_entries_fts_insert AFTER INSERT ON duty_log_entries
BEGIN
  INSERT INTO duty_log_fts (rowid, from_name, from_unit, content, action_taken, forwarded_to, result)
  VALUES (NEW.rowid, NEW.from_name, NEW.from_unit, NEW.content, NEW.action_taken, NEW.forwarded_to, NEW.result);
END;

-- trigger duty_log_entries_fts_retire
CREATE TRIGGER duty_log_entries_fts_retire AFTER UPDATE OF is_current ON duty_log_entries
WHEN OLD.is_current = 1 AND NEW.is_current = 0
BEGIN
  INSERT INTO duty_log_fts (duty_log_fts, rowid, from_name, from_unit, content, action_taken, forwarded_to, result)
  VALUES ('delete', OLD.rowid, OLD.from_name, OLD.from_unit, OLD.content, OLD.action_taken, OLD.forwarded_to, OLD.result);
END;

-- trigger duty_log_entries_grams_guard
CREATE TRIGGER duty_log_entries_grams_guard BEFORE INSERT ON duty_log_entries
WHEN max(length(NEW.from_name), length(NEW.from_unit), length(NEW.content), length(NEW.action_taken),
  length(NEW.forwarded_to), length(NEW.result)) > 8192
BEGIN
  SELECT RAISE(ABORT, 'duty log text longer than the search index covers (8192 characters)');
END;

-- trigger duty_log_entries_grams_insert
CREATE TRIGGER duty_log_entries_grams_insert AFTER INSERT ON duty_log_entries
BEGIN
  INSERT INTO duty_log_fts_grams (rowid, grams)
  SELECT NEW.rowid, 'zs' || NEW.status || ' zc' || replace(NEW.channel, '_', '') || ' '
      || coalesce(group_concat(hex(substr(c.text, p.n, 1)) || ' ' || hex(substr(c.text, p.n, 2)), ' '), '')
    FROM (SELECT lower(NEW.from_name) AS text UNION ALL SELECT lower(NEW.from_unit) UNION ALL SELECT lower(NEW.content)
          UNION ALL SELECT lower(NEW.action_taken) UNION ALL SELECT lower(NEW.forwarded_to) UNION ALL SELECT lower(NEW.result)) AS c
    JOIN duty_log_gram_positions AS p ON p.n <= length(c.text);
END;

-- trigger duty_log_entries_grams_retire
CREATE TRIGGER duty_log_entries_grams_retire AFTER UPDATE OF is_current ON duty_log_entries
WHEN OLD.is_current = 1 AND NEW.is_current = 0
BEGIN
  DELETE FROM duty_log_fts_grams WHERE rowid = OLD.rowid;
END;

-- trigger duty_log_entries_no_delete
CREATE TRIGGER duty_log_entries_no_delete BEFORE DELETE ON duty_log_entries
BEGIN
  SELECT RAISE(ABORT, 'duty log entries are never deleted; write a correction');
END;

-- trigger duty_log_entries_only_retire
CREATE TRIGGER duty_log_entries_only_retire BEFORE UPDATE ON duty_log_entries
WHEN NOT (OLD.is_current = 1 AND NEW.is_current = 0
  AND NEW.id = OLD.id AND NEW.entry_id = OLD.entry_id AND NEW.version = OLD.version
  AND NEW.received_at_ms = OLD.received_at_ms AND NEW.duty_day = OLD.duty_day AND NEW.channel = OLD.channel
  AND NEW.from_name = OLD.from_name AND NEW.from_unit = OLD.from_unit AND NEW.content = OLD.content
  AND NEW.action_taken = OLD.action_taken AND NEW.forwarded_to = OLD.forwarded_to AND NEW.result = OLD.result
  AND NEW.recorded_by = OLD.recorded_by AND NEW.status = OLD.status
  AND NEW.follow_up_of IS OLD.follow_up_of AND NEW.event_id IS OLD.event_id
  AND NEW.correction_reason = OLD.correction_reason AND NEW.created_at = OLD.created_at)
BEGIN
  SELECT RAISE(ABORT, 'duty log entries are never edited; write a correction');
END;

-- trigger duty_log_entries_shapes_insert
CREATE TRIGGER duty_log_entries_shapes_insert BEFORE INSERT ON duty_log_entries
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_log_entries_shapes_update
CREATE TRIGGER duty_log_entries_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_log_entries
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_log_fts
CREATE VIRTUAL TABLE duty_log_fts USING fts5 (
  from_name, from_unit, content, action_taken, forwarded_to, result,
  content = 'duty_log_entries', content_rowid = 'rowid', tokenize = 'trigram'
);

-- table duty_log_fts_config
CREATE TABLE 'duty_log_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table duty_log_fts_data
CREATE TABLE 'duty_log_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table duty_log_fts_docsize
CREATE TABLE 'duty_log_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table duty_log_fts_grams
CREATE VIRTUAL TABLE duty_log_fts_grams USING fts5 (
  grams, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii'
);

-- table duty_log_fts_grams_config
CREATE TABLE 'duty_log_fts_grams_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table duty_log_fts_grams_data
CREATE TABLE 'duty_log_fts_grams_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table duty_log_fts_grams_docsize
CREATE TABLE 'duty_log_fts_grams_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table duty_log_fts_grams_idx
CREATE TABLE 'duty_log_fts_grams_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table duty_log_fts_idx
CREATE TABLE 'duty_log_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table duty_log_gram_positions
CREATE TABLE duty_log_gram_positions (n INTEGER PRIMARY KEY) STRICT;

-- table duty_people
CREATE TABLE duty_people (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  unit       TEXT NOT NULL DEFAULT '',
  roles      TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  phone      TEXT NOT NULL DEFAULT '',
  phone2     TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- index duty_people_by_name
CREATE INDEX duty_people_by_name ON duty_people (name);

-- index sqlite_autoindex_duty_people_1

-- trigger duty_people_shapes_insert
CREATE TRIGGER duty_people_shapes_insert BEFORE INSERT ON duty_people
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_people: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_people_shapes_update
CREATE TRIGGER duty_people_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_people
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_people: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_responses
CREATE TABLE duty_responses (
  id             TEXT PRIMARY KEY,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  declared_by    TEXT NOT NULL,
  declared_at_ms INTEGER NOT NULL,
  content        TEXT NOT NULL DEFAULT '',
  lifted_at_ms   INTEGER,
  lifted_by      TEXT NOT NULL DEFAULT '',
  lift_note      TEXT NOT NULL DEFAULT '',
  event_id       TEXT REFERENCES events (id),
  recorded_by    TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (lifted_at_ms IS NULL OR lifted_at_ms >= declared_at_ms)
) STRICT;

-- index duty_responses_by_event
CREATE INDEX duty_responses_by_event ON duty_responses (event_id, declared_at_ms) WHERE event_id IS NOT NULL;

-- index duty_responses_by_lifted_declared
CREATE INDEX duty_responses_by_lifted_declared ON duty_responses (lifted_at_ms, declared_at_ms);

-- index sqlite_autoindex_duty_responses_1

-- trigger duty_responses_shapes_insert
CREATE TRIGGER duty_responses_shapes_insert BEFORE INSERT ON duty_responses
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_responses: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_responses_shapes_update
CREATE TRIGGER duty_responses_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_responses
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_responses: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_warnings
CREATE TABLE duty_warnings (
  id           TEXT PRIMARY KEY,
  type         TEXT NOT NULL CHECK (type IN ('rainstorm', 'typhoon', 'flood', 'geological', 'other')),
  colour       TEXT NOT NULL CHECK (colour IN ('blue', 'yellow', 'orange', 'red')),
  content      TEXT NOT NULL DEFAULT '',
  issued_by    TEXT NOT NULL,
  issued_at_ms INTEGER NOT NULL,
  lifted_at_ms INTEGER,
  lifted_by    TEXT NOT NULL DEFAULT '',
  lift_note    TEXT NOT NULL DEFAULT '',
  event_id     TEXT REFERENCES events (id),
  recorded_by  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (lifted_at_ms IS NULL OR lifted_at_ms >= issued_at_ms)
) STRICT;

-- index duty_warnings_by_event
CREATE INDEX duty_warnings_by_event ON duty_warnings (event_id, issued_at_ms) WHERE event_id IS NOT NULL;

-- index duty_warnings_by_issued
CREATE INDEX duty_warnings_by_issued ON duty_warnings (issued_at_ms);

-- index duty_warnings_by_lifted_issued
CREATE INDEX duty_warnings_by_lifted_issued ON duty_warnings (lifted_at_ms, issued_at_ms);

-- index sqlite_autoindex_duty_warnings_1

-- trigger duty_warnings_shapes_insert
CREATE TRIGGER duty_warnings_shapes_insert BEFORE INSERT ON duty_warnings
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_warnings: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_warnings_shapes_update
CREATE TRIGGER duty_warnings_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_warnings
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_warnings: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table duty_zero_reports
CREATE TABLE duty_zero_reports (
  id          TEXT PRIMARY KEY,
  duty_day    TEXT NOT NULL UNIQUE,
  at_ms       INTEGER NOT NULL,
  reported_to TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_duty_zero_reports_1

-- index sqlite_autoindex_duty_zero_reports_2

-- trigger duty_zero_reports_shapes_insert
CREATE TRIGGER duty_zero_reports_shapes_insert BEFORE INSERT ON duty_zero_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_zero_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger duty_zero_reports_shapes_update
CREATE TRIGGER duty_zero_reports_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_zero_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_zero_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_capacity_overrides
CREATE TABLE evac_capacity_overrides (
  id               TEXT PRIMARY KEY,
  shelter_id       TEXT NOT NULL REFERENCES evac_shelters (id),
  event_id         TEXT NOT NULL REFERENCES events (id),
  at_ms            INTEGER NOT NULL,
  reason           TEXT NOT NULL CHECK (length(reason) >= 1),
  capacity         INTEGER,
  occupancy_before INTEGER NOT NULL,
  adding           INTEGER NOT NULL,
  actor_name       TEXT NOT NULL,
  created_at       TEXT NOT NULL
) STRICT;

-- index evac_capacity_overrides_by_shelter
CREATE INDEX evac_capacity_overrides_by_shelter ON evac_capacity_overrides (shelter_id, at_ms);

-- index sqlite_autoindex_evac_capacity_overrides_1

-- trigger evac_capacity_overrides_shapes_insert
CREATE TRIGGER evac_capacity_overrides_shapes_insert BEFORE INSERT ON evac_capacity_overrides
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_capacity_overrides: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_capacity_overrides_shapes_update
CREATE TRIGGER evac_capacity_overrides_shapes_update BEFORE UPDATE OF created_at ON evac_capacity_overrides
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_capacity_overrides: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_duplicate_flags
CREATE TABLE evac_duplicate_flags (
  id                 TEXT PRIMARY KEY,
  event_id           TEXT NOT NULL REFERENCES events (id),
  existing_person_id TEXT NOT NULL REFERENCES evac_persons (id),
  entered_name       TEXT NOT NULL,
  basis              TEXT NOT NULL,
  at_ms              INTEGER NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;

-- index evac_duplicate_flags_by_event
CREATE INDEX evac_duplicate_flags_by_event ON evac_duplicate_flags (event_id, at_ms);

-- index sqlite_autoindex_evac_duplicate_flags_1

-- trigger evac_duplicate_flags_shapes_insert
CREATE TRIGGER evac_duplicate_flags_shapes_insert BEFORE INSERT ON evac_duplicate_flags
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_duplicate_flags: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_duplicate_flags_shapes_update
CREATE TRIGGER evac_duplicate_flags_shapes_update BEFORE UPDATE OF created_at ON evac_duplicate_flags
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_duplicate_flags: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_households
CREATE TABLE evac_households (
  id         TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL REFERENCES events (id),
  head_name  TEXT NOT NULL DEFAULT '',
  address    TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

-- index evac_households_by_event
CREATE INDEX evac_households_by_event ON evac_households (event_id);

-- index sqlite_autoindex_evac_households_1

-- trigger evac_households_shapes_insert
CREATE TRIGGER evac_households_shapes_insert BEFORE INSERT ON evac_households
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_households: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_households_shapes_update
CREATE TRIGGER evac_households_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_households
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_households: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_movements
CREATE TABLE evac_movements (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  event_id         TEXT NOT NULL REFERENCES events (id),
  person_id        TEXT NOT NULL REFERENCES evac_persons (id),
  kind             TEXT NOT NULL CHECK (kind IN ('moved', 'check_in', 'transfer', 'dispersed', 'elsewhere', 'returned', 'unknown')),
  at_ms            INTEGER NOT NULL,
  by_name          TEXT NOT NULL DEFAULT '',
  source_kind      TEXT,
  hazard_point_id  TEXT,
  source_name      TEXT,
  source_community TEXT,
  shelter_id       TEXT REFERENCES evac_shelters (id),
  where_text       TEXT,
  override_id      TEXT,
  created_at       TEXT NOT NULL
) STRICT;

-- index evac_movements_by_event_at
CREATE INDEX evac_movements_by_event_at ON evac_movements (event_id, at_ms);

-- index evac_movements_by_person_seq
CREATE INDEX evac_movements_by_person_seq ON evac_movements (person_id, seq);

-- index sqlite_autoindex_evac_movements_1

-- trigger evac_movements_no_delete
CREATE TRIGGER evac_movements_no_delete BEFORE DELETE ON evac_movements
BEGIN
  SELECT RAISE(ABORT, 'evac_movements is append-only');
END;

-- trigger evac_movements_no_update
CREATE TRIGGER evac_movements_no_update BEFORE UPDATE ON evac_movements
BEGIN
  SELECT RAISE(ABORT, 'evac_movements is append-only');
END;

-- trigger evac_movements_shapes_insert
CREATE TRIGGER evac_movements_shapes_insert BEFORE INSERT ON evac_movements
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_movements_shapes_update
CREATE TRIGGER evac_movements_shapes_update BEFORE UPDATE OF created_at ON evac_movements
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_movements_source_kind_insert
CREATE TRIGGER evac_movements_source_kind_insert BEFORE INSERT ON evac_movements
  WHEN NEW.source_kind IS NOT NULL AND NEW.source_kind NOT IN ('hazard_point', 'address')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: source_kind must be hazard_point or address');
END;

-- table evac_persons
CREATE TABLE evac_persons (
  id               TEXT PRIMARY KEY,
  event_id         TEXT NOT NULL REFERENCES events (id),
  household_id     TEXT NOT NULL REFERENCES evac_households (id),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  id_number        TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  flags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags) AND json_type(flags) = 'array'),
  vulnerable       INTEGER NOT NULL CHECK (vulnerable IN (0, 1)),
  -- Normalised identity keys (core/domain/evac/identity.ts) for duplicate detection.
  id_key           TEXT,
  np_key           TEXT,
  source_kind      TEXT NOT NULL CHECK (source_kind IN ('hazard_point', 'address')),
  source_key       TEXT NOT NULL,
  hazard_point_id  TEXT,
  source_name      TEXT NOT NULL,
  source_community TEXT NOT NULL DEFAULT '',
  source_lat       REAL,
  source_lng       REAL,
  -- Current state, derived from evac_movements by core/domain/evac/state.ts.
  status           TEXT NOT NULL CHECK (status IN ('moved', 'in_shelter', 'dispersed', 'returned', 'elsewhere', 'unknown')),
  shelter_id       TEXT REFERENCES evac_shelters (id),
  where_text       TEXT,
  first_moved_at   INTEGER NOT NULL,
  moved_at         INTEGER NOT NULL,
  last_at          INTEGER NOT NULL,
  trips            INTEGER NOT NULL CHECK (trips >= 1),
  first_kind       TEXT CHECK (first_kind IS NULL OR first_kind IN ('shelter', 'dispersed', 'elsewhere')),
  first_shelter_id TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT,
  -- A person both back home and in a shelter cannot be stored.
  CHECK ((status = 'in_shelter') = (shelter_id IS NOT NULL))
) STRICT;

-- index evac_persons_by_event_first_moved
CREATE INDEX evac_persons_by_event_first_moved ON evac_persons (event_id, first_moved_at) WHERE deleted_at IS NULL;

-- index evac_persons_by_event_id_key
CREATE INDEX evac_persons_by_event_id_key ON evac_persons (event_id, id_key) WHERE id_key IS NOT NULL;

-- index evac_persons_by_event_name
CREATE INDEX evac_persons_by_event_name ON evac_persons (event_id, name);

-- index evac_persons_by_event_np_key
CREATE INDEX evac_persons_by_event_np_key ON evac_persons (event_id, np_key) WHERE np_key IS NOT NULL;

-- index evac_persons_by_household
CREATE INDEX evac_persons_by_household ON evac_persons (household_id);

-- index evac_persons_by_shelter_status
CREATE INDEX evac_persons_by_shelter_status ON evac_persons (shelter_id, status) WHERE deleted_at IS NULL;

-- index sqlite_autoindex_evac_persons_1

-- trigger evac_persons_fixed_identity
CREATE TRIGGER evac_persons_fixed_identity BEFORE UPDATE OF event_id, household_id, source_key, source_name, vulnerable ON evac_persons
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.household_id IS NOT OLD.household_id OR NEW.source_key IS NOT OLD.source_key
  OR NEW.source_name IS NOT OLD.source_name OR NEW.vulnerable IS NOT OLD.vulnerable
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: event, household, source and vulnerability are fixed once entered');
END;

-- trigger evac_persons_households_deleted
CREATE TRIGGER evac_persons_households_deleted AFTER UPDATE OF deleted_at ON evac_persons
WHEN (NEW.deleted_at IS NULL) <> (OLD.deleted_at IS NULL)
BEGIN
  UPDATE evac_source_totals SET households = households + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)
    WHERE event_id = NEW.event_id AND source_key = NEW.source_key
      AND NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = NEW.household_id AND source_key = NEW.source_key AND deleted_at IS NULL AND id <> NEW.id);
  UPDATE evac_source_totals SET households = households + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)
    WHERE event_id = NEW.event_id AND source_key = ''
      AND NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = NEW.household_id AND deleted_at IS NULL AND id <> NEW.id);
END;

-- trigger evac_persons_shapes_insert
CREATE TRIGGER evac_persons_shapes_insert BEFORE INSERT ON evac_persons
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_persons_shapes_update
CREATE TRIGGER evac_persons_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_persons
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_persons_totals_delete
CREATE TRIGGER evac_persons_totals_delete AFTER DELETE ON evac_persons
WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE evac_totals SET people = people - 1, vulnerable = vulnerable - OLD.vulnerable
    WHERE event_id = OLD.event_id AND source_key = OLD.source_key AND status = OLD.status
      AND first_kind = coalesce(OLD.first_kind, '') AND first_shelter_id = coalesce(OLD.first_shelter_id, '') AND shelter_id = coalesce(OLD.shelter_id, '');
  UPDATE evac_source_totals SET households = households - 1
    WHERE event_id = OLD.event_id AND source_key = OLD.source_key
      AND NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = OLD.household_id AND source_key = OLD.source_key AND deleted_at IS NULL);
  UPDATE evac_source_totals SET households = households - 1
    WHERE event_id = OLD.event_id AND source_key = ''
      AND NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = OLD.household_id AND deleted_at IS NULL);
END;

-- trigger evac_persons_totals_insert
CREATE TRIGGER evac_persons_totals_insert AFTER INSERT ON evac_persons
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO evac_totals VALUES (NEW.event_id, NEW.source_key, NEW.status, coalesce(NEW.first_kind, ''), coalesce(NEW.first_shelter_id, ''),
      coalesce(NEW.shelter_id, ''), 1, NEW.vulnerable)
    ON CONFLICT DO UPDATE SET people = people + 1, vulnerable = vulnerable + excluded.vulnerable;
  INSERT INTO evac_source_totals VALUES (NEW.event_id, NEW.source_key, NEW.source_name,
      NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = NEW.household_id AND source_key = NEW.source_key AND deleted_at IS NULL AND id <> NEW.id))
    ON CONFLICT DO UPDATE SET households = households + excluded.households, source_name = min(source_name, excluded.source_name);
  INSERT INTO evac_source_totals VALUES (NEW.event_id, '', '',
      NOT EXISTS (SELECT 1 FROM evac_persons WHERE household_id = NEW.household_id AND deleted_at IS NULL AND id <> NEW.id))
    ON CONFLICT DO UPDATE SET households = households + excluded.households;
END;

-- trigger evac_persons_totals_update
CREATE TRIGGER evac_persons_totals_update AFTER UPDATE OF status, first_kind, first_shelter_id, shelter_id, deleted_at ON evac_persons
WHEN NEW.status IS NOT OLD.status OR NEW.first_kind IS NOT OLD.first_kind OR NEW.first_shelter_id IS NOT OLD.first_shelter_id
  OR NEW.shelter_id IS NOT OLD.shelter_id OR (NEW.deleted_at IS NULL) <> (OLD.deleted_at IS NULL)
BEGIN
  UPDATE evac_totals SET people = people - 1, vulnerable = vulnerable - OLD.vulnerable
    WHERE OLD.deleted_at IS NULL AND event_id = OLD.event_id AND source_key = OLD.source_key AND status = OLD.status
      AND first_kind = coalesce(OLD.first_kind, '') AND first_shelter_id = coalesce(OLD.first_shelter_id, '') AND shelter_id = coalesce(OLD.shelter_id, '');
  INSERT INTO evac_totals
    SELECT NEW.event_id, NEW.source_key, NEW.status, coalesce(NEW.first_kind, ''), coalesce(NEW.first_shelter_id, ''), coalesce(NEW.shelter_id, ''), 1, NEW.vulnerable
      WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET people = people + 1, vulnerable = vulnerable + excluded.vulnerable;
END;

-- table evac_shelter_periods
CREATE TABLE evac_shelter_periods (
  id           TEXT PRIMARY KEY,
  shelter_id   TEXT NOT NULL REFERENCES evac_shelters (id),
  event_id     TEXT NOT NULL REFERENCES events (id),
  opened_at_ms INTEGER NOT NULL,
  closed_at_ms INTEGER,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (closed_at_ms IS NULL OR closed_at_ms >= opened_at_ms)
) STRICT;

-- index evac_shelter_periods_by_shelter_event
CREATE INDEX evac_shelter_periods_by_shelter_event ON evac_shelter_periods (shelter_id, event_id);

-- index sqlite_autoindex_evac_shelter_periods_1

-- trigger evac_shelter_periods_shapes_insert
CREATE TRIGGER evac_shelter_periods_shapes_insert BEFORE INSERT ON evac_shelter_periods
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelter_periods: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_shelter_periods_shapes_update
CREATE TRIGGER evac_shelter_periods_shapes_update BEFORE UPDATE OF created_at, updated_at ON evac_shelter_periods
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelter_periods: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_shelters
CREATE TABLE evac_shelters (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_en        TEXT NOT NULL DEFAULT '',
  type           TEXT NOT NULL CHECK (type IN ('school', 'community_centre', 'hotel', 'gym', 'other')),
  address        TEXT NOT NULL DEFAULT '',
  lat            REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lng            REAL CHECK (lng IS NULL OR lng BETWEEN -180 AND 180),
  usable_area_m2 REAL CHECK (usable_area_m2 IS NULL OR usable_area_m2 >= 0),
  -- Set by hand; NULL means "usable area / m² per person" (a setting).
  capacity       INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  contact_name   TEXT NOT NULL DEFAULT '',
  contact_phone  TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL CHECK (status IN ('ready', 'open', 'full', 'closed')),
  supplies       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(supplies) AND json_type(supplies) = 'array'),
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
) STRICT;

-- index evac_shelters_by_name
CREATE INDEX evac_shelters_by_name ON evac_shelters (name);

-- index sqlite_autoindex_evac_shelters_1

-- trigger evac_shelters_shapes_insert
CREATE TRIGGER evac_shelters_shapes_insert BEFORE INSERT ON evac_shelters
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelters: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger evac_shelters_shapes_update
CREATE TRIGGER evac_shelters_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_shelters
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelters: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table evac_source_totals
CREATE TABLE evac_source_totals (
  event_id    TEXT NOT NULL,
  source_key  TEXT NOT NULL,
  source_name TEXT NOT NULL,
  households  INTEGER NOT NULL CHECK (households >= 0),
  PRIMARY KEY (event_id, source_key)
) STRICT, WITHOUT ROWID;

-- table evac_totals
CREATE TABLE evac_totals (
  event_id         TEXT NOT NULL,
  source_key       TEXT NOT NULL,
  status           TEXT NOT NULL,
  first_kind       TEXT NOT NULL,
  first_shelter_id TEXT NOT NULL,
  shelter_id       TEXT NOT NULL,
  people           INTEGER NOT NULL CHECK (people >= 0),
  vulnerable       INTEGER NOT NULL CHECK (vulnerable >= 0),
  PRIMARY KEY (event_id, source_key, status, first_kind, first_shelter_id, shelter_id)
) STRICT, WITHOUT ROWID;

-- table events
CREATE TABLE events (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms   INTEGER,
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1), typhoon_year INTEGER CHECK (typhoon_year IS NULL OR typhoon_year BETWEEN 1949 AND 2200), typhoon_number INTEGER CHECK (typhoon_number IS NULL OR typhoon_number BETWEEN 1 AND 99),
  CHECK (ended_at_ms IS NULL OR ended_at_ms >= started_at_ms)
) STRICT;

-- index events_by_started
CREATE INDEX events_by_started ON events (started_at_ms);

-- index events_by_typhoon_number
CREATE UNIQUE INDEX events_by_typhoon_number ON events (typhoon_year, typhoon_number) WHERE typhoon_number IS NOT NULL;

-- index sqlite_autoindex_events_1

-- trigger events_kind_insert
CREATE TRIGGER events_kind_insert BEFORE INSERT ON events
  WHEN NEW.kind NOT IN ('typhoon', 'rainstorm', 'flood', 'plum_rain', 'drill', 'other')
BEGIN
  SELECT RAISE(ABORT, 'events: kind must be one of typhoon, rainstorm, flood, plum_rain, drill, other');
END;

-- trigger events_kind_update
CREATE TRIGGER events_kind_update BEFORE UPDATE OF kind ON events
  WHEN NEW.kind NOT IN ('typhoon', 'rainstorm', 'flood', 'plum_rain', 'drill', 'other')
BEGIN
  SELECT RAISE(ABORT, 'events: kind must be one of typhoon, rainstorm, flood, plum_rain, drill, other');
END;

-- trigger events_shapes_insert
CREATE TRIGGER events_shapes_insert BEFORE INSERT ON events
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'events: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger events_shapes_update
CREATE TRIGGER events_shapes_update BEFORE UPDATE OF created_at, updated_at ON events
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'events: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger events_typhoon_insert
CREATE TRIGGER events_typhoon_insert BEFORE INSERT ON events
  WHEN (NEW.typhoon_year IS NULL) <> (NEW.typhoon_number IS NULL)
    OR (NEW.typhoon_number IS NOT NULL AND NEW.kind <> 'typhoon')
BEGIN
  SELECT RAISE(ABORT, 'events: typhoon_year and typhoon_number go together, and only on a typhoon');
END;

-- trigger events_typhoon_update
CREATE TRIGGER events_typhoon_update BEFORE UPDATE OF kind, typhoon_year, typhoon_number ON events
  WHEN (NEW.typhoon_year IS NULL) <> (NEW.typhoon_number IS NULL)
    OR (NEW.typhoon_number IS NOT NULL AND NEW.kind <> 'typhoon')
BEGIN
  SELECT RAISE(ABORT, 'events: typhoon_year and typhoon_number go together, and only on a typhoon');
END;

-- table hazard_files
CREATE TABLE hazard_files (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes       INTEGER NOT NULL CHECK (bytes > 0),
  thumb_bytes INTEGER NOT NULL CHECK (thumb_bytes > 0),
  created_at  TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_hazard_files_1

-- trigger hazard_files_shapes_insert
CREATE TRIGGER hazard_files_shapes_insert BEFORE INSERT ON hazard_files
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_files: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_files_shapes_update
CREATE TRIGGER hazard_files_shapes_update BEFORE UPDATE OF created_at ON hazard_files
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_files: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_import_rows
CREATE TABLE hazard_import_rows (
  import_id TEXT NOT NULL REFERENCES hazard_imports (id) ON DELETE CASCADE,
  row_no    INTEGER NOT NULL,
  data      TEXT CHECK (data IS NULL OR json_valid(data)),
  errors    TEXT NOT NULL CHECK (json_valid(errors)), name_norm TEXT,
  PRIMARY KEY (import_id, row_no)
) STRICT;

-- index hazard_import_rows_by_import_name
CREATE INDEX hazard_import_rows_by_import_name ON hazard_import_rows (import_id, name_norm) WHERE name_norm IS NOT NULL;

-- index sqlite_autoindex_hazard_import_rows_1

-- table hazard_imports
CREATE TABLE hazard_imports (
  id         TEXT PRIMARY KEY,
  file_name  TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_hazard_imports_1

-- trigger hazard_imports_shapes_insert
CREATE TRIGGER hazard_imports_shapes_insert BEFORE INSERT ON hazard_imports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_imports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_imports_shapes_update
CREATE TRIGGER hazard_imports_shapes_update BEFORE UPDATE OF created_at ON hazard_imports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_imports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_inspections
CREATE TABLE hazard_inspections (
  id               TEXT PRIMARY KEY,
  point_id         TEXT NOT NULL REFERENCES hazard_points (id),
  template_id      TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  inspectors       TEXT NOT NULL CHECK (json_valid(inspectors)),
  at_ms            INTEGER NOT NULL,
  duty_day         TEXT NOT NULL,
  overall          TEXT NOT NULL CHECK (overall IN ('pass', 'fail', 'incomplete')),
  answers          TEXT NOT NULL CHECK (json_valid(answers)),
  event_id         TEXT REFERENCES events (id),
  lat              REAL,
  lng              REAL,
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT,
  FOREIGN KEY (template_id, template_version) REFERENCES hazard_templates (template_id, version)
) STRICT;

-- index hazard_inspections_by_day
CREATE INDEX hazard_inspections_by_day ON hazard_inspections (duty_day) WHERE deleted_at IS NULL;

-- index hazard_inspections_by_point_at
CREATE INDEX hazard_inspections_by_point_at ON hazard_inspections (point_id, at_ms) WHERE deleted_at IS NULL;

-- index sqlite_autoindex_hazard_inspections_1

-- trigger hazard_inspections_shapes_insert
CREATE TRIGGER hazard_inspections_shapes_insert BEFORE INSERT ON hazard_inspections
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_inspections: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_inspections_shapes_update
CREATE TRIGGER hazard_inspections_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_inspections
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_inspections: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_patrol_runs
CREATE TABLE hazard_patrol_runs (
  id            TEXT PRIMARY KEY,
  route_id      TEXT NOT NULL REFERENCES hazard_routes (id),
  patroller     TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms   INTEGER,
  visits        TEXT NOT NULL CHECK (json_valid(visits)),
  missed        TEXT NOT NULL CHECK (json_valid(missed)),
  event_id      TEXT REFERENCES events (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL, route_snapshot TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(route_snapshot)),
  CHECK (ended_at_ms IS NULL OR ended_at_ms >= started_at_ms)
) STRICT;

-- index hazard_patrol_runs_by_route_started
CREATE INDEX hazard_patrol_runs_by_route_started ON hazard_patrol_runs (route_id, started_at_ms);

-- index sqlite_autoindex_hazard_patrol_runs_1

-- trigger hazard_patrol_runs_shapes_insert
CREATE TRIGGER hazard_patrol_runs_shapes_insert BEFORE INSERT ON hazard_patrol_runs
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_patrol_runs: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_patrol_runs_shapes_update
CREATE TRIGGER hazard_patrol_runs_shapes_update BEFORE UPDATE OF created_at, updated_at ON hazard_patrol_runs
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_patrol_runs: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_photos
CREATE TABLE hazard_photos (
  id            TEXT PRIMARY KEY,
  sha256        TEXT NOT NULL REFERENCES hazard_files (sha256),
  owner_kind    TEXT NOT NULL CHECK (owner_kind IN ('upload', 'point', 'inspection', 'rectification')),
  owner_id      TEXT,
  item_key      TEXT,
  step          TEXT,
  original_name TEXT NOT NULL DEFAULT '',
  width         INTEGER,
  height        INTEGER,
  taken_at_ms   INTEGER,
  lat           REAL,
  lng           REAL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;

-- index hazard_photos_by_owner
CREATE INDEX hazard_photos_by_owner ON hazard_photos (owner_kind, owner_id) WHERE deleted_at IS NULL;

-- index hazard_photos_by_sha256
CREATE INDEX hazard_photos_by_sha256 ON hazard_photos (sha256);

-- index sqlite_autoindex_hazard_photos_1

-- trigger hazard_photos_shapes_insert
CREATE TRIGGER hazard_photos_shapes_insert BEFORE INSERT ON hazard_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_photos: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_photos_shapes_update
CREATE TRIGGER hazard_photos_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_photos: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_points
CREATE TABLE hazard_points (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  name_norm           TEXT NOT NULL,
  hazard_type         TEXT NOT NULL,
  address             TEXT NOT NULL DEFAULT '',
  community           TEXT NOT NULL DEFAULT '',
  lat                 REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng                 REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  responsible_unit    TEXT NOT NULL DEFAULT '',
  unit_phone          TEXT NOT NULL DEFAULT '',
  responsible_person  TEXT NOT NULL DEFAULT '',
  person_phone        TEXT NOT NULL DEFAULT '',
  letter_signed       INTEGER NOT NULL DEFAULT 0 CHECK (letter_signed IN (0, 1)),
  letter_date         TEXT,
  residents           INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
  vulnerable          INTEGER NOT NULL DEFAULT 0 CHECK (vulnerable >= 0),
  risk_level          TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
  freq_kind           TEXT NOT NULL CHECK (freq_kind IN ('days', 'hours')),
  freq_every          REAL NOT NULL CHECK (freq_every > 0),
  notes               TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL CHECK (status IN ('active', 'retired')),
  last_inspection_ms  INTEGER,
  last_result         TEXT,
  -- Normal-frequency due instant, kept with the row so "due" filters stay an index range.
  next_due_ms         INTEGER,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT
, import_id TEXT, name_pinyin TEXT, version INTEGER NOT NULL DEFAULT 1) STRICT;

-- index hazard_points_by_community
CREATE INDEX hazard_points_by_community ON hazard_points (community) WHERE deleted_at IS NULL;

-- index hazard_points_by_name_norm
CREATE INDEX hazard_points_by_name_norm ON hazard_points (name_norm) WHERE deleted_at IS NULL;

-- index hazard_points_by_name_pinyin
CREATE INDEX hazard_points_by_name_pinyin ON hazard_points (name_pinyin) WHERE deleted_at IS NULL;

-- index hazard_points_by_status_next_due
CREATE INDEX hazard_points_by_status_next_due ON hazard_points (status, next_due_ms) WHERE deleted_at IS NULL;

-- index hazard_points_by_type_risk
CREATE INDEX hazard_points_by_type_risk ON hazard_points (hazard_type, risk_level) WHERE deleted_at IS NULL;

-- index sqlite_autoindex_hazard_points_1

-- trigger hazard_points_fts_insert
CREATE TRIGGER hazard_points_fts_insert AFTER INSERT ON hazard_points
BEGIN
  INSERT INTO hazard_points_fts (rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES (NEW.seq, NEW.name, NEW.address, NEW.community, NEW.responsible_unit, NEW.responsible_person, NEW.notes);
END;

-- trigger hazard_points_fts_update
CREATE TRIGGER hazard_points_fts_update AFTER UPDATE OF name, address, community, responsible_unit, responsible_person, notes ON hazard_points
BEGIN
  INSERT INTO hazard_points_fts (hazard_points_fts, rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES ('delete', OLD.seq, OLD.name, OLD.address, OLD.community, OLD.responsible_unit, OLD.responsible_person, OLD.notes);
  INSERT INTO hazard_points_fts (rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES (NEW.seq, NEW.name, NEW.address, NEW.community, NEW.responsible_unit, NEW.responsible_person, NEW.notes);
END;

-- trigger hazard_points_no_delete
CREATE TRIGGER hazard_points_no_delete BEFORE DELETE ON hazard_points
BEGIN
  SELECT RAISE(ABORT, 'hazard points are retired or soft-deleted, never removed');
END;

-- trigger hazard_points_shapes_insert
CREATE TRIGGER hazard_points_shapes_insert BEFORE INSERT ON hazard_points
  WHEN (NEW.letter_date IS NOT NULL AND NEW.letter_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: letter_date, created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_points_shapes_update
CREATE TRIGGER hazard_points_shapes_update BEFORE UPDATE OF letter_date, created_at, updated_at, deleted_at ON hazard_points
  WHEN (NEW.letter_date IS NOT NULL AND NEW.letter_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: letter_date, created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_points_type_insert
CREATE TRIGGER hazard_points_type_insert BEFORE INSERT ON hazard_points
  WHEN NEW.hazard_type NOT IN ('basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: hazard_type is not a known hazard type');
END;

-- trigger hazard_points_type_update
CREATE TRIGGER hazard_points_type_update BEFORE UPDATE OF hazard_type ON hazard_points
  WHEN NEW.hazard_type NOT IN ('basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: hazard_type is not a known hazard type');
END;

-- table hazard_points_fts
CREATE VIRTUAL TABLE hazard_points_fts USING fts5 (
  name, address, community, responsible_unit, responsible_person, notes,
  content = 'hazard_points', content_rowid = 'seq', tokenize = 'trigram'
);

-- table hazard_points_fts_config
CREATE TABLE 'hazard_points_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table hazard_points_fts_data
CREATE TABLE 'hazard_points_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table hazard_points_fts_docsize
CREATE TABLE 'hazard_points_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table hazard_points_fts_idx
CREATE TABLE 'hazard_points_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table hazard_rectifications
CREATE TABLE hazard_rectifications (
  id                 TEXT PRIMARY KEY,
  notice_no          TEXT NOT NULL UNIQUE,
  point_id           TEXT NOT NULL REFERENCES hazard_points (id),
  inspection_id      TEXT REFERENCES hazard_inspections (id),
  item_key           TEXT,
  description        TEXT NOT NULL,
  responsible_unit   TEXT NOT NULL DEFAULT '',
  responsible_person TEXT NOT NULL DEFAULT '',
  deadline           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'awaiting_recheck', 'closed')),
  created_by         TEXT NOT NULL,
  created_at_ms      INTEGER NOT NULL,
  fixed_by           TEXT,
  submitted_at_ms    INTEGER,
  -- Duty day of the latest submission: a fix handed in on time does not count as overdue.
  submitted_day      TEXT,
  closed_at_ms       INTEGER,
  history            TEXT NOT NULL CHECK (json_valid(history)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;

-- index hazard_rectifications_by_point_status
CREATE INDEX hazard_rectifications_by_point_status ON hazard_rectifications (point_id, status);

-- index hazard_rectifications_by_status_deadline
CREATE INDEX hazard_rectifications_by_status_deadline ON hazard_rectifications (status, deadline);

-- index sqlite_autoindex_hazard_rectifications_1

-- index sqlite_autoindex_hazard_rectifications_2

-- trigger hazard_rectifications_shapes_insert
CREATE TRIGGER hazard_rectifications_shapes_insert BEFORE INSERT ON hazard_rectifications
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_rectifications: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_rectifications_shapes_update
CREATE TRIGGER hazard_rectifications_shapes_update BEFORE UPDATE OF created_at, updated_at ON hazard_rectifications
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_rectifications: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_routes
CREATE TABLE hazard_routes (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  point_ids       TEXT NOT NULL CHECK (json_valid(point_ids)),
  assignees       TEXT NOT NULL CHECK (json_valid(assignees)),
  freq_kind       TEXT NOT NULL CHECK (freq_kind IN ('days', 'hours')),
  freq_every      REAL NOT NULL CHECK (freq_every > 0),
  warn_freq_kind  TEXT CHECK (warn_freq_kind IS NULL OR warn_freq_kind IN ('days', 'hours')),
  warn_freq_every REAL CHECK (warn_freq_every IS NULL OR warn_freq_every > 0),
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
, version INTEGER NOT NULL DEFAULT 1) STRICT;

-- index sqlite_autoindex_hazard_routes_1

-- trigger hazard_routes_shapes_insert
CREATE TRIGGER hazard_routes_shapes_insert BEFORE INSERT ON hazard_routes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_routes: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_routes_shapes_update
CREATE TRIGGER hazard_routes_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_routes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_routes: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table hazard_templates
CREATE TABLE hazard_templates (
  template_id TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  hazard_type TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  items       TEXT NOT NULL CHECK (json_valid(items)),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (template_id, version)
) STRICT;

-- index hazard_templates_by_type_version
CREATE INDEX hazard_templates_by_type_version ON hazard_templates (hazard_type, version);

-- index sqlite_autoindex_hazard_templates_1

-- trigger hazard_templates_shapes_insert
CREATE TRIGGER hazard_templates_shapes_insert BEFORE INSERT ON hazard_templates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_templates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger hazard_templates_shapes_update
CREATE TRIGGER hazard_templates_shapes_update BEFORE UPDATE OF created_at ON hazard_templates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_templates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table map_markers
CREATE TABLE map_markers (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('hazard', 'shelter', 'gauge', 'note')),
  lat        REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng        REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

-- index map_markers_by_deleted
CREATE INDEX map_markers_by_deleted ON map_markers (deleted_at, name);

-- index sqlite_autoindex_map_markers_1

-- trigger map_markers_shapes_insert
CREATE TRIGGER map_markers_shapes_insert BEFORE INSERT ON map_markers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_markers: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger map_markers_shapes_update
CREATE TRIGGER map_markers_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON map_markers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_markers: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table map_shapes
CREATE TABLE map_shapes (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL UNIQUE CHECK (kind IN ('boundary', 'roads')),
  name          TEXT NOT NULL,
  geojson       TEXT NOT NULL CHECK (json_valid(geojson)),
  feature_count INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_map_shapes_1

-- index sqlite_autoindex_map_shapes_2

-- trigger map_shapes_shapes_insert
CREATE TRIGGER map_shapes_shapes_insert BEFORE INSERT ON map_shapes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_shapes: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger map_shapes_shapes_update
CREATE TRIGGER map_shapes_shapes_update BEFORE UPDATE OF created_at, updated_at ON map_shapes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_shapes: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table map_tilesets
CREATE TABLE map_tilesets (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('base', 'overlay')),
  format       TEXT NOT NULL CHECK (format IN ('png', 'jpg', 'webp')),
  coord_system TEXT NOT NULL CHECK (coord_system IN ('wgs84', 'gcj02', 'bd09')),
  minzoom      INTEGER NOT NULL,
  maxzoom      INTEGER NOT NULL,
  bounds       TEXT CHECK (bounds IS NULL OR json_valid(bounds)),
  attribution  TEXT NOT NULL DEFAULT '',
  tile_count   INTEGER NOT NULL,
  size_bytes   INTEGER NOT NULL,
  visible      INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
  opacity      REAL NOT NULL DEFAULT 1 CHECK (opacity BETWEEN 0 AND 1),
  position     INTEGER NOT NULL,
  notes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;

-- index map_tilesets_by_position
CREATE INDEX map_tilesets_by_position ON map_tilesets (deleted_at, position);

-- index sqlite_autoindex_map_tilesets_1

-- trigger map_tilesets_shapes_insert
CREATE TRIGGER map_tilesets_shapes_insert BEFORE INSERT ON map_tilesets
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_tilesets: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger map_tilesets_shapes_update
CREATE TRIGGER map_tilesets_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON map_tilesets
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_tilesets: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table map_upload_chunks
CREATE TABLE map_upload_chunks (
  upload_id TEXT NOT NULL REFERENCES map_uploads (id) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  data      BLOB NOT NULL,
  PRIMARY KEY (upload_id, idx)
) STRICT;

-- index sqlite_autoindex_map_upload_chunks_1

-- table map_uploads
CREATE TABLE map_uploads (
  id             TEXT PRIMARY KEY,
  file_name      TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  received_bytes INTEGER NOT NULL DEFAULT 0,
  next_index     INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_map_uploads_1

-- trigger map_uploads_shapes_insert
CREATE TRIGGER map_uploads_shapes_insert BEFORE INSERT ON map_uploads
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_uploads: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger map_uploads_shapes_update
CREATE TRIGGER map_uploads_shapes_update BEFORE UPDATE OF created_at, updated_at ON map_uploads
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_uploads: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table rain_batches
CREATE TABLE rain_batches (
  id            TEXT PRIMARY KEY,
  key           INTEGER NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('file', 'manual')),
  source        TEXT NOT NULL,
  file_hash     TEXT NOT NULL DEFAULT '',
  mapping       TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
  status        TEXT NOT NULL CHECK (status IN ('staging', 'committed', 'cancelled')),
  rows_read     INTEGER NOT NULL DEFAULT 0,
  readings      INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  replaced      INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0,
  skipped_rows  INTEGER NOT NULL DEFAULT 0,
  actor_name    TEXT NOT NULL,
  committed_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- index rain_batches_by_created
CREATE INDEX rain_batches_by_created ON rain_batches (created_at);

-- index sqlite_autoindex_rain_batches_1

-- index sqlite_autoindex_rain_batches_2

-- trigger rain_batches_shapes_insert
CREATE TRIGGER rain_batches_shapes_insert BEFORE INSERT ON rain_batches
  WHEN (NEW.committed_at IS NOT NULL AND NEW.committed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_batches: committed_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger rain_batches_shapes_update
CREATE TRIGGER rain_batches_shapes_update BEFORE UPDATE OF committed_at, created_at, updated_at ON rain_batches
  WHEN (NEW.committed_at IS NOT NULL AND NEW.committed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_batches: committed_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table rain_duplicates
CREATE TABLE rain_duplicates (
  id            TEXT PRIMARY KEY,
  batch_key     INTEGER NOT NULL REFERENCES rain_batches (key),
  station_key   INTEGER NOT NULL REFERENCES rain_stations (key),
  end_ms        INTEGER NOT NULL,
  interval_s    INTEGER NOT NULL,
  kept_milli    INTEGER,
  dropped_milli INTEGER,
  kept          TEXT NOT NULL CHECK (kept IN ('existing', 'incoming')),
  rule          TEXT NOT NULL,
  conflict      INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

-- index rain_duplicates_by_batch
CREATE INDEX rain_duplicates_by_batch ON rain_duplicates (batch_key);

-- index rain_duplicates_by_station_end
CREATE INDEX rain_duplicates_by_station_end ON rain_duplicates (station_key, end_ms);

-- index sqlite_autoindex_rain_duplicates_1

-- trigger rain_duplicates_shapes_insert
CREATE TRIGGER rain_duplicates_shapes_insert BEFORE INSERT ON rain_duplicates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_duplicates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger rain_duplicates_shapes_update
CREATE TRIGGER rain_duplicates_shapes_update BEFORE UPDATE OF created_at ON rain_duplicates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_duplicates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table rain_import_chunks
CREATE TABLE rain_import_chunks (
  batch_key  INTEGER NOT NULL REFERENCES rain_batches (key),
  seq        INTEGER NOT NULL,
  first_row  INTEGER NOT NULL,
  row_count  INTEGER NOT NULL,
  stations   TEXT NOT NULL CHECK (json_valid(stations)),
  data       BLOB NOT NULL,
  PRIMARY KEY (batch_key, seq)
) STRICT;

-- index sqlite_autoindex_rain_import_chunks_1

-- table rain_import_errors
CREATE TABLE rain_import_errors (
  batch_key  INTEGER NOT NULL REFERENCES rain_batches (key),
  chunk_seq  INTEGER NOT NULL,
  row        INTEGER NOT NULL,
  col        INTEGER,
  code       TEXT NOT NULL,
  severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL
) STRICT;

-- index rain_import_errors_by_batch_chunk
CREATE INDEX rain_import_errors_by_batch_chunk ON rain_import_errors (batch_key, chunk_seq);

-- index rain_import_errors_by_batch_row
CREATE INDEX rain_import_errors_by_batch_row ON rain_import_errors (batch_key, row);

-- table rain_normals
CREATE TABLE rain_normals (
  id         TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES rain_stations (id),
  period     TEXT NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  normal_mm  REAL NOT NULL CHECK (normal_mm >= 0),
  basis      TEXT NOT NULL DEFAULT '1991–2020',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- index rain_normals_by_station_period
CREATE UNIQUE INDEX rain_normals_by_station_period ON rain_normals (station_id, period);

-- index sqlite_autoindex_rain_normals_1

-- trigger rain_normals_shapes_insert
CREATE TRIGGER rain_normals_shapes_insert BEFORE INSERT ON rain_normals
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_normals: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger rain_normals_shapes_update
CREATE TRIGGER rain_normals_shapes_update BEFORE UPDATE OF created_at, updated_at ON rain_normals
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_normals: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table rain_readings
CREATE TABLE rain_readings (
  station_key INTEGER NOT NULL REFERENCES rain_stations (key),
  end_ms      INTEGER NOT NULL,
  interval_s  INTEGER NOT NULL CHECK (interval_s >= 0),
  value_milli INTEGER,
  quality     INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 3),
  trace       INTEGER NOT NULL DEFAULT 0 CHECK (trace IN (0, 1)),
  batch_key   INTEGER NOT NULL REFERENCES rain_batches (key),
  PRIMARY KEY (station_key, end_ms, interval_s),
  CHECK ((value_milli IS NULL) = (quality = 2))
) STRICT, WITHOUT ROWID;

-- table rain_signal_suggestions
CREATE TABLE rain_signal_suggestions (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL REFERENCES rain_stations (id),
  colour      TEXT NOT NULL CHECK (colour IN ('blue', 'yellow', 'orange', 'red')),
  window_key  TEXT NOT NULL,
  total_mm    REAL NOT NULL,
  threshold_mm REAL NOT NULL,
  at_ms       INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed')),
  decided_by  TEXT,
  decided_at  TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- index rain_signal_suggestions_by_station_at
CREATE INDEX rain_signal_suggestions_by_station_at ON rain_signal_suggestions (station_id, at_ms);

-- index rain_signal_suggestions_by_status_at
CREATE INDEX rain_signal_suggestions_by_status_at ON rain_signal_suggestions (status, at_ms);

-- index sqlite_autoindex_rain_signal_suggestions_1

-- trigger rain_signal_suggestions_shapes_insert
CREATE TRIGGER rain_signal_suggestions_shapes_insert BEFORE INSERT ON rain_signal_suggestions
  WHEN (NEW.decided_at IS NOT NULL AND NEW.decided_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_signal_suggestions: decided_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger rain_signal_suggestions_shapes_update
CREATE TRIGGER rain_signal_suggestions_shapes_update BEFORE UPDATE OF decided_at, created_at, updated_at ON rain_signal_suggestions
  WHEN (NEW.decided_at IS NOT NULL AND NEW.decided_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_signal_suggestions: decided_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table rain_stations
CREATE TABLE rain_stations (
  id            TEXT PRIMARY KEY,
  key           INTEGER NOT NULL UNIQUE,
  code          TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  name_en       TEXT NOT NULL DEFAULT '',
  type          TEXT NOT NULL CHECK (type IN ('rain', 'water')),
  lat           REAL,
  lng           REAL,
  source        TEXT NOT NULL DEFAULT '',
  warning_m     REAL,
  guarantee_m   REAL,
  flood_limit_m REAL,
  notes         TEXT NOT NULL DEFAULT '',
  deleted_at    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  CHECK ((lat IS NULL) = (lng IS NULL))
) STRICT;

-- index rain_stations_by_code
CREATE UNIQUE INDEX rain_stations_by_code ON rain_stations (code) WHERE deleted_at IS NULL;

-- index sqlite_autoindex_rain_stations_1

-- index sqlite_autoindex_rain_stations_2

-- trigger rain_stations_shapes_insert
CREATE TRIGGER rain_stations_shapes_insert BEFORE INSERT ON rain_stations
  WHEN (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_stations: deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger rain_stations_shapes_update
CREATE TRIGGER rain_stations_shapes_update BEFORE UPDATE OF deleted_at, created_at, updated_at ON rain_stations
  WHEN (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_stations: deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- table settings
CREATE TABLE settings (
  section    TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_settings_1

-- trigger settings_shapes_insert
CREATE TRIGGER settings_shapes_insert BEFORE INSERT ON settings
  WHEN (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'settings: updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- trigger settings_shapes_update
CREATE TRIGGER settings_shapes_update BEFORE UPDATE OF updated_at ON settings
  WHEN (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'settings: updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

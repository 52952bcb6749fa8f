-- Hazard points (隐患点), checklist templates, inspections, rectification orders, photos and patrols.

-- A template version is immutable once stored: an inspection names (template_id, version) and is
-- always read against the checklist the inspector actually ticked.
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

CREATE INDEX hazard_templates_by_type_version ON hazard_templates (hazard_type, version);

-- seq is an explicit rowid alias: the full-text index points at rowids, and VACUUM may renumber
-- implicit rowids, which would silently scramble search results.
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
) STRICT;

CREATE INDEX hazard_points_by_name_norm ON hazard_points (name_norm) WHERE deleted_at IS NULL;
CREATE INDEX hazard_points_by_type_risk ON hazard_points (hazard_type, risk_level) WHERE deleted_at IS NULL;
CREATE INDEX hazard_points_by_status_next_due ON hazard_points (status, next_due_ms) WHERE deleted_at IS NULL;
CREATE INDEX hazard_points_by_community ON hazard_points (community) WHERE deleted_at IS NULL;

-- Trigram tokens work for Chinese without a word segmenter; queries of 1–2 characters use LIKE.
CREATE VIRTUAL TABLE hazard_points_fts USING fts5 (
  name, address, community, responsible_unit, responsible_person, notes,
  content = 'hazard_points', content_rowid = 'seq', tokenize = 'trigram'
);

CREATE TRIGGER hazard_points_fts_insert AFTER INSERT ON hazard_points
BEGIN
  INSERT INTO hazard_points_fts (rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES (NEW.seq, NEW.name, NEW.address, NEW.community, NEW.responsible_unit, NEW.responsible_person, NEW.notes);
END;

CREATE TRIGGER hazard_points_fts_update AFTER UPDATE OF name, address, community, responsible_unit, responsible_person, notes ON hazard_points
BEGIN
  INSERT INTO hazard_points_fts (hazard_points_fts, rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES ('delete', OLD.seq, OLD.name, OLD.address, OLD.community, OLD.responsible_unit, OLD.responsible_person, OLD.notes);
  INSERT INTO hazard_points_fts (rowid, name, address, community, responsible_unit, responsible_person, notes)
  VALUES (NEW.seq, NEW.name, NEW.address, NEW.community, NEW.responsible_unit, NEW.responsible_person, NEW.notes);
END;

CREATE TRIGGER hazard_points_no_delete BEFORE DELETE ON hazard_points
BEGIN
  SELECT RAISE(ABORT, 'hazard points are retired or soft-deleted, never removed');
END;

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

CREATE INDEX hazard_inspections_by_point_at ON hazard_inspections (point_id, at_ms) WHERE deleted_at IS NULL;
CREATE INDEX hazard_inspections_by_day ON hazard_inspections (duty_day) WHERE deleted_at IS NULL;

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

CREATE INDEX hazard_rectifications_by_status_deadline ON hazard_rectifications (status, deadline);
CREATE INDEX hazard_rectifications_by_point_status ON hazard_rectifications (point_id, status);

-- One stored file per distinct content; many photo rows may share it.
CREATE TABLE hazard_files (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes       INTEGER NOT NULL CHECK (bytes > 0),
  thumb_bytes INTEGER NOT NULL CHECK (thumb_bytes > 0),
  created_at  TEXT NOT NULL
) STRICT;

-- owner_kind 'upload' is a photo not yet attached to a saved record.
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

CREATE INDEX hazard_photos_by_owner ON hazard_photos (owner_kind, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX hazard_photos_by_sha256 ON hazard_photos (sha256);

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
) STRICT;

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
  updated_at    TEXT NOT NULL,
  CHECK (ended_at_ms IS NULL OR ended_at_ms >= started_at_ms)
) STRICT;

CREATE INDEX hazard_patrol_runs_by_route_started ON hazard_patrol_runs (route_id, started_at_ms);

-- A file import is staged chunk by chunk and committed in one transaction, or not at all.
CREATE TABLE hazard_imports (
  id         TEXT PRIMARY KEY,
  file_name  TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE hazard_import_rows (
  import_id TEXT NOT NULL REFERENCES hazard_imports (id) ON DELETE CASCADE,
  row_no    INTEGER NOT NULL,
  data      TEXT CHECK (data IS NULL OR json_valid(data)),
  errors    TEXT NOT NULL CHECK (json_valid(errors)),
  PRIMARY KEY (import_id, row_no)
) STRICT;

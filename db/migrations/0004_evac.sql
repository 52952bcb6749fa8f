-- Evacuation (转移) and sheltering (安置): shelters, the people moved per event, and the
-- append-only movement log that is the truth. evac_persons carries each person's current
-- state, rewritten in the same transaction as every movement, so "now" totals are SQL
-- aggregates; replaying the log gives the same numbers (tests check that it does).

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

CREATE INDEX evac_shelters_by_name ON evac_shelters (name);

-- When a shelter was opened and closed for an event.
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

CREATE INDEX evac_shelter_periods_by_shelter_event ON evac_shelter_periods (shelter_id, event_id);

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

CREATE INDEX evac_households_by_event ON evac_households (event_id);

-- One row per person per event. The source is a hazard point id + its name as text (the
-- hazards domain owns hazard points; no foreign key across domains) or a plain address.
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

-- Covers the dashboard aggregate, so totals read the index alone.
CREATE INDEX evac_persons_by_event_source_status ON evac_persons
  (event_id, source_key, status, first_kind, first_shelter_id, shelter_id, vulnerable, household_id, first_moved_at)
  WHERE deleted_at IS NULL;
CREATE INDEX evac_persons_by_shelter_status ON evac_persons (shelter_id, status) WHERE deleted_at IS NULL;
CREATE INDEX evac_persons_by_event_id_key ON evac_persons (event_id, id_key) WHERE id_key IS NOT NULL;
CREATE INDEX evac_persons_by_event_np_key ON evac_persons (event_id, np_key) WHERE np_key IS NOT NULL;
CREATE INDEX evac_persons_by_household ON evac_persons (household_id);
CREATE INDEX evac_persons_by_event_name ON evac_persons (event_id, name);

-- Append-only: a wrong step is corrected by a new step, never by rewriting history.
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

CREATE INDEX evac_movements_by_person_seq ON evac_movements (person_id, seq);
CREATE INDEX evac_movements_by_event_at ON evac_movements (event_id, at_ms);

CREATE TRIGGER evac_movements_no_update BEFORE UPDATE ON evac_movements
BEGIN
  SELECT RAISE(ABORT, 'evac_movements is append-only');
END;

CREATE TRIGGER evac_movements_no_delete BEFORE DELETE ON evac_movements
BEGIN
  SELECT RAISE(ABORT, 'evac_movements is append-only');
END;

-- A check-in beyond capacity (or into a shelter of unknown capacity), confirmed with a reason.
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

CREATE INDEX evac_capacity_overrides_by_shelter ON evac_capacity_overrides (shelter_id, at_ms);

-- The same human entered again in the same event: flagged here, never counted twice.
CREATE TABLE evac_duplicate_flags (
  id                 TEXT PRIMARY KEY,
  event_id           TEXT NOT NULL REFERENCES events (id),
  existing_person_id TEXT NOT NULL REFERENCES evac_persons (id),
  entered_name       TEXT NOT NULL,
  basis              TEXT NOT NULL,
  at_ms              INTEGER NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;

CREATE INDEX evac_duplicate_flags_by_event ON evac_duplicate_flags (event_id, at_ms);

-- Foundation: settings, the audit trail, and named events that group every other record.

CREATE TABLE settings (
  section    TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

-- Append-only: the triggers below make a tampered or deleted row impossible through SQL.
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
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);
CREATE INDEX audit_log_by_method ON audit_log (method, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE events (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms   INTEGER,
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (ended_at_ms IS NULL OR ended_at_ms >= started_at_ms)
) STRICT;

CREATE INDEX events_by_started ON events (started_at_ms);

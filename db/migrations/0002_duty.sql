-- Duty desk: people and leave, the rota with its change history, the duty log with Chinese
-- full-text search, warnings and response levels, incident reports, equipment checks, handovers.

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

CREATE INDEX duty_people_by_name ON duty_people (name);

-- Leave is cancelled, never deleted: a rota printed last week may have relied on it.
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

CREATE INDEX duty_leave_by_person_from ON duty_leave (person_id, from_date);

CREATE TABLE duty_days (
  id         TEXT PRIMARY KEY,
  date       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- 在岗值守至预警解除: the team stays past the boundary until a warning is lifted or a set time.
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

CREATE INDEX duty_extensions_by_ended ON duty_extensions (ended_at_ms);

-- An assignment is never changed or removed: a swap or a new rota supersedes it, so the
-- original stays readable next to the change that replaced it.
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

CREATE INDEX duty_assignments_by_date_current ON duty_assignments (date, slot, position) WHERE superseded_at_ms IS NULL;
CREATE INDEX duty_assignments_by_person_date ON duty_assignments (person_id, date);

CREATE TRIGGER duty_assignments_no_delete BEFORE DELETE ON duty_assignments
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments are superseded, never deleted');
END;

-- Who changed the rota, when and why (调班 history), one row per slot that changed hands.
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

CREATE INDEX duty_changes_by_date_at ON duty_changes (date, changed_at_ms);
CREATE INDEX duty_changes_by_at ON duty_changes (changed_at_ms);

-- Duty log: each correction is a new version; entry_id is the first version's id and
-- stays the entry's name. Only is_current ever changes, from 1 to 0.
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

CREATE UNIQUE INDEX duty_log_entries_by_entry_current ON duty_log_entries (entry_id) WHERE is_current = 1;
CREATE INDEX duty_log_entries_by_received_current ON duty_log_entries (received_at_ms) WHERE is_current = 1;
CREATE INDEX duty_log_entries_by_day_received ON duty_log_entries (duty_day, received_at_ms) WHERE is_current = 1;
CREATE INDEX duty_log_entries_by_event_received ON duty_log_entries (event_id, received_at_ms) WHERE is_current = 1;
CREATE INDEX duty_log_entries_by_follow_up ON duty_log_entries (follow_up_of) WHERE follow_up_of IS NOT NULL;

CREATE TRIGGER duty_log_entries_no_delete BEFORE DELETE ON duty_log_entries
BEGIN
  SELECT RAISE(ABORT, 'duty log entries are never deleted; write a correction');
END;

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

-- Trigram tokens work for Chinese without a word segmenter. Only current versions are indexed:
-- a retired version leaves the index, so a match count is a count of entries, with no join.
CREATE VIRTUAL TABLE duty_log_fts USING fts5 (
  from_name, from_unit, content, action_taken, forwarded_to, result,
  content = 'duty_log_entries', content_rowid = 'rowid', tokenize = 'trigram'
);

CREATE TRIGGER duty_log_entries_fts_insert AFTER INSERT ON duty_log_entries
BEGIN
  INSERT INTO duty_log_fts (rowid, from_name, from_unit, content, action_taken, forwarded_to, result)
  VALUES (NEW.rowid, NEW.from_name, NEW.from_unit, NEW.content, NEW.action_taken, NEW.forwarded_to, NEW.result);
END;

CREATE TRIGGER duty_log_entries_fts_retire AFTER UPDATE OF is_current ON duty_log_entries
WHEN OLD.is_current = 1 AND NEW.is_current = 0
BEGIN
  INSERT INTO duty_log_fts (duty_log_fts, rowid, from_name, from_unit, content, action_taken, forwarded_to, result)
  VALUES ('delete', OLD.rowid, OLD.from_name, OLD.from_unit, OLD.content, OLD.action_taken, OLD.forwarded_to, OLD.result);
END;

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

CREATE INDEX duty_warnings_by_lifted_issued ON duty_warnings (lifted_at_ms, issued_at_ms);
CREATE INDEX duty_warnings_by_issued ON duty_warnings (issued_at_ms);

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

CREATE INDEX duty_responses_by_lifted_declared ON duty_responses (lifted_at_ms, declared_at_ms);

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

CREATE INDEX duty_incidents_by_closed_received ON duty_incidents (closed_at_ms, received_at_ms);
CREATE INDEX duty_incidents_by_day ON duty_incidents (duty_day);

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

CREATE INDEX duty_incident_reports_by_incident_at ON duty_incident_reports (incident_id, at_ms);

-- 零报告: one per duty day, still a report.
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

CREATE TABLE duty_equipment_checks (
  id         TEXT PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  duty_day   TEXT NOT NULL,
  checked_by TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX duty_equipment_checks_by_at ON duty_equipment_checks (at_ms);

-- The label is copied in because the checklist is a setting and may change later.
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

-- The national disaster statistics quick report (自然灾害情况统计快报, DOMAIN.md §9): every version
-- the desk sends up the chain (初报, 续报…, 核报) is kept exactly as sent. Nothing here is edited or
-- deleted: a wrong version is followed by the next one. seq numbers the versions of one event in
-- the order they were saved; a second desk saving at the same moment collides on (event_id, seq).

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

-- One 核报 per event; the stage order beyond that is a rule (core/domain/damage/statReport.ts).
CREATE UNIQUE INDEX damage_stat_reports_by_event_final ON damage_stat_reports (event_id) WHERE stage = 'final';

-- One row per line of the table. computed_value is what the records gave at as_of_ms (NULL: the
-- records hold no such figure and a person enters it); reported_value is what was sent (NULL: not
-- entered yet); a sent figure that differs from the computed one carries its reason.
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

CREATE TRIGGER damage_stat_reports_no_update BEFORE UPDATE ON damage_stat_reports
BEGIN
  SELECT RAISE(ABORT, 'statistics report versions are kept as sent; save a new version');
END;

CREATE TRIGGER damage_stat_reports_no_delete BEFORE DELETE ON damage_stat_reports
BEGIN
  SELECT RAISE(ABORT, 'statistics report versions are kept as sent; save a new version');
END;

CREATE TRIGGER damage_stat_figures_no_update BEFORE UPDATE ON damage_stat_figures
BEGIN
  SELECT RAISE(ABORT, 'statistics report figures are kept as sent; save a new version');
END;

CREATE TRIGGER damage_stat_figures_no_delete BEFORE DELETE ON damage_stat_figures
BEGIN
  SELECT RAISE(ABORT, 'statistics report figures are kept as sent; save a new version');
END;

CREATE TRIGGER damage_stat_reports_shapes_insert BEFORE INSERT ON damage_stat_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'damage_stat_reports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- No shape trigger on update: the rows are never updated at all.

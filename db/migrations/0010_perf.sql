-- Evacuation dashboard totals kept as running counts (issue #6). Summing 100k current-state rows
-- for "all events" took over a second; these tables hold one row per group instead, maintained by
-- triggers on evac_persons, so every path that changes a person (any handler, any future one)
-- updates them in the same statement and transaction, and they cannot drift from the rows.
-- They are derived data, not records: no ids or timestamps, rebuilt below from evac_persons.
-- NULL columns are stored as '' so that a group has one key for ON CONFLICT to find.

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

-- Distinct households per event and source, and per event alone (source_key ''; real keys
-- always carry a 'hazard:' or 'address:' prefix). source_name is min() over the people from
-- the source, as the dashboard's grouped scan named it.
CREATE TABLE evac_source_totals (
  event_id    TEXT NOT NULL,
  source_key  TEXT NOT NULL,
  source_name TEXT NOT NULL,
  households  INTEGER NOT NULL CHECK (households >= 0),
  PRIMARY KEY (event_id, source_key)
) STRICT, WITHOUT ROWID;

INSERT INTO evac_totals
  SELECT event_id, source_key, status, coalesce(first_kind, ''), coalesce(first_shelter_id, ''), coalesce(shelter_id, ''), count(*), sum(vulnerable)
    FROM evac_persons WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO evac_source_totals
  SELECT event_id, source_key, min(source_name), count(DISTINCT household_id) FROM evac_persons WHERE deleted_at IS NULL GROUP BY event_id, source_key;
INSERT INTO evac_source_totals
  SELECT event_id, '', '', count(DISTINCT household_id) FROM evac_persons WHERE deleted_at IS NULL GROUP BY event_id;

-- The columns that say which event, source, household and group a person counts in are written
-- once, when the person is entered (no handler rewrites them); keeping it so lets the triggers
-- below stay simple and exact.
CREATE TRIGGER evac_persons_fixed_identity BEFORE UPDATE OF event_id, household_id, source_key, source_name, vulnerable ON evac_persons
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.household_id IS NOT OLD.household_id OR NEW.source_key IS NOT OLD.source_key
  OR NEW.source_name IS NOT OLD.source_name OR NEW.vulnerable IS NOT OLD.vulnerable
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: event, household, source and vulnerability are fixed once entered');
END;

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

-- A step moves one person from one group to another; a step that leaves the group as it was
-- (e.g. only the time changes) touches nothing.
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

-- A soft-deleted person stops counting, and so does their household once nobody of it is left.
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

-- Nothing deletes people today (records are soft-deleted); should a purge ever do it, the
-- totals follow.
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

-- The nine-column covering index served the dashboard's grouped scan, which the counts above
-- replace; every step rewrote its entry (status and places are in it), a large share of a bulk
-- return. What still filters by event and first-move time (a dashboard limited to a period, the
-- people list's order) gets a narrow index that steps never touch: first_moved_at is written once.
DROP INDEX evac_persons_by_event_source_status;
CREATE INDEX evac_persons_by_event_first_moved ON evac_persons (event_id, first_moved_at) WHERE deleted_at IS NULL;

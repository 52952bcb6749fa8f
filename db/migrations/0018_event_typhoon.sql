-- Typhoons are known on the desk by their number as much as by their name: 2023年第9号台风“苏拉”,
-- Typhoon Saola (2309). The number and its year are kept as fields so the display name is composed
-- (core/domain/events/name.ts), never typed twice in two spellings. Both or neither: a storm may be
-- tracked before the weather service numbers it, and rows written before this migration have none.
-- Only a typhoon carries a number. `name` stays the Chinese name and `name_en` the international one.

ALTER TABLE events ADD COLUMN typhoon_year INTEGER CHECK (typhoon_year IS NULL OR typhoon_year BETWEEN 1949 AND 2200);
ALTER TABLE events ADD COLUMN typhoon_number INTEGER CHECK (typhoon_number IS NULL OR typhoon_number BETWEEN 1 AND 99);

-- Rules across columns cannot be added to an existing table's CHECKs without rebuilding it (and
-- every table that references events), so they are triggers, as the enumerations of 0016 are.
CREATE TRIGGER events_typhoon_insert BEFORE INSERT ON events
  WHEN (NEW.typhoon_year IS NULL) <> (NEW.typhoon_number IS NULL)
    OR (NEW.typhoon_number IS NOT NULL AND NEW.kind <> 'typhoon')
BEGIN
  SELECT RAISE(ABORT, 'events: typhoon_year and typhoon_number go together, and only on a typhoon');
END;

CREATE TRIGGER events_typhoon_update BEFORE UPDATE OF kind, typhoon_year, typhoon_number ON events
  WHEN (NEW.typhoon_year IS NULL) <> (NEW.typhoon_number IS NULL)
    OR (NEW.typhoon_number IS NOT NULL AND NEW.kind <> 'typhoon')
BEGIN
  SELECT RAISE(ABORT, 'events: typhoon_year and typhoon_number go together, and only on a typhoon');
END;

-- One number per year: the same storm entered twice would split its warnings, logs and moves.
CREATE UNIQUE INDEX events_by_typhoon_number ON events (typhoon_year, typhoon_number) WHERE typhoon_number IS NOT NULL;

-- The event page lists the warnings and response levels recorded under an event (duty.eventLinks).
CREATE INDEX duty_warnings_by_event ON duty_warnings (event_id, issued_at_ms) WHERE event_id IS NOT NULL;
CREATE INDEX duty_responses_by_event ON duty_responses (event_id, declared_at_ms) WHERE event_id IS NOT NULL;

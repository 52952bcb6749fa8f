-- Optimistic concurrency for gauges (docs/CONVENTIONS.md): rain.saveStation replaces the whole
-- record, so a drag on the map must not undo an edit saved in between from another screen.
ALTER TABLE rain_stations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Optimistic concurrency for patrol routes (docs/CONVENTIONS.md): hazards.saveRoute replaces the
-- whole route (name, order of points, frequencies), so a second editor must not undo the first.
ALTER TABLE hazard_routes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

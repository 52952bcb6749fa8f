-- Optimistic concurrency for hazard points (docs/CONVENTIONS.md): two inspectors editing the
-- same point, or a drag on the map while the form is open, must not silently overwrite each
-- other. Edits, deletion and restore bump it; a recorded inspection (schedule fields only) does not.
ALTER TABLE hazard_points ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

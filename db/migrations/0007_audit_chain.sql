-- A hash chain over the audit trail: each row carries the hash of the row before it and its own,
-- so a row edited, deleted or reordered behind the app's back (triggers dropped, file edited)
-- shows up when the chain is verified. The hashes are SHA-256, computed by the app on insert.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64);
ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);

-- Rows written before this migration are sealed once, by the migration runner's code step for this
-- file (SQLite has no SHA-256). So the update guard allows exactly one kind of update: giving an
-- unsealed row its hashes while every recorded column stays as it was. Nothing can unseal a row.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
  AND NEW.seq = OLD.seq AND NEW.at_ms = OLD.at_ms
  AND NEW.actor_id = OLD.actor_id AND NEW.actor_name = OLD.actor_name
  AND NEW.method = OLD.method AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id
  AND NEW.before IS OLD.before AND NEW.after IS OLD.after
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Every new row must join the chain; an unchained insert would be a silent gap.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows must carry their chain hashes');
END;

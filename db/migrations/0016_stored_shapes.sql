-- Stored values are what the schema says they are: every instant column holds an ISO-8601 UTC
-- instant and every local-date column a YYYY-MM-DD day. SQLite cannot add a CHECK to an existing
-- table without rebuilding it, so triggers refuse a bad value on insert and on update instead;
-- rows already stored are left as they are (the renderer shows an unreadable value as such).

CREATE TRIGGER settings_shapes_insert BEFORE INSERT ON settings
  WHEN (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'settings: updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER settings_shapes_update BEFORE UPDATE OF updated_at ON settings
  WHEN (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'settings: updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER events_shapes_insert BEFORE INSERT ON events
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'events: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER events_shapes_update BEFORE UPDATE OF created_at, updated_at ON events
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'events: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_people_shapes_insert BEFORE INSERT ON duty_people
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_people: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_people_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_people
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_people: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_leave_shapes_insert BEFORE INSERT ON duty_leave
  WHEN (NEW.from_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.to_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_leave: from_date, to_date, deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_leave_shapes_update BEFORE UPDATE OF from_date, to_date, deleted_at, created_at, updated_at ON duty_leave
  WHEN (NEW.from_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.to_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_leave: from_date, to_date, deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_days_shapes_insert BEFORE INSERT ON duty_days
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_days: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_days_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_days
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_days: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_extensions_shapes_insert BEFORE INSERT ON duty_extensions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_extensions: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_extensions_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_extensions
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_extensions: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_assignments_shapes_insert BEFORE INSERT ON duty_assignments
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_assignments_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_assignments
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_assignments: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_changes_shapes_insert BEFORE INSERT ON duty_changes
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_changes: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_changes_shapes_update BEFORE UPDATE OF date, created_at, updated_at ON duty_changes
  WHEN (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_changes: date, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_log_entries_shapes_insert BEFORE INSERT ON duty_log_entries
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_log_entries_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_log_entries
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_warnings_shapes_insert BEFORE INSERT ON duty_warnings
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_warnings: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_warnings_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_warnings
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_warnings: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_responses_shapes_insert BEFORE INSERT ON duty_responses
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_responses: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_responses_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_responses
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_responses: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_incidents_shapes_insert BEFORE INSERT ON duty_incidents
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incidents: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_incidents_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_incidents
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incidents: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_incident_reports_shapes_insert BEFORE INSERT ON duty_incident_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incident_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_incident_reports_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_incident_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_incident_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_zero_reports_shapes_insert BEFORE INSERT ON duty_zero_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_zero_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_zero_reports_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_zero_reports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_zero_reports: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_equipment_checks_shapes_insert BEFORE INSERT ON duty_equipment_checks
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_checks: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_equipment_checks_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_equipment_checks
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_checks: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_equipment_items_shapes_insert BEFORE INSERT ON duty_equipment_items
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_items: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_equipment_items_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_equipment_items
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_equipment_items: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_handovers_shapes_insert BEFORE INSERT ON duty_handovers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handovers: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_handovers_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_handovers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handovers: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_templates_shapes_insert BEFORE INSERT ON hazard_templates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_templates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_templates_shapes_update BEFORE UPDATE OF created_at ON hazard_templates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_templates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_points_shapes_insert BEFORE INSERT ON hazard_points
  WHEN (NEW.letter_date IS NOT NULL AND NEW.letter_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: letter_date, created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_points_shapes_update BEFORE UPDATE OF letter_date, created_at, updated_at, deleted_at ON hazard_points
  WHEN (NEW.letter_date IS NOT NULL AND NEW.letter_date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: letter_date, created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_inspections_shapes_insert BEFORE INSERT ON hazard_inspections
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_inspections: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_inspections_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_inspections
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_inspections: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_rectifications_shapes_insert BEFORE INSERT ON hazard_rectifications
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_rectifications: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_rectifications_shapes_update BEFORE UPDATE OF created_at, updated_at ON hazard_rectifications
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_rectifications: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_files_shapes_insert BEFORE INSERT ON hazard_files
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_files: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_files_shapes_update BEFORE UPDATE OF created_at ON hazard_files
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_files: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_photos_shapes_insert BEFORE INSERT ON hazard_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_photos: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_photos_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_photos
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_photos: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_routes_shapes_insert BEFORE INSERT ON hazard_routes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_routes: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_routes_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON hazard_routes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_routes: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_patrol_runs_shapes_insert BEFORE INSERT ON hazard_patrol_runs
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_patrol_runs: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_patrol_runs_shapes_update BEFORE UPDATE OF created_at, updated_at ON hazard_patrol_runs
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_patrol_runs: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_imports_shapes_insert BEFORE INSERT ON hazard_imports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_imports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER hazard_imports_shapes_update BEFORE UPDATE OF created_at ON hazard_imports
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'hazard_imports: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_shelters_shapes_insert BEFORE INSERT ON evac_shelters
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelters: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_shelters_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_shelters
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelters: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_shelter_periods_shapes_insert BEFORE INSERT ON evac_shelter_periods
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelter_periods: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_shelter_periods_shapes_update BEFORE UPDATE OF created_at, updated_at ON evac_shelter_periods
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_shelter_periods: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_households_shapes_insert BEFORE INSERT ON evac_households
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_households: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_households_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_households
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_households: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_persons_shapes_insert BEFORE INSERT ON evac_persons
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_persons_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON evac_persons
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_persons: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_movements_shapes_insert BEFORE INSERT ON evac_movements
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_movements_shapes_update BEFORE UPDATE OF created_at ON evac_movements
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_capacity_overrides_shapes_insert BEFORE INSERT ON evac_capacity_overrides
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_capacity_overrides: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_capacity_overrides_shapes_update BEFORE UPDATE OF created_at ON evac_capacity_overrides
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_capacity_overrides: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_duplicate_flags_shapes_insert BEFORE INSERT ON evac_duplicate_flags
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_duplicate_flags: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER evac_duplicate_flags_shapes_update BEFORE UPDATE OF created_at ON evac_duplicate_flags
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'evac_duplicate_flags: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_stations_shapes_insert BEFORE INSERT ON rain_stations
  WHEN (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_stations: deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_stations_shapes_update BEFORE UPDATE OF deleted_at, created_at, updated_at ON rain_stations
  WHEN (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_stations: deleted_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_batches_shapes_insert BEFORE INSERT ON rain_batches
  WHEN (NEW.committed_at IS NOT NULL AND NEW.committed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_batches: committed_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_batches_shapes_update BEFORE UPDATE OF committed_at, created_at, updated_at ON rain_batches
  WHEN (NEW.committed_at IS NOT NULL AND NEW.committed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_batches: committed_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_duplicates_shapes_insert BEFORE INSERT ON rain_duplicates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_duplicates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_duplicates_shapes_update BEFORE UPDATE OF created_at ON rain_duplicates
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_duplicates: created_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_normals_shapes_insert BEFORE INSERT ON rain_normals
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_normals: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_normals_shapes_update BEFORE UPDATE OF created_at, updated_at ON rain_normals
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_normals: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_signal_suggestions_shapes_insert BEFORE INSERT ON rain_signal_suggestions
  WHEN (NEW.decided_at IS NOT NULL AND NEW.decided_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_signal_suggestions: decided_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER rain_signal_suggestions_shapes_update BEFORE UPDATE OF decided_at, created_at, updated_at ON rain_signal_suggestions
  WHEN (NEW.decided_at IS NOT NULL AND NEW.decided_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'rain_signal_suggestions: decided_at, created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_tilesets_shapes_insert BEFORE INSERT ON map_tilesets
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_tilesets: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_tilesets_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON map_tilesets
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_tilesets: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_uploads_shapes_insert BEFORE INSERT ON map_uploads
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_uploads: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_uploads_shapes_update BEFORE UPDATE OF created_at, updated_at ON map_uploads
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_uploads: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_markers_shapes_insert BEFORE INSERT ON map_markers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_markers: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_markers_shapes_update BEFORE UPDATE OF created_at, updated_at, deleted_at ON map_markers
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.deleted_at IS NOT NULL AND NEW.deleted_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_markers: created_at, updated_at, deleted_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_shapes_shapes_insert BEFORE INSERT ON map_shapes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_shapes: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER map_shapes_shapes_update BEFORE UPDATE OF created_at, updated_at ON map_shapes
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'map_shapes: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER accounts_shapes_insert BEFORE INSERT ON accounts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'accounts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER accounts_shapes_update BEFORE UPDATE OF created_at, updated_at ON accounts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'accounts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_handover_drafts_shapes_insert BEFORE INSERT ON duty_handover_drafts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handover_drafts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

CREATE TRIGGER duty_handover_drafts_shapes_update BEFORE UPDATE OF created_at, updated_at ON duty_handover_drafts
  WHEN (NEW.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
    OR (NEW.updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z')
BEGIN
  SELECT RAISE(ABORT, 'duty_handover_drafts: created_at, updated_at must be ISO-8601 (UTC instants, YYYY-MM-DD days)');
END;

-- Enumerations the app checks in zod but the first schemas left open. A value the app does not know
-- would reach every list and map layer, so it is refused where it would be stored.
CREATE TRIGGER events_kind_insert BEFORE INSERT ON events
  WHEN NEW.kind NOT IN ('typhoon', 'rainstorm', 'flood', 'plum_rain', 'drill', 'other')
BEGIN
  SELECT RAISE(ABORT, 'events: kind must be one of typhoon, rainstorm, flood, plum_rain, drill, other');
END;

CREATE TRIGGER events_kind_update BEFORE UPDATE OF kind ON events
  WHEN NEW.kind NOT IN ('typhoon', 'rainstorm', 'flood', 'plum_rain', 'drill', 'other')
BEGIN
  SELECT RAISE(ABORT, 'events: kind must be one of typhoon, rainstorm, flood, plum_rain, drill, other');
END;

CREATE TRIGGER hazard_points_type_insert BEFORE INSERT ON hazard_points
  WHEN NEW.hazard_type NOT IN ('basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: hazard_type is not a known hazard type');
END;

CREATE TRIGGER hazard_points_type_update BEFORE UPDATE OF hazard_type ON hazard_points
  WHEN NEW.hazard_type NOT IN ('basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue')
BEGIN
  SELECT RAISE(ABORT, 'hazard_points: hazard_type is not a known hazard type');
END;

CREATE TRIGGER evac_movements_source_kind_insert BEFORE INSERT ON evac_movements
  WHEN NEW.source_kind IS NOT NULL AND NEW.source_kind NOT IN ('hazard_point', 'address')
BEGIN
  SELECT RAISE(ABORT, 'evac_movements: source_kind must be hazard_point or address');
END;

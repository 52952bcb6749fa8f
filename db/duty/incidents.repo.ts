import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { IncidentReportRecord, ZeroReportRecord } from '../../core/contract/dutyShared';
import type { ReportMode, ReportStage } from '../../core/domain/duty/incidents';

export interface IncidentRecord {
  id: string;
  title: string;
  location: string;
  summary: string;
  receivedAtMs: number;
  dutyDay: string;
  eventId: string | null;
  logEntryId: string | null;
  closedAtMs: number | null;
}

interface IncidentRow {
  id: string;
  title: string;
  location: string;
  summary: string;
  received_at_ms: number;
  duty_day: string;
  event_id: string | null;
  log_entry_id: string | null;
  closed_at_ms: number | null;
}

interface ReportRow {
  id: string;
  incident_id: string;
  stage: ReportStage;
  mode: ReportMode;
  at_ms: number;
  reported_to: string;
  content: string;
  reported_by: string;
}

interface ZeroRow {
  id: string;
  duty_day: string;
  at_ms: number;
  reported_to: string;
  reported_by: string;
  note: string;
}

const toIncident = (row: IncidentRow): IncidentRecord => ({
  id: row.id,
  title: row.title,
  location: row.location,
  summary: row.summary,
  receivedAtMs: row.received_at_ms,
  dutyDay: row.duty_day,
  eventId: row.event_id,
  logEntryId: row.log_entry_id,
  closedAtMs: row.closed_at_ms,
});

const toReport = (row: ReportRow): IncidentReportRecord => ({
  id: row.id,
  incidentId: row.incident_id,
  stage: row.stage,
  mode: row.mode,
  atMs: row.at_ms,
  reportedTo: row.reported_to,
  content: row.content,
  reportedBy: row.reported_by,
});

const toZero = (row: ZeroRow): ZeroReportRecord => ({
  id: row.id,
  dutyDay: row.duty_day,
  atMs: row.at_ms,
  reportedTo: row.reported_to,
  reportedBy: row.reported_by,
  note: row.note,
});

export const dutyIncidentsRepo = perDb((db: Db) => {
  const insert = db.prepare(
    `INSERT INTO duty_incidents (id, title, location, summary, received_at_ms, duty_day, event_id, log_entry_id, created_at, updated_at)
     VALUES (@id, @title, @location, @summary, @receivedAtMs, @dutyDay, @eventId, @logEntryId, @nowIso, @nowIso)`,
  );
  const byId = db.prepare('SELECT * FROM duty_incidents WHERE id = ?');
  const list = db.prepare(
    'SELECT * FROM duty_incidents WHERE (@includeClosed OR closed_at_ms IS NULL) ORDER BY closed_at_ms IS NOT NULL, received_at_ms DESC LIMIT @limit',
  );
  const byLogEntry = db.prepare('SELECT * FROM duty_incidents WHERE log_entry_id = ? ORDER BY received_at_ms, id');
  const close = db.prepare('UPDATE duty_incidents SET closed_at_ms = ?, updated_at = ? WHERE id = ? AND closed_at_ms IS NULL');
  const countOnDay = db.prepare('SELECT count(*) FROM duty_incidents WHERE duty_day = ?').pluck();
  const insertReport = db.prepare(
    `INSERT INTO duty_incident_reports (id, incident_id, stage, mode, at_ms, reported_to, content, reported_by, created_at, updated_at)
     VALUES (@id, @incidentId, @stage, @mode, @atMs, @reportedTo, @content, @reportedBy, @nowIso, @nowIso)`,
  );
  const reportsOf = db.prepare('SELECT * FROM duty_incident_reports WHERE incident_id = ? ORDER BY at_ms, created_at');
  const insertZero = db.prepare(
    `INSERT INTO duty_zero_reports (id, duty_day, at_ms, reported_to, reported_by, note, created_at, updated_at)
     VALUES (@id, @dutyDay, @atMs, @reportedTo, @reportedBy, @note, @nowIso, @nowIso)`,
  );
  const zeroOnDay = db.prepare('SELECT * FROM duty_zero_reports WHERE duty_day = ?');
  const recentZero = db.prepare('SELECT * FROM duty_zero_reports ORDER BY duty_day DESC LIMIT ?');

  return {
    insert: (row: IncidentRecord & { nowIso: string }) => insert.run(row),
    get(id: string): IncidentRecord | undefined {
      const row = byId.get(id) as IncidentRow | undefined;
      return row ? toIncident(row) : undefined;
    },
    list: (includeClosed: boolean, limit: number) => (list.all({ includeClosed: includeClosed ? 1 : 0, limit }) as IncidentRow[]).map(toIncident),
    /** Incidents opened from a log entry, by its stable entry id. */
    ofLogEntry: (entryId: string) => (byLogEntry.all(entryId) as IncidentRow[]).map(toIncident),
    close: (id: string, atMs: number, nowIso: string) => close.run(atMs, nowIso, id).changes === 1,
    countOnDay: (day: string) => countOnDay.get(day) as number,
    insertReport: (row: IncidentReportRecord & { nowIso: string }) => insertReport.run(row),
    reports: (incidentId: string) => (reportsOf.all(incidentId) as ReportRow[]).map(toReport),
    insertZero: (row: ZeroReportRecord & { nowIso: string }) => insertZero.run(row),
    zeroOnDay(day: string): ZeroReportRecord | undefined {
      const row = zeroOnDay.get(day) as ZeroRow | undefined;
      return row ? toZero(row) : undefined;
    },
    recentZero: (limit: number) => (recentZero.all(limit) as ZeroRow[]).map(toZero),
  };
});

import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import { WARNING_COLOUR_LABELS, WARNING_TYPE_LABELS, type ResponseLevel, type WarningColour, type WarningType } from '../../core/domain/duty/warnings';
import type { ResponseRecord, WarningRecord } from '../../core/contract/dutyShared';

interface WarningRow {
  id: string;
  type: WarningType;
  colour: WarningColour;
  content: string;
  issued_by: string;
  issued_at_ms: number;
  lifted_at_ms: number | null;
  lifted_by: string;
  lift_note: string;
  event_id: string | null;
  recorded_by: string;
}

interface ResponseRow {
  id: string;
  level: ResponseLevel;
  declared_by: string;
  declared_at_ms: number;
  content: string;
  lifted_at_ms: number | null;
  lifted_by: string;
  lift_note: string;
  event_id: string | null;
  recorded_by: string;
}

/** The name people say on the phone: 暴雨黄色预警. */
const warningTitle = (type: WarningType, colour: WarningColour) => `${WARNING_TYPE_LABELS[type].zh}${WARNING_COLOUR_LABELS[colour].zh}预警`;

const toWarning = (row: WarningRow): WarningRecord => ({
  id: row.id,
  type: row.type,
  colour: row.colour,
  title: warningTitle(row.type, row.colour),
  content: row.content,
  issuedBy: row.issued_by,
  issuedAtMs: row.issued_at_ms,
  liftedAtMs: row.lifted_at_ms,
  liftedBy: row.lifted_by,
  liftNote: row.lift_note,
  eventId: row.event_id,
  recordedBy: row.recorded_by,
});

const toResponse = (row: ResponseRow): ResponseRecord => ({
  id: row.id,
  level: row.level,
  declaredBy: row.declared_by,
  declaredAtMs: row.declared_at_ms,
  content: row.content,
  liftedAtMs: row.lifted_at_ms,
  liftedBy: row.lifted_by,
  liftNote: row.lift_note,
  eventId: row.event_id,
  recordedBy: row.recorded_by,
});

export const dutyWarningsRepo = perDb((db: Db) => {
  const insertWarning = db.prepare(
    `INSERT INTO duty_warnings (id, type, colour, content, issued_by, issued_at_ms, event_id, recorded_by, created_at, updated_at)
     VALUES (@id, @type, @colour, @content, @issuedBy, @issuedAtMs, @eventId, @recordedBy, @nowIso, @nowIso)`,
  );
  const warningById = db.prepare('SELECT * FROM duty_warnings WHERE id = ?');
  const liftWarning = db.prepare(
    'UPDATE duty_warnings SET lifted_at_ms = @liftedAtMs, lifted_by = @liftedBy, lift_note = @note, updated_at = @nowIso WHERE id = @id AND lifted_at_ms IS NULL',
  );
  // Lifted later than now counts as still in force, as the domain's isActive says.
  const activeWarnings = db.prepare(
    'SELECT * FROM duty_warnings WHERE issued_at_ms <= @nowMs AND (lifted_at_ms IS NULL OR lifted_at_ms > @nowMs) ORDER BY issued_at_ms DESC',
  );
  const recentWarnings = db.prepare('SELECT * FROM duty_warnings ORDER BY issued_at_ms DESC LIMIT ?');
  const insertResponse = db.prepare(
    `INSERT INTO duty_responses (id, level, declared_by, declared_at_ms, content, event_id, recorded_by, created_at, updated_at)
     VALUES (@id, @level, @declaredBy, @declaredAtMs, @content, @eventId, @recordedBy, @nowIso, @nowIso)`,
  );
  const responseById = db.prepare('SELECT * FROM duty_responses WHERE id = ?');
  const liftResponse = db.prepare(
    'UPDATE duty_responses SET lifted_at_ms = @liftedAtMs, lifted_by = @liftedBy, lift_note = @note, updated_at = @nowIso WHERE id = @id AND lifted_at_ms IS NULL',
  );
  const activeResponses = db.prepare(
    'SELECT * FROM duty_responses WHERE declared_at_ms <= @nowMs AND (lifted_at_ms IS NULL OR lifted_at_ms > @nowMs) ORDER BY level, declared_at_ms DESC',
  );
  const recentResponses = db.prepare('SELECT * FROM duty_responses ORDER BY declared_at_ms DESC LIMIT ?');
  const warningsOfEvent = db.prepare('SELECT * FROM duty_warnings WHERE event_id = ? ORDER BY issued_at_ms');
  const responsesOfEvent = db.prepare('SELECT * FROM duty_responses WHERE event_id = ? ORDER BY declared_at_ms');

  return {
    insertWarning: (row: Omit<WarningRecord, 'title' | 'liftedAtMs' | 'liftedBy' | 'liftNote'> & { nowIso: string }) => insertWarning.run(row),
    warning(id: string): WarningRecord | undefined {
      const row = warningById.get(id) as WarningRow | undefined;
      return row ? toWarning(row) : undefined;
    },
    liftWarning: (row: { id: string; liftedAtMs: number; liftedBy: string; note: string; nowIso: string }) => liftWarning.run(row).changes === 1,
    activeWarnings: (nowMs: number) => (activeWarnings.all({ nowMs }) as WarningRow[]).map(toWarning),
    recentWarnings: (limit: number) => (recentWarnings.all(limit) as WarningRow[]).map(toWarning),
    insertResponse: (row: Omit<ResponseRecord, 'liftedAtMs' | 'liftedBy' | 'liftNote'> & { nowIso: string }) => insertResponse.run(row),
    response(id: string): ResponseRecord | undefined {
      const row = responseById.get(id) as ResponseRow | undefined;
      return row ? toResponse(row) : undefined;
    },
    liftResponse: (row: { id: string; liftedAtMs: number; liftedBy: string; note: string; nowIso: string }) => liftResponse.run(row).changes === 1,
    /** In force now, highest level (lowest number) first. */
    activeResponses: (nowMs: number) => (activeResponses.all({ nowMs }) as ResponseRow[]).map(toResponse),
    recentResponses: (limit: number) => (recentResponses.all(limit) as ResponseRow[]).map(toResponse),
    warningsOfEvent: (eventId: string) => (warningsOfEvent.all(eventId) as WarningRow[]).map(toWarning),
    responsesOfEvent: (eventId: string) => (responsesOfEvent.all(eventId) as ResponseRow[]).map(toResponse),
  };
});

import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { AssignmentSource, RotaChangeRecord, RotaSlotName, ShiftKind } from '../../core/contract/dutyShared';

export interface AssignmentRow {
  id: string;
  day_id: string;
  date: string;
  slot: RotaSlotName;
  position: number;
  person_id: string;
  shift: ShiftKind;
  source: AssignmentSource;
  extension_id: string | null;
  name: string;
  phone: string;
}

interface AssignmentInsert {
  id: string;
  dayId: string;
  date: string;
  slot: RotaSlotName;
  position: number;
  personId: string;
  shift: ShiftKind;
  source: AssignmentSource;
  extensionId: string | null;
  nowIso: string;
}

interface ChangeInsert {
  id: string;
  batchId: string;
  kind: RotaChangeRecord['kind'];
  date: string;
  slot: RotaSlotName;
  fromPersonId: string | null;
  toPersonId: string | null;
  reason: string;
  changedBy: string;
  changedAtMs: number;
  oldAssignmentId: string | null;
  newAssignmentId: string | null;
  nowIso: string;
}

export interface ExtensionRow {
  id: string;
  day_id: string;
  date: string;
  warning_id: string | null;
  until_ms: number | null;
  note: string;
  ended_at_ms: number | null;
  created_at: string;
}

interface ChangeRow {
  id: string;
  batch_id: string;
  kind: RotaChangeRecord['kind'];
  date: string;
  slot: RotaSlotName;
  from_person_id: string | null;
  from_name: string | null;
  to_person_id: string | null;
  to_name: string | null;
  reason: string;
  changed_by: string;
  changed_at_ms: number;
}

const SLOT_ORDER = `CASE a.slot WHEN 'leader' THEN 0 WHEN 'officer' THEN 1 WHEN 'backup' THEN 2 ELSE 3 END`;

export const dutyRotaRepo = perDb((db: Db) => {
  const dayId = db.prepare('SELECT id FROM duty_days WHERE date = ?').pluck();
  const insertDay = db.prepare('INSERT INTO duty_days (id, date, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (date) DO NOTHING');
  const touchDay = db.prepare('UPDATE duty_days SET updated_at = ? WHERE id = ?');
  const current = db.prepare(
    `SELECT a.id, a.day_id, a.date, a.slot, a.position, a.person_id, a.shift, a.source, a.extension_id, p.name, p.phone
     FROM duty_assignments a JOIN duty_people p ON p.id = a.person_id
     WHERE a.date BETWEEN ? AND ? AND a.superseded_at_ms IS NULL
     ORDER BY a.date, ${SLOT_ORDER}, a.position`,
  );
  const insertAssignment = db.prepare(
    `INSERT INTO duty_assignments (id, day_id, date, slot, position, person_id, shift, source, extension_id, created_at, updated_at)
     VALUES (@id, @dayId, @date, @slot, @position, @personId, @shift, @source, @extensionId, @nowIso, @nowIso)`,
  );
  const supersede = db.prepare(
    'UPDATE duty_assignments SET superseded_at_ms = ?, superseded_by = ?, updated_at = ? WHERE id = ? AND superseded_at_ms IS NULL',
  );
  const insertChange = db.prepare(
    `INSERT INTO duty_changes (id, batch_id, kind, date, slot, from_person_id, to_person_id, reason, changed_by, changed_at_ms,
       old_assignment_id, new_assignment_id, created_at, updated_at)
     VALUES (@id, @batchId, @kind, @date, @slot, @fromPersonId, @toPersonId, @reason, @changedBy, @changedAtMs,
       @oldAssignmentId, @newAssignmentId, @nowIso, @nowIso)`,
  );
  const changes = db.prepare(
    `SELECT c.*, f.name AS from_name, t.name AS to_name FROM duty_changes c
     LEFT JOIN duty_people f ON f.id = c.from_person_id LEFT JOIN duty_people t ON t.id = c.to_person_id
     WHERE c.date BETWEEN ? AND ? ORDER BY c.changed_at_ms DESC, c.date, c.id`,
  );
  const swappedDates = db.prepare(
    `SELECT DISTINCT date FROM duty_changes WHERE date BETWEEN ? AND ? AND kind IN ('swap', 'replace')`,
  ).pluck();
  const insertExtension = db.prepare(
    `INSERT INTO duty_extensions (id, day_id, warning_id, until_ms, note, created_at, updated_at)
     VALUES (@id, @dayId, @warningId, @untilMs, @note, @nowIso, @nowIso)`,
  );
  const extensionSelect = 'SELECT e.*, d.date FROM duty_extensions e JOIN duty_days d ON d.id = e.day_id';
  const extensionById = db.prepare(`${extensionSelect} WHERE e.id = ?`);
  const openExtensions = db.prepare(`${extensionSelect} WHERE e.ended_at_ms IS NULL ORDER BY d.date`);
  const recentExtensions = db.prepare(`${extensionSelect} ORDER BY e.created_at DESC LIMIT ?`);
  const endExtension = db.prepare('UPDATE duty_extensions SET ended_at_ms = ?, updated_at = ? WHERE id = ? AND ended_at_ms IS NULL');
  const extras = db.prepare(
    `SELECT a.id, a.day_id, a.date, a.slot, a.position, a.person_id, a.shift, a.source, a.extension_id, p.name, p.phone
     FROM duty_assignments a JOIN duty_people p ON p.id = a.person_id
     WHERE a.extension_id = ? AND a.superseded_at_ms IS NULL ORDER BY a.position`,
  );

  return {
    /** The day's row id, created on first use. */
    ensureDay(date: string, newId: string, nowIso: string): string {
      insertDay.run(newId, date, nowIso, nowIso);
      const id = dayId.get(date) as string;
      touchDay.run(nowIso, id);
      return id;
    },
    current: (from: string, to: string) => current.all(from, to) as AssignmentRow[],
    insertAssignment: (row: AssignmentInsert) => insertAssignment.run(row),
    supersede(id: string, byId: string | null, atMs: number, nowIso: string): void {
      if (supersede.run(atMs, byId, nowIso, id).changes !== 1) throw new Error(`assignment ${id} was already superseded`);
    },
    insertChange: (row: ChangeInsert) => insertChange.run(row),
    changes(from: string, to: string): RotaChangeRecord[] {
      return (changes.all(from, to) as ChangeRow[]).map((row) => ({
        id: row.id,
        batchId: row.batch_id,
        kind: row.kind,
        date: row.date,
        slot: row.slot,
        fromPersonId: row.from_person_id,
        fromName: row.from_name,
        toPersonId: row.to_person_id,
        toName: row.to_name,
        reason: row.reason,
        changedBy: row.changed_by,
        changedAtMs: row.changed_at_ms,
      }));
    },
    swappedDates: (from: string, to: string) => new Set(swappedDates.all(from, to) as string[]),
    insertExtension: (row: { id: string; dayId: string; warningId: string | null; untilMs: number | null; note: string; nowIso: string }) =>
      insertExtension.run(row),
    extension: (id: string) => extensionById.get(id) as ExtensionRow | undefined,
    openExtensions: () => openExtensions.all() as ExtensionRow[],
    recentExtensions: (limit: number) => recentExtensions.all(limit) as ExtensionRow[],
    endExtension(id: string, atMs: number, nowIso: string): boolean {
      return endExtension.run(atMs, nowIso, id).changes === 1;
    },
    extras: (extensionId: string) => extras.all(extensionId) as AssignmentRow[],
  };
});

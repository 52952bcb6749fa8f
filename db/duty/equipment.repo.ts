import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { EquipmentCheckRecord, EquipmentItemRecord } from '../../core/contract/dutyShared';
import type { CheckStatus, EquipmentCheck } from '../../core/domain/duty/equipment';

interface CheckRow {
  id: string;
  at_ms: number;
  duty_day: string;
  checked_by: string;
  note: string;
}

interface ItemRow {
  check_id: string;
  item_key: string;
  label: string;
  status: CheckStatus;
  note: string;
  repaired_by: string;
}

const toItem = (row: ItemRow): EquipmentItemRecord => ({ key: row.item_key, label: row.label, status: row.status, note: row.note, repairedBy: row.repaired_by });

export const dutyEquipmentRepo = perDb((db: Db) => {
  const insertCheck = db.prepare(
    `INSERT INTO duty_equipment_checks (id, at_ms, duty_day, checked_by, note, created_at, updated_at)
     VALUES (@id, @atMs, @dutyDay, @checkedBy, @note, @nowIso, @nowIso)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO duty_equipment_items (id, check_id, item_key, label, status, note, repaired_by, created_at, updated_at)
     VALUES (@id, @checkId, @key, @label, @status, @note, @repairedBy, @nowIso, @nowIso)`,
  );
  const recent = db.prepare('SELECT * FROM duty_equipment_checks ORDER BY at_ms DESC LIMIT ?');
  const itemsOf = db.prepare('SELECT * FROM duty_equipment_items WHERE check_id = ? ORDER BY rowid');
  const since = db.prepare('SELECT count(*) FROM duty_equipment_checks WHERE at_ms >= ?').pluck();
  // Only what a check found matters for faults; 'not_checked' says nothing either way.
  const findings = db.prepare(
    `SELECT c.id, c.at_ms, i.item_key, i.status, i.note FROM duty_equipment_items i
     JOIN duty_equipment_checks c ON c.id = i.check_id WHERE i.status <> 'not_checked' ORDER BY c.at_ms, c.rowid, i.rowid`,
  );

  return {
    insertCheck: (row: Omit<EquipmentCheckRecord, 'items'> & { nowIso: string }) => insertCheck.run(row),
    insertItem: (row: EquipmentItemRecord & { id: string; checkId: string; nowIso: string }) => insertItem.run(row),
    recent(limit: number): EquipmentCheckRecord[] {
      return (recent.all(limit) as CheckRow[]).map((row) => ({
        id: row.id,
        atMs: row.at_ms,
        dutyDay: row.duty_day,
        checkedBy: row.checked_by,
        note: row.note,
        items: (itemsOf.all(row.id) as ItemRow[]).map(toItem),
      }));
    },
    countSince: (ms: number) => since.get(ms) as number,
    /** Every finding as checks for the fault rules, oldest first. */
    findings(): EquipmentCheck[] {
      const checks = new Map<string, EquipmentCheck>();
      for (const row of findings.all() as { id: string; at_ms: number; item_key: string; status: CheckStatus; note: string }[]) {
        const check = checks.get(row.id) ?? { id: row.id, atMs: row.at_ms, items: [] };
        check.items.push({ key: row.item_key, status: row.status, ...(row.note ? { note: row.note } : {}) });
        checks.set(row.id, check);
      }
      return [...checks.values()];
    },
  };
});

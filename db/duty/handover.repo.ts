import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import { OVERDUE_SQL } from '../../core/domain/hazards/rectification';
import type { HandoverRecord, HandoverSavedDraft } from '../../core/contract/dutyShared';
import type { EvacuationSnapshot, OverdueRectification } from '../../core/domain/duty/handover';

interface HandoverRow {
  id: string;
  outgoing_day: string;
  incoming_day: string;
  lang: 'zh' | 'en';
  text: string;
  sections: string;
  outgoing_signed_by: string;
  outgoing_signed_at_ms: number;
  incoming_ack_by: string | null;
  incoming_ack_at_ms: number | null;
  leader_signed_by: string | null;
  leader_signed_at_ms: number | null;
}

const toRecord = (row: HandoverRow): HandoverRecord => ({
  id: row.id,
  outgoingDay: row.outgoing_day,
  incomingDay: row.incoming_day,
  lang: row.lang,
  text: row.text,
  sections: JSON.parse(row.sections) as HandoverRecord['sections'],
  outgoingSignedBy: row.outgoing_signed_by,
  outgoingSignedAtMs: row.outgoing_signed_at_ms,
  incomingAckBy: row.incoming_ack_by,
  incomingAckAtMs: row.incoming_ack_at_ms,
  leaderSignedBy: row.leader_signed_by,
  leaderSignedAtMs: row.leader_signed_at_ms,
});

interface DraftRow {
  id: string;
  outgoing_day: string;
  lang: 'zh' | 'en';
  text: string;
  saved_by: string;
  saved_at_ms: number;
  version: number;
}

const toSavedDraft = (row: DraftRow): HandoverSavedDraft => ({
  id: row.id,
  outgoingDay: row.outgoing_day,
  lang: row.lang,
  text: row.text,
  savedBy: row.saved_by,
  savedAtMs: row.saved_at_ms,
  version: row.version,
});

/**
 * Evacuation and rectifications belong to other domains, whose tables may not exist in an older
 * file or a build without them. Each reader first asks whether its table is there and answers
 * zero if not, which is the truth for an office without those records.
 */
const EVAC_TABLE = 'evac_persons';
const RECTIFICATION_TABLE = 'hazard_rectifications';

export const dutyHandoverRepo = perDb((db: Db) => {
  const insert = db.prepare(
    `INSERT INTO duty_handovers (id, outgoing_day, incoming_day, lang, text, sections, outgoing_signed_by, outgoing_signed_at_ms, created_at, updated_at)
     VALUES (@id, @outgoingDay, @incomingDay, @lang, @text, @sections, @outgoingSignedBy, @outgoingSignedAtMs, @nowIso, @nowIso)`,
  );
  const byId = db.prepare('SELECT * FROM duty_handovers WHERE id = ?');
  const byDay = db.prepare('SELECT * FROM duty_handovers WHERE outgoing_day = ?');
  const latestDay = db.prepare('SELECT max(outgoing_day) FROM duty_handovers').pluck();
  const recent = db.prepare('SELECT * FROM duty_handovers ORDER BY outgoing_day DESC LIMIT ?');
  const acknowledge = db.prepare(
    'UPDATE duty_handovers SET incoming_ack_by = ?, incoming_ack_at_ms = ?, updated_at = ? WHERE id = ? AND incoming_ack_by IS NULL',
  );
  const leaderSign = db.prepare(
    'UPDATE duty_handovers SET leader_signed_by = ?, leader_signed_at_ms = ?, updated_at = ? WHERE id = ? AND leader_signed_by IS NULL',
  );
  const draftByDay = db.prepare('SELECT * FROM duty_handover_drafts WHERE outgoing_day = ?');
  const insertDraft = db.prepare(
    `INSERT INTO duty_handover_drafts (id, outgoing_day, lang, text, saved_by, saved_at_ms, version, created_at, updated_at)
     VALUES (@id, @outgoingDay, @lang, @text, @savedBy, @savedAtMs, 1, @nowIso, @nowIso)`,
  );
  const updateDraft = db.prepare(
    `UPDATE duty_handover_drafts SET lang = @lang, text = @text, saved_by = @savedBy, saved_at_ms = @savedAtMs, version = version + 1, updated_at = @nowIso
     WHERE id = @id AND version = @expectedVersion`,
  );
  const tableExists = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();

  return {
    insert: (record: HandoverRecord & { nowIso: string }) => insert.run({ ...record, sections: JSON.stringify(record.sections) }),
    get(id: string): HandoverRecord | undefined {
      const row = byId.get(id) as HandoverRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    forDay(day: string): HandoverRecord | undefined {
      const row = byDay.get(day) as HandoverRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    savedDraft(day: string): HandoverSavedDraft | undefined {
      const row = draftByDay.get(day) as DraftRow | undefined;
      return row ? toSavedDraft(row) : undefined;
    },
    insertDraft: (draft: HandoverSavedDraft & { nowIso: string }) => insertDraft.run(draft),
    /** False when someone saved in between: the version is the guard, so check and write are one step. */
    updateDraft: (draft: HandoverSavedDraft & { nowIso: string; expectedVersion: number }) => updateDraft.run(draft).changes === 1,
    latestDay: () => (latestDay.get() as string | null) ?? null,
    recent: (limit: number) => (recent.all(limit) as HandoverRow[]).map(toRecord),
    acknowledge: (id: string, by: string, atMs: number, nowIso: string) => acknowledge.run(by, atMs, nowIso, id).changes === 1,
    leaderSign: (id: string, by: string, atMs: number, nowIso: string) => leaderSign.run(by, atMs, nowIso, id).changes === 1,
    /** Everyone not back home (in a shelter, with relatives, elsewhere, or not yet placed), per shelter. */
    stillEvacuated(): EvacuationSnapshot {
      if (!tableExists.get(EVAC_TABLE)) return { people: 0, households: 0, byShelter: [] };
      const out = "p.deleted_at IS NULL AND p.status <> 'returned'";
      const totals = db.prepare(`SELECT count(*) AS people, count(DISTINCT p.household_id) AS households FROM evac_persons p WHERE ${out}`).get() as {
        people: number;
        households: number;
      };
      const byShelter = db
        .prepare(
          `SELECT s.name AS shelterName, count(*) AS people FROM evac_persons p JOIN evac_shelters s ON s.id = p.shelter_id
           WHERE ${out} AND p.status = 'in_shelter' GROUP BY s.id ORDER BY people DESC, s.name`,
        )
        .all() as { shelterName: string; people: number }[];
      return { ...totals, byShelter };
    },
    /** Orders past their deadline by the hazards domain's own definition of overdue, on the given duty day. */
    overdueRectifications(today: string): OverdueRectification[] {
      if (!tableExists.get(RECTIFICATION_TABLE)) return [];
      return db
        .prepare(
          `SELECT r.id, p.name AS pointName, r.description AS summary, r.deadline FROM hazard_rectifications r
           JOIN hazard_points p ON p.id = r.point_id WHERE p.deleted_at IS NULL AND ${OVERDUE_SQL} ORDER BY r.deadline`,
        )
        .all({ today }) as OverdueRectification[];
    },
  };
});

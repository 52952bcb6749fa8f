import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { StatReportHeader } from '../../core/contract/damage';
import type { StatRowId, StatStage } from '../../core/domain/damage/statReport';

interface HeaderRow {
  id: string;
  event_id: string;
  stage: string;
  seq: number;
  as_of_ms: number;
  description: string;
  created_by: string;
  created_at: string;
  edits: number;
}

export interface StoredFigure {
  row: StatRowId;
  computed: number | null;
  verified: number | null;
  reported: number | null;
  reason: string;
}

const toHeader = (r: HeaderRow): StatReportHeader => ({
  id: r.id,
  eventId: r.event_id,
  stage: r.stage as StatStage,
  seq: r.seq,
  asOfMs: r.as_of_ms,
  description: r.description,
  createdBy: r.created_by,
  createdAt: r.created_at,
  edits: r.edits,
});

const HEADER = `SELECT r.*, (SELECT count(*) FROM damage_stat_figures f WHERE f.report_id = r.id AND f.reason <> '') AS edits FROM damage_stat_reports r`;

/** Kept versions of the statistics quick report (0019): written once, read many times. */
export const statRepo = perDb((db: Db) => {
  const insertReport = db.prepare(
    `INSERT INTO damage_stat_reports (id, event_id, stage, seq, as_of_ms, description, created_by, created_at)
     VALUES (@id, @eventId, @stage, @seq, @asOfMs, @description, @createdBy, @createdAt)`,
  );
  const insertFigure = db.prepare(
    `INSERT INTO damage_stat_figures (report_id, indicator, computed_value, verified_value, reported_value, reason)
     VALUES (@reportId, @row, @computed, @verified, @reported, @reason)`,
  );
  const ofEvent = db.prepare(`${HEADER} WHERE r.event_id = ? ORDER BY r.seq`);
  const one = db.prepare(`${HEADER} WHERE r.id = ?`);
  const figures = db.prepare(
    `SELECT indicator AS row, computed_value AS computed, verified_value AS verified, reported_value AS reported, reason
       FROM damage_stat_figures WHERE report_id = ?`,
  );
  return {
    insert(header: Omit<StatReportHeader, 'edits'>, rows: readonly StoredFigure[]): void {
      insertReport.run(header);
      for (const row of rows) insertFigure.run({ reportId: header.id, ...row });
    },
    ofEvent: (eventId: string) => (ofEvent.all(eventId) as HeaderRow[]).map(toHeader),
    get(id: string): StatReportHeader | undefined {
      const row = one.get(id) as HeaderRow | undefined;
      return row ? toHeader(row) : undefined;
    },
    figures: (id: string) => figures.all(id) as StoredFigure[],
  };
});

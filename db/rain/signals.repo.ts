import type { Db } from '../platform/connection';
import type { NormalRecord, SignalSuggestion } from '../../core/contract/rain';
import type { SignalColour } from '../../core/domain/rain/grades';
import type { RollingKey } from '../../core/domain/rain/sums';
import { perDb } from '../platform/per-db';

interface SuggestionRow {
  id: string;
  station_id: string;
  station_name: string;
  colour: string;
  window_key: string;
  total_mm: number;
  threshold_mm: number;
  at_ms: number;
  status: string;
  decided_by: string | null;
  note: string;
}

const toSuggestion = (r: SuggestionRow): SignalSuggestion => ({
  id: r.id,
  stationId: r.station_id,
  stationName: r.station_name,
  colour: r.colour as SignalColour,
  window: r.window_key as RollingKey,
  totalMm: r.total_mm,
  thresholdMm: r.threshold_mm,
  atMs: r.at_ms,
  status: r.status as SignalSuggestion['status'],
  decidedBy: r.decided_by,
  note: r.note,
});

const SELECT_SUGGESTION = 'SELECT g.*, s.name AS station_name FROM rain_signal_suggestions g JOIN rain_stations s ON s.id = g.station_id';

export const rainSignalsRepo = perDb((db: Db) => {
  const byId = db.prepare(`${SELECT_SUGGESTION} WHERE g.id = ?`);
  const list = db.prepare(`${SELECT_SUGGESTION} WHERE (@status IS NULL OR g.status = @status) ORDER BY g.at_ms DESC, g.created_at DESC LIMIT @limit`);
  // The newest suggestion of this colour or higher for the gauge within the window: no need to repeat it.
  const recentSame = db.prepare(
    `SELECT count(*) FROM rain_signal_suggestions WHERE station_id = ? AND at_ms > ? AND at_ms <= ?
       AND (CASE colour WHEN 'blue' THEN 1 WHEN 'yellow' THEN 2 WHEN 'orange' THEN 3 ELSE 4 END) >= ?`,
  ).pluck();
  const openBelow = db.prepare(
    `${SELECT_SUGGESTION} WHERE g.station_id = ? AND g.status = 'open' AND g.at_ms > ? AND g.at_ms <= ?
       AND (CASE g.colour WHEN 'blue' THEN 1 WHEN 'yellow' THEN 2 WHEN 'orange' THEN 3 ELSE 4 END) < ?`,
  );
  const insert = db.prepare(
    `INSERT INTO rain_signal_suggestions (id, station_id, colour, window_key, total_mm, threshold_mm, at_ms, status, decided_by, decided_at, note, created_at, updated_at)
     VALUES (@id, @stationId, @colour, @window, @totalMm, @thresholdMm, @atMs, 'open', NULL, NULL, '', @createdAt, @createdAt)`,
  );
  const decide = db.prepare('UPDATE rain_signal_suggestions SET status = ?, decided_by = ?, decided_at = ?, note = ?, updated_at = ? WHERE id = ?');

  const normalsAll = db.prepare('SELECT id, station_id AS stationId, period, normal_mm AS normalMm, basis FROM rain_normals WHERE (@stationId IS NULL OR station_id = @stationId) ORDER BY station_id, period');
  const normalBySlot = db.prepare('SELECT id, station_id AS stationId, period, normal_mm AS normalMm, basis FROM rain_normals WHERE station_id = ? AND period = ?');
  const upsertNormal = db.prepare(
    `INSERT INTO rain_normals (id, station_id, period, normal_mm, basis, created_at, updated_at) VALUES (@id, @stationId, @period, @normalMm, @basis, @nowIso, @nowIso)
     ON CONFLICT (station_id, period) DO UPDATE SET normal_mm = excluded.normal_mm, basis = excluded.basis, updated_at = excluded.updated_at`,
  );

  return {
    get: (id: string) => {
      const row = byId.get(id) as SuggestionRow | undefined;
      return row ? toSuggestion(row) : undefined;
    },
    list: (status: SignalSuggestion['status'] | null, limit: number) => (list.all({ status, limit }) as SuggestionRow[]).map(toSuggestion),
    /** rank: blue 1 … red 4 */
    alreadySuggested: (stationId: string, fromMs: number, toMs: number, rank: number) => (recentSame.get(stationId, fromMs, toMs, rank) as number) > 0,
    /** Open hints of the gauge below `rank` within (fromMs, toMs]. */
    openBelow: (stationId: string, fromMs: number, toMs: number, rank: number) => (openBelow.all(stationId, fromMs, toMs, rank) as SuggestionRow[]).map(toSuggestion),
    insert: (s: { id: string; stationId: string; colour: SignalColour; window: RollingKey; totalMm: number; thresholdMm: number; atMs: number; createdAt: string }) => insert.run(s),
    decide: (id: string, status: 'accepted' | 'dismissed', by: string, note: string, nowIso: string) => decide.run(status, by, nowIso, note, nowIso, id),
    normals: (stationId: string | null) => normalsAll.all({ stationId }) as NormalRecord[],
    normal: (stationId: string, period: string) => normalBySlot.get(stationId, period) as NormalRecord | undefined,
    setNormal: (n: NormalRecord & { nowIso: string }) => upsertNormal.run(n),
  };
});

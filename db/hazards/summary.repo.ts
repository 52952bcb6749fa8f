import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { SummaryRow } from '../../core/contract/hazards-types';
import { OVERDUE_SQL } from '../../core/domain/hazards/rectification';

/** One pass over points with per-point rectification counts, grouped by a column. */
function summarySql(groupBy: string): string {
  return `SELECT ${groupBy} AS key,
      count(*) AS points,
      sum(p.status = 'active') AS active,
      sum(p.risk_level IN ('high', 'critical')) AS highRisk,
      sum(p.residents) AS residents,
      sum(p.vulnerable) AS vulnerable,
      sum(p.last_inspection_ms >= @since) AS inspected7d,
      sum((SELECT count(*) FROM hazard_rectifications r WHERE r.point_id = p.id AND r.status <> 'closed')) AS openRectifications,
      sum((SELECT count(*) FROM hazard_rectifications r WHERE r.point_id = p.id AND ${OVERDUE_SQL})) AS overdueRectifications,
      sum((SELECT count(*) FROM hazard_rectifications r WHERE r.point_id = p.id AND r.status = 'closed')) AS closedRectifications
    FROM hazard_points p WHERE p.deleted_at IS NULL GROUP BY ${groupBy} ORDER BY ${groupBy}`;
}

export const hazardsSummaryRepo = perDb((db: Db) => {
  const byType = db.prepare(summarySql('p.hazard_type'));
  const byCommunity = db.prepare(summarySql('p.community'));
  const total = db.prepare(summarySql("''"));
  const clean = (row: SummaryRow): SummaryRow =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'key' ? v : Number(v ?? 0)])) as unknown as SummaryRow;
  const empty: SummaryRow = { key: '', points: 0, active: 0, highRisk: 0, residents: 0, vulnerable: 0, inspected7d: 0, openRectifications: 0, overdueRectifications: 0, closedRectifications: 0 };
  return {
    byType: (at: { today: string; since: number }) => (byType.all(at) as SummaryRow[]).map(clean),
    byCommunity: (at: { today: string; since: number }) => (byCommunity.all(at) as SummaryRow[]).map(clean),
    total: (at: { today: string; since: number }) => clean((total.get(at) as SummaryRow | undefined) ?? empty),
  };
});

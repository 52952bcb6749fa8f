import type { HandlerContext, HandlerMap } from '../context';
import type { MapLayerData } from '../../core/contract/map-layers';
import type { SystemStatus } from '../../core/contract/system';
import { HAZARD_TYPE_LABELS } from '../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../core/domain/hazards/points';
import { formatLocal } from '../../core/time';
import { pointsRepo } from '../repos/hazards-points';
import { patrolsRepo } from '../repos/hazards-patrols';
import { rectificationsRepo } from '../repos/hazards-records';
import { dutyDay } from './hazards-common';
import { pointHandlers } from './hazards-points';
import { inspectHandlers } from './hazards-inspect';
import { photoHandlers } from './hazards-photos';
import { patrolHandlers } from './hazards-patrols';
import { importHandlers } from './hazards-import';

export const hazardsHandlers = {
  ...pointHandlers,
  ...inspectHandlers,
  ...photoHandlers,
  ...patrolHandlers,
  ...importHandlers,
} satisfies HandlerMap<'hazards'>;

/** The hazards part of the status bar. */
export function hazardsStatus(ctx: HandlerContext): Pick<SystemStatus, 'overdueRectifications'> {
  return { overdueRectifications: rectificationsRepo(ctx.db).overdueCount(dutyDay(ctx)) };
}

/** This domain's map layers: active points (alert when a rectification is overdue) and patrol routes as lines. */
export function hazardsMapLayer(ctx: HandlerContext): MapLayerData {
  const today = dutyDay(ctx);
  const { rows } = pointsRepo(ctx.db).list(
    { q: '', hazardType: null, riskLevel: null, status: 'active', community: null, overdue: null },
    { today, nowMs: ctx.nowMs },
    'name',
    false,
    1_000_000,
    0,
  );
  const zone = ctx.settings().general.timeZone;
  const byId = new Map(rows.map((p) => [p.id, p]));
  return {
    points: rows.map((p) => ({
      id: p.id,
      layer: 'hazards',
      name: p.name,
      lat: p.lat,
      lng: p.lng,
      kind: p.hazardType,
      level: p.riskLevel,
      alert: p.overdueRectifications > 0,
      facts: [
        { label: '类型', labelEn: 'Type', value: HAZARD_TYPE_LABELS[p.hazardType].zh },
        { label: '风险', labelEn: 'Risk', value: RISK_LEVEL_LABELS[p.riskLevel].zh },
        { label: '责任人', labelEn: 'Responsible', value: [p.responsiblePerson, p.personPhone].filter(Boolean).join(' ') || '—' },
        { label: '上次检查', labelEn: 'Last inspected', value: p.lastInspectionMs === null ? '—' : formatLocal(p.lastInspectionMs, 'yyyy-MM-dd HH:mm', zone) },
        { label: '逾期整改', labelEn: 'Overdue fixes', value: String(p.overdueRectifications) },
      ],
      link: `#/hazards/${p.id}`,
    })),
    lines: patrolsRepo(ctx.db)
      .routes()
      .map((route) => ({
        id: route.id,
        layer: 'patrols' as const,
        name: route.name,
        path: route.pointIds.flatMap((id) => {
          const p = byId.get(id);
          return p ? [[p.lat, p.lng] as [number, number]] : [];
        }),
        link: `#/hazards/patrols/${route.id}`,
      })),
  };
}

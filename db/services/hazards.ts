import type { HandlerContext, HandlerMap } from '../context';
import { toColumns, type MapLayerData } from '../../core/contract/map-layers';
import type { SystemStatus } from '../../core/contract/system';
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
  const { rows } = pointsRepo(ctx.db).list(
    { q: '', hazardType: null, riskLevel: null, status: 'active', community: null, overdue: null },
    { today: dutyDay(ctx), nowMs: ctx.nowMs },
    'name',
    false,
    1_000_000,
    0,
  );
  const byId = new Map(rows.map((p) => [p.id, p]));
  return {
    points: toColumns(
      rows.map((p) => ({ id: p.id, layer: 'hazards', name: p.name, lat: p.lat, lng: p.lng, kind: p.hazardType, level: p.riskLevel, alert: p.overdueRectifications > 0 })),
    ),
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

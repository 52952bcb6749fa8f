import type { HandlerContext, HandlerMap } from '../platform/context';
import type { MapLayerData } from '../../core/contract/map-layers';
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
  const points = pointsRepo(ctx.db).mapColumns(dutyDay(ctx));
  const at = new Map(points.ids.map((id, i) => [id, i]));
  return {
    points: points.ids.length ? [points] : [],
    lines: patrolsRepo(ctx.db)
      .routes()
      .map((route) => ({
        id: route.id,
        layer: 'patrols' as const,
        name: route.name,
        path: route.pointIds.flatMap((id) => {
          const i = at.get(id);
          return i === undefined ? [] : [[points.lat[i], points.lng[i]] as [number, number]];
        }),
        link: `#/hazards/patrols/${route.id}`,
      })),
  };
}

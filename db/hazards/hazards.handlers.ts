import type { HandlerContext, HandlerMap } from '../platform/context';
import type { MapLayerData } from '../../core/contract/map-layers';
import type { SystemStatus } from '../../core/contract/system';
import { pointsRepo } from './points.repo';
import { patrolsRepo } from './patrols.repo';
import { rectificationsRepo } from './records.repo';
import { dutyDay } from './common';
import { pointHandlers } from './points.handlers';
import { inspectHandlers } from './inspect.handlers';
import { photoHandlers } from './photos.handlers';
import { patrolHandlers } from './patrols.handlers';
import { importHandlers } from './import.handlers';

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

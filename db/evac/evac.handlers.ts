import type { HandlerContext, HandlerMap } from '../platform/context';
import { toColumns, type MapLayerData, type MapPoint } from '../../core/contract/map-layers';
import { eventsRepo } from '../events';
import { evacPeopleRepo } from './people.repo';
import { dashboardHandlers } from './dashboard.handlers';
import { moveHandlers } from './moves.handlers';
import { shelterHandlers } from './shelters.handlers';

export const evacHandlers = {
  ...shelterHandlers,
  ...moveHandlers,
  ...dashboardHandlers,
} satisfies HandlerMap<'evac'>;

/**
 * This domain's map layers: shelters coloured by how full they are (emphasised when full or
 * over capacity), and the places people were moved from in the open event (or all events).
 */
export function evacMapLayer(ctx: HandlerContext): MapLayerData {
  const points: MapPoint[] = [];
  for (const s of evacHandlers['evac.listShelters'](ctx, { includeClosed: true })) {
    if (s.lat === null || s.lng === null) continue;
    const full = s.capacity !== null && s.occupancy >= s.capacity && s.occupancy > 0;
    const level = s.status === 'closed' ? 'closed' : s.capacity !== null && s.occupancy > s.capacity ? 'over' : full ? 'full' : s.occupancy > 0 ? 'occupied' : 'empty';
    points.push({ id: s.id, layer: 'shelters', name: s.name, lat: s.lat, lng: s.lng, kind: s.type, level, alert: full });
  }
  const event = eventsRepo(ctx.db).latestOpen();
  for (const src of evacPeopleRepo(ctx.db).sourcePoints(event?.id ?? null)) {
    points.push({ id: src.key, layer: 'evacSources', name: src.name, lat: src.lat, lng: src.lng, kind: src.kind, level: src.out > 0 ? 'out' : 'returned', alert: false });
  }
  return { points: toColumns(points), lines: [] };
}

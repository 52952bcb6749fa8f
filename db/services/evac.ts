import type { HandlerContext, HandlerMap } from '../context';
import type { MapLayerData, MapPoint } from '../../core/contract/map-layers';
import { eventsRepo } from '../repos/events';
import { evacPeopleRepo } from '../repos/evacPeople';
import { dashboardHandlers } from './evacDashboard';
import { moveHandlers } from './evacMoves';
import { shelterHandlers } from './evacShelters';

export const evacHandlers = {
  ...shelterHandlers,
  ...moveHandlers,
  ...dashboardHandlers,
} satisfies HandlerMap<'evac'>;

const TYPE_LABEL: Record<string, [string, string]> = {
  school: ['学校', 'School'],
  community_centre: ['社区活动中心', 'Community centre'],
  hotel: ['协议宾馆', 'Contracted hotel'],
  gym: ['体育馆', 'Gym'],
  other: ['其他', 'Other'],
};

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
    points.push({
      id: s.id,
      layer: 'shelters',
      name: s.name,
      lat: s.lat,
      lng: s.lng,
      kind: s.type,
      level,
      alert: full,
      facts: [
        { label: '类型', labelEn: 'Type', value: TYPE_LABEL[s.type]?.[0] ?? s.type },
        { label: '安置/容量', labelEn: 'Occupancy / capacity', value: `${s.occupancy} / ${s.capacity ?? '—'}` },
        { label: '地址', labelEn: 'Address', value: s.address },
        { label: '联系人', labelEn: 'Contact', value: [s.contactName, s.contactPhone].filter(Boolean).join(' ') },
      ],
      link: `#/evac/shelters/${s.id}`,
    });
  }
  const event = eventsRepo(ctx.db).latestOpen();
  for (const src of evacPeopleRepo(ctx.db).sourcePoints(event?.id ?? null)) {
    points.push({
      id: src.key,
      layer: 'evacSources',
      name: src.name,
      lat: src.lat,
      lng: src.lng,
      kind: src.kind,
      level: src.out > 0 ? 'out' : 'returned',
      alert: false,
      facts: [
        { label: '转移人数', labelEn: 'People moved', value: String(src.people) },
        { label: '仍未返回', labelEn: 'Still out', value: String(src.out) },
      ],
      link: '#/evac',
    });
  }
  return { points, lines: [] };
}

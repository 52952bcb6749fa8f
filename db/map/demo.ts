import type { SeedContext } from '../platform/seed';

/**
 * The map's own markers: places the duty room noted on the map that are not (yet) a hazard
 * point, shelter or gauge record. Domain layers come from the other domains' seeds.
 */
const MARKERS = [
  { name: '华富路与红荔路交叉口积水点', kind: 'hazard', lat: 22.5489, lng: 114.0826, notes: '暴雨时积水约 30 cm，需设置警示' },
  { name: '莲花北村临时物资点', kind: 'note', lat: 22.5612, lng: 114.0668, notes: '沙袋 200 袋、雨衣 50 套' },
  { name: '黄木岗立交下穿水尺', kind: 'gauge', lat: 22.5598, lng: 114.0803, notes: '' },
  { name: '华富街道社区服务中心（备用安置）', kind: 'shelter', lat: 22.5531, lng: 114.0735, notes: '可容纳约 120 人' },
] as const;

export function seedMap(ctx: SeedContext): void {
  // No saved view: a new user first sees the whole unit boundary, as on a real desk.
  for (const marker of MARKERS) ctx.call('map.addMarker', marker);
}

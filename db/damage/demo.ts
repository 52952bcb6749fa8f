import type { DamageRecord, StatDraft } from '../../core/contract/damage';
import { draftDescription } from '../../core/domain/damage/statText';
import type { IncidentsOverview, LogPage } from '../../core/contract/dutyShared';
import type { PointRow } from '../../core/contract/hazards-types';
import type { EventRecord } from '../../core/contract/system';
import type { SeedContext } from '../platform/seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Damage for both demo events: typhoon 苏拉's register, checked and one figure corrected at the
 * 核报, and the current rain's first records, one made from a call in the duty log and two from
 * the incidents the desk opened. Everything through the contract, as a user would.
 */
export function seedDamage(ctx: SeedContext): void {
  const events = ctx.call<EventRecord[]>('events.list', { includeEnded: true });
  const typhoon = events.find((e) => e.kind === 'typhoon');
  const current = events.find((e) => e.endedAtMs === null);
  if (!typhoon || !current) return;
  const points = ctx.call<{ rows: PointRow[] }>('hazards.listPoints', { limit: 200 }).rows;
  const point = (name: string) => points.find((p) => p.name === name);
  const at = (p: PointRow | undefined, dLat = 0, dLng = 0) => (p ? { lat: p.lat + dLat, lng: p.lng + dLng } : { lat: null, lng: null });

  const record = (input: Record<string, unknown>) => ctx.call<DamageRecord>('damage.record', input);
  const verify = (r: DamageRecord, verifiedBy: string) => ctx.call<DamageRecord>('damage.verify', { id: r.id, expectedVersion: r.version, verifiedBy });
  // 苏拉 made landfall in the small hours of the day before the event closed (2023-09-02).
  const landfall = (typhoon.endedAtMs ?? typhoon.startedAtMs) - 1.5 * DAY;

  const oldBlock = point('华富村旧楼12栋');
  const house = record({
    eventId: typhoon.id, type: 'house_severe', occurredAtMs: landfall, quantities: { houses_severe_households: 2, houses_severe_rooms: 3 }, lossWan: 6.5,
    description: '屋面瓦片被大风掀翻，两户房屋漏雨严重，住户已转移安置', source: oldBlock ? { kind: 'hazard_point', id: oldBlock.id } : { kind: 'manual' },
    recordedBy: '王丽华',
  });
  verify(house, '林晓红');
  const park = point('笔架山公园东侧边坡');
  verify(record({
    eventId: typhoon.id, type: 'tree_fallen', occurredAtMs: landfall + 2 * HOUR, quantities: { trees_fallen: 14 }, lossWan: 2.8,
    place: { name: '笔架山公园东门步道', ...at(park, -0.0004, 0.0006) }, source: { kind: 'map_point' }, description: '台风致行道树及公园树木倒伏，已清理',
  }), '林晓红');
  const river = point('福田河华富段');
  const railing = record({
    eventId: typhoon.id, type: 'road_bridge', occurredAtMs: landfall + 4 * HOUR, quantities: { road_bridge_sites: 1 }, lossWan: 12,
    place: { name: '福田河华富桥护栏', ...at(river) }, description: '华富桥人行道护栏被冲毁约20米',
  });
  const corrected = ctx.call<DamageRecord>('damage.correct', {
    id: railing.id, expectedVersion: railing.version, reason: '核报时按施工单位报价更正损失', patch: { lossWan: 15.6 },
  });
  verify(corrected, '陈国栋');
  record({
    eventId: typhoon.id, type: 'vehicle', occurredAtMs: landfall + 3 * HOUR, quantities: { vehicles_damaged: 3 }, lossWan: 4.2,
    place: { name: '华富村东区停车场', ...at(point('华富村东区地下车库'), 0.0002, 0.0003) }, description: '树枝砸中停放车辆',
  });
  // The typhoon's 初报 as drafted, with the affected population entered by hand and the aid figure still open.
  const draft = ctx.call<StatDraft>('damage.statDraft', { eventId: typhoon.id, stage: 'initial' });
  const affected = { row: 'affected_people', value: 320, reason: '' };
  const values = { ...Object.fromEntries(draft.rows.map((r) => [r.row, r.computed])), [affected.row]: affected.value };
  ctx.call('damage.statSave', {
    eventId: typhoon.id, stage: 'initial', asOfMs: draft.asOfMs, expectedSeq: 0, description: draftDescription(draft, values, 'zh'), figures: [affected],
  });

  const log = ctx.call<LogPage>('duty.listLog', { eventId: current.id, limit: 100 }).rows;
  const flooded = log.find((entry) => entry.content.includes('地下车库入口积水'));
  if (flooded) {
    ctx.call('damage.recordFromLogEntry', {
      entryId: flooded.entryId, type: 'waterlogging', quantities: { waterlogging_sites: 1, waterlogging_depth_cm: 20 },
      place: { name: '莲花一村12栋地下车库入口', lat: 22.5524, lng: 114.0638 },
    });
  }
  const incidents = ctx.call<IncidentsOverview>('duty.incidents', { includeClosed: true }).incidents;
  const tree = incidents.find((i) => i.title.includes('树木倒伏'));
  if (tree) {
    const place = { name: tree.location, lat: 22.5581, lng: 114.0702 };
    const occurredAtMs = tree.receivedAtMs - 10 * 60_000;
    verify(record({ eventId: current.id, type: 'tree_fallen', occurredAtMs, quantities: { trees_fallen: 1 }, place, source: { kind: 'incident', id: tree.id } }), '王芳');
    record({ eventId: current.id, type: 'vehicle', occurredAtMs, quantities: { vehicles_damaged: 1 }, lossWan: 0.8, place, source: { kind: 'incident', id: tree.id } });
  }
  const wall = incidents.find((i) => i.title.includes('围墙'));
  if (wall) {
    record({
      eventId: current.id, type: 'other', occurredAtMs: wall.receivedAtMs, quantities: { other_items: 1 }, lossWan: 3,
      place: { name: wall.location, ...at(point('田面城市大厦地下室'), -0.0006, 0.0004) }, source: { kind: 'incident', id: wall.id },
      description: '老旧围墙约5米倒塌，无人员伤亡，已设警戒',
    });
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import type { DamageRecord, DamageTotals } from '../../../core/contract/damage';
import type { MapLayerData, MapPointFacts } from '../../../core/contract/map-layers';
import { pointAt } from '../../../core/contract/map-layers';
import { explain } from '../migrations/helpers';
import { collapsed, HOUR, HUAFU, NOW, openEvent, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const figure = (totals: DamageTotals, indicator: string) => totals.indicators.find((i) => i.indicator === indicator);

describe('damage totals', () => {
  it('adds up the latest version of each standing record per indicator, each figure with its records, as of an instant', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const other = openEvent(t, '11月强降雨过程');
    const a = collapsed(t, event.id);
    const b = collapsed(t, event.id, { quantities: { houses_collapsed_households: 1, houses_collapsed_rooms: 1 }, lossWan: 0.25 });
    collapsed(t, other.id);
    const deep = t.call<DamageRecord>('damage.record', { eventId: event.id, type: 'waterlogging', quantities: { waterlogging_sites: 1, waterlogging_depth_cm: 45 }, place: HUAFU });
    t.call('damage.record', { eventId: event.id, type: 'waterlogging', quantities: { waterlogging_sites: 2, waterlogging_depth_cm: 30 } });
    const removed = t.call<DamageRecord>('damage.record', { eventId: event.id, type: 'casualties', quantities: { people_injured: 2 } });

    t.setNow(NOW + HOUR);
    t.call('damage.correct', { id: a.id, expectedVersion: 1, reason: '核报', patch: { quantities: { houses_collapsed_households: 3, houses_collapsed_rooms: 7 }, lossWan: 20 } });
    t.call('damage.verify', { id: b.id, expectedVersion: 1 });
    t.call('damage.remove', { id: removed.id, expectedVersion: 1, reason: '误报' });

    const now = t.call<DamageTotals>('damage.totals', { eventId: event.id });
    expect(now).toMatchObject({ eventId: event.id, atMs: NOW + HOUR, records: 4 });
    // Records that happened at the same instant come in id order.
    expect(figure(now, 'houses_collapsed_households')).toEqual({ indicator: 'houses_collapsed_households', unit: 'household', value: 4, verifiedValue: 1, recordIds: [a.id, b.id].sort() });
    expect(figure(now, 'houses_collapsed_rooms')?.value).toBe(8);
    expect(figure(now, 'direct_loss_wan')).toMatchObject({ value: 20.25, verifiedValue: 0.25, recordIds: [a.id, b.id].sort() });
    expect(figure(now, 'waterlogging_sites')?.value).toBe(3);
    // A depth is the deepest one, not a sum, and names the record it came from.
    expect(figure(now, 'waterlogging_depth_cm')).toMatchObject({ value: 45, recordIds: [deep.id] });
    expect(figure(now, 'people_injured')).toMatchObject({ value: 0, recordIds: [] });

    // As the register stood before the correction and the removal: the first figures, the injured counted.
    const earlier = t.call<DamageTotals>('damage.totals', { eventId: event.id, atMs: NOW });
    expect(earlier.records).toBe(5);
    expect(figure(earlier, 'houses_collapsed_households')).toMatchObject({ value: 3, verifiedValue: 0 });
    expect(figure(earlier, 'direct_loss_wan')?.value).toBe(12.75);
    expect(figure(earlier, 'people_injured')).toMatchObject({ value: 2, recordIds: [removed.id] });
    expect(t.call<DamageTotals>('damage.totals', { eventId: event.id, atMs: NOW - 1 }).records).toBe(0);
    expect(t.fail('damage.totals', { eventId: '00000000-0000-4000-8000-000000000000' }).key).toBe('errors.notFound');
  });

  it('reads the versions of an event through its index', () => {
    const t = testDb(cleanups);
    const plan = explain(t.db, 'SELECT v.record_id FROM damage_records r JOIN damage_versions v ON v.record_id = r.id WHERE r.event_id = ?', ['x']);
    expect(plan.join('\n')).toMatch(/damage_records_by_event/);
  });
});

describe('damage on the map', () => {
  it('shows the open event’s standing records with a place, with facts for a popup', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const r = collapsed(t, event.id);
    t.call('damage.record', { eventId: event.id, type: 'tree_fallen', quantities: { trees_fallen: 1 }, place: { name: '只有地址' } });
    const gone = t.call<DamageRecord>('damage.record', { eventId: event.id, type: 'vehicle', quantities: { vehicles_damaged: 1 }, place: HUAFU });
    t.call('damage.remove', { id: gone.id, expectedVersion: 1, reason: '误报' });

    const layer = t.call<MapLayerData>('damage.mapLayer', {});
    expect(layer.points).toHaveLength(1);
    expect(pointAt(layer.points[0], 0)).toEqual({ id: r.id, layer: 'damage', name: '华富村旧楼12栋', ...HUAFU, kind: 'house_collapsed', level: 'reported', alert: true });
    expect(t.call<MapLayerData>('damage.mapLayer', { eventId: event.id })).toEqual(layer);
    const all = t.call<MapLayerData>('map.layers', {});
    expect(all.points.find((columns) => columns.layer === 'damage')?.ids).toEqual([r.id]);
    const facts = t.call<MapPointFacts>('map.pointFacts', { layer: 'damage', id: r.id });
    expect(facts.link).toBe(`#/damage/${r.id}`);
    expect(facts.facts.map((f) => f.value)).toContain('2户，5间');
    expect(facts.facts.map((f) => f.valueEn)).toContain('2 households, 5 rooms');
    expect(t.fail('map.pointFacts', { layer: 'damage', id: gone.id }).key).toBe('errors.notFound');
  });

  it('is empty with no open event', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    collapsed(t, event.id);
    t.call('events.update', { id: event.id, patch: { endedAtMs: NOW }, expectedVersion: 1 });
    expect(t.call<MapLayerData>('damage.mapLayer', {}).points).toEqual([]);
    expect(t.call<MapLayerData>('damage.mapLayer', { eventId: event.id }).points[0].ids).toHaveLength(1);
  });
});

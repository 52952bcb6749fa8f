import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../support/db';
import type { MapLayers } from '../../../core/contract/map';
import { pointAt, type MapPoint } from '../../../core/contract/map-layers';
import type { HazardPoint, PointDetail, RouteRecord } from '../../../core/contract/hazards';
import type { ShelterView } from '../../../core/contract/evac';
import type { StationRecord } from '../../../core/contract/rain';
import {
  hazardCreateInput,
  hazardMoveInput,
  markerCreateInput,
  routeInput,
  shelterCreateInput,
  shelterMoveInput,
  stationCreateInput,
  stationMoveInput,
} from '../../../renderer/sections/map/domain-inputs';
import { nearestNeighbourOrder } from '../../../renderer/sections/map/nav';

/**
 * The map writes other domains' records through their own methods. These tests drive the
 * exact inputs the map's forms and drags build against the real handlers, so a change in
 * another domain's contract that would break the map fails here.
 */

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const CLICK = { lat: 22.55412345678, lng: 114.07298765432 };

describe('map: adding and moving other domains’ points', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.close());
  const layers = () => t.call<MapLayers>('map.layers');
  const pointsOf = (): MapPoint[] => layers().points.flatMap((c) => c.ids.map((_, i) => pointAt(c, i)));
  const auditTotal = () => t.call<{ total: number }>('audit.list', { limit: 1 }).total;

  it('a clicked hazard point is a real register entry, shown on the hazards layer where clicked', () => {
    const out = t.call<{ point: HazardPoint }>('hazards.createPoint', hazardCreateInput(form({ name: ' 景田北下穿通道 ', hazardType: 'underpass', riskLevel: 'high', address: '景田北路' }), CLICK));
    expect(out.point).toMatchObject({ name: '景田北下穿通道', hazardType: 'underpass', riskLevel: 'high', address: '景田北路', lat: 22.554123, lng: 114.072988 });
    const listed = t.call<{ rows: { id: string }[] }>('hazards.listPoints', { filter: { q: '景田北' } }).rows;
    expect(listed.map((r) => r.id)).toEqual([out.point.id]);
    expect(pointsOf().find((p) => p.id === out.point.id)).toMatchObject({ layer: 'hazards', lat: 22.554123, lng: 114.072988 });
  });

  it('shelters, gauges and markers land in their own layers', () => {
    const shelter = t.call<ShelterView>('evac.createShelter', shelterCreateInput(form({ name: '华富小学', shelterType: 'school', capacity: '180', address: '华富路 20 号' }), CLICK));
    expect(shelter).toMatchObject({ type: 'school', capacitySet: 180, address: '华富路 20 号' });
    const blankCapacity = t.call<ShelterView>('evac.createShelter', shelterCreateInput(form({ name: '莲花北社区中心', shelterType: 'community_centre', capacity: '' }), CLICK));
    expect(blankCapacity.capacitySet).toBeNull();
    const water = t.call<StationRecord>('rain.saveStation', stationCreateInput(form({ stationType: 'water', code: 'FT-W01', name: '福田河笋岗桥', warningM: '4.5' }), CLICK));
    expect(water).toMatchObject({ type: 'water', warningM: 4.5 });
    // A rain gauge never takes the water form's warning level, even if the field was filled before switching.
    const rain = t.call<StationRecord>('rain.saveStation', stationCreateInput(form({ stationType: 'rain', code: 'FT-R01', name: '华富街道办', warningM: '4.5' }), CLICK));
    expect(rain).toMatchObject({ type: 'rain', warningM: null });
    const marker = t.call<{ id: string }>('map.addMarker', markerCreateInput(form({ name: '沙袋堆放点', kind: 'note', notes: '200 袋' }), CLICK));
    expect(Object.fromEntries(pointsOf().map((p) => [p.id, p.layer]))).toEqual({
      [shelter.id]: 'shelters',
      [blankCapacity.id]: 'shelters',
      [water.id]: 'waterGauges',
      [rain.id]: 'rainGauges',
      [marker.id]: 'markers',
    });
  });

  it('dragging corrects only the place: every other field of the record is kept', () => {
    const { point } = t.call<{ point: HazardPoint }>('hazards.createPoint', {
      name: '福新花园地下车库', hazardType: 'basement', lat: 22.5533, lng: 114.0719, community: '福新社区', responsibleUnit: '福新物业', responsiblePerson: '王建国',
      personPhone: '138 0000 1234', letterSigned: true, letterDate: '2026-05-01', residents: 40, vulnerable: 6, riskLevel: 'critical', frequency: { kind: 'hours', every: 12 }, notes: '挡水板 12 块',
    });
    const fresh = t.call<PointDetail>('hazards.getPoint', { id: point.id }).point;
    const moved = t.call<{ point: HazardPoint }>('hazards.updatePoint', hazardMoveInput(fresh, { lat: 22.5541, lng: 114.0733 })).point;
    const strip = ({ lat, lng, updatedAt, version, ...rest }: HazardPoint) => (void lat, void lng, void updatedAt, void version, rest);
    expect(moved).toMatchObject({ lat: 22.5541, lng: 114.0733 });
    expect(strip(moved)).toEqual(strip(fresh));
    expect(moved.version).toBe(fresh.version + 1);
    const history = t.call<{ rows: { before: { lat: number }; after: { lat: number } }[] }>('audit.list', { entity: 'hazard_point', entityId: point.id, method: 'hazards.updatePoint' }).rows;
    expect(history.map((r) => [r.before.lat, r.after.lat])).toEqual([[22.5533, 22.5541]]);

    const shelter = t.call<ShelterView>('evac.createShelter', { name: '华富小学', type: 'school', capacity: 180, contactName: '陈老师', lat: 22.55, lng: 114.07 });
    const movedShelter = t.call<ShelterView>('evac.updateShelter', shelterMoveInput(shelter.id, { lat: 22.5512, lng: 114.0705 }));
    expect(movedShelter).toMatchObject({ lat: 22.5512, lng: 114.0705, capacitySet: 180, contactName: '陈老师', name: '华富小学' });

    const station = t.call<StationRecord>('rain.saveStation', { code: 'FT-W02', name: '新洲河', nameEn: 'Xinzhou River', type: 'water', lat: 22.54, lng: 114.06, source: '区水务局', warningM: 3.2, guaranteeM: 4.1, notes: '自动站' });
    const movedStation = t.call<StationRecord>('rain.saveStation', stationMoveInput(station, { lat: 22.5402, lng: 114.0611 }));
    const keep = ({ lat, lng, updatedAt, version, ...rest }: StationRecord) => (void lat, void lng, void updatedAt, void version, rest);
    expect(movedStation).toMatchObject({ id: station.id, lat: 22.5402, lng: 114.0611, version: station.version + 1 });
    expect(keep(movedStation)).toEqual(keep(station));
    expect(t.call<StationRecord[]>('rain.listStations', {})).toHaveLength(1);
  });

  it('a patrol from a selection is saved in walking order and drawn in that order', () => {
    // Listed out of walking order on purpose: the name order is not the street order.
    const ids = ['甲', '丁', '乙', '丙'].map((name, i) => t.call<{ point: HazardPoint }>('hazards.createPoint', { name: `${name}点`, hazardType: 'slope', lat: 22.55, lng: 114.07 + [0, 3, 1.2, 2][i] * 0.001 }).point);
    const ordered = nearestNeighbourOrder(ids, ids[0].id);
    const route = t.call<RouteRecord>('hazards.saveRoute', routeInput(form({ name: '框选巡查', every: '6', unit: 'hours', assignees: '王建国，李秀英 张伟' }), ordered.map((p) => p.id)));
    expect(route.pointNames).toEqual(['甲点', '乙点', '丙点', '丁点']);
    expect(route).toMatchObject({ assignees: ['王建国', '李秀英', '张伟'], frequency: { kind: 'hours', every: 6 } });
    expect(t.call<RouteRecord[]>('hazards.listRoutes').map((r) => r.id)).toEqual([route.id]);
    const line = layers().lines.find((l) => l.id === route.id)!;
    expect(line.path.map(([, lng]) => Math.round((lng - 114.07) * 10_000))).toEqual([0, 12, 20, 30]);
  });

  it('refuses bad form input whole, leaving every table and the audit trail as they were', () => {
    const before = { audit: auditTotal(), layers: layers(), stations: t.call<StationRecord[]>('rain.listStations', {}) };
    expect(t.fail('rain.saveStation', stationCreateInput(form({ stationType: 'rain', code: 'FT R01', name: '华富' }), CLICK)).code).toBe('validation');
    expect(t.fail('hazards.createPoint', hazardCreateInput(form({ name: '无类型', hazardType: '' }), CLICK)).code).toBe('validation');
    expect(t.fail('evac.createShelter', shelterCreateInput(form({ name: '', shelterType: 'school' }), CLICK)).code).toBe('validation');
    expect(t.fail('hazards.saveRoute', routeInput(form({ name: '空路线' }), [])).code).toBe('validation');
    expect(t.fail('hazards.saveRoute', routeInput(form({ name: '零频次', every: '0' }), [crypto.randomUUID()])).code).toBe('validation');
    expect(auditTotal()).toBe(before.audit);
    expect(layers()).toEqual(before.layers);
    expect(t.call<StationRecord[]>('rain.listStations', {})).toEqual(before.stations);
  });
});

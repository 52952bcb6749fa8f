import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../support/db';
import type { MapLayers, MapMarker } from '../../../core/contract/map';
import { pointAt, type MapPointFacts, type PointColumns } from '../../../core/contract/map-layers';
import type { HazardPoint } from '../../../core/contract/hazards';
import type { ShelterView } from '../../../core/contract/evac';
import type { StationRecord } from '../../../core/contract/rain';
import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { WATER_STATUS_LABELS } from '../../../core/domain/rain/water';

/** map.layers sends columns; map.pointFacts sends one point's popup in both languages. */
describe('map layers as columns, facts on demand', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.close());
  const layer = (id: PointColumns['layer']) => t.call<MapLayers>('map.layers').points.find((c) => c.layer === id);
  const facts = (layerId: PointColumns['layer'], id: string) => t.call<MapPointFacts>('map.pointFacts', { layer: layerId, id });
  const auditTotal = () => t.call<{ total: number }>('audit.list', { limit: 1 }).total;

  it('sends markers as columns: coordinates to 6 decimals, kinds once as a dictionary, no notes', () => {
    const a = t.call<MapMarker>('map.addMarker', { name: '沙袋点', kind: 'note', lat: 22.55412345678, lng: 114.07298765432, notes: '200 袋' });
    const b = t.call<MapMarker>('map.addMarker', { name: '抽水泵', kind: 'gauge', lat: 22.5, lng: 114.1 });
    const c = t.call<MapMarker>('map.addMarker', { name: '沙袋点二', kind: 'note', lat: 22.6, lng: 114.2 });
    const markers = layer('markers')!;
    expect(markers.kinds.toSorted()).toEqual(['gauge', 'note']);
    expect(markers.ids.toSorted()).toEqual([a.id, b.id, c.id].toSorted());
    const first = markers.ids.indexOf(a.id);
    expect(pointAt(markers, first)).toEqual({ id: a.id, layer: 'markers', name: '沙袋点', lat: 22.554123, lng: 114.072988, kind: 'note', level: '', alert: false });
    expect(JSON.stringify(markers)).not.toContain('200 袋');
    expect(facts('markers', a.id)).toEqual({ facts: [{ label: '备注', labelEn: 'Notes', value: '200 袋', valueEn: '200 袋' }], link: '' });
    expect(facts('markers', b.id).facts).toEqual([]);
  });

  it('leaves out layers with no points', () => {
    t.call('evac.createShelter', { name: '华富小学', type: 'school', capacity: 180, lat: 22.55, lng: 114.07 });
    expect(t.call<MapLayers>('map.layers').points.map((c) => c.layer)).toEqual(['shelters']);
  });

  it('gives a hazard point’s type and risk in both languages, from the hazards label tables', () => {
    const { point } = t.call<{ point: HazardPoint }>('hazards.createPoint', {
      name: '福新花园地下车库', hazardType: 'basement', riskLevel: 'high', lat: 22.5533, lng: 114.0719, responsiblePerson: '王建国', personPhone: '138 0000 1234',
    });
    const shown = facts('hazards', point.id);
    expect(shown.link).toBe(`#/hazards/${point.id}`);
    const byLabel = Object.fromEntries(shown.facts.map((f) => [f.labelEn, f]));
    expect(byLabel.Type).toMatchObject({ label: '类型', value: HAZARD_TYPE_LABELS.basement.zh, valueEn: HAZARD_TYPE_LABELS.basement.en });
    expect(byLabel.Risk).toMatchObject({ value: RISK_LEVEL_LABELS.high.zh, valueEn: RISK_LEVEL_LABELS.high.en });
    expect(byLabel.Responsible).toMatchObject({ value: '王建国 138 0000 1234', valueEn: '王建国 138 0000 1234' });
    expect(byLabel['Overdue fixes'].valueEn).toBe('0');
    // The layer draws it by type and risk.
    const hazards = layer('hazards')!;
    expect(pointAt(hazards, hazards.ids.indexOf(point.id))).toMatchObject({ kind: 'basement', level: 'high', alert: false });
  });

  it('gives shelters and gauges their facts in both languages', () => {
    const shelter = t.call<ShelterView>('evac.createShelter', { name: '华富小学', type: 'school', capacity: 180, address: '华富路 20 号', lat: 22.55, lng: 114.07 });
    const shelterFacts = facts('shelters', shelter.id);
    expect(shelterFacts.link).toBe(`#/evac/shelters/${shelter.id}`);
    expect(shelterFacts.facts[0]).toEqual({ label: '类型', labelEn: 'Type', value: '学校', valueEn: 'School' });
    expect(shelterFacts.facts.find((f) => f.labelEn === 'Occupancy / capacity')?.value).toBe('0 / 180');

    const water = t.call<StationRecord>('rain.saveStation', { code: 'FT-W01', name: '福田河笋岗桥', type: 'water', lat: 22.54, lng: 114.06, warningM: 3.2 });
    const status = facts('waterGauges', water.id).facts.find((f) => f.labelEn === 'Status');
    expect(status).toMatchObject({ value: WATER_STATUS_LABELS.unknown.zh, valueEn: WATER_STATUS_LABELS.unknown.en });
    expect(facts('waterGauges', water.id).facts.find((f) => f.labelEn === 'Warning level')?.value).toBe('3.20 m');
  });

  it('refuses an unknown point or layer and changes nothing', () => {
    const before = auditTotal();
    const marker = t.call<MapMarker>('map.addMarker', { name: '临时点', kind: 'note', lat: 22.5, lng: 114 });
    t.call('map.removeMarker', { id: marker.id });
    expect(t.fail('map.pointFacts', { layer: 'markers', id: marker.id }).key).toBe('errors.notFound');
    expect(t.fail('map.pointFacts', { layer: 'hazards', id: crypto.randomUUID() }).key).toBe('errors.notFound');
    expect(t.fail('map.pointFacts', { layer: 'evacSources', id: 'address:|nowhere' }).key).toBe('errors.notFound');
    expect(t.fail('map.pointFacts', { layer: 'patrols', id: marker.id }).key).toBe('errors.validation');
    expect(t.fail('map.pointFacts', { layer: 'hazards', id: '' }).key).toBe('errors.validation');
    // Only the add and the remove were recorded.
    expect(auditTotal()).toBe(before + 2);
  });
});

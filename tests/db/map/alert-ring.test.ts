import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../support/db';
import { seedDemo } from '../../../db/demo';
import type { MapLayers } from '../../../core/contract/map';
import { pointAt, type MapPoint } from '../../../core/contract/map-layers';
import type { RainOverview } from '../../../core/contract/rain';
import type { ShelterView } from '../../../core/contract/evac';
import type { DamageRecord } from '../../../core/contract/damage';
import type { PointRow } from '../../../core/contract/hazards';
import { LEGEND_SCALES, pointColour } from '../../../renderer/sections/map/style';

const NOW = Date.UTC(2026, 6, 1, 4, 0);

/**
 * The map's red ring (MapPoint.alert) means one thing, as the legend says: act now. Each layer's
 * ringed points are exactly those in that layer's "act now" state, read from the owning domain.
 */
describe('the red ring on the demo map', () => {
  let t: TestDb;
  let points: MapPoint[];
  beforeEach(() => {
    t = createTestDb(NOW);
    seedDemo(t.db, t.dispatcher, NOW);
    points = t.call<MapLayers>('map.layers').points.flatMap((c) => c.ids.map((_, i) => pointAt(c, i)));
  });
  afterEach(() => t.close());
  const ringed = (layer: MapPoint['layer']) => new Set(points.filter((p) => p.layer === layer && p.alert).map((p) => p.id));
  const inLayer = (layer: MapPoint['layer']) => points.filter((p) => p.layer === layer);

  it('rings no rain gauge: their colour is the 24 h grade, and a signal suggestion is not a place to act on', () => {
    expect(inLayer('rainGauges').length).toBeGreaterThan(1);
    expect(ringed('rainGauges').size).toBe(0);
  });

  it('rings water gauges above warning and only those', () => {
    const stations = t.call<RainOverview>('rain.overview', {}).stations.filter((s) => s.station.type === 'water' && s.station.lat !== null);
    const above = stations.filter((s) => s.waterStatus === 'above_warning' || s.waterStatus === 'above_guarantee').map((s) => s.station.id);
    expect(above.length).toBeGreaterThan(0);
    expect(ringed('waterGauges')).toEqual(new Set(above));
  });

  it('colours water gauges with the water-level scale of the legend', () => {
    const scale = LEGEND_SCALES.find((s) => s.title === 'map.legend.water')!.items.map((i) => i.colour);
    const gauges = inLayer('waterGauges');
    expect(gauges.length).toBeGreaterThan(0);
    for (const g of gauges) expect(scale).toContain(pointColour('waterGauges', g.level));
  });

  it('rings shelters that are full and hazard points overdue for rectification, and only those', () => {
    const shelters = t.call<ShelterView[]>('evac.listShelters', {});
    const full = shelters.filter((s) => s.capacity !== null && s.occupancy > 0 && s.occupancy >= s.capacity).map((s) => s.id);
    expect(ringed('shelters')).toEqual(new Set(full));
    const hazards = t.call<{ rows: PointRow[] }>('hazards.listPoints', { limit: 1000 }).rows;
    const overdue = hazards.filter((p) => p.overdueRectifications > 0).map((p) => p.id);
    expect(overdue.length).toBeGreaterThan(0);
    expect(ringed('hazards')).toEqual(new Set(overdue.filter((id) => inLayer('hazards').some((p) => p.id === id))));
  });

  it('rings damage with people dead or missing or a house down, and only that', () => {
    const records = t.call<{ rows: DamageRecord[] }>('damage.list', { limit: 500 }).rows;
    const grave = records.filter((r) => r.type === 'house_collapsed' || (r.quantities.people_dead ?? 0) > 0 || (r.quantities.people_missing ?? 0) > 0).map((r) => r.id);
    const onMap = new Set(inLayer('damage').map((p) => p.id));
    expect(ringed('damage')).toEqual(new Set(grave.filter((id) => onMap.has(id))));
  });
});

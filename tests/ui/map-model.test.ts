import { describe, expect, it } from 'vitest';
import { toColumns, type MapPoint } from '../../core/contract/map-layers';
import { fromWgs84 } from '../../core/domain/geo/coords';
import { drawSet, featureOf, findFeature, idOf, indexOfId, layerCounts, search, selectInside } from '../../renderer/sections/map/model';
import { worldX, worldY } from '../../renderer/sections/map/mercator';
import { LEVEL_COLOUR, LAYER_COLOUR, TOGGLES, type ToggleId } from '../../renderer/sections/map/style';

const p = (id: string, layer: MapPoint['layer'], name: string, lat: number, lng: number, kind: string, level: string, alert = false): MapPoint => ({ id, layer, name, lat, lng, kind, level, alert });
const POINTS = [
  p('h1', 'hazards', '福新地下车库', 22.55, 114.07, 'basement', 'critical', true),
  p('h2', 'hazards', '景田边坡', 22.56, 114.08, 'slope', 'low'),
  p('s1', 'shelters', '华富小学', 22.54, 114.06, 'school', 'full', true),
  p('m1', 'markers', 'Sandbags 沙袋点', 22.553, 114.071, 'shelter', ''),
];
const layers = toColumns(POINTS);
const all = new Set<ToggleId>(TOGGLES);

describe('the map’s draw set: typed arrays from the columns, no object per point', () => {
  it('projects each point once, looks it up by kind and level, and flags alerts', () => {
    const set = drawSet(layers, all, 'wgs84');
    expect(set.size).toBe(4);
    for (let k = 0; k < set.size; k++) {
      const f = featureOf(set, k);
      expect(f).toEqual(POINTS.find((q) => q.id === f.id));
      expect([set.x[k], set.y[k]]).toEqual([worldX(f.lng), worldY(f.lat)]);
      expect(set.alert[k] === 1).toBe(f.alert);
    }
    const look = (id: string) => set.looks[set.look[indexOfId(set, id)]];
    expect(look('h1')).toEqual({ colour: LEVEL_COLOUR.critical, shape: 'square' });
    expect(look('h2')).toEqual({ colour: LEVEL_COLOUR.low, shape: 'triangle' });
    expect(look('m1')).toEqual({ colour: LAYER_COLOUR.markers, shape: 'house' });
  });

  it('leaves out switched-off layers, and draws over a GCJ-02 base map where that map puts the place', () => {
    const set = drawSet(layers, new Set<ToggleId>(['shelters', 'markers']), 'gcj02');
    expect(Array.from({ length: set.size }, (_, k) => idOf(set, k))).toEqual(['s1', 'm1']);
    expect(indexOfId(set, 'h1')).toBe(-1);
    const shifted = fromWgs84(22.54, 114.06, 'gcj02');
    expect(set.x[0]).toBeCloseTo(worldX(shifted.lng), 9);
    expect(set.y[0]).toBeCloseTo(worldY(shifted.lat), 9);
    expect(set.x[0]).not.toBeCloseTo(worldX(114.06), 5);
  });

  it('finds, counts, searches and selects without building the whole layer', () => {
    expect(findFeature(layers, 's1')).toEqual(POINTS[2]);
    expect(findFeature(layers, 'nope')).toBeNull();
    expect(Object.fromEntries(layerCounts(layers))).toEqual({ hazards: 2, shelters: 1, markers: 1 });
    expect(search(layers, 'SANDBAGS').map((f) => f.id)).toEqual(['m1']);
    expect(search(layers, '  ')).toEqual([]);
    expect(search(layers, '地', 1)).toHaveLength(1);
    // A box around the two hazard points and the marker, not the shelter.
    const ring: [number, number][] = [[114.065, 22.545], [114.085, 22.545], [114.085, 22.565], [114.065, 22.565]];
    expect(selectInside(layers, all, ring).map((f) => f.id)).toEqual(['h1', 'h2', 'm1']);
    expect(selectInside(layers, new Set<ToggleId>(['markers']), ring).map((f) => f.id)).toEqual(['m1']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../support/db';
import type { MapLayers, MapMarker, MapShape, MapView } from '../../../core/contract/map';
import { pointAt } from '../../../core/contract/map-layers';

const square = (lng: number, lat: number, d = 0.01) => [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]];
const boundary = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '华富街道' }, geometry: { type: 'Polygon', coordinates: square(114.06, 22.54) } }] };

describe('map view, shapes and markers', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.close());

  it('works with nothing imported: the built-in approximate boundary and the default centre', () => {
    const view = t.call<MapView>('map.view');
    expect(view.center).toEqual({ lat: 22.5533, lng: 114.0719 });
    expect(view.tilesets).toEqual([]);
    expect(view.shapes).toHaveLength(1);
    expect(view.shapes[0]).toMatchObject({ kind: 'boundary', builtIn: true, approximate: true, featureCount: 1 });
    expect(t.call<MapLayers>('map.layers')).toEqual({ points: [], lines: [] });
  });

  it('stores the view preset and an imported boundary, which replaces the built-in one', () => {
    const saved = t.call<MapView>('map.saveView', { center: { lat: 22.55, lng: 114.07 }, zoom: 16 });
    expect(saved).toMatchObject({ center: { lat: 22.55, lng: 114.07 }, zoom: 16 });
    const shape = t.call<MapShape>('map.importShape', { kind: 'boundary', name: '华富街道', text: JSON.stringify(boundary) });
    expect(shape.featureCount).toBe(1);
    // A bare geometry is wrapped so the renderer always sees a collection.
    t.call('map.importShape', { kind: 'roads', name: '道路', text: JSON.stringify({ type: 'LineString', coordinates: [[114.06, 22.54], [114.07, 22.55]] }) });
    const view = t.call<MapView>('map.view');
    expect(view.zoom).toBe(16);
    expect(view.shapes.map((s) => [s.kind, s.builtIn])).toEqual([['boundary', false], ['roads', false]]);
    expect((view.shapes[1].geojson as { type: string }).type).toBe('FeatureCollection');
    expect(t.call<{ removed: boolean }>('map.removeShape', { kind: 'boundary' }).removed).toBe(true);
    expect(t.call<MapView>('map.view').shapes[0].builtIn).toBe(true);
  });

  it('refuses bad GeoJSON whole, with the reason, and keeps the old shape', () => {
    t.call('map.importShape', { kind: 'boundary', name: '旧边界', text: JSON.stringify(boundary) });
    const before = t.db.prepare('SELECT * FROM map_shapes').all();
    const open = { ...boundary, features: [...boundary.features, { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[114, 22], [114.1, 22], [114.1, 22.1], [114, 22.1]]] } }] };
    const bad = t.fail('map.importShape', { kind: 'boundary', name: '新边界', text: JSON.stringify(open) });
    expect(bad.key).toBe('errors.map.geojsonInvalid');
    expect(bad.issues?.[0]).toMatchObject({ path: 'features[1].geometry.coordinates[0]' });
    expect(bad.issues?.[0].messageZh).toContain('首尾');
    expect(t.fail('map.importShape', { kind: 'boundary', name: 'x', text: '{"type": "Feature", ' }).key).toBe('errors.map.geojsonNotJson');
    const projected = { type: 'Point', coordinates: [12_700_000, 2_580_000] };
    expect(t.fail('map.importShape', { kind: 'boundary', name: 'x', text: JSON.stringify(projected) }).issues?.[0].message).toContain('projected');
    const huge = { type: 'FeatureCollection', features: Array.from({ length: 5001 }, () => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [114, 22] } })) };
    expect(t.fail('map.importShape', { kind: 'roads', name: 'x', text: JSON.stringify(huge) })).toMatchObject({ key: 'errors.map.geojsonTooLarge', params: { count: 5001 } });
    expect(t.db.prepare('SELECT * FROM map_shapes').all()).toEqual(before);
  });

  it('adds, moves and removes markers with the history in the audit trail', () => {
    const marker = t.call<MapMarker>('map.addMarker', { name: '新增积水点', kind: 'hazard', lat: 22.553, lng: 114.071 });
    t.setNow(Date.UTC(2026, 6, 1, 5, 0));
    const moved = t.call<MapMarker>('map.moveMarker', { id: marker.id, lat: 22.554, lng: 114.072 });
    expect(moved).toMatchObject({ lat: 22.554, lng: 114.072, createdAt: marker.createdAt });
    expect(moved.updatedAt).not.toBe(marker.updatedAt);
    // The layer carries what the map draws; the notes come with the popup's facts.
    const markers = () => t.call<MapLayers>('map.layers').points.filter((c) => c.layer === 'markers');
    const [columns] = markers();
    expect(columns.ids).toHaveLength(1);
    expect(pointAt(columns, 0)).toEqual({ id: marker.id, layer: 'markers', name: '新增积水点', lat: 22.554, lng: 114.072, kind: 'hazard', level: '', alert: false });
    const history = t.call<{ rows: { method: string; before: MapMarker | null; after: MapMarker | null }[] }>('audit.list', { entity: 'map_marker', entityId: marker.id }).rows;
    expect(history.map((r) => r.method)).toEqual(['map.moveMarker', 'map.addMarker']);
    expect(history[0].before).toMatchObject({ lat: 22.553, lng: 114.071 });
    expect(t.fail('map.moveMarker', { id: marker.id, lat: 91, lng: 114 }).key).toBe('errors.validation');
    t.call('map.removeMarker', { id: marker.id });
    expect(markers()).toEqual([]);
    expect(t.fail('map.moveMarker', { id: marker.id, lat: 22, lng: 114 }).key).toBe('errors.notFound');
  });
});

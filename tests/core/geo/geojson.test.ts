import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bboxOf, pointInGeometry, pointInPolygon, validateGeoJson, type Position } from '../../../core/domain/geo/geojson';
import { isInChina } from '../../../core/domain/hazards/points';

/*
 * Real files from cambridgegis (Cambridge, Massachusetts). Their quirks: no `crs` member
 * (RFC 7946 style, so WGS-84 lng/lat), points far outside China, feature `id`s that are
 * neither contiguous nor in order (the shelters go 1, 3 … 11, 2, 409 …), a shelter with no
 * Capacity property, and hydrant properties full of nulls and epoch-ms dates.
 */
const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../../shared/data/geojson/${name}`, import.meta.url), 'utf8'));
const shelters = read('cambridge_emergency_shelters.geojson');
const hydrants = read('cambridge_hydrants.geojson');

describe('validateGeoJson on real files', () => {
  it('accepts the 15 shelters', () => {
    const v = validateGeoJson(shelters);
    expect(v).toEqual({ ok: true, kind: 'FeatureCollection', featureCount: 15, issues: [], truncated: false });
    expect(shelters.crs).toBeUndefined();
  });

  it('accepts the 1,960 hydrants under the default limit and refuses them under a limit of 1,000', () => {
    expect(validateGeoJson(hydrants)).toMatchObject({ ok: true, featureCount: 1960 });
    const small = validateGeoJson(hydrants, { maxFeatures: 1000 });
    expect(small.ok).toBe(false);
    expect(small.featureCount).toBe(1960);
    expect(small.issues).toMatchObject([{ code: 'too_many_features', featureIndex: null, path: 'features' }]);
  });

  it('points at the feature by its position in the file, not by its id', () => {
    const broken = structuredClone(shelters);
    expect(broken.features[11].id).toBe(409); // Gately Youth Center, the one without Capacity
    broken.features[11].geometry.coordinates = [42.39, -171.128];
    const v = validateGeoJson(broken);
    expect(v.ok).toBe(false);
    expect(v.issues).toHaveLength(1);
    expect(v.issues[0]).toMatchObject({ featureIndex: 11, path: 'features[11].geometry.coordinates', code: 'lat_out_of_range' });
  });

  it('gives the bounding boxes of the real data, all outside China', () => {
    expect(bboxOf(shelters)).toEqual([-71.15409215762341, 42.35558856917958, -71.08660658604605, 42.392311052420766]);
    expect(bboxOf(hydrants)).toEqual([-71.15973344377686, 42.35350619765158, -71.06729690368995, 42.402529952644386]);
    const [w, s, e, n] = bboxOf(hydrants)!;
    expect(isInChina(s, w) || isInChina(n, e)).toBe(false);
  });
});

describe('validateGeoJson on broken input', () => {
  const fc = (...geometries: unknown[]) => ({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) });
  const codes = (input: unknown) => validateGeoJson(input).issues.map((i) => `${i.featureIndex}:${i.code}`);

  it('flags non-finite numbers and coordinates out of range, with hints for swapped and projected data', () => {
    const v = validateGeoJson(
      fc(
        { type: 'Point', coordinates: [116.4, Infinity] },
        { type: 'Point', coordinates: [39.9, 116.4] },
        { type: 'Point', coordinates: [12_958_000, 4_852_000] },
        { type: 'Point', coordinates: [181, 10] },
        { type: 'Point', coordinates: [116.4] },
        { type: 'Point', coordinates: ['116.4', '39.9'] },
      ),
    );
    expect(v.issues.map((i) => `${i.featureIndex}:${i.code}`)).toEqual(['0:non_finite', '1:lat_out_of_range', '2:lat_out_of_range', '3:lng_out_of_range', '4:bad_coordinates', '5:bad_coordinates']);
    expect(v.issues[1].messageZh).toContain('经纬度可能颠倒');
    expect(v.issues[1].message).toContain('swapped');
    expect(v.issues[2].messageZh).toContain('投影坐标');
    expect(v.issues[3].message).not.toContain('swapped');
  });

  it('flags unclosed rings and too few positions in lines and rings', () => {
    const open = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    const triangleRing = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] };
    const shortLine = { type: 'LineString', coordinates: [[0, 0]] };
    const goodLine = { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] };
    const badHole = {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1.5]]]],
    };
    const v = validateGeoJson(fc(open, triangleRing, shortLine, goodLine, badHole));
    expect(v.issues.map((i) => `${i.featureIndex}:${i.code}:${i.path}`)).toEqual([
      '0:ring_not_closed:features[0].geometry.coordinates[0]',
      '1:too_few_positions:features[1].geometry.coordinates[0]',
      '2:too_few_positions:features[2].geometry.coordinates',
      '4:ring_not_closed:features[4].geometry.coordinates[0][1]',
    ]);
    expect(v.issues[1].messageZh).toBe('多边形环至少需要 4 个点，实有 3 个');
  });

  it('accepts every geometry type, nested collections and 3-D positions', () => {
    const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
    const all = fc(
      { type: 'Point', coordinates: [121.47, 31.23, 4.5] },
      { type: 'MultiPoint', coordinates: [[0, 0], [1, 1]] },
      { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
      { type: 'Polygon', coordinates: square },
      { type: 'MultiPolygon', coordinates: [square, square] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, { type: 'Polygon', coordinates: square }] },
    );
    expect(validateGeoJson(all)).toMatchObject({ ok: true, issues: [] });
    expect(validateGeoJson({ type: 'Polygon', coordinates: square })).toMatchObject({ ok: true, kind: 'Geometry' });
    expect(validateGeoJson({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } })).toMatchObject({ ok: true, kind: 'Feature', featureCount: 1 });
  });

  it('warns (but accepts) a feature without location; refuses unknown types and missing members', () => {
    const v = validateGeoJson(fc(null));
    expect(v.ok).toBe(true);
    expect(v.issues).toMatchObject([{ code: 'null_geometry', severity: 'warning', featureIndex: 0 }]);
    expect(codes(fc({ type: 'Circle', coordinates: [0, 0] }))).toEqual(['0:unknown_type']);
    expect(codes({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {} }] })).toEqual(['0:bad_feature']);
    expect(codes({ type: 'FeatureCollection', features: [{ type: 'Point', coordinates: [0, 0] }] })).toEqual(['0:bad_feature']);
    expect(codes({ type: 'FeatureCollection' })).toEqual(['null:bad_features']);
    expect(codes('not json object')).toEqual(['null:not_object']);
    expect(validateGeoJson({ type: 'Topology' })).toMatchObject({ ok: false, kind: null });
  });

  it('refuses an old-style crs that is not lng/lat degrees, and accepts CRS84, EPSG:4326 and CGCS2000', () => {
    const withCrs = (name: string) => ({ ...fc({ type: 'Point', coordinates: [0, 0] }), crs: { type: 'name', properties: { name } } });
    expect(codes(withCrs('urn:ogc:def:crs:EPSG::3857'))).toEqual(['null:non_wgs84_crs']);
    expect(codes(withCrs('urn:ogc:def:crs:OGC:1.3:CRS84'))).toEqual([]);
    expect(codes(withCrs('EPSG:4326'))).toEqual([]);
    expect(codes(withCrs('urn:ogc:def:crs:EPSG::4490'))).toEqual([]);
  });

  it('stops listing after maxIssues and says so', () => {
    const many = fc(...Array.from({ length: 30 }, () => ({ type: 'Point', coordinates: [0, 99] })));
    const v = validateGeoJson(many, { maxIssues: 5 });
    expect(v.issues).toHaveLength(5);
    expect(v.truncated).toBe(true);
    expect(validateGeoJson(many).truncated).toBe(false);
  });
});

describe('pointInPolygon', () => {
  const outer: Position[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
  const hole: Position[] = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];

  it('handles inside, outside, holes and boundaries (edges count as inside)', () => {
    expect(pointInPolygon([5, 1], [outer, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [outer, hole])).toBe(false);
    expect(pointInPolygon([11, 5], [outer, hole])).toBe(false);
    expect(pointInPolygon([10, 5], [outer, hole])).toBe(true);
    expect(pointInPolygon([0, 0], [outer, hole])).toBe(true);
    expect(pointInPolygon([4, 5], [outer, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [])).toBe(false);
  });

  it('handles a concave (U-shaped) polygon and a ray through a vertex', () => {
    const u: Position[] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    expect(pointInPolygon([1.5, 2], [u])).toBe(false);
    expect(pointInPolygon([0.5, 2], [u])).toBe(true);
    expect(pointInPolygon([2.5, 2], [u])).toBe(true);
    // The horizontal ray from (−1, 1) passes through vertices (1,1) and (2,1).
    expect(pointInPolygon([-1, 1], [u])).toBe(false);
    expect(pointInPolygon([0.5, 1], [u])).toBe(true);
    const diamond: Position[] = [[0, -1], [1, 0], [0, 1], [-1, 0], [0, -1]];
    expect(pointInPolygon([-2, 0], [diamond])).toBe(false);
    expect(pointInPolygon([0.5, 0], [diamond])).toBe(true);
  });

  it('works on Polygon, MultiPolygon and collections; lines never contain points', () => {
    const far: Position[] = [[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]];
    expect(pointInGeometry([20.5, 20.5], { type: 'MultiPolygon', coordinates: [[outer], [far]] })).toBe(true);
    expect(pointInGeometry([15, 15], { type: 'MultiPolygon', coordinates: [[outer], [far]] })).toBe(false);
    expect(pointInGeometry([1, 1], { type: 'Polygon', coordinates: [outer] })).toBe(true);
    expect(pointInGeometry([1, 1], { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [far] }, { type: 'Polygon', coordinates: [outer] }] })).toBe(true);
    expect(pointInGeometry([0, 0], { type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBe(false);
  });

  it('places a real shelter inside a box drawn around Cambridge and not in one around Boston Common', () => {
    const cambridge: Position[] = [[-71.17, 42.35], [-71.06, 42.35], [-71.06, 42.41], [-71.17, 42.41], [-71.17, 42.35]];
    const common: Position[] = [[-71.071, 42.352], [-71.062, 42.352], [-71.062, 42.357], [-71.071, 42.357], [-71.071, 42.352]];
    for (const f of shelters.features) {
      expect(pointInPolygon(f.geometry.coordinates, [cambridge])).toBe(true);
      expect(pointInPolygon(f.geometry.coordinates, [common])).toBe(false);
    }
  });
});

describe('bboxOf', () => {
  it('covers features, bare geometries and collections; null when empty', () => {
    expect(bboxOf({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[3, -1], [-2, 4]] } })).toEqual([-2, -1, 3, 4]);
    expect(bboxOf({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'MultiPoint', coordinates: [[5, -5, 100]] }] })).toEqual([1, -5, 5, 2]);
    expect(bboxOf({ type: 'FeatureCollection', features: [] })).toBeNull();
    expect(bboxOf({ type: 'Feature', geometry: null })).toBeNull();
  });
});

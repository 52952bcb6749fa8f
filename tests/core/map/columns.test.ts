import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dictionaryEncode, pointAt, pointLayerIds, roundCoord, toColumns, type MapPoint } from '../../../core/contract/map-layers';

const point = fc.record({
  id: fc.uuid(),
  layer: fc.constantFrom(...pointLayerIds),
  name: fc.string({ maxLength: 12 }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  kind: fc.constantFrom('basement', 'slope', 'school', 'note'),
  level: fc.constantFrom('low', 'high', '', 'over'),
  alert: fc.boolean(),
}) satisfies fc.Arbitrary<MapPoint>;

describe('map layers as columns', () => {
  it('encodes a dictionary in first-seen order', () => {
    expect(dictionaryEncode(['high', 'low', 'high', 'medium', 'low'])).toEqual({ dict: ['high', 'low', 'medium'], index: [0, 1, 0, 2, 1] });
    expect(dictionaryEncode([])).toEqual({ dict: [], index: [] });
  });

  it('rounds coordinates to 6 decimals (about 0.1 m)', () => {
    expect(roundCoord(22.55412345678)).toBe(22.554123);
    expect(roundCoord(114.0729876)).toBe(114.072988);
    expect(roundCoord(-33.0000004)).toBe(-33);
  });

  it('groups by layer and gives every point back, coordinates rounded, order kept within a layer', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), (points) => {
        const columns = toColumns(points);
        expect(new Set(columns.map((c) => c.layer)).size).toBe(columns.length);
        for (const c of columns) {
          const expected = points.filter((p) => p.layer === c.layer).map((p) => ({ ...p, lat: roundCoord(p.lat), lng: roundCoord(p.lng) }));
          expect(c.ids.map((_, i) => pointAt(c, i))).toEqual(expected);
          // Every column has one entry per point; the dictionaries hold each word once.
          for (const column of [c.names, c.lat, c.lng, c.kind, c.level]) expect(column).toHaveLength(c.ids.length);
          expect(new Set(c.kinds).size).toBe(c.kinds.length);
          expect(new Set(c.levels).size).toBe(c.levels.length);
        }
        expect(columns.reduce((n, c) => n + c.ids.length, 0)).toBe(points.length);
      }),
    );
  });
});

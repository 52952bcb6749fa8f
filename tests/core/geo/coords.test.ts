import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors';
import { convertCoords, fromWgs84, toWgs84, type CoordSystem } from '../../../core/domain/geo/coords';
import { distanceMeters } from '../../../core/domain/hazards/points';

/**
 * Reference pairs from gcoord's own test fixture (test/fixtures/china-cities.json in
 * hujiulong/gcoord): the same place in WGS-84, GCJ-02 and BD-09 as [lng, lat]. gcoord's
 * tests accept them to about 5e-5°; here they must agree within 2 m.
 */
const CITIES: Record<string, Record<'wgs84' | 'gcj02' | 'bd09', [number, number]>> = {
  郑州市: { wgs84: [113.6192856, 34.7478004], gcj02: [113.6253334, 34.7466173], bd09: [113.6317519, 34.7528605] },
  沈阳市: { wgs84: [123.4253306, 41.8032629], gcj02: [123.4314787, 41.8057023], bd09: [123.438095, 41.8114013] },
  泉州市: { wgs84: [118.6711365, 24.8770487], gcj02: [118.6756787, 24.8741363], bd09: [118.6821251, 24.8804872] },
  那曲地区: { wgs84: [92.0499619, 31.4784436], gcj02: [92.0512438, 31.4762063], bd09: [92.0576832, 31.4824421] },
  汕头市: { wgs84: [116.6775114, 23.3567569], gcj02: [116.6819735, 23.3540964], bd09: [116.6885014, 23.3598884] },
};

const ll = ([lng, lat]: [number, number]) => ({ lat, lng });

describe('transforms against published reference points', () => {
  for (const [city, c] of Object.entries(CITIES)) {
    it(`${city}: WGS-84 ⇄ GCJ-02 ⇄ BD-09 within 2 m`, () => {
      const w = ll(c.wgs84);
      for (const system of ['gcj02', 'bd09'] as const) {
        expect(distanceMeters(fromWgs84(w.lat, w.lng, system), ll(c[system]))).toBeLessThan(2);
        expect(distanceMeters(toWgs84(ll(c[system]).lat, ll(c[system]).lng, system), w)).toBeLessThan(2);
      }
      const g = ll(c.gcj02);
      expect(distanceMeters(convertCoords(g.lat, g.lng, 'gcj02', 'bd09'), ll(c.bd09))).toBeLessThan(2);
    });
  }

  it('matches gcoord’s documented examples', () => {
    // README: WGS-84 [116.403988, 39.914266] → BD-09 [116.41661560068297, 39.92196580126834]
    const bd = fromWgs84(39.914266, 116.403988, 'bd09');
    expect(bd.lng).toBeCloseTo(116.4166156, 6);
    expect(bd.lat).toBeCloseTo(39.9219658, 6);
    // README / spec: GCJ-02 [123, 45] → WGS-84 [122.99395597, 44.99804071]; BD-09 [123, 45] → [122.98762210, 44.99171540]
    const w = toWgs84(45, 123, 'gcj02');
    expect(w.lng).toBeCloseTo(122.99395597, 6);
    expect(w.lat).toBeCloseTo(44.99804071, 6);
    const wb = toWgs84(45, 123, 'bd09');
    expect(wb.lng).toBeCloseTo(122.9876221, 6);
    expect(wb.lat).toBeCloseTo(44.9917154, 6);
  });

  it('moves points in China by hundreds of metres, as the domain warns', () => {
    const w = ll(CITIES.郑州市.wgs84);
    const shift = distanceMeters(w, fromWgs84(w.lat, w.lng, 'gcj02'));
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
    expect(fromWgs84(w.lat, w.lng, 'wgs84')).toEqual(w);
  });
});

describe('round trips', () => {
  const inChina = fc.record({ lat: fc.double({ min: 18, max: 53, noNaN: true }), lng: fc.double({ min: 74, max: 134, noNaN: true }) });

  for (const system of ['gcj02', 'bd09'] as CoordSystem[]) {
    it(`WGS-84 → ${system} → WGS-84 is within 1 m anywhere in China`, () => {
      fc.assert(
        fc.property(inChina, (p) => {
          const there = fromWgs84(p.lat, p.lng, system);
          const back = toWgs84(there.lat, there.lng, system);
          expect(distanceMeters(p, back)).toBeLessThan(1);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('outside China', () => {
  const shelters = JSON.parse(readFileSync(new URL('../../../../shared/data/geojson/cambridge_emergency_shelters.geojson', import.meta.url), 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };

  it('GCJ-02 leaves the Cambridge (MA) shelters exactly where they are, both ways', () => {
    expect(shelters.features).toHaveLength(15);
    for (const f of shelters.features) {
      const [lng, lat] = f.geometry.coordinates;
      expect(fromWgs84(lat, lng, 'gcj02')).toEqual({ lat, lng });
      expect(toWgs84(lat, lng, 'gcj02')).toEqual({ lat, lng });
    }
  });

  it('does not shift Kuala Lumpur, which gcoord’s rougher box would, and so round-trips it exactly', () => {
    for (const system of ['gcj02', 'bd09'] as const) {
      const there = fromWgs84(3.139, 101.6869, system);
      if (system === 'gcj02') expect(there).toEqual({ lat: 3.139, lng: 101.6869 });
      const back = toWgs84(there.lat, there.lng, system);
      expect(distanceMeters(back, { lat: 3.139, lng: 101.6869 })).toBeLessThan(0.5);
    }
  });

  it('returns at once just inside gcoord’s own China box, where its inverse would never finish', () => {
    // gcoord 1.0.7 loops forever on GCJ-02 → WGS-84 for [72.0041, 30]; we do not shift there.
    expect(toWgs84(30, 72.0041, 'gcj02')).toEqual({ lat: 30, lng: 72.0041 });
    expect(toWgs84(0.8294, 100, 'gcj02')).toEqual({ lat: 0.8294, lng: 100 });
  });

  it('refuses impossible coordinates with a translated error', () => {
    expect(() => toWgs84(91, 116, 'gcj02')).toThrow(ValidationError);
    expect(() => fromWgs84(39, Number.NaN, 'bd09')).toThrow(ValidationError);
    expect(() => convertCoords(39, 181, 'wgs84', 'wgs84')).toThrow(ValidationError);
  });
});

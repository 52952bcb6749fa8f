import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distanceMeters,
  findNearDuplicates,
  gradeAtLeast,
  isInArea,
  isInChina,
  isRiskLevel,
  isSafetyGrade,
  locationWarnings,
  normalizePointName,
  RISK_LEVEL_LABELS,
  riskRank,
  SAFETY_GRADE_LABELS,
  type BBox,
} from '../../../core/domain/hazards/points';

const BEIJING = { lat: 39.9042, lng: 116.4074 };

describe('isInChina / isInArea', () => {
  it('accepts Chinese cities and refuses other places and swapped coordinates', () => {
    expect(isInChina(BEIJING.lat, BEIJING.lng)).toBe(true);
    expect(isInChina(18.25, 109.5)).toBe(true); // Sanya
    expect(isInChina(43.83, 87.62)).toBe(true); // Urumqi
    expect(isInChina(42.3736, -71.1097)).toBe(false); // Cambridge, MA
    expect(isInChina(0, 0)).toBe(false);
    expect(isInChina(BEIJING.lng, BEIJING.lat)).toBe(false);
    expect(isInChina(Number.NaN, 116)).toBe(false);
  });

  it('checks a unit box, including one across the antimeridian', () => {
    const street: BBox = [121.45, 31.22, 121.48, 31.25];
    expect(isInArea(31.23, 121.46, street)).toBe(true);
    expect(isInArea(31.23, 121.49, street)).toBe(false);
    expect(isInArea(31.26, 121.46, street)).toBe(false);
    expect(isInArea(31.25, 121.48, street)).toBe(true); // edges count
    const fiji: BBox = [177, -19, -179, -16];
    expect(isInArea(-17.7, 178.0, fiji)).toBe(true);
    expect(isInArea(-17.7, -179.5, fiji)).toBe(true);
    expect(isInArea(-17.7, 170, fiji)).toBe(false);
  });
});

describe('locationWarnings', () => {
  it('is quiet for a good point in the area', () => {
    expect(locationWarnings(BEIJING.lat, BEIJING.lng, [116, 39.5, 117, 40.5])).toEqual([]);
  });

  it('spots swapped, zero, foreign and out-of-area points', () => {
    expect(locationWarnings(BEIJING.lng, BEIJING.lat).map((w) => w.code)).toEqual(['invalid', 'swapped']);
    expect(locationWarnings(87.62, 43.83).map((w) => w.code)).toEqual(['swapped']); // Urumqi swapped: still a valid lat
    expect(locationWarnings(0, 0).map((w) => w.code)).toEqual(['zero']);
    expect(locationWarnings(42.3736, -71.1097).map((w) => w.code)).toEqual(['outside_china']);
    expect(locationWarnings(BEIJING.lat, BEIJING.lng, [121.45, 31.22, 121.48, 31.25]).map((w) => w.code)).toEqual(['outside_area']);
    expect(locationWarnings(95, 200).map((w) => w.code)).toEqual(['invalid']);
    for (const w of locationWarnings(42.3736, -71.1097)) expect(w.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('distanceMeters (haversine)', () => {
  it('gives one degree of latitude as πR/180 = 111 195.08 m (R = 6 371 008.8 m)', () => {
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111_195.08, 1);
  });

  it('gives one degree of longitude at 60° N as about half that', () => {
    // 2R·asin(cos 60° · sin 0.5°) = 2R·asin(0.004 363 268) = 55 597.01 m
    expect(distanceMeters({ lat: 60, lng: 10 }, { lat: 60, lng: 11 })).toBeCloseTo(55_597.01, 1);
  });

  it('is zero for a point and itself, symmetric, and half the circumference for antipodes', () => {
    expect(distanceMeters(BEIJING, BEIJING)).toBe(0);
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 3);
    const pt = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const d = distanceMeters(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * 6_371_008.8 + 1e-6);
        expect(Math.abs(d - distanceMeters(b, a))).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('findNearDuplicates', () => {
  // 0.0001° of latitude ≈ 11.1 m.
  const existing = [
    { id: 'e1', name: '1号地下车库', lat: 31.2300, lng: 121.4700 },
    { id: 'e2', name: '1号地下车库', lat: 31.2304, lng: 121.4700 }, // ~44 m from the new point
    { id: 'e3', name: '1号地下车库', lat: 31.2306, lng: 121.4700 }, // ~67 m
    { id: 'e4', name: '2号地下车库', lat: 31.2300, lng: 121.4700 },
  ];

  it('finds the same name within 50 m, nearest first, ignoring width, spaces and case', () => {
    const found = findNearDuplicates({ name: '１号 地下车库', lat: 31.2300, lng: 121.4700 }, existing, 50);
    expect(found.map((d) => d.point.id)).toEqual(['e1', 'e2']);
    expect(found[0].distanceM).toBe(0);
    expect(found[1].distanceM).toBeCloseTo(44.5, 0);
  });

  it('skips the point itself when re-checking a saved point, and empty names', () => {
    expect(findNearDuplicates({ id: 'e1', name: '1号地下车库', lat: 31.23, lng: 121.47 }, existing).map((d) => d.point.id)).toEqual(['e2']);
    expect(findNearDuplicates({ name: '  ', lat: 31.23, lng: 121.47 }, [{ name: ' ', lat: 31.23, lng: 121.47 }])).toEqual([]);
    expect(normalizePointName('Ａ栋 Garage')).toBe('a栋garage');
  });
});

describe('risk levels and safety grades', () => {
  it('orders risk levels and labels them in both languages', () => {
    expect(riskRank('low')).toBe(0);
    expect(riskRank('critical')).toBe(3);
    expect(RISK_LEVEL_LABELS.high).toEqual({ zh: '高风险', en: 'High' });
    expect(isRiskLevel('medium')).toBe(true);
    expect(isRiskLevel('severe')).toBe(false);
  });

  it('treats D as the most dangerous grade', () => {
    expect(gradeAtLeast('D', 'C')).toBe(true);
    expect(gradeAtLeast('C', 'C')).toBe(true);
    expect(gradeAtLeast('B', 'C')).toBe(false);
    expect(SAFETY_GRADE_LABELS.D.zh).toBe('D 级（整幢危房）');
    expect(isSafetyGrade('E')).toBe(false);
  });
});

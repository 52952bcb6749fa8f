import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValidationError } from '../../../core/errors';
import { checkCapacity, defaultCapacity, shelterCapacity, shelterLoads } from '../../../core/domain/evac/capacity';

const school = { id: 's', name: '文昌路小学', usableAreaM2: 120 };

describe('capacity', () => {
  it('derives capacity from usable area at 1.5 m² a person, or a setting', () => {
    expect(defaultCapacity(120)).toBe(80);
    expect(defaultCapacity(121.4)).toBe(80);
    expect(defaultCapacity(4.5)).toBe(3);
    expect(defaultCapacity(0.3, { m2PerPerson: 0.1 })).toBe(3);
    expect(defaultCapacity(120, { m2PerPerson: 2 })).toBe(60);
    expect(defaultCapacity(null)).toBeNull();
    expect(defaultCapacity(-5)).toBeNull();
    expect(() => defaultCapacity(100, { m2PerPerson: 0 })).toThrow(ValidationError);
  });

  it('prefers a capacity set by hand', () => {
    expect(shelterCapacity({ capacity: 50, usableAreaM2: 120 })).toBe(50);
    expect(shelterCapacity({ capacity: null, usableAreaM2: 120 })).toBe(80);
    expect(shelterCapacity({})).toBeNull();
  });

  it('allows filling exactly to capacity and asks for an override beyond it', () => {
    expect(checkCapacity(school, 70, 10)).toEqual({ ok: true, capacity: 80, current: 70, adding: 10, after: 80, remaining: 0 });
    const over = checkCapacity(school, 70, 12);
    expect(over).toMatchObject({ ok: false, reason: 'over_capacity', needsOverride: true, capacity: 80, after: 82, excess: 2 });
    if (over.ok || over.reason !== 'over_capacity') throw new Error('expected over capacity');
    expect(over.messageZh).toBe('文昌路小学容量 80 人，现有 70 人，再安置 12 人将达 82 人，超出 2 人');
  });

  it('asks for an override when capacity is unknown, but lets people leave', () => {
    expect(checkCapacity({ id: 'x', name: '临时点' }, 3, 1)).toMatchObject({ ok: false, reason: 'capacity_unknown', needsOverride: true });
    expect(checkCapacity({ id: 'x', name: '临时点' }, 3, -2)).toMatchObject({ ok: true, capacity: null, after: 1, remaining: null });
    expect(checkCapacity(school, 90, -5)).toMatchObject({ ok: true, after: 85, remaining: -5 });
  });

  it('refuses nonsense counts', () => {
    expect(checkCapacity(school, -1, 1)).toMatchObject({ ok: false, reason: 'invalid_count', needsOverride: false });
    expect(checkCapacity(school, 2, 1.5)).toMatchObject({ ok: false, reason: 'invalid_count' });
    expect(checkCapacity(school, 2, -3)).toMatchObject({ ok: false, reason: 'invalid_count' });
  });

  it('never says ok to an addition that ends over capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: -100, max: 500 }), (area, current, adding) => {
        const shelter = { id: 's', name: 'S', usableAreaM2: area };
        const result = checkCapacity(shelter, current, adding);
        const capacity = Math.floor((area * 2) / 3);
        expect(defaultCapacity(area)).toBe(capacity);
        if (result.ok && adding > 0) expect(current + adding).toBeLessThanOrEqual(capacity);
        if (!result.ok && result.reason === 'over_capacity') expect(result.excess).toBe(current + adding - capacity);
        if (current + adding >= 0 && adding > 0 && current + adding <= capacity) expect(result.ok).toBe(true);
      }),
    );
  });

  it('reports shelter loads, including unlisted shelters', () => {
    const hotel = { id: 'h', name: '宾馆', capacity: 10 };
    expect(shelterLoads([school, hotel], { s: 81, h: 4, z: 2 })).toEqual([
      { shelterId: 's', capacity: 80, occupancy: 81, free: -1, overCapacity: true },
      { shelterId: 'h', capacity: 10, occupancy: 4, free: 6, overCapacity: false },
      { shelterId: 'z', capacity: null, occupancy: 2, free: null, overCapacity: false },
    ]);
  });
});

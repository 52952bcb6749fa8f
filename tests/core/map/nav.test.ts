import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distanceMeters } from '../../../core/domain/hazards/points';
import { nearestInDirection, nearestNeighbourOrder, nearestTo, pathLengthMeters, type Direction } from '../../../renderer/sections/map/nav';

const at = (id: string, x: number, y: number) => ({ id, x, y });

describe('keyboard focus: the nearest point in an arrow’s direction (screen pixels, y down)', () => {
  const from = { x: 0, y: 0 };
  const points = [at('east', 10, 0), at('northish', 3, -10), at('west', -5, 0), at('eastUp', 6, -5.9)];

  it('picks the point that way, and nothing when nothing is that way', () => {
    expect(nearestInDirection(from, points, 'right')?.id).toBe('east');
    expect(nearestInDirection(from, points, 'up')?.id).toBe('northish');
    expect(nearestInDirection(from, points, 'left')?.id).toBe('west');
    expect(nearestInDirection(from, points, 'down')).toBeNull();
  });

  it('prefers a point straight ahead over a closer one near the cone’s edge', () => {
    // eastUp is 8.4 px away at 44.5°, east 10 px on the axis: 6 + 2·5.9 = 17.8 > 10.
    expect(Math.hypot(6, -5.9)).toBeLessThan(10);
    expect(nearestInDirection(from, points, 'right')?.id).toBe('east');
    expect(nearestInDirection(from, points.filter((p) => p.id !== 'east'), 'right')?.id).toBe('eastUp');
  });

  it('skips the focused point itself and points exactly on top of it', () => {
    const here = at('here', 0, 0);
    expect(nearestInDirection(here, [here, at('same', 0, 0)], 'right', 'here')).toBeNull();
  });

  it('enters at the point nearest the centre', () => {
    expect(nearestTo({ x: 100, y: 100 }, [at('a', 0, 0), at('b', 90, 120), at('c', 200, 100)])?.id).toBe('b');
    expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
  });

  it('turns with the screen: rotating everything a quarter turn turns “right” into “down”', () => {
    const rotate = (p: { x: number; y: number }) => ({ x: -p.y, y: p.x });
    const turned: Record<Direction, Direction> = { right: 'down', down: 'left', left: 'up', up: 'right' };
    const coord = fc.integer({ min: -500, max: 500 });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 40 }), fc.constantFrom<Direction>('up', 'down', 'left', 'right'), (xy, direction) => {
        const cands = xy.map(([x, y], i) => at(String(i), x, y));
        const plain = nearestInDirection({ x: 0, y: 0 }, cands, direction);
        const rotated = nearestInDirection({ x: 0, y: 0 }, cands.map((c) => ({ ...c, ...rotate(c) })), turned[direction]);
        expect(rotated?.id).toBe(plain?.id);
        if (plain) {
          // Whatever is chosen lies strictly that way, within 45° of the axis.
          const u = { right: [1, 0], left: [-1, 0], down: [0, 1], up: [0, -1] }[direction];
          const along = plain.x * u[0] + plain.y * u[1];
          expect(along).toBeGreaterThan(0);
          expect(Math.abs(plain.x * u[1] - plain.y * u[0])).toBeLessThanOrEqual(along);
        }
      }),
    );
  });
});

describe('patrol order: nearest neighbour from the start', () => {
  // Along one street, 0.001° of longitude apart (~103 m at 22.55° N), listed out of order.
  const p = (id: string, k: number) => ({ id, lat: 22.55, lng: 114.07 + k * 0.001 });
  const street = [p('a', 0), p('d', 3), p('b', 1.2), p('c', 2)];

  it('walks along the street from either end', () => {
    expect(nearestNeighbourOrder(street).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(nearestNeighbourOrder(street, 'd').map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
    // From the middle it goes to the nearer side first, then has to come back.
    expect(nearestNeighbourOrder(street, 'b').map((x) => x.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(nearestNeighbourOrder([])).toEqual([]);
  });

  it('falls back to the first point when the start is not among them', () => {
    expect(nearestNeighbourOrder(street, 'zzz')[0].id).toBe('a');
  });

  it('measures the walk', () => {
    const length = pathLengthMeters(nearestNeighbourOrder(street));
    expect(length).toBeGreaterThan(300);
    expect(length).toBeLessThan(312);
    expect(pathLengthMeters([street[0]])).toBe(0);
  });

  it('visits every point once, starts where asked, and always steps to the nearest one left', () => {
    const ll = fc.record({ lat: fc.double({ min: 22.5, max: 22.6, noNaN: true }), lng: fc.double({ min: 114.0, max: 114.1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(ll, { minLength: 1, maxLength: 30 }), fc.nat(), (coords, pick) => {
        const pts = coords.map((c, i) => ({ id: `p${i}`, ...c }));
        const start = pts[pick % pts.length].id;
        const order = nearestNeighbourOrder(pts, start);
        expect(order[0].id).toBe(start);
        expect(order.map((x) => x.id).sort()).toEqual(pts.map((x) => x.id).sort());
        for (let i = 1; i < order.length; i++) {
          const step = distanceMeters(order[i - 1], order[i]);
          for (const later of order.slice(i + 1)) expect(distanceMeters(order[i - 1], later)).toBeGreaterThanOrEqual(step);
        }
      }),
    );
  });
});

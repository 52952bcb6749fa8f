import { distanceMeters } from '../../../core/domain/hazards/points';

/** Pure geometry for keyboard focus and patrol ordering: no DOM, no Leaflet, tested alone. */

export type Direction = 'up' | 'down' | 'left' | 'right';

export const ARROW_DIRECTION: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

const UNIT: Record<Direction, { x: number; y: number }> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/**
 * The candidate a sighted user would call "the next one that way" on screen (pixels, y down):
 * inside the 90° cone around the arrow's direction, nearest first, with points off the axis
 * counting as further away so a point straight ahead wins over a closer one at 44°.
 * Null when nothing lies that way.
 */
export function nearestInDirection<T extends { id: string; x: number; y: number }>(from: { x: number; y: number }, candidates: readonly T[], direction: Direction, excludeId: string | null = null): T | null {
  const u = UNIT[direction];
  let best: T | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === excludeId) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * u.x + dy * u.y;
    const across = Math.abs(dx * u.y - dy * u.x);
    // Strictly ahead and within 45° of the axis; a point exactly on top of `from` is nowhere.
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The candidate nearest to a pixel, e.g. the map's centre when focus first enters the map. */
export function nearestTo<T extends { x: number; y: number }>(from: { x: number; y: number }, candidates: readonly T[]): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = (c.x - from.x) ** 2 + (c.y - from.y) ** 2;
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * A walking order for a patrol: start at `startId` (else the first point), then always the
 * nearest unvisited point (ground distance). Not the shortest tour, but the order a patroller
 * would pick on foot, and stable: ties keep the input order.
 */
export function nearestNeighbourOrder<T extends { id: string; lat: number; lng: number }>(points: readonly T[], startId: string | null = null): T[] {
  if (points.length === 0) return [];
  const left = [...points];
  const startIndex = Math.max(0, startId === null ? 0 : left.findIndex((p) => p.id === startId));
  const order = [left.splice(startIndex, 1)[0]];
  while (left.length) {
    const here = order[order.length - 1];
    let next = 0;
    let nextD = Infinity;
    for (let i = 0; i < left.length; i++) {
      const d = distanceMeters(here, left[i]);
      if (d < nextD) {
        next = i;
        nextD = d;
      }
    }
    order.push(left.splice(next, 1)[0]);
  }
  return order;
}

/** Total walking distance along an order, in metres (shown before saving a route). */
export function pathLengthMeters(points: readonly { lat: number; lng: number }[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distanceMeters(points[i - 1], points[i]);
  return total;
}

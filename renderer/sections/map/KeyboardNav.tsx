import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { worldX, worldY } from './mercator';
import { idOf, indexOfId, type DrawSet } from './model';
import { ARROW_DIRECTION, nearestInDirection, nearestTo, type Direction } from './nav';

export interface KeyboardNavProps {
  points: DrawSet;
  focusedId: string | null;
  /** Accessible name and instructions for the map container (it is the tab stop). */
  label: string;
  instructionsId: string;
  onFocusPoint(id: string): void;
  onNothingThatWay(direction: Direction): void;
  onOpen(id: string): void;
}

/** Keep a focused point this far inside the edges when panning to it, so its ring is whole. */
const PAN_PADDING: [number, number] = [80, 80];

type Candidate = { id: string; x: number; y: number };

/** The points as candidates for nav.ts, in zoom-0 pixels: a key press then searches 50k points without allocating. */
function candidatesOf(points: DrawSet): Candidate[] {
  const out = new Array<Candidate>(points.size);
  for (let k = 0; k < points.size; k++) out[k] = { id: idOf(points, k), x: points.x[k], y: points.y[k] };
  return out;
}

/**
 * Arrow keys move focus between points as drawn on screen; Enter opens the popup.
 * Shift+arrows, +/− and Escape stay Leaflet's (pan, zoom, close popup). Only keys aimed at
 * the map container itself are taken: typing in a popup's buttons is left alone.
 */
export function KeyboardNav({ points, focusedId, label, instructionsId, onFocusPoint, onNothingThatWay, onOpen }: KeyboardNavProps) {
  const map = useMap();
  const state = useRef({ points, focusedId, onFocusPoint, onNothingThatWay, onOpen });
  state.current = { points, focusedId, onFocusPoint, onNothingThatWay, onOpen };
  // Built after the first draw, when the browser is idle (or on the first key, if that comes sooner): not needed to see the map.
  const world = useRef<{ points: DrawSet; candidates: Candidate[] } | null>(null);
  const candidates = (): Candidate[] => {
    const current = state.current.points;
    if (world.current?.points !== current) world.current = { points: current, candidates: candidatesOf(current) };
    return world.current.candidates;
  };

  useEffect(() => {
    const idle = requestIdleCallback(() => candidates(), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [points]);

  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', 'map');
    container.setAttribute('aria-label', label);
    container.setAttribute('aria-describedby', instructionsId);
  }, [map, label, instructionsId]);

  useEffect(() => {
    const container = map.getContainer();
    const host = container.parentElement;
    if (!host) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== container || e.altKey || e.ctrlKey || e.metaKey) return;
      const { points, focusedId, onFocusPoint, onNothingThatWay, onOpen } = state.current;
      const direction = ARROW_DIRECTION[e.key];
      const focusedAt = focusedId ? indexOfId(points, focusedId) : -1;
      // A point in a layer switched off since it was focused is not opened.
      if (e.key === 'Enter' && focusedId && focusedAt >= 0) {
        e.preventDefault();
        onOpen(focusedId);
        return;
      }
      if (!direction || e.shiftKey || points.size === 0) return;
      // Captured on the parent, so Leaflet's own arrow-key panning never sees it.
      e.preventDefault();
      e.stopPropagation();
      const world = candidates();
      const current = focusedAt >= 0 ? world[focusedAt] : undefined;
      const centre = map.getCenter();
      const next = current ? nearestInDirection(current, world, direction, current.id) : nearestTo({ x: worldX(centre.lng), y: worldY(centre.lat) }, world);
      if (!next) {
        onNothingThatWay(direction);
        return;
      }
      map.panInside(map.unproject([next.x, next.y], 0), { padding: PAN_PADDING });
      onFocusPoint(next.id);
    };
    host.addEventListener('keydown', onKey, true);
    return () => host.removeEventListener('keydown', onKey, true);
  }, [map]);

  return null;
}

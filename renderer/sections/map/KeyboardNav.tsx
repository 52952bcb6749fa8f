import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { worldX, worldY, type DrawPoint } from './points-layer';
import { ARROW_DIRECTION, nearestInDirection, nearestTo, type Direction } from './nav';

export interface KeyboardNavProps {
  points: DrawPoint[];
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

/**
 * Arrow keys move focus between points as drawn on screen; Enter opens the popup.
 * Shift+arrows, +/− and Escape stay Leaflet's (pan, zoom, close popup). Only keys aimed at
 * the map container itself are taken: typing in a popup's buttons is left alone.
 */
export function KeyboardNav({ points, focusedId, label, instructionsId, onFocusPoint, onNothingThatWay, onOpen }: KeyboardNavProps) {
  const map = useMap();
  // Projected once per data change, in zoom-0 pixels: a key press then searches 50k points without allocating.
  const world = useMemo(() => points.map((p) => ({ id: p.id, x: worldX(p.lng), y: worldY(p.lat), lat: p.lat, lng: p.lng })), [points]);
  const state = useRef({ world, focusedId, onFocusPoint, onNothingThatWay, onOpen });
  state.current = { world, focusedId, onFocusPoint, onNothingThatWay, onOpen };

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
      const { world, focusedId, onFocusPoint, onNothingThatWay, onOpen } = state.current;
      const direction = ARROW_DIRECTION[e.key];
      // A point in a layer switched off since it was focused is not opened.
      if (e.key === 'Enter' && focusedId && world.some((p) => p.id === focusedId)) {
        e.preventDefault();
        onOpen(focusedId);
        return;
      }
      if (!direction || e.shiftKey || world.length === 0) return;
      // Captured on the parent, so Leaflet's own arrow-key panning never sees it.
      e.preventDefault();
      e.stopPropagation();
      const current = focusedId ? world.find((p) => p.id === focusedId) : undefined;
      const centre = map.getCenter();
      const next = current ? nearestInDirection(current, world, direction, current.id) : nearestTo({ x: worldX(centre.lng), y: worldY(centre.lat) }, world);
      if (!next) {
        onNothingThatWay(direction);
        return;
      }
      map.panInside([next.lat, next.lng], { padding: PAN_PADDING });
      onFocusPoint(next.id);
    };
    host.addEventListener('keydown', onKey, true);
    return () => host.removeEventListener('keydown', onKey, true);
  }, [map]);

  return null;
}

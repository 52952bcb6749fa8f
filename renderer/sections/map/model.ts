import type { MapLayers, MapMarkerPoint, MapView, Tileset } from '../../../core/contract/map';
import type { MapPoint } from '../../../core/contract/map-layers';
import { fromWgs84, toWgs84, type CoordSystem } from '../../../core/domain/geo/coords';
import { pointInPolygon } from '../../../core/domain/geo/geojson';
import type { DrawPoint } from './points-layer';
import { pointColour, pointShape, type ToggleId } from './style';

/** One thing on the map with a name: a domain's point or a map-owned marker (WGS-84). */
export type Feature = { type: 'point'; id: string; name: string; lat: number; lng: number; layer: ToggleId; point: MapPoint } | { type: 'marker'; id: string; name: string; lat: number; lng: number; layer: 'markers'; marker: MapMarkerPoint };

export function featuresOf(layers: MapLayers | undefined): Feature[] {
  if (!layers) return [];
  return [
    ...layers.points.map((point): Feature => ({ type: 'point', id: point.id, name: point.name, lat: point.lat, lng: point.lng, layer: point.layer, point })),
    ...layers.markers.map((marker): Feature => ({ type: 'marker', id: marker.id, name: marker.name, lat: marker.lat, lng: marker.lng, layer: 'markers', marker })),
  ];
}

/**
 * The coordinate system the overlay must be drawn in: that of the top visible base map.
 * Data stays WGS-84; only what is drawn shifts, so a GCJ-02 base map and a GPS point agree.
 */
export function displaySystem(view: MapView | undefined, online: { url: string; system: CoordSystem }): CoordSystem {
  const bases = (view?.tilesets ?? []).filter((t: Tileset) => t.visible && t.kind === 'base');
  if (bases.length) return bases[bases.length - 1].coordSystem;
  return online.url ? online.system : 'wgs84';
}

/** WGS-84 → what is drawn. */
export function toDisplay(lat: number, lng: number, system: CoordSystem): { lat: number; lng: number } {
  return system === 'wgs84' ? { lat, lng } : fromWgs84(lat, lng, system);
}

/** What is drawn (a click, a drag) → WGS-84 for storage. */
export function fromDisplay(lat: number, lng: number, system: CoordSystem): { lat: number; lng: number } {
  return system === 'wgs84' ? { lat, lng } : toWgs84(lat, lng, system);
}

export function drawPoints(features: Feature[], enabled: ReadonlySet<ToggleId>, system: CoordSystem): DrawPoint[] {
  const out: DrawPoint[] = [];
  for (const f of features) {
    if (!enabled.has(f.layer)) continue;
    const at = toDisplay(f.lat, f.lng, system);
    if (f.type === 'point') out.push({ id: f.id, label: f.name, ...at, colour: pointColour(f.point.layer, f.point.level), shape: pointShape(f.point.layer, f.point.kind), alert: f.point.alert });
    else out.push({ id: f.id, label: f.name, ...at, colour: pointColour('markers', f.marker.kind), shape: f.marker.kind === 'shelter' ? 'house' : f.marker.kind === 'hazard' ? 'triangle' : f.marker.kind === 'gauge' ? 'diamond' : 'circle', alert: false });
  }
  return out;
}

/** Converts every position in a GeoJSON value (for drawing a boundary over a GCJ-02 base map). */
export function shiftGeoJson(value: unknown, system: CoordSystem): unknown {
  if (system === 'wgs84') return value;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      if (node.length >= 2 && typeof node[0] === 'number' && typeof node[1] === 'number') {
        const p = toDisplay(node[1], node[0], system);
        return [p.lng, p.lat, ...node.slice(2)];
      }
      return node.map(walk);
    }
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ? v : walk(v)]));
    return node;
  };
  return walk(value);
}

/** Features inside a drawn polygon (vertices in WGS-84 [lng, lat]). */
export function selectInside(features: Feature[], enabled: ReadonlySet<ToggleId>, ring: [number, number][]): Feature[] {
  if (ring.length < 3) return [];
  const closed = [...ring, ring[0]];
  return features.filter((f) => enabled.has(f.layer) && pointInPolygon([f.lng, f.lat], [closed]));
}

export function search(features: Feature[], query: string, limit = 20): Feature[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: Feature[] = [];
  for (const f of features) {
    if (f.name.toLowerCase().includes(q)) out.push(f);
    if (out.length >= limit) break;
  }
  return out;
}

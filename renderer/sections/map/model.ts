import type { MapView, Tileset } from '../../../core/contract/map';
import { pointAt, type MapPoint, type PointColumns } from '../../../core/contract/map-layers';
import { fromWgs84, toWgs84, type CoordSystem } from '../../../core/domain/geo/coords';
import { pointInPolygon } from '../../../core/domain/geo/geojson';
import { worldX, worldY } from './mercator';
import { pointColour, pointShape, type Shape, type ToggleId } from './style';

/** One thing on the map with a name: a domain's point or a map-owned marker (WGS-84), made only when someone needs it. */
export type Feature = MapPoint;

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

export interface Look {
  colour: string;
  shape: Shape;
}

/**
 * Every point of the enabled layers, ready to draw, as typed arrays: 50k points cost five
 * allocations, not 50k objects. Point k is row `row[k]` of `sources[source[k]]`.
 */
export interface DrawSet {
  size: number;
  /** Zoom-0 Web Mercator pixels of the point as drawn (shifted for a GCJ-02 base map). */
  x: Float64Array;
  y: Float64Array;
  /** Index into `looks`: colour and outline by layer, kind and level. */
  look: Uint32Array;
  looks: Look[];
  alert: Uint8Array;
  source: Uint8Array;
  row: Uint32Array;
  sources: PointColumns[];
}

export function drawSet(layers: readonly PointColumns[] | undefined, enabled: ReadonlySet<ToggleId>, system: CoordSystem): DrawSet {
  const sources = (layers ?? []).filter((c) => enabled.has(c.layer));
  const size = sources.reduce((n, c) => n + c.ids.length, 0);
  const set: DrawSet = { size, x: new Float64Array(size), y: new Float64Array(size), look: new Uint32Array(size), looks: [], alert: new Uint8Array(size), source: new Uint8Array(size), row: new Uint32Array(size), sources };
  let k = 0;
  sources.forEach((c, s) => {
    // Every kind × level pair of the layer, so a point's look is one multiply-add.
    const base = set.looks.length;
    for (const kind of c.kinds) for (const level of c.levels) set.looks.push({ colour: pointColour(c.layer, level), shape: pointShape(c.layer, kind) });
    const first = k;
    for (let i = 0; i < c.ids.length; i++, k++) {
      let lat = c.lat[i];
      let lng = c.lng[i];
      if (system !== 'wgs84') ({ lat, lng } = fromWgs84(lat, lng, system));
      set.x[k] = worldX(lng);
      set.y[k] = worldY(lat);
      set.look[k] = base + c.kind[i] * c.levels.length + c.level[i];
      set.source[k] = s;
      set.row[k] = i;
    }
    for (const i of c.alerts) set.alert[first + i] = 1;
  });
  return set;
}

export const EMPTY_DRAW_SET = drawSet([], new Set(), 'wgs84');

export const featureOf = (set: DrawSet, k: number): Feature => pointAt(set.sources[set.source[k]], set.row[k]);

export const idOf = (set: DrawSet, k: number): string => set.sources[set.source[k]].ids[set.row[k]];

export const nameOf = (set: DrawSet, k: number): string => set.sources[set.source[k]].names[set.row[k]];

/** Where a point is in the draw set, or −1 (not loaded, or its layer is off). */
export function indexOfId(set: DrawSet, id: string): number {
  let k = 0;
  for (const c of set.sources) {
    const i = c.ids.indexOf(id);
    if (i >= 0) return k + i;
    k += c.ids.length;
  }
  return -1;
}

/** A point of any layer, shown or not, by id. */
export function findFeature(layers: readonly PointColumns[] | undefined, id: string): Feature | null {
  for (const c of layers ?? []) {
    const i = c.ids.indexOf(id);
    if (i >= 0) return pointAt(c, i);
  }
  return null;
}

export function layerCounts(layers: readonly PointColumns[] | undefined): Map<ToggleId, number> {
  return new Map((layers ?? []).map((c) => [c.layer, c.ids.length]));
}

/** Features inside a drawn polygon (vertices in WGS-84 [lng, lat]). */
export function selectInside(layers: readonly PointColumns[] | undefined, enabled: ReadonlySet<ToggleId>, ring: [number, number][]): Feature[] {
  if (ring.length < 3) return [];
  const closed = [[...ring, ring[0]]];
  const out: Feature[] = [];
  for (const c of layers ?? []) {
    if (!enabled.has(c.layer)) continue;
    for (let i = 0; i < c.ids.length; i++) if (pointInPolygon([c.lng[i], c.lat[i]], closed)) out.push(pointAt(c, i));
  }
  return out;
}

/** Lower-cased names, built on the first search rather than before the first draw. */
const searchable = new WeakMap<PointColumns, string[]>();

export function search(layers: readonly PointColumns[] | undefined, query: string, limit = 20): Feature[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: Feature[] = [];
  for (const c of layers ?? []) {
    let names = searchable.get(c);
    if (!names) searchable.set(c, (names = c.names.map((n) => n.toLowerCase())));
    for (let i = 0; i < names.length && out.length < limit; i++) if (names[i].includes(q)) out.push(pointAt(c, i));
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

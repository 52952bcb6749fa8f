import gcoord from 'gcoord';
import { ValidationError } from '../../errors';
import { isInChina, isValidLatLng, type LatLng } from '../hazards/points';

/**
 * Coordinate systems met in a Chinese duty room. Everything is stored as WGS-84
 * (CGCS2000 and Tianditu are the same at this scale); points copied from Gaode/Tencent
 * (GCJ-02) or Baidu (BD-09) are hundreds of metres off until converted.
 */

export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09';

export const COORD_SYSTEMS: readonly CoordSystem[] = ['wgs84', 'gcj02', 'bd09'];

export const COORD_SYSTEM_LABELS: Record<CoordSystem, { zh: string; en: string }> = {
  wgs84: { zh: 'WGS-84 / CGCS2000（GPS、天地图）', en: 'WGS-84 / CGCS2000 (GPS, Tianditu)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Gaode/AMap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
};

type Position = [number, number];

function check(lat: number, lng: number): void {
  if (!isValidLatLng(lat, lng)) {
    throw new ValidationError('errors.geo.invalidCoordinate', 'Latitude must be within ±90 and longitude within ±180', { lat: String(lat), lng: String(lng) });
  }
}

/*
 * GCJ-02 only shifts points in China, and gcoord's own "in China" box reaches the edge of
 * its inverse: gcoord 1.0.7's GCJ-02 → WGS-84 iteration never ends for inputs a few metres
 * inside that box's west and south edges (e.g. [72.0041, 30]), which would freeze the app.
 * So the shift is applied only inside our own, smaller box (more than a degree inside
 * gcoord's), the same test in both directions so that round trips agree.
 */
function shifted(lat: number, lng: number): boolean {
  return isInChina(lat, lng);
}

function gcjFromWgs([lng, lat]: Position): Position {
  return shifted(lat, lng) ? (gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as Position) : [lng, lat];
}

function wgsFromGcj([lng, lat]: Position): Position {
  return shifted(lat, lng) ? (gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as Position) : [lng, lat];
}

/*
 * BD-09 is GCJ-02 plus a further fixed offset that Baidu applies everywhere; only the
 * GCJ-02 part depends on being in China.
 */
function bdFromGcj(p: Position): Position {
  return gcoord.transform([...p] as Position, gcoord.GCJ02, gcoord.BD09) as Position;
}

function gcjFromBd(p: Position): Position {
  return gcoord.transform([...p] as Position, gcoord.BD09, gcoord.GCJ02) as Position;
}

function toLatLng([lng, lat]: Position): LatLng {
  return { lat, lng };
}

/** A point read in `system` as WGS-84. */
export function toWgs84(lat: number, lng: number, system: CoordSystem): LatLng {
  check(lat, lng);
  if (system === 'wgs84') return { lat, lng };
  const gcj: Position = system === 'gcj02' ? [lng, lat] : gcjFromBd([lng, lat]);
  return toLatLng(wgsFromGcj(gcj));
}

/** A WGS-84 point expressed in `system` (to open it in Gaode or Baidu, say). */
export function fromWgs84(lat: number, lng: number, system: CoordSystem): LatLng {
  check(lat, lng);
  if (system === 'wgs84') return { lat, lng };
  const gcj = gcjFromWgs([lng, lat]);
  return toLatLng(system === 'gcj02' ? gcj : bdFromGcj(gcj));
}

export function convertCoords(lat: number, lng: number, from: CoordSystem, to: CoordSystem): LatLng {
  if (from === to) {
    check(lat, lng);
    return { lat, lng };
  }
  const wgs = toWgs84(lat, lng, from);
  return fromWgs84(wgs.lat, wgs.lng, to);
}

export function isCoordSystem(value: unknown): value is CoordSystem {
  return typeof value === 'string' && (COORD_SYSTEMS as readonly string[]).includes(value);
}

/**
 * Checks for GeoJSON brought in by users (unit boundaries, shelters, points exported from
 * GIS). RFC 7946: positions are [lng, lat(, alt)] in WGS-84 and there is no `crs` member;
 * older files may carry one, and exports in projected metres (EPSG:3857, Gauss-Krüger)
 * or with lat/lng swapped are common, so the messages say which mistake it looks like.
 * Not checked: ring orientation (RFC 7946 says parsers must not reject it) and
 * self-intersection.
 */

export type Position = number[];
export type BBox = [number, number, number, number];

export type GeometryType = 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon' | 'GeometryCollection';

export interface Geometry {
  type: GeometryType;
  coordinates?: unknown;
  geometries?: Geometry[];
}

export type GeoJsonKind = 'FeatureCollection' | 'Feature' | 'Geometry';

export type GeoJsonIssueCode =
  | 'not_object'
  | 'unknown_type'
  | 'bad_features'
  | 'bad_feature'
  | 'null_geometry'
  | 'bad_coordinates'
  | 'non_finite'
  | 'lat_out_of_range'
  | 'lng_out_of_range'
  | 'too_few_positions'
  | 'ring_not_closed'
  | 'non_wgs84_crs'
  | 'too_many_features';

export interface GeoJsonIssue {
  /** Index in `features`; null for a problem with the whole document or a bare geometry. */
  featureIndex: number | null;
  path: string;
  code: GeoJsonIssueCode;
  /** Errors make the feature unusable; warnings are worth telling (a feature with no location). */
  severity: 'error' | 'warning';
  message: string;
  messageZh: string;
}

export interface GeoJsonLimits {
  /** Larger files are refused before any feature is read: they would freeze the map. */
  maxFeatures: number;
  /** Stop listing problems after this many; a broken export repeats the same one. */
  maxIssues: number;
}

export const DEFAULT_GEOJSON_LIMITS: GeoJsonLimits = { maxFeatures: 10_000, maxIssues: 100 };

export interface GeoJsonValidation {
  ok: boolean;
  kind: GeoJsonKind | null;
  featureCount: number;
  issues: GeoJsonIssue[];
  /** More issues were found than `maxIssues`. */
  truncated: boolean;
}

const GEOMETRY_TYPES: readonly string[] = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/** Names under which old-style `crs` members mean plain lng/lat degrees on WGS-84 or CGCS2000. */
const LNG_LAT_CRS = /(CRS84|EPSG:{1,2}(4326|4490))$/i;

class Collector {
  readonly issues: GeoJsonIssue[] = [];
  truncated = false;
  constructor(private readonly max: number) {}

  get full(): boolean {
    return this.truncated;
  }

  add(featureIndex: number | null, path: string, code: GeoJsonIssueCode, message: string, messageZh: string, severity: 'error' | 'warning' = 'error'): void {
    if (this.issues.length >= this.max) {
      this.truncated = true;
      return;
    }
    this.issues.push({ featureIndex, path, code, severity, message, messageZh });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPosition(p: unknown, at: string, fi: number | null, out: Collector): p is Position {
  if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number')) {
    out.add(fi, at, 'bad_coordinates', 'A position must be [longitude, latitude]', '坐标须为 [经度, 纬度]');
    return false;
  }
  const [lng, lat] = p as number[];
  if (!p.every(Number.isFinite)) {
    out.add(fi, at, 'non_finite', 'The position has a non-finite number', '坐标包含非有限数值');
    return false;
  }
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    const projected = Math.abs(lng) > 1000 || Math.abs(lat) > 1000;
    const swapped = !projected && Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
    const hintEn = projected ? ' (looks like projected metres; export as WGS-84 degrees)' : swapped ? ' (latitude and longitude look swapped)' : '';
    const hintZh = projected ? '（疑似投影坐标，请导出为 WGS-84 经纬度）' : swapped ? '（经纬度可能颠倒）' : '';
    if (Math.abs(lat) > 90) out.add(fi, at, 'lat_out_of_range', `Latitude ${lat} is outside ±90${hintEn}`, `纬度 ${lat} 超出 ±90${hintZh}`);
    else out.add(fi, at, 'lng_out_of_range', `Longitude ${lng} is outside ±180${hintEn}`, `经度 ${lng} 超出 ±180${hintZh}`);
    return false;
  }
  return true;
}

function checkLine(line: unknown, at: string, fi: number | null, out: Collector, minPositions: number, ring: boolean): void {
  if (!Array.isArray(line)) {
    out.add(fi, at, 'bad_coordinates', 'Expected a list of positions', '应为坐标列表');
    return;
  }
  let allValid = true;
  line.forEach((p, i) => {
    if (!checkPosition(p, `${at}[${i}]`, fi, out)) allValid = false;
  });
  if (line.length < minPositions) {
    const what = ring ? 'A polygon ring' : 'A line';
    const whatZh = ring ? '多边形环' : '线';
    out.add(fi, at, 'too_few_positions', `${what} needs at least ${minPositions} positions, has ${line.length}`, `${whatZh}至少需要 ${minPositions} 个点，实有 ${line.length} 个`);
    return;
  }
  if (ring && allValid) {
    const first = line[0] as Position;
    const last = line[line.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      out.add(fi, at, 'ring_not_closed', 'A polygon ring must end where it starts', '多边形环的首尾点必须相同');
    }
  }
}

function checkList(value: unknown, at: string, fi: number | null, out: Collector, each: (item: unknown, path: string) => void): void {
  if (!Array.isArray(value)) {
    out.add(fi, at, 'bad_coordinates', 'Expected a list', '应为列表');
    return;
  }
  value.forEach((item, i) => each(item, `${at}[${i}]`));
}

function checkGeometry(g: unknown, at: string, fi: number | null, out: Collector): void {
  if (!isObject(g) || typeof g.type !== 'string' || !GEOMETRY_TYPES.includes(g.type)) {
    const type = isObject(g) ? String(g.type) : typeof g;
    out.add(fi, at, 'unknown_type', `Unknown geometry type “${type}”`, `无法识别的几何类型“${type}”`);
    return;
  }
  const c = g.coordinates;
  const path = `${at}.coordinates`;
  switch (g.type) {
    case 'Point':
      checkPosition(c, path, fi, out);
      return;
    case 'MultiPoint':
      checkList(c, path, fi, out, (p, pp) => checkPosition(p, pp, fi, out));
      return;
    case 'LineString':
      checkLine(c, path, fi, out, 2, false);
      return;
    case 'MultiLineString':
      checkList(c, path, fi, out, (l, lp) => checkLine(l, lp, fi, out, 2, false));
      return;
    case 'Polygon':
      checkList(c, path, fi, out, (r, rp) => checkLine(r, rp, fi, out, 4, true));
      return;
    case 'MultiPolygon':
      checkList(c, path, fi, out, (poly, pp) => checkList(poly, pp, fi, out, (r, rp) => checkLine(r, rp, fi, out, 4, true)));
      return;
    case 'GeometryCollection':
      checkList(g.geometries, `${at}.geometries`, fi, out, (sub, sp) => checkGeometry(sub, sp, fi, out));
      return;
  }
}

function checkFeature(f: unknown, at: string, fi: number | null, out: Collector): void {
  if (!isObject(f) || f.type !== 'Feature') {
    out.add(fi, at, 'bad_feature', 'Expected a Feature', '应为 Feature 要素');
    return;
  }
  if (!('geometry' in f)) {
    out.add(fi, at, 'bad_feature', 'The feature has no geometry member', '要素缺少 geometry 成员');
    return;
  }
  if (f.geometry === null) {
    out.add(fi, `${at}.geometry`, 'null_geometry', 'The feature has no location', '要素没有位置', 'warning');
    return;
  }
  checkGeometry(f.geometry, `${at}.geometry`, fi, out);
}

function checkCrs(doc: Record<string, unknown>, out: Collector): void {
  if (doc.crs === undefined || doc.crs === null) return;
  const name = isObject(doc.crs) && isObject(doc.crs.properties) ? String(doc.crs.properties.name ?? '') : '';
  if (!LNG_LAT_CRS.test(name)) {
    out.add(null, 'crs', 'non_wgs84_crs', `Coordinates are in ${name || 'an unknown system'}; export as WGS-84 (EPSG:4326)`, `坐标系为 ${name || '未知'}，请导出为 WGS-84（EPSG:4326）`);
  }
}

/** Validates a FeatureCollection, a Feature or a bare geometry. */
export function validateGeoJson(input: unknown, limits: Partial<GeoJsonLimits> = {}): GeoJsonValidation {
  const { maxFeatures, maxIssues } = { ...DEFAULT_GEOJSON_LIMITS, ...limits };
  const out = new Collector(maxIssues);
  const done = (kind: GeoJsonKind | null, featureCount: number): GeoJsonValidation => ({
    ok: !out.issues.some((i) => i.severity === 'error'),
    kind,
    featureCount,
    issues: out.issues,
    truncated: out.truncated,
  });
  if (!isObject(input)) {
    out.add(null, '', 'not_object', 'Not a GeoJSON object', '不是 GeoJSON 对象');
    return done(null, 0);
  }
  checkCrs(input, out);
  if (input.type === 'FeatureCollection') {
    if (!Array.isArray(input.features)) {
      out.add(null, 'features', 'bad_features', 'A FeatureCollection needs a features list', 'FeatureCollection 须包含 features 列表');
      return done('FeatureCollection', 0);
    }
    const count = input.features.length;
    if (count > maxFeatures) {
      out.add(null, 'features', 'too_many_features', `${count} features is more than the limit of ${maxFeatures}`, `要素数 ${count} 超过上限 ${maxFeatures}`);
      return done('FeatureCollection', count);
    }
    for (let i = 0; i < count && !out.full; i++) checkFeature(input.features[i], `features[${i}]`, i, out);
    return done('FeatureCollection', count);
  }
  if (input.type === 'Feature') {
    checkFeature(input, '', 0, out);
    return done('Feature', 1);
  }
  checkGeometry(input, '', null, out);
  return done(out.issues.some((i) => i.code === 'unknown_type' && i.path === '') ? null : 'Geometry', 0);
}

function eachPosition(value: unknown, visit: (p: Position) => void): void {
  if (!Array.isArray(value)) return;
  if (value.length >= 2 && typeof value[0] === 'number') {
    visit(value as Position);
    return;
  }
  for (const item of value) eachPosition(item, visit);
}

function eachGeometry(node: unknown, visit: (g: Record<string, unknown>) => void): void {
  if (!isObject(node)) return;
  if (node.type === 'FeatureCollection' && Array.isArray(node.features)) node.features.forEach((f) => eachGeometry(f, visit));
  else if (node.type === 'Feature') eachGeometry(node.geometry, visit);
  else if (node.type === 'GeometryCollection' && Array.isArray(node.geometries)) node.geometries.forEach((g) => eachGeometry(g, visit));
  else visit(node);
}

/** [west, south, east, north] over every finite position; null when there is none. */
export function bboxOf(geojson: unknown): BBox | null {
  let box: BBox | null = null;
  eachGeometry(geojson, (g) =>
    eachPosition(g.coordinates, ([lng, lat]) => {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
      if (!box) box = [lng, lat, lng, lat];
      else box = [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)];
    }),
  );
  return box;
}

type RingSide = 'inside' | 'outside' | 'boundary';

function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  if (Math.abs(cross) > 1e-12 * Math.max(1, Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]))) return false;
  return p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
}

/** Even-odd ray casting on the plane of lng/lat, fine at street scale. */
function ringSide(p: Position, ring: readonly Position[]): RingSide {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (onSegment(p, a, b)) return 'boundary';
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/**
 * Whether [lng, lat] lies in a polygon given as rings (outer first, then holes). A point on
 * an edge counts as inside, so a point on the street's boundary line belongs to the street.
 */
export function pointInPolygon(point: Position, rings: readonly (readonly Position[])[]): boolean {
  if (!rings.length) return false;
  const outer = ringSide(point, rings[0]);
  if (outer !== 'inside') return outer === 'boundary';
  return rings.slice(1).every((hole) => ringSide(point, hole) !== 'inside');
}

/** Point in a Polygon or MultiPolygon geometry; false for any other type. */
export function pointInGeometry(point: Position, geometry: Geometry): boolean {
  if (geometry.type === 'Polygon') return pointInPolygon(point, geometry.coordinates as Position[][]);
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).some((poly) => pointInPolygon(point, poly));
  if (geometry.type === 'GeometryCollection') return (geometry.geometries ?? []).some((g) => pointInGeometry(point, g));
  return false;
}

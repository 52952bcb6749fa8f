/**
 * Pure helpers for MBTiles files (SQLite with `metadata` and `tiles` tables). The file
 * stores rows in TMS order (row 0 at the south); web maps ask for XYZ (row 0 at the north).
 * Real files are loose about metadata: `format` is often missing (TileMill exports),
 * values may be NULL, `attribution` may be empty. So parsing never throws; it reports.
 */

export const MAX_ZOOM = 30;

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

export interface TmsCoord {
  z: number;
  x: number;
  tileRow: number;
}

export function isValidTileCoord(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

function assertTile(z: number, x: number, row: number): void {
  if (!isValidTileCoord(z, x, row)) throw new RangeError(`tile ${z}/${x}/${row} does not exist`);
}

/** y = 2^z − 1 − tile_row. Throws `RangeError` for a tile that cannot exist. */
export function tmsToXyz(z: number, x: number, tileRow: number): TileCoord {
  assertTile(z, x, tileRow);
  return { z, x, y: 2 ** z - 1 - tileRow };
}

/** The inverse of `tmsToXyz` (the flip is its own inverse). */
export function xyzToTms(z: number, x: number, y: number): TmsCoord {
  assertTile(z, x, y);
  return { z, x, tileRow: 2 ** z - 1 - y };
}

export type TileFormat = 'png' | 'jpg' | 'webp' | 'pbf' | 'unknown';

const FORMAT_ALIASES: Record<string, Exclude<TileFormat, 'unknown'>> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  pbf: 'pbf',
  mvt: 'pbf',
};

export type MetadataIssueCode =
  | 'missing_name'
  | 'missing_format'
  | 'unknown_format'
  | 'bad_bounds'
  | 'bad_center'
  | 'bad_zoom'
  | 'zoom_order'
  | 'center_outside'
  | 'bad_type'
  | 'format_mismatch';

export interface MetadataIssue {
  field: string;
  code: MetadataIssueCode;
  /** Errors make a value unusable (it is left out); warnings are for the import report. */
  severity: 'error' | 'warning';
  message: string;
  messageZh: string;
}

export interface MbtilesMetadata {
  name: string;
  format: TileFormat;
  /** [west, south, east, north], WGS-84 degrees. */
  bounds?: [number, number, number, number];
  /** [lng, lat, zoom]. */
  center?: [number, number, number];
  minzoom?: number;
  maxzoom?: number;
  attribution?: string;
  description?: string;
  version?: string;
  type?: 'baselayer' | 'overlay';
  /** Every row, for anything not understood above (`json`, `legend`, …). */
  raw: Record<string, string>;
}

export interface ParsedMetadata {
  metadata: MbtilesMetadata;
  issues: MetadataIssue[];
}

function numbers(value: string, count: number): number[] | null {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== count || parts.some((p) => p === '')) return null;
  const out = parts.map(Number);
  return out.every(Number.isFinite) ? out : null;
}

function zoom(value: string): number | null {
  const z = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(z) && z >= 0 && z <= MAX_ZOOM ? z : null;
}

/**
 * Reads the `metadata` rows. `sampleTile` (any one tile's bytes) fills in a missing format
 * and exposes a wrong one.
 */
export function parseMetadata(rows: readonly { name: string; value: string | null }[], sampleTile?: Uint8Array): ParsedMetadata {
  const raw: Record<string, string> = {};
  for (const row of rows) if (row.value !== null && row.value !== undefined) raw[row.name] = String(row.value);
  const issues: MetadataIssue[] = [];
  const issue = (field: string, code: MetadataIssueCode, severity: MetadataIssue['severity'], message: string, messageZh: string) =>
    issues.push({ field, code, severity, message, messageZh });
  const metadata: MbtilesMetadata = { name: raw.name?.trim() ?? '', format: 'unknown', raw };

  if (!metadata.name) issue('name', 'missing_name', 'warning', 'The tile set has no name', '瓦片集没有名称');

  const detected = sampleTile ? detectTileFormat(sampleTile) : 'unknown';
  const declared = raw.format?.trim().toLowerCase();
  if (!declared) {
    metadata.format = detected;
    if (detected === 'unknown') issue('format', 'missing_format', 'warning', 'The tile format is not stated', '未注明瓦片格式');
  } else if (!(declared in FORMAT_ALIASES)) {
    metadata.format = detected;
    issue('format', 'unknown_format', 'error', `Unknown tile format “${raw.format}”`, `无法识别的瓦片格式“${raw.format}”`);
  } else {
    metadata.format = FORMAT_ALIASES[declared];
    if (detected !== 'unknown' && detected !== metadata.format) {
      metadata.format = detected;
      issue('format', 'format_mismatch', 'warning', `Stated format ${declared} but tiles are ${detected}`, `声明格式为 ${declared}，实际瓦片为 ${detected}`);
    }
  }

  if (raw.bounds !== undefined) {
    const b = numbers(raw.bounds, 4);
    const ok = b && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] < b[2] && b[1] < b[3];
    if (ok) metadata.bounds = [b[0], b[1], b[2], b[3]];
    else issue('bounds', 'bad_bounds', 'error', `Bounds “${raw.bounds}” are not west,south,east,north in degrees`, `范围“${raw.bounds}”不是有效的 西,南,东,北 经纬度`);
  }

  for (const field of ['minzoom', 'maxzoom'] as const) {
    if (raw[field] === undefined) continue;
    const z = zoom(raw[field]);
    if (z === null) issue(field, 'bad_zoom', 'error', `${field} “${raw[field]}” is not a zoom level 0–${MAX_ZOOM}`, `${field}“${raw[field]}”不是 0–${MAX_ZOOM} 的缩放级别`);
    else metadata[field] = z;
  }
  if (metadata.minzoom !== undefined && metadata.maxzoom !== undefined && metadata.minzoom > metadata.maxzoom) {
    issue('minzoom', 'zoom_order', 'error', 'minzoom is greater than maxzoom', '最小缩放级别大于最大缩放级别');
    delete metadata.minzoom;
    delete metadata.maxzoom;
  }

  if (raw.center !== undefined) {
    const c = numbers(raw.center, 3) ?? numbers(raw.center, 2);
    const ok = c && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90 && (c.length === 2 || (Number.isInteger(c[2]) && c[2] >= 0 && c[2] <= MAX_ZOOM));
    if (!ok) {
      issue('center', 'bad_center', 'error', `Center “${raw.center}” is not lng,lat,zoom`, `中心点“${raw.center}”不是有效的 经度,纬度,缩放级别`);
    } else {
      metadata.center = [c[0], c[1], c[2] ?? metadata.minzoom ?? 0];
      const [w, s, e, n] = metadata.bounds ?? [-180, -90, 180, 90];
      if (c[0] < w || c[0] > e || c[1] < s || c[1] > n) issue('center', 'center_outside', 'warning', 'The center lies outside the bounds', '中心点不在范围内');
    }
  }

  if (raw.type !== undefined) {
    const t = raw.type.trim().toLowerCase();
    if (t === 'baselayer' || t === 'overlay') metadata.type = t;
    else issue('type', 'bad_type', 'warning', `Type “${raw.type}” is neither baselayer nor overlay`, `类型“${raw.type}”不是 baselayer 或 overlay`);
  }

  for (const field of ['attribution', 'description', 'version'] as const) {
    const v = raw[field]?.trim();
    if (v) metadata[field] = v;
  }
  return { metadata, issues };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const GZIP = [0x1f, 0x8b];
const ZLIB_FIRST = 0x78;

export function isGzipped(bytes: Uint8Array): boolean {
  return startsWith(bytes, GZIP);
}

/**
 * The tile's format from its first bytes. Vector tiles are usually gzip- (sometimes zlib-)
 * compressed; an uncompressed one starts with 0x1A, the tag of the tile's only field
 * (layers, field 3, length-delimited).
 */
export function detectTileFormat(bytes: Uint8Array): TileFormat {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpg';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  if (isGzipped(bytes)) return 'pbf';
  if (bytes.length >= 2 && bytes[0] === ZLIB_FIRST && ((bytes[0] << 8) | bytes[1]) % 31 === 0) return 'pbf';
  if (bytes.length >= 2 && bytes[0] === 0x1a) return 'pbf';
  return 'unknown';
}

const MIME: Record<TileFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
  unknown: 'application/octet-stream',
};

export function mimeOf(format: TileFormat): string {
  return MIME[format];
}

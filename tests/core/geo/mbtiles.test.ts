import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTileFormat, isGzipped, isValidTileCoord, mimeOf, parseMetadata, tmsToXyz, xyzToTms } from '../../../core/domain/geo/mbtiles';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/** First bytes of tile 0/0/0 in /work/shared/data/mbtiles/plain_1.mbtiles and geography-class-jpg.mbtiles. */
const PLAIN_1_TILE = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
const GEOGRAPHY_CLASS_TILE = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01);

describe('TMS ⇄ XYZ', () => {
  it('flips the row: y = 2^z − 1 − tile_row', () => {
    expect(tmsToXyz(0, 0, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(tmsToXyz(1, 0, 0)).toEqual({ z: 1, x: 0, y: 1 });
    expect(tmsToXyz(3, 2, 1)).toEqual({ z: 3, x: 2, y: 6 });
    // plain_1.mbtiles has rows 3..15 at zoom 4: row 3 is XYZ row 12, row 15 is the top row 0.
    expect(tmsToXyz(4, 0, 3).y).toBe(12);
    expect(tmsToXyz(4, 0, 15).y).toBe(0);
    expect(xyzToTms(3, 2, 6)).toEqual({ z: 3, x: 2, tileRow: 1 });
  });

  it('round-trips every valid tile', () => {
    const tile = fc.integer({ min: 0, max: 22 }).chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: 2 ** z - 1 }), fc.integer({ min: 0, max: 2 ** z - 1 })));
    fc.assert(
      fc.property(tile, ([z, x, row]) => {
        const { y } = tmsToXyz(z, x, row);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(xyzToTms(z, x, y).tileRow).toBe(row);
      }),
    );
  });

  it('refuses tiles that cannot exist', () => {
    expect(isValidTileCoord(2, 3, 3)).toBe(true);
    expect(isValidTileCoord(2, 4, 0)).toBe(false);
    expect(isValidTileCoord(-1, 0, 0)).toBe(false);
    expect(isValidTileCoord(1, 0.5, 0)).toBe(false);
    expect(isValidTileCoord(31, 0, 0)).toBe(false);
    expect(() => tmsToXyz(1, 0, 2)).toThrow(RangeError);
    expect(() => xyzToTms(0, 1, 0)).toThrow(RangeError);
  });
});

describe('parseMetadata', () => {
  // The metadata rows of plain_1.mbtiles as stored (note: no format, a NULL formatter).
  const plain1 = [
    { name: 'name', value: 'plain_1' },
    { name: 'type', value: 'baselayer' },
    { name: 'description', value: 'demo description' },
    { name: 'version', value: '1.0.3' },
    { name: 'formatter', value: null },
    { name: 'bounds', value: '-179.9999999749438,-69.99999999526695,179.9999999749438,84.99999999782301' },
    { name: 'json', value: '{"level1":{"level2":"property"},"version":"2.0.0"}' },
  ];
  // geography-class-jpg.mbtiles: no format either, and an empty attribution.
  const geographyClass = [
    { name: 'bounds', value: '-180,-85.0511,180,85.0511' },
    { name: 'minzoom', value: '0' },
    { name: 'maxzoom', value: '1' },
    { name: 'name', value: 'Geography Class' },
    { name: 'attribution', value: '' },
    { name: 'version', value: '1.0.0' },
  ];

  it('reads plain_1: format missing until a tile is shown, NULL values skipped', () => {
    const { metadata, issues } = parseMetadata(plain1);
    expect(metadata).toMatchObject({ name: 'plain_1', type: 'baselayer', format: 'unknown', version: '1.0.3', description: 'demo description' });
    expect(metadata.bounds).toEqual([-179.9999999749438, -69.99999999526695, 179.9999999749438, 84.99999999782301]);
    expect(metadata.raw.json).toContain('level2');
    expect('formatter' in metadata.raw).toBe(false);
    expect(issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:missing_format']);

    const withTile = parseMetadata(plain1, PLAIN_1_TILE);
    expect(withTile.metadata.format).toBe('png');
    expect(withTile.issues).toEqual([]);
  });

  it('reads geography-class: zooms as numbers, empty attribution left out', () => {
    const { metadata, issues } = parseMetadata(geographyClass, GEOGRAPHY_CLASS_TILE);
    expect(metadata).toMatchObject({ name: 'Geography Class', format: 'jpg', minzoom: 0, maxzoom: 1, bounds: [-180, -85.0511, 180, 85.0511] });
    expect(metadata.attribution).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('reads a complete, well-formed set', () => {
    const { metadata, issues } = parseMetadata([
      { name: 'name', value: ' 街道底图 ' },
      { name: 'format', value: 'JPEG' },
      { name: 'bounds', value: '121.4, 31.2, 121.5, 31.3' },
      { name: 'center', value: '121.45,31.25,14' },
      { name: 'minzoom', value: '12' },
      { name: 'maxzoom', value: '18' },
      { name: 'attribution', value: '© OpenStreetMap contributors' },
      { name: 'type', value: 'overlay' },
    ]);
    expect(issues).toEqual([]);
    expect(metadata).toMatchObject({ name: '街道底图', format: 'jpg', center: [121.45, 31.25, 14], minzoom: 12, maxzoom: 18, attribution: '© OpenStreetMap contributors', type: 'overlay' });
  });

  it('reports nonsense values and leaves them out', () => {
    const { metadata, issues } = parseMetadata([
      { name: 'format', value: 'tiff' },
      { name: 'bounds', value: '10,20,5,30' },
      { name: 'center', value: 'middle' },
      { name: 'minzoom', value: '-1' },
      { name: 'maxzoom', value: '7.5' },
      { name: 'type', value: 'basemap' },
    ]);
    expect(issues.map((i) => `${i.severity}:${i.field}:${i.code}`)).toEqual([
      'warning:name:missing_name',
      'error:format:unknown_format',
      'error:bounds:bad_bounds',
      'error:minzoom:bad_zoom',
      'error:maxzoom:bad_zoom',
      'error:center:bad_center',
      'warning:type:bad_type',
    ]);
    expect(metadata).toEqual({ name: '', format: 'unknown', raw: expect.any(Object) });
    for (const i of issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('catches bounds out of range, zooms the wrong way round, a center outside and a lying format', () => {
    const { metadata, issues } = parseMetadata(
      [
        { name: 'name', value: 'x' },
        { name: 'format', value: 'png' },
        { name: 'bounds', value: '100,-95,110,40' },
        { name: 'minzoom', value: '10' },
        { name: 'maxzoom', value: '4' },
        { name: 'center', value: '0,0,3' },
      ],
      GEOGRAPHY_CLASS_TILE,
    );
    expect(issues.map((i) => i.code)).toEqual(['format_mismatch', 'bad_bounds', 'zoom_order']);
    expect(metadata.format).toBe('jpg');
    expect(metadata.minzoom).toBeUndefined();
    expect(metadata.center).toEqual([0, 0, 3]);
    const outside = parseMetadata([
      { name: 'name', value: 'x' },
      { name: 'bounds', value: '121.4,31.2,121.5,31.3' },
      { name: 'center', value: '116.4,39.9' },
      { name: 'minzoom', value: '3' },
    ]);
    expect(outside.issues.map((i) => i.code)).toEqual(['missing_format', 'center_outside']);
    expect(outside.metadata.center).toEqual([116.4, 39.9, 3]);
  });
});

describe('detectTileFormat / mimeOf', () => {
  it('knows the real tiles', () => {
    expect(detectTileFormat(PLAIN_1_TILE)).toBe('png');
    expect(detectTileFormat(GEOGRAPHY_CLASS_TILE)).toBe('jpg');
  });

  it('knows WebP and vector tiles (gzip, zlib, raw)', () => {
    const webp = new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')]);
    expect(detectTileFormat(webp)).toBe('webp');
    const wav = new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WAVEfmt ')]);
    expect(detectTileFormat(wav)).toBe('unknown');
    expect(detectTileFormat(bytes(0x1f, 0x8b, 0x08, 0x00))).toBe('pbf');
    expect(isGzipped(bytes(0x1f, 0x8b, 0x08))).toBe(true);
    expect(isGzipped(PLAIN_1_TILE)).toBe(false);
    expect(detectTileFormat(bytes(0x78, 0x9c, 0x01))).toBe('pbf');
    expect(detectTileFormat(bytes(0x1a, 0x2b, 0x78, 0x02))).toBe('pbf');
  });

  it('says unknown for anything else, including an SQLite header and too few bytes', () => {
    expect(detectTileFormat(ascii('SQLite format 3\0'))).toBe('unknown');
    expect(detectTileFormat(bytes())).toBe('unknown');
    expect(detectTileFormat(bytes(0x89, 0x50, 0x4e))).toBe('unknown');
    expect(detectTileFormat(bytes(0x78, 0x01 + 1))).toBe('unknown');
  });

  it('maps formats to MIME types', () => {
    expect(mimeOf('png')).toBe('image/png');
    expect(mimeOf('jpg')).toBe('image/jpeg');
    expect(mimeOf('webp')).toBe('image/webp');
    expect(mimeOf('pbf')).toBe('application/x-protobuf');
    expect(mimeOf('unknown')).toBe('application/octet-stream');
  });
});

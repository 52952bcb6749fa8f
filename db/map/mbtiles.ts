import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ValidationError } from '../../core/errors';
import { detectTileFormat, isValidTileCoord, mimeOf, parseMetadata, xyzToTms, type MetadataIssue, type MbtilesMetadata, type TileFormat } from '../../core/domain/geo/mbtiles';

/** Imported files live next to the database, one per tile set, named by its id. */
export function tilesDir(dataDir: string): string {
  return join(dataDir, 'tiles');
}

export function tilesetFile(dataDir: string, id: string): string {
  return join(tilesDir(dataDir), `${id}.mbtiles`);
}

export interface MbtilesSummary {
  metadata: MbtilesMetadata;
  issues: MetadataIssue[];
  format: Extract<TileFormat, 'png' | 'jpg' | 'webp'>;
  tileCount: number;
  minzoom: number;
  maxzoom: number;
}

function openReadOnly(file: string): Database.Database {
  // fileMustExist: a missing file must not be created as an empty database.
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Opens a user's file and says, in the user's terms, why it cannot be a raster base map.
 * Never writes to the file.
 */
export function inspectMbtiles(file: string): MbtilesSummary {
  let db: Database.Database;
  try {
    db = openReadOnly(file);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    throw new ValidationError('errors.map.notSqlite', 'The file is not an MBTiles (SQLite) file');
  }
  try {
    const objects = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[]).map((n) => n.toLowerCase()));
    if (!objects.has('tiles') || !objects.has('metadata')) {
      throw new ValidationError('errors.map.notMbtiles', 'The file is SQLite but has no tiles and metadata tables');
    }
    const sample = db.prepare('SELECT tile_data FROM tiles WHERE tile_data IS NOT NULL LIMIT 1').pluck().get() as Buffer | undefined;
    if (!sample) throw new ValidationError('errors.map.noTiles', 'The file contains no tiles');
    const rows = db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string | null }[];
    const { metadata, issues } = parseMetadata(rows, sample);
    if (metadata.format === 'pbf') throw new ValidationError('errors.map.vectorTiles', 'Vector tiles (pbf) are not supported; use a raster PNG, JPEG or WebP file');
    if (metadata.format === 'unknown') throw new ValidationError('errors.map.unknownFormat', 'The tiles are not PNG, JPEG or WebP images');
    const stats = db.prepare('SELECT count(*) AS n, min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { n: number; lo: number; hi: number };
    return {
      metadata,
      issues,
      format: metadata.format,
      tileCount: stats.n,
      minzoom: metadata.minzoom ?? stats.lo,
      maxzoom: metadata.maxzoom ?? stats.hi,
    };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    // A damaged file can pass the header check and fail on the first real page.
    throw new ValidationError('errors.map.corrupt', 'The MBTiles file is damaged and cannot be read');
  } finally {
    db.close();
  }
}

/** Why no tile: sent as `X-Tile-Problem` so a support call can be answered from the browser's network panel. */
export type TileProblem = 'no_tileset' | 'no_tile' | 'bad_coord' | 'corrupt_tile' | 'no_online' | 'upstream_error';

export type TileAnswer =
  | { status: 200; body: Buffer; contentType: string; /** Online tiles: served from the local cache. */ cached?: boolean }
  | { status: 404 | 422; reason: TileProblem; /** e.g. the upstream's HTTP status or `timeout`; never the URL (it may carry a key). */ detail?: string };

/** One open, read-only connection per file, its statement prepared once. */
export class MbtilesReader {
  private readonly db: Database.Database;
  private readonly select: Database.Statement;

  constructor(readonly file: string) {
    this.db = openReadOnly(file);
    this.select = this.db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
  }

  /** The tile at web-map (XYZ) coordinates; the file is addressed by TMS row. */
  tile(z: number, x: number, y: number): TileAnswer {
    if (!isValidTileCoord(z, x, y)) return { status: 404, reason: 'bad_coord' };
    const { tileRow } = xyzToTms(z, x, y);
    const body = this.select.get(z, x, tileRow) as Buffer | undefined;
    if (!body) return { status: 404, reason: 'no_tile' };
    const format = detectTileFormat(body);
    // A damaged tile is refused rather than handed to the browser as a broken image.
    if (format === 'unknown' || format === 'pbf') return { status: 422, reason: 'corrupt_tile' };
    return { status: 200, body, contentType: mimeOf(format) };
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The open readers of this process, shared by the HTTP route, the tiles:// protocol and
 * the handlers (which close a reader when its tile set is removed).
 */
export class TileStore {
  private readonly readers = new Map<string, MbtilesReader>();

  constructor(private readonly dataDir: string) {}

  /** Callers check first that the tile set is still in use (see the tiles route). */
  tile(id: string, z: number, x: number, y: number): TileAnswer {
    let reader = this.readers.get(id);
    if (!reader) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return { status: 404, reason: 'no_tileset' };
      try {
        reader = new MbtilesReader(tilesetFile(this.dataDir, id));
      } catch {
        return { status: 404, reason: 'no_tileset' };
      }
      this.readers.set(id, reader);
    }
    try {
      return reader.tile(z, x, y);
    } catch {
      return { status: 422, reason: 'corrupt_tile' };
    }
  }

  forget(id: string): void {
    this.readers.get(id)?.close();
    this.readers.delete(id);
  }

  closeAll(): void {
    for (const id of [...this.readers.keys()]) this.forget(id);
  }
}

/** `/<id>/<z>/<x>/<y>` with an optional image extension, as both transports spell it. */
export function parseTilePath(path: string): { id: string; z: number; x: number; y: number } | null {
  const match = /^\/?([0-9a-f-]{36})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})(?:\.(?:png|jpg|jpeg|webp))?$/.exec(path);
  if (!match) return null;
  return { id: match[1], z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseOnlinePath, parseTilePath, tileRouteReads, type TileAnswer } from '../db/map';
import type { RouteContext } from './app';
import type { Route } from './http';

const TILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Imported tile sets never change (a new import gets a new id), so their tiles are cached for good. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';
/** Online tiles may be redrawn upstream; a day matches what providers themselves allow. */
export const ONLINE_MAX_AGE = 'private, max-age=86400';

export function sendTile(res: ServerResponse, answer: TileAnswer, head: boolean, cache: { control: string; etag?: string }): void {
  if (answer.status !== 200) {
    // The detail (an upstream status, "unreachable") stays on the server: echoed, it would let anyone who may set the
    // template map which hosts and ports of the duty room's network answer.
    res.writeHead(answer.status, { ...TILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Tile-Problem': answer.reason });
    res.end(head ? undefined : answer.reason);
    return;
  }
  res.writeHead(200, {
    ...TILE_HEADERS,
    'Content-Type': answer.contentType,
    'Content-Length': answer.body.length,
    'Cache-Control': cache.control,
    ...(cache.etag ? { ETag: cache.etag } : {}),
    ...(answer.cached !== undefined ? { 'X-Tile-Cache': answer.cached ? 'hit' : 'miss' } : {}),
  });
  res.end(head ? undefined : answer.body);
}

function notModified(req: IncomingMessage, res: ServerResponse, etag: string): boolean {
  if (req.headers['if-none-match'] !== etag) return false;
  res.writeHead(304, { ...TILE_HEADERS, ETag: etag, 'Cache-Control': IMMUTABLE });
  res.end();
  return true;
}

/**
 * `GET /tiles/<tileset id>/<z>/<x>/<y>`: tiles from imported MBTiles in serve mode, the
 * same lookup the tiles:// protocol uses in Electron; `GET /tiles/online/<z>/<x>/<y>`: the
 * user's online tile URL, through the local cache.
 */
export function tilesRoutes(ctx: RouteContext): Route[] {
  const store = ctx.tiles.store;
  // Looked up on each request: a restore replaces `ctx.db`, and a statement of the old one would fail.
  const isActive = (id: string) => tileRouteReads(ctx.db).isActive(id);

  const mbtiles: Route = (req, res, url) => {
    if (!url.pathname.startsWith('/tiles/') || url.pathname.startsWith('/tiles/online/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const tile = parseTilePath(url.pathname.slice('/tiles'.length));
    if (!tile) {
      sendTile(res, { status: 404, reason: 'bad_coord' }, req.method === 'HEAD', { control: 'no-store' });
      return true;
    }
    // The id names an immutable file and the coordinates a tile in it: a strong validator without reading the tile.
    const etag = `"${tile.id}/${tile.z}/${tile.x}/${tile.y}"`;
    const active = isActive(tile.id);
    if (active && notModified(req, res, etag)) return true;
    const answer: TileAnswer = active ? store.tile(tile.id, tile.z, tile.x, tile.y) : { status: 404, reason: 'no_tileset' };
    sendTile(res, answer, req.method === 'HEAD', { control: IMMUTABLE, etag });
    return true;
  };

  const online: Route = async (req, res, url) => {
    if (!url.pathname.startsWith('/tiles/online/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const tile = parseOnlinePath(url.pathname.slice('/tiles/online'.length));
    const map = tileRouteReads(ctx.db).mapSettings();
    const answer: TileAnswer = tile ? await ctx.tiles.online(map.tileCacheMb * 1024 * 1024).tile(map, tile.z, tile.x, tile.y) : { status: 404, reason: 'bad_coord' };
    sendTile(res, answer, req.method === 'HEAD', { control: ONLINE_MAX_AGE });
    return true;
  };
  return [mbtiles, online];
}

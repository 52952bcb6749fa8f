import type { Protocol } from 'electron';
import type { Db } from '../db/platform/connection';
import { parseOnlinePath, parseTilePath, tileRouteReads, type TileAnswer, type TileSources } from '../db/map';

export const TILES_SCHEME = 'tiles';

/**
 * Must run before the app is ready. `standard` gives tiles://<id>/<z>/<x>/<y> a host and a
 * path like http; `corsEnabled` lets the map draw these tiles into a canvas for the PNG
 * export without tainting it (the page is file://, a different origin).
 */
export function registerTilesScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: TILES_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

export interface TilesProtocolOptions {
  db: () => Db;
  tiles: () => TileSources;
}

/** Where a tiles:// URL points: `tiles://<tileset id>/z/x/y` or `tiles://online/z/x/y`. */
async function answerFor(url: string, options: TilesProtocolOptions): Promise<{ answer: TileAnswer; online: boolean }> {
  const parsed = new URL(url);
  if (parsed.protocol !== `${TILES_SCHEME}:`) return { answer: { status: 404, reason: 'bad_coord' }, online: false };
  if (parsed.host === 'online') {
    const tile = parseOnlinePath(parsed.pathname);
    if (!tile) return { answer: { status: 404, reason: 'bad_coord' }, online: true };
    const map = tileRouteReads(options.db()).mapSettings();
    return { answer: await options.tiles().online(map.tileCacheMb * 1024 * 1024).tile(map, tile.z, tile.x, tile.y), online: true };
  }
  const tile = parseTilePath(`/${parsed.host}${parsed.pathname}`);
  if (!tile) return { answer: { status: 404, reason: 'bad_coord' }, online: false };
  const active = tileRouteReads(options.db()).isActive(tile.id);
  return { answer: active ? options.tiles().store.tile(tile.id, tile.z, tile.x, tile.y) : { status: 404, reason: 'no_tileset' }, online: false };
}

/** The answer to one tiles:// request: the same lookups as serve mode's GET /tiles/… */
export async function tileResponse(url: string, options: TilesProtocolOptions): Promise<Response> {
  let result: { answer: TileAnswer; online: boolean };
  try {
    result = await answerFor(url, options);
  } catch {
    result = { answer: { status: 404, reason: 'bad_coord' }, online: false };
  }
  const { answer, online } = result;
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' };
  if (answer.status !== 200) {
    // The detail (an upstream status, "unreachable") stays in the main process: echoed, it would tell a page which ports answer.
    return new Response(answer.reason, { status: answer.status, headers: { ...headers, 'Content-Type': 'text/plain', 'X-Tile-Problem': answer.reason } });
  }
  const cacheControl = online ? 'private, max-age=86400' : 'private, max-age=31536000, immutable';
  return new Response(new Uint8Array(answer.body), { status: 200, headers: { ...headers, 'Content-Type': answer.contentType, 'Cache-Control': cacheControl } });
}

/** Serves imported MBTiles and the cached online tiles to the renderer; call once the app is ready and the database open. */
export function handleTilesProtocol(protocol: Pick<Protocol, 'handle'>, options: TilesProtocolOptions): void {
  protocol.handle(TILES_SCHEME, (request) => tileResponse(request.url, options));
}

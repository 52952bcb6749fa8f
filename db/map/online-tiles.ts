import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Settings } from '../../core/settings';
import { detectTileFormat, isValidTileCoord, mimeOf } from '../../core/domain/geo/mbtiles';
import { TileCachePolicy } from '../../core/domain/geo/tile-cache';
import type { TileAnswer } from './mbtiles';
import { onlineCacheRepo, openOnlineCacheFile } from './online-cache.repo';
import { fetchGuarded } from './upstream';

/**
 * Tiles from the online tile URL a user configured (Tianditu with their own key, a city's
 * WMTS…), fetched by the backend because the renderer's CSP allows only 'self' and tiles:,
 * and kept in a bounded local cache so a re-opened map does not refetch what was just seen.
 * Tiles are fetched one at a time as the map asks for them: there is deliberately no
 * "download this whole area", because providers such as Tianditu forbid bulk download.
 *
 * The key is substituted into the URL at the last moment and the URL is never logged,
 * stored, or echoed in an answer; cache keys hash the template (which holds `{key}`, not
 * the key itself).
 */

export const ONLINE_CACHE_FILE = 'online-cache.sqlite';
const FETCH_TIMEOUT_MS = 10_000;
/** A 256 px tile is 5–60 KB; anything this large is an error page or an abuse of the cache. */
const MAX_TILE_BYTES = 2 * 1024 * 1024;

type MapSettings = Settings['map'];

export interface OnlineSource {
  /** A short hash of the URL template, so switching provider never serves the old one's tiles. */
  sourceId: string;
  template: string;
  subdomains: string[];
  key: string;
  maxZoom: number;
  intranetHosts: readonly string[];
}

export function onlineSource(map: MapSettings): OnlineSource | null {
  if (!map.onlineUrl) return null;
  const raw = map.onlineSubdomains.trim();
  // "0,1,2" or Leaflet's "abc" / Tianditu's "01234567" (one character each).
  const subdomains = raw.includes(',') ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [...raw];
  return { sourceId: createHash('sha256').update(map.onlineUrl).digest('hex').slice(0, 16), template: map.onlineUrl, subdomains, key: map.onlineKey, maxZoom: map.onlineMaxZoom, intranetHosts: map.onlineIntranetHosts };
}

/** The upstream URL of one tile, or null when the template cannot be filled in (e.g. `{s}` without subdomains). */
export function onlineTileUrl(source: OnlineSource, z: number, x: number, y: number): string | null {
  if (source.template.includes('{s}') && source.subdomains.length === 0) return null;
  if (source.template.includes('{key}') && !source.key) return null;
  // Leaflet's choice of subdomain, so a tile always comes from the same host (better upstream caching).
  const sub = source.subdomains.length ? source.subdomains[Math.abs(x + y) % source.subdomains.length] : '';
  const url = source.template.replace(/\{(s|z|x|y|key)\}/g, (_whole, name: string) =>
    name === 's' ? sub : name === 'z' ? String(z) : name === 'x' ? String(x) : name === 'y' ? String(y) : encodeURIComponent(source.key),
  );
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Providers answer a bad key with an XML or HTML page and status 200: only an image is a tile. */
function imageTile(body: Buffer): { body: Buffer; contentType: string } | null {
  const format = detectTileFormat(body);
  return format === 'png' || format === 'jpg' || format === 'webp' ? { body, contentType: mimeOf(format) } : null;
}

export class OnlineTiles {
  private readonly db: Database.Database;
  private readonly repo: ReturnType<typeof onlineCacheRepo>;
  private policy: TileCachePolicy;
  private readonly inFlight = new Map<string, Promise<TileAnswer>>();
  /** Hits not yet written: recency on disk matters only after a restart, so it is saved in batches, not per tile. */
  private readonly touched = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private stamp = 0;
  private source: { map: MapSettings; source: OnlineSource | null } | null = null;
  private lastFailure: string | null = null;

  constructor(
    readonly file: string,
    budgetBytes: number,
    private readonly options: { timeoutMs?: number; userAgent?: string } = {},
  ) {
    this.db = openOnlineCacheFile(file);
    this.repo = onlineCacheRepo(this.db);
    this.policy = this.loadPolicy(budgetBytes);
  }

  /** Bytes and tiles kept now, and the budget they are held to. */
  stats(): { count: number; bytes: number; budgetBytes: number } {
    return { count: this.policy.count, bytes: this.policy.sizeBytes, budgetBytes: this.policy.budgetBytes };
  }

  /** Follows the `tileCacheMb` setting; a smaller budget evicts at once. */
  setBudget(budgetBytes: number): void {
    if (budgetBytes !== this.policy.budgetBytes) this.policy = this.loadPolicy(budgetBytes);
  }

  async tile(map: MapSettings, z: number, x: number, y: number): Promise<TileAnswer> {
    // The settings object is reused while unchanged (see mapSettingsReader), so this skips the hash.
    if (this.source?.map !== map) this.source = { map, source: onlineSource(map) };
    const { source } = this.source;
    if (!source) return { status: 404, reason: 'no_online' };
    this.setBudget(map.tileCacheMb * 1024 * 1024);
    if (!isValidTileCoord(z, x, y) || z > source.maxZoom) return { status: 404, reason: 'bad_coord' };
    const key = `${source.sourceId}/${z}/${x}/${y}`;
    const hit = this.repo.get(key);
    if (hit) {
      this.policy.touch(key, this.now());
      this.touched.set(key, this.stamp);
      this.flushTimer ??= setTimeout(() => this.flush(), 2000).unref();
      return { status: 200, body: hit.body, contentType: hit.contentType, cached: true };
    }
    // Two requests for one tile (a quick pan back) share one upstream fetch.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchAndKeep(source, key, z, x, y).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.touched.size || !this.db.open) return;
    this.db.transaction(() => this.touched.forEach((atMs, key) => this.repo.touch(key, atMs)))();
    this.touched.clear();
  }

  private async fetchAndKeep(source: OnlineSource, key: string, z: number, x: number, y: number): Promise<TileAnswer> {
    const url = onlineTileUrl(source, z, x, y);
    if (!url) return { status: 404, reason: 'no_online', detail: 'template' };
    const answer = await fetchGuarded(new URL(url), {
      intranetHosts: source.intranetHosts,
      timeoutMs: this.options.timeoutMs ?? FETCH_TIMEOUT_MS,
      maxBytes: MAX_TILE_BYTES,
      headers: { Accept: 'image/png,image/jpeg,image/webp,image/*;q=0.8', 'User-Agent': this.options.userAgent ?? 'FloodDesk' },
    });
    const tile = answer.ok ? imageTile(answer.body) : null;
    const failure = answer.ok ? (tile ? null : 'not_image') : answer.failure;
    this.noteFailure(failure);
    if (!tile) return { status: 422, reason: 'upstream_error', detail: failure ?? 'not_image' };
    this.keep(key, tile);
    return { status: 200, ...tile, cached: false };
  }

  /** The client is told only "upstream_error"; the administrator finds the kind in the server's log, once per change rather than once per tile. */
  private noteFailure(failure: string | null): void {
    if (failure && failure !== this.lastFailure) console.warn(`Online tiles: the provider's answer was ${failure}`);
    this.lastFailure = failure;
  }

  private keep(key: string, tile: { body: Buffer; contentType: string }): void {
    if (tile.body.length > this.policy.budgetBytes) return;
    const evict = this.policy.put(key, tile.body.length, this.now());
    evict.forEach((k) => this.touched.delete(k));
    this.db.transaction(() => {
      this.repo.put(key, tile, this.stamp);
      this.repo.remove(evict);
    })();
  }

  private loadPolicy(budgetBytes: number): TileCachePolicy {
    this.flush();
    const policy = new TileCachePolicy(Math.max(0, budgetBytes));
    const entries = this.repo.entries();
    this.stamp = Math.max(this.stamp, ...entries.slice(-1).map((e) => e.lastUsedMs));
    const evict = policy.load(entries);
    if (evict.length) this.repo.remove(evict);
    return policy;
  }

  /** Strictly increasing, so the order on disk is the order of use even within a millisecond or after the clock is set back. */
  private now(): number {
    this.stamp = Math.max(Date.now(), this.stamp + 1);
    return this.stamp;
  }
}

/** `/<z>/<x>/<y>` after `online`, as both transports spell it. */
export function parseOnlinePath(path: string): { z: number; x: number; y: number } | null {
  const match = /^\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})(?:\.(?:png|jpg|jpeg|webp))?$/.exec(path);
  return match ? { z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) } : null;
}

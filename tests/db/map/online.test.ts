import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServe, type RunningApp } from '../../../server/app';
import { tilesRoutes } from '../../../server/tiles';
import { ONLINE_CACHE_FILE, onlineSource, onlineTileUrl } from '../../../db/map/online-tiles';
import { tilesDir } from '../../../db/map/mbtiles';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { OnlineConfig } from '../../../core/contract/map';
import { tempDir } from '../../support/tempdir';

const KEY = 'tk-SECRET-9f3a71c2';
const TILE_BYTES = 300 * 1024;
const ACTOR = { id: 't', name: 't', role: 'admin' as const };

/** A PNG signature then a fill that says which tile it is, so every tile's bytes differ. */
function fakePng(z: number, x: number, y: number): Buffer {
  const body = Buffer.alloc(TILE_BYTES, `${z}/${x}/${y};`);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(body);
  return body;
}

/**
 * A real tile server on 127.0.0.1 standing in for the provider: `/t<s>/<z>/<x>/<y>.png?tk=…`
 * answers a PNG for the right key and 403 otherwise; `/broken/…` answers 500 and
 * `/xml/…` the XML error page with status 200 that providers send for a bad key.
 */
function fakeUpstream(): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    hits.push(url.pathname);
    const match = /^\/t[01]\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
    if (url.pathname.startsWith('/broken/')) return void res.writeHead(500).end('boom');
    if (url.pathname.startsWith('/xml/')) return void res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<?xml version="1.0"?><error>invalid key</error>');
    if (!match) return void res.writeHead(404).end();
    if (url.searchParams.get('tk') !== KEY) return void res.writeHead(403).end('bad key');
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(fakePng(Number(match[1]), Number(match[2]), Number(match[3])));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })));
}

describe('online tiles through the local cache', () => {
  let upstream: Awaited<ReturnType<typeof fakeUpstream>>;
  let app: RunningApp;
  const dir = tempDir();
  const logged: string[] = [];

  const call = <T>(method: string, input: unknown): T => {
    const result = app.dispatcher.call(method, input, ACTOR);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const get = async (z: number, x: number, y: number) => {
    const response = await fetch(`${app.url}tiles/online/${z}/${x}/${y}`);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: string[] = [];
    response.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
    return { status: response.status, cache: response.headers.get('x-tile-cache'), problem: response.headers.get('x-tile-problem'), body, headers: headers.join('\n') };
  };
  const cacheFile = () => join(tilesDir(app.paths.dataDir), ONLINE_CACHE_FILE);
  const onDisk = () => {
    const db = new Database(cacheFile(), { readonly: true });
    try {
      return { keys: (db.prepare('SELECT key FROM online_tiles ORDER BY last_used_ms').pluck().all() as string[]).map((k) => k.split('/').slice(1).join('/')), bytes: db.prepare('SELECT coalesce(sum(bytes), 0) FROM online_tiles').pluck().get() as number };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // Everything the code under test prints, to prove the key is never among it.
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack} ${String(a.cause)}` : String(a))).join(' ')));
    }
    upstream = await fakeUpstream();
    app = await startServe({ dataDir: dir.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', routes: tilesRoutes, backupTimer: false });
    // The stand-in provider is on loopback: an administrator names it as an intranet tile server.
    call('map.saveOnline', { url: '', intranetHosts: ['127.0.0.1'] });
  });
  afterEach(() => {
    upstream.hits.length = 0;
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => upstream.server.close(resolve));
    vi.restoreAllMocks();
    dir.remove();
  });

  it('answers 404 no_online until a URL is configured, and checks the template', async () => {
    expect((await get(3, 1, 1)).problem).toBe('no_online');
    const stored = () => app.db.prepare("SELECT value FROM settings WHERE section = 'map'").pluck().get();
    const before = stored();
    const failed = app.dispatcher.call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, key: KEY, tileCacheMb: 1 }, ACTOR);
    expect(failed.ok || failed.error.key).toBe('errors.map.onlineSubdomains');
    const noKey = app.dispatcher.call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', tileCacheMb: 1 }, ACTOR);
    expect(noKey.ok || noKey.error.key).toBe('errors.map.onlineKeyMissing');
    const badUrl = app.dispatcher.call('map.saveOnline', { url: 'ftp://example.com/{z}/{x}', tileCacheMb: 1 }, ACTOR);
    expect(badUrl.ok || badUrl.error.key).toBe('errors.map.onlineUrl');
    expect(stored()).toBe(before);
  });

  it('fetches each tile once, then serves it from the cache, evicting the least recently used beyond the budget', async () => {
    const saved = call<OnlineConfig>('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', key: KEY, attribution: '测试底图', maxZoom: 18, tileCacheMb: 1 });
    expect(saved).toMatchObject({ keySet: true, tileCacheMb: 1 });
    expect(JSON.stringify(saved)).not.toContain(KEY);

    const a = await get(10, 100, 200);
    expect(a).toMatchObject({ status: 200, cache: 'miss' });
    expect(a.body.equals(fakePng(10, 100, 200))).toBe(true);
    // Leaflet's subdomain rule: (x + y) mod 2 = 0 → t0; 101 + 200 → t1.
    expect(upstream.hits).toEqual(['/t0/10/100/200.png']);
    await get(10, 101, 200);
    await get(10, 102, 200);
    expect(onDisk().keys).toEqual(['10/100/200', '10/101/200', '10/102/200']);

    // A hit is not fetched again and becomes the most recently used…
    const again = await get(10, 100, 200);
    expect(again).toMatchObject({ status: 200, cache: 'hit' });
    expect(again.body.equals(a.body)).toBe(true);
    expect(upstream.hits).toHaveLength(3);

    // …so four 300 KiB tiles over 1 MiB push out 101, the least recently used, not 100.
    await get(10, 103, 200);
    expect(onDisk().keys.sort()).toEqual(['10/100/200', '10/102/200', '10/103/200']);
    expect(onDisk().bytes).toBeLessThanOrEqual(1024 * 1024);
    expect((await get(10, 101, 200)).cache).toBe('miss');
    expect(onDisk().keys.sort()).toEqual(['10/100/200', '10/101/200', '10/103/200']);

    // Recency survives a restart: 100 was used last, so the next tile pushes out 103.
    expect((await get(10, 100, 200)).cache).toBe('hit');
    app.tiles.close();
    upstream.hits.length = 0;
    expect((await get(10, 105, 200)).cache).toBe('miss');
    expect(onDisk().keys.sort()).toEqual(['10/100/200', '10/101/200', '10/105/200']);
    expect((await get(10, 100, 200)).cache).toBe('hit');
    expect(upstream.hits).toEqual(['/t1/10/105/200.png']);

    // A smaller budget evicts at once; 0 keeps nothing.
    call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', tileCacheMb: 0 });
    expect((await get(10, 104, 200)).cache).toBe('miss');
    expect(onDisk()).toEqual({ keys: [], bytes: 0 });
    call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', tileCacheMb: 1 });
  });

  it('turns upstream failures into a clear 422 and keeps serving', async () => {
    const withUrl = (url: string) => call('map.saveOnline', { url, subdomains: '01', tileCacheMb: 1 });
    // The client hears only "upstream_error"; the kind goes to the server's log for the administrator.
    const logged500 = async (z: number) => ({ answer: await get(z, 1, 1), kind: logged.filter((line) => line.startsWith('Online tiles:')).at(-1) });
    withUrl(`${upstream.base}/broken/{z}/{x}/{y}.png?tk={key}`);
    const broken = await logged500(5);
    expect(broken.answer).toMatchObject({ status: 422, problem: 'upstream_error' });
    expect(broken.kind).toContain('http_500');
    withUrl(`${upstream.base}/xml/{z}/{x}/{y}.png?tk={key}`);
    expect((await logged500(5)).kind).toContain('not_image');
    // A port nothing listens on: the provider is unreachable (no network in the duty room).
    const closed = createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    withUrl(`http://127.0.0.1:${port}/{z}/{x}/{y}.png?tk={key}`);
    const unreachable = await logged500(5);
    expect(unreachable.kind).toContain('unreachable');
    // …and that answer is the same bytes as the 500's: nothing tells a caller whether a port is open.
    const comparable = (a: Awaited<ReturnType<typeof get>>) => ({ status: a.status, body: a.body.toString(), headers: a.headers.replace(/^date: .*$/m, '') });
    expect(comparable(unreachable.answer)).toEqual(comparable(broken.answer));
    // A wrong key is the provider's 403; nothing of it is cached.
    call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', key: 'wrong', tileCacheMb: 1 });
    expect((await logged500(6)).kind).toContain('http_403');
    expect(onDisk().keys.filter((k) => k.startsWith('6/'))).toEqual([]);
    // Beyond the configured max zoom nothing is asked upstream.
    call('map.saveOnline', { url: `${upstream.base}/t{s}/{z}/{x}/{y}.png?tk={key}`, subdomains: '01', key: KEY, maxZoom: 12, tileCacheMb: 1 });
    upstream.hits.length = 0;
    expect((await get(13, 0, 0)).problem).toBe('bad_coord');
    expect(upstream.hits).toEqual([]);

    // The map keeps working: the good provider answers and the API is unaffected.
    expect((await get(6, 2, 2)).status).toBe(200);
    expect(call<{ online: OnlineConfig }>('map.view', {}).online.url).toContain('/t{s}/');
  });

  it('never writes the key to the log, the answers, the audit trail or the cache file', async () => {
    const answers = await Promise.all([get(7, 3, 3), get(99, 0, 0)]);
    for (const answer of answers) expect(`${answer.headers}\n${answer.body.toString('latin1')}`).not.toContain(KEY);
    expect(logged.join('\n')).not.toContain(KEY);
    const audit = app.db.prepare("SELECT coalesce(before, '') || coalesce(after, '') FROM audit_log WHERE entity = 'settings'").pluck().all() as string[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.join('\n')).not.toContain(KEY);
    expect(audit.join('\n')).toContain('(set)');
    expect(readFileSync(cacheFile()).includes(KEY)).toBe(false);
    expect(JSON.stringify(call('map.view', {}))).not.toContain(KEY);
  });

  it('fills in the template: subdomains, key, coordinates', () => {
    const source = onlineSource({ ...DEFAULT_SETTINGS.map, onlineUrl: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILECOL={x}&TILEROW={y}&tk={key}', onlineSubdomains: '01234567', onlineKey: 'a b&c' })!;
    expect(onlineTileUrl(source, 12, 3337, 1777)).toBe('https://t2.tianditu.gov.cn/vec_w/wmts?TILEMATRIX=12&TILECOL=3337&TILEROW=1777&tk=a%20b%26c');
    const abc = onlineSource({ ...DEFAULT_SETTINGS.map, onlineUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', onlineSubdomains: 'a, b ,c' })!;
    expect(abc.subdomains).toEqual(['a', 'b', 'c']);
    expect(onlineTileUrl(abc, 1, 1, 0)).toBe('https://b.tile.example.org/1/1/0.png');
    expect(onlineTileUrl({ ...abc, subdomains: [] }, 1, 1, 0)).toBeNull();
    expect(onlineSource(DEFAULT_SETTINGS.map)).toBeNull();
  });
});

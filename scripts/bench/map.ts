import Database from 'better-sqlite3';
import { createServer, get as httpGet, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServe, type RunningApp } from '../../server/app';
import { tilesRoutes } from '../../server/tiles';
import type { Tileset, UploadState } from '../../core/contract/map';
import { Bench, seededRandom, time, type Timing } from './harness';

const ACTOR = { id: 'bench', name: 'bench', role: 'admin' as const };
const FIXTURE = join(process.cwd(), '..', 'shared', 'data', 'mbtiles', 'plain_1.mbtiles');
const BATCH = 200;
/** What a browser opens to one HTTP/1.1 origin. */
const BROWSER_SOCKETS = 6;

function call<T>(app: RunningApp, method: string, input: unknown): T {
  const result = app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** GETs every path over one keep-alive pool, reading each body whole, as a browser's tile loader does. */
function getAll(agent: Agent, base: string, paths: string[], headers: (path: string) => Record<string, string> = () => ({})): Promise<void> {
  return Promise.all(
    paths.map(
      (path) =>
        new Promise<void>((resolve, reject) => {
          httpGet(`${base}${path}`, { agent, headers: headers(path) }, (res) => {
            if (res.statusCode !== 200 && res.statusCode !== 304) reject(new Error(`${path}: HTTP ${res.statusCode}`));
            res.on('data', () => undefined);
            res.on('end', resolve);
          }).on('error', reject);
        }),
    ),
  ).then(() => undefined);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const rate = (timing: Timing) => `${Math.round((BATCH / timing.medianMs) * 1000)} tiles/s`;

/**
 * Tile serving from an imported MBTiles over HTTP (issue #8 target: over 1,000 tiles/s),
 * against a bare SELECT of the same tiles from the same file and against a bare Node HTTP
 * server answering a fixed tile (the floor of the HTTP stack on this machine). One figure =
 * a batch of 200 tiles drawn from zoom 2–4 with a seeded generator. The client runs in this
 * same process, so its cost is inside every HTTP figure.
 */
export async function benchMap(bench: Bench, dir: string): Promise<void> {
  const app = await startServe({ dataDir: join(dir, 'map'), port: 0, host: '127.0.0.1', demo: false, appVersion: 'bench', routes: tilesRoutes, backupTimer: false });
  const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_SOCKETS });
  const raw = new Database(FIXTURE, { readonly: true });
  const floor = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': sample.length }).end(sample));
  let sample: Buffer = Buffer.alloc(0);
  try {
    const bytes = readFileSync(FIXTURE);
    const { uploadId } = call<UploadState>(app, 'map.uploadBegin', { fileName: 'plain_1.mbtiles', sizeBytes: bytes.length });
    call(app, 'map.uploadChunk', { uploadId, index: 0, data: bytes.toString('base64') });
    const tileset = call<Tileset>(app, 'map.uploadCommit', { uploadId });

    const existing = raw.prepare('SELECT zoom_level AS z, tile_column AS x, tile_row AS r FROM tiles WHERE zoom_level BETWEEN 2 AND 4').all() as { z: number; x: number; r: number }[];
    const random = seededRandom(8);
    const picks = Array.from({ length: BATCH }, () => existing[Math.floor(random() * existing.length)]);
    const select = raw.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    sample = select.get(picks[0].z, picks[0].x, picks[0].r) as Buffer;
    const paths = picks.map((p) => `/tiles/${tileset.id}/${p.z}/${p.x}/${2 ** p.z - 1 - p.r}`);

    const bare = await time(() => picks.forEach((p) => select.get(p.z, p.x, p.r)), 50);
    const floorBase = await listen(floor);
    const floorAgent = new Agent({ keepAlive: true, maxSockets: BROWSER_SOCKETS });
    const httpFloor = await time(() => getAll(floorAgent, floorBase, paths), 30);
    floorAgent.destroy();
    const base = app.url.replace(/\/$/, '');
    const keepAlive = await time(() => getAll(agent, base, paths), 30);
    bench.add('map', `${BATCH} tiles over GET /tiles (${BROWSER_SOCKETS} keep-alive sockets)`, keepAlive, {
      baseline: ['bare SELECT of the same tiles', bare],
      target: '> 1,000 tiles/s',
      note: `${rate(keepAlive)}; bare Node HTTP fixed tile ${httpFloor.medianMs.toFixed(1)} ms = ${rate(httpFloor)}`,
    });
    const revalidate = await time(() => getAll(agent, base, paths, () => ({ 'If-None-Match': '"stale"' })), 30);
    const notModified = await time(() => getAll(agent, base, paths, (p) => ({ 'If-None-Match': `"${p.slice('/tiles/'.length)}"` })), 30);
    bench.add('map', `${BATCH} revalidations answered 304 (ETag)`, notModified, { baseline: ['same GETs with a stale ETag (200)', revalidate], note: rate(notModified) });
    const viaFetch = await time(() => Promise.all(paths.map((p) => fetch(`${base}${p}`).then((r) => r.arrayBuffer()))), 20);
    bench.add('map', `${BATCH} tiles over GET /tiles (fetch, unbounded)`, viaFetch, { baseline: ['bare SELECT of the same tiles', bare], target: '> 1,000 tiles/s', note: `${rate(viaFetch)} (undici fetch client dominates)` });

    await benchOnline(bench, app, agent, sample);
  } finally {
    agent.destroy();
    raw.close();
    floor.close();
    await app.close();
  }
}

/** Online tiles served from the local cache (the common case once a street has been viewed). */
async function benchOnline(bench: Bench, app: RunningApp, agent: Agent, sample: Buffer): Promise<void> {
  const upstream = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(sample));
  try {
    const upstreamBase = await listen(upstream);
    call(app, 'map.saveOnline', { url: `${upstreamBase}/{z}/{x}/{y}.png`, tileCacheMb: 50 });
    const paths = Array.from({ length: BATCH }, (_, i) => `/tiles/online/12/${3330 + (i % 20)}/${1770 + Math.floor(i / 20)}`);
    const base = app.url.replace(/\/$/, '');
    const misses = await time(() => getAll(agent, base, paths), 1, 0);
    const hits = await time(() => getAll(agent, base, paths), 30);
    const cache = new Database(join(app.paths.dataDir, 'tiles', 'online-cache.sqlite'), { readonly: true });
    const keys = cache.prepare('SELECT key FROM online_tiles').pluck().all() as string[];
    const exact = cache.prepare('SELECT data FROM online_tiles WHERE key = ?').pluck();
    const bare = await time(() => keys.forEach((k) => exact.get(k)), 50);
    cache.close();
    bench.add('map', `${BATCH} online tiles from the local cache over GET /tiles/online`, hits, {
      baseline: ['bare SELECT of the cached tiles', bare],
      target: '> 1,000 tiles/s',
      note: `${rate(hits)}; first fetch through a local upstream ${misses.medianMs.toFixed(0)} ms`,
    });
  } finally {
    upstream.close();
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDb, type TestDb } from '../../support/db';
import { tilesetFile, tilesDir } from '../../../db/map/mbtiles';
import { startServe } from '../../../server/app';
import { tilesRoutes } from '../../../server/tiles';
import type { Tileset, UploadState } from '../../../core/contract/map';
import type { ErrorBody } from '../../../core/errors';

const FIXTURES = join(process.cwd(), '..', 'shared', 'data', 'mbtiles');
const PLAIN = join(FIXTURES, 'plain_1.mbtiles');
const JPG = join(FIXTURES, 'geography-class-jpg.mbtiles');
const INVALID = join(FIXTURES, 'invalid.mbtiles');

/** Uploads bytes the way the renderer does: begin, base64 chunks in order, commit. */
function upload(t: TestDb, bytes: Buffer, fileName: string, chunkBytes = 100_000): { uploadId: string; commit: () => Tileset; fail: () => ErrorBody } {
  const { uploadId } = t.call<UploadState>('map.uploadBegin', { fileName, sizeBytes: bytes.length });
  for (let index = 0, offset = 0; offset < bytes.length; index++, offset += chunkBytes) {
    t.call('map.uploadChunk', { uploadId, index, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  return { uploadId, commit: () => t.call<Tileset>('map.uploadCommit', { uploadId }), fail: () => t.fail('map.uploadCommit', { uploadId }) };
}

/** A small MBTiles made here, for the bad cases the published fixtures do not cover. */
function makeMbtiles(dir: string, name: string, tiles: { z: number; x: number; row: number; data: Buffer }[], metadata: Record<string, string> = {}): Buffer {
  const file = join(dir, name);
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  for (const [k, v] of Object.entries(metadata)) db.prepare('INSERT INTO metadata VALUES (?, ?)').run(k, v);
  for (const t of tiles) db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(t.z, t.x, t.row, t.data);
  db.close();
  return readFileSync(file);
}

function snapshot(t: TestDb) {
  return {
    tilesets: t.db.prepare('SELECT count(*) FROM map_tilesets').pluck().get(),
    audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    files: existsSync(tilesDir(t.dir)) ? readdirSync(tilesDir(t.dir)) : [],
  };
}

describe('MBTiles import (staged upload)', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => {
    t.close();
  });

  it('keeps a PNG MBTiles whole, reads its metadata and audits it', () => {
    const bytes = readFileSync(PLAIN);
    const tileset = upload(t, bytes, 'plain_1.mbtiles').commit();
    expect(tileset).toMatchObject({ name: 'plain_1', kind: 'base', format: 'png', minzoom: 0, maxzoom: 4, sizeBytes: bytes.length, visible: true, position: 0 });
    expect(tileset.bounds?.[0]).toBeCloseTo(-180, 5);
    expect(tileset.tileCount).toBe(new Database(PLAIN, { readonly: true }).prepare('SELECT count(*) FROM tiles').pluck().get());
    // The stored file is byte for byte what was sent, and the staging rows are gone.
    expect(readFileSync(tilesetFile(t.dir, tileset.id)).equals(bytes)).toBe(true);
    expect(t.db.prepare('SELECT count(*) FROM map_upload_chunks').pluck().get()).toBe(0);
    expect(t.call<{ rows: { entity: string }[] }>('audit.list', { entity: 'map_tileset' }).rows).toHaveLength(1);
    const second = upload(t, readFileSync(JPG), 'geo.mbtiles').commit();
    expect(second).toMatchObject({ format: 'jpg', position: 1, name: 'Geography Class' });
    expect(t.call<{ tilesets: Tileset[] }>('map.view').tilesets.map((s) => s.id)).toEqual([tileset.id, second.id]);
  });

  it('serves XYZ tiles from the TMS rows of the file (y = 2^z − 1 − row)', () => {
    const tileset = upload(t, readFileSync(PLAIN), 'plain_1.mbtiles').commit();
    const raw = new Database(PLAIN, { readonly: true });
    const store = t.tiles.store;
    for (const [z, x, y] of [[0, 0, 0], [2, 1, 0], [2, 1, 3], [4, 9, 5]]) {
      const expected = raw.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck().get(z, x, 2 ** z - 1 - y) as Buffer;
      const answer = store.tile(tileset.id, z, x, y);
      expect(answer.status).toBe(200);
      if (answer.status === 200) {
        expect(answer.body.equals(expected)).toBe(true);
        expect(answer.contentType).toBe('image/png');
      }
    }
    raw.close();
    expect(store.tile(tileset.id, 2, 4, 0)).toEqual({ status: 404, reason: 'bad_coord' });
    expect(store.tile(tileset.id, 5, 0, 0)).toEqual({ status: 404, reason: 'no_tile' });
  });

  it('refuses bad files with a clear key and leaves nothing behind', () => {
    const dir = t.dir;
    const cases: [Buffer, string][] = [
      [Buffer.from('这不是地图文件 — just text, not SQLite at all'.repeat(20)), 'errors.map.notSqlite'],
      [readFileSync(INVALID), 'errors.map.notMbtiles'],
      [makeMbtiles(dir, 'empty.db', []), 'errors.map.noTiles'],
      [makeMbtiles(dir, 'garbage.db', [{ z: 0, x: 0, row: 0, data: Buffer.from('not an image') }]), 'errors.map.unknownFormat'],
      [makeMbtiles(dir, 'vector.db', [{ z: 0, x: 0, row: 0, data: Buffer.from([0x1f, 0x8b, 8, 0]) }], { format: 'pbf' }), 'errors.map.vectorTiles'],
    ];
    const before = snapshot(t);
    for (const [bytes, key] of cases) {
      const staged = upload(t, bytes, 'bad.mbtiles');
      expect(staged.fail().key).toBe(key);
      expect(snapshot(t)).toEqual(before);
      expect(t.call<{ removed: boolean }>('map.uploadCancel', { uploadId: staged.uploadId }).removed).toBe(true);
    }
    expect(t.db.prepare('SELECT count(*) FROM map_upload_chunks').pluck().get()).toBe(0);
  });

  it('refuses chunks out of order, oversize uploads and an incomplete commit', () => {
    const { uploadId } = t.call<UploadState>('map.uploadBegin', { fileName: 'x.mbtiles', sizeBytes: 10 });
    expect(t.fail('map.uploadChunk', { uploadId, index: 1, data: 'AAAA' }).key).toBe('errors.map.chunkOrder');
    t.call('map.uploadChunk', { uploadId, index: 0, data: Buffer.from('12345').toString('base64') });
    expect(t.fail('map.uploadCommit', { uploadId })).toMatchObject({ key: 'errors.map.uploadIncomplete', params: { received: 5, size: 10 } });
    expect(t.fail('map.uploadChunk', { uploadId, index: 1, data: Buffer.from('123456').toString('base64') }).key).toBe('errors.map.uploadTooLarge');
    expect(t.fail('map.uploadChunk', { uploadId, index: 1, data: '***not base64***' }).key).toBe('errors.validation');
    expect(t.db.prepare('SELECT received_bytes FROM map_uploads WHERE id = ?').pluck().get(uploadId)).toBe(5);
  });

  it('restacks, hides and removes a tile set; a removed one is no longer served', async () => {
    const tileset = upload(t, readFileSync(PLAIN), 'plain_1.mbtiles').commit();
    const updated = t.call<Tileset>('map.updateTileset', { id: tileset.id, patch: { kind: 'overlay', opacity: 0.5, coordSystem: 'gcj02' } });
    expect(updated).toMatchObject({ kind: 'overlay', opacity: 0.5, coordSystem: 'gcj02' });
    expect(t.fail('map.updateTileset', { id: tileset.id, patch: { opacity: 2 } }).key).toBe('errors.validation');

    const app = await startServe({ dataDir: join(t.dir, 'serve'), port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', routes: tilesRoutes });
    try {
      const served = upload({ ...t, call: (m, i) => unwrap(app.dispatcher.call(m, i, { id: 't', name: 't', role: 'admin' })) } as TestDb, readFileSync(PLAIN), 'p.mbtiles').commit();
      const ok = await fetch(`${app.url}tiles/${served.id}/1/0/0.png`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await ok.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
      expect((await fetch(`${app.url}tiles/${served.id}/9/0/0`)).status).toBe(404);
      expect((await fetch(`${app.url}tiles/../../etc/passwd`)).status).not.toBe(200);
      unwrap(app.dispatcher.call('map.removeTileset', { id: served.id }, { id: 't', name: 't', role: 'admin' }));
      const gone = await fetch(`${app.url}tiles/${served.id}/1/0/0`);
      expect(gone.status).toBe(404);
      expect(gone.headers.get('x-tile-problem')).toBe('no_tileset');
    } finally {
      await app.close();
    }
  });
});

function unwrap<T>(result: { ok: true; value: unknown } | { ok: false; error: ErrorBody }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

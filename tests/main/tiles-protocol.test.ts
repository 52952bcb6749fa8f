import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeElectron } from './fake-electron';
import { createTestDb, type TestDb } from '../support/db';
import type { Tileset, UploadState } from '../../core/contract/map';

vi.mock('electron', () => fakeElectron);

const { handleTilesProtocol, registerTilesScheme, TILES_SCHEME } = await import('../../electron/tiles-protocol');

describe('tiles:// protocol', () => {
  let t: TestDb;
  let tileset: Tileset;
  beforeAll(() => {
    t = createTestDb();
    const bytes = readFileSync(join(process.cwd(), '..', 'shared', 'data', 'mbtiles', 'plain_1.mbtiles'));
    const { uploadId } = t.call<UploadState>('map.uploadBegin', { fileName: 'plain_1.mbtiles', sizeBytes: bytes.length });
    t.call('map.uploadChunk', { uploadId, index: 0, data: bytes.toString('base64') });
    tileset = t.call<Tileset>('map.uploadCommit', { uploadId });
    registerTilesScheme(fakeElectron.protocol);
    handleTilesProtocol(fakeElectron.protocol as never, { db: () => t.db, tiles: () => t.tiles });
  });
  afterAll(() => {
    t.close();
  });

  it('declares a standard, CORS-enabled scheme so exported canvases are not tainted', () => {
    expect(fakeElectron.protocol.privileged).toContainEqual({ scheme: TILES_SCHEME, privileges: expect.objectContaining({ standard: true, corsEnabled: true }) });
  });

  it('serves an imported tile with the TMS flip and refuses anything else', async () => {
    const ok = await fakeElectron.protocol.fetch(`tiles://${tileset.id}/1/1/0`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    const expected = t.tiles.store.tile(tileset.id, 1, 1, 0);
    expect(expected.status === 200 && Buffer.from(await ok.arrayBuffer()).equals(expected.body)).toBe(true);
    expect((await fakeElectron.protocol.fetch(`tiles://${tileset.id}/1/2/0`)).status).toBe(404);
    expect((await fakeElectron.protocol.fetch('tiles://00000000-0000-4000-8000-000000000000/0/0/0')).headers.get('x-tile-problem')).toBe('no_tileset');
    expect((await fakeElectron.protocol.fetch('tiles://../../etc/passwd')).status).toBe(404);
  });

  it('answers tiles://online/… from the online source, or says none is configured', async () => {
    const none = await fakeElectron.protocol.fetch('tiles://online/3/1/1');
    expect(none.status).toBe(404);
    expect(none.headers.get('x-tile-problem')).toBe('no_online');
    expect((await fakeElectron.protocol.fetch('tiles://online/3/1/x')).headers.get('x-tile-problem')).toBe('bad_coord');
  });
});

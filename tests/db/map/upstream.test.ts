import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServe, type RunningApp } from '../../../server/app';
import { tilesRoutes } from '../../../server/tiles';
import { fetchGuarded, isPublicAddress, type FetchOptions } from '../../../db/map/upstream';
import type { OnlineConfig } from '../../../core/contract/map';
import { tempDir } from '../../support/tempdir';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const ADMIN = { id: 'a', name: 'a', role: 'admin' as const };
const OPTIONS: FetchOptions = { intranetHosts: [], timeoutMs: 5000, maxBytes: 1024, headers: {} };

/** A tile server on loopback that also redirects: to its own path, or to another host spelling of itself. */
function upstream(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    if (req.url?.startsWith('/same/')) return void res.writeHead(302, { Location: `/tile.png` }).end();
    if (req.url?.startsWith('/elsewhere/')) return void res.writeHead(302, { Location: `http://localhost:${port}/tile.png` }).end();
    if (req.url?.startsWith('/big/')) return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(4096)]));
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe('what the desk may fetch from a URL a user typed', () => {
  let tiles: Awaited<ReturnType<typeof upstream>>;
  beforeAll(async () => {
    tiles = await upstream();
  });
  afterAll(() => new Promise((resolve) => tiles.server.close(resolve)));

  it('tells public addresses from the local network’s', () => {
    for (const ip of ['8.8.8.8', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8']) expect(isPublicAddress(ip), ip).toBe(true);
    const local = ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255'];
    for (const ip of [...local, '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'not-an-ip']) expect(isPublicAddress(ip), ip).toBe(false);
    expect(isPublicAddress('172.32.0.1')).toBe(true);
  });

  it('refuses a loopback target, by address or by a name that resolves to it, unless it is a named intranet host', async () => {
    expect(await fetchGuarded(new URL(`http://127.0.0.1:${tiles.port}/tile.png`), OPTIONS)).toEqual({ ok: false, failure: 'private_target' });
    // Checked after resolution, at connect time: a friendly name is no way round it.
    expect(await fetchGuarded(new URL(`http://localhost:${tiles.port}/tile.png`), OPTIONS)).toEqual({ ok: false, failure: 'private_target' });
    expect(await fetchGuarded(new URL(`http://127.1:${tiles.port}/tile.png`), OPTIONS)).toEqual({ ok: false, failure: 'private_target' });
    const named = await fetchGuarded(new URL(`http://127.0.0.1:${tiles.port}/tile.png`), { ...OPTIONS, intranetHosts: ['127.0.0.1'] });
    expect(named.ok && named.body.equals(PNG)).toBe(true);
  });

  it('follows a redirect on the same host only, and stops at the byte limit', async () => {
    const trusted = { ...OPTIONS, intranetHosts: ['127.0.0.1', 'localhost'] };
    const same = await fetchGuarded(new URL(`http://127.0.0.1:${tiles.port}/same/1`), trusted);
    expect(same.ok && same.body.equals(PNG)).toBe(true);
    // Even to a host that is itself allowed: a provider that sends us elsewhere is not followed.
    expect(await fetchGuarded(new URL(`http://127.0.0.1:${tiles.port}/elsewhere/1`), trusted)).toEqual({ ok: false, failure: 'redirect_elsewhere' });
    expect(await fetchGuarded(new URL(`http://127.0.0.1:${tiles.port}/big/1`), trusted)).toEqual({ ok: false, failure: 'too_large' });
  });
});

describe('who may point the desk at a tile server', () => {
  let app: RunningApp;
  const dir = tempDir();
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = await startServe({ dataDir: dir.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', routes: tilesRoutes, backupTimer: false });
  });
  afterAll(async () => {
    await app.close();
    vi.restoreAllMocks();
    dir.remove();
  });

  it('lets only an administrator set the template', () => {
    for (const role of ['leader', 'duty_officer', 'safety_staff', 'viewer'] as const) {
      const result = app.dispatcher.call('map.saveOnline', { url: 'https://tiles.example.org/{z}/{x}/{y}.png' }, { id: role, name: role, role });
      expect(result.ok || result.error.code, role).toBe('forbidden');
    }
    expect(app.dispatcher.call('map.saveOnline', { url: 'https://tiles.example.org/{z}/{x}/{y}.png' }, ADMIN).ok).toBe(true);
  });

  it('refuses a template on the local network by name until that host is named as an intranet tile server', () => {
    for (const url of ['http://127.0.0.1:8080/{z}/{x}/{y}.png', 'http://localhost/{z}/{x}/{y}.png', 'http://192.168.1.1/{z}/{x}/{y}.png', 'http://[::1]/{z}/{x}/{y}.png', 'http://169.254.169.254/{z}/{x}/{y}']) {
      const result = app.dispatcher.call('map.saveOnline', { url }, ADMIN);
      expect(result.ok || result.error.key, url).toBe('errors.map.onlinePrivateHost');
    }
    const named = app.dispatcher.call('map.saveOnline', { url: 'http://192.168.1.1/{z}/{x}/{y}.png', intranetHosts: ['192.168.1.1'] }, ADMIN);
    expect(named.ok && (named.value as OnlineConfig).intranetHosts).toEqual(['192.168.1.1']);
  });

  it('does not fetch from a loopback port through the tile route, and says no more than "upstream_error"', async () => {
    const probe = createServer((_req, res) => res.writeHead(200).end(PNG));
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)));
    let hits = 0;
    probe.on('request', () => hits++);
    try {
      // Saved while allowed, then the allowance withdrawn: the fetch itself refuses, not only the save.
      expect(app.dispatcher.call('map.saveOnline', { url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, intranetHosts: ['127.0.0.1'] }, ADMIN).ok).toBe(true);
      const map = app.db.prepare("SELECT value FROM settings WHERE section = 'map'").pluck().get() as string;
      app.db.prepare("UPDATE settings SET value = ? WHERE section = 'map'").run(JSON.stringify({ ...JSON.parse(map), onlineIntranetHosts: [] }));
      const response = await fetch(`${app.url}tiles/online/3/1/1`);
      expect(response.status).toBe(422);
      expect(response.headers.get('x-tile-problem')).toBe('upstream_error');
      expect(response.headers.get('x-tile-detail')).toBeNull();
      expect(await response.text()).toBe('upstream_error');
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => probe.close(resolve));
    }
  });
});

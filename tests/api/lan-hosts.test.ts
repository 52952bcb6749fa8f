import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningApp } from '../../server/app';
import { tempDir } from '../support/tempdir';

/** POST to the API with a chosen Host header, as a browser sent there by some DNS name would. */
function statusWithHost(port: number, host: string): Promise<{ status: number; key?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/accounts.status', headers: { Host: host, 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, key: JSON.parse(Buffer.concat(chunks).toString()).error?.key }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('a LAN desk answers only to its own names', () => {
  let lan: RunningApp;
  const dir = tempDir();
  beforeAll(async () => {
    const local = await startServe({ dataDir: dir.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });
    expect(local.dispatcher.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: 'a-long-password-2026' }, null).ok).toBe(true);
    await local.close();
    lan = await startServe({ dataDir: dir.path, port: 0, host: '0.0.0.0', demo: false, appVersion: 'test', backupTimer: false, hostNames: ['FangXun-PC.street.lan'] });
  });
  afterAll(async () => {
    await lan.close();
    dir.remove();
  });

  it('refuses a Host that is not this computer (DNS rebinding), and accepts its addresses and the names the office gave it', async () => {
    for (const host of ['rebind.attacker.example', 'rebind.attacker.example:80', '10.255.255.254', 'street.lan']) {
      expect(await statusWithHost(lan.port, host), host).toEqual({ status: 403, key: 'errors.crossOrigin' });
    }
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry && entry.family === 'IPv4')
      .map((entry) => entry!.address);
    for (const host of [`127.0.0.1:${lan.port}`, 'localhost', 'fangxun-pc.street.lan', `fangxun-pc.street.lan:${lan.port}`, ...own]) {
      expect((await statusWithHost(lan.port, host)).status, host).toBe(200);
    }
  });
});

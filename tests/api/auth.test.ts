import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';
import { PUBLIC_METHODS, SIGN_IN_METHODS } from '../../core/contract/accounts';
import { startServe, type RunningApp } from '../../server/app';
import { Client } from '../support/http-client';
import { tempDir } from '../support/tempdir';

const ADMIN_PW = 'admin-pass-2026';
const VIEWER_PW = 'viewer-pass-2026';

let app: RunningApp;
const data = tempDir();
let admin: Client;
let viewerId: string;

const eventCount = () => app.db.prepare('SELECT count(*) FROM events').pluck().get() as number;

beforeAll(async () => {
  app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false, loginFailuresPerWindow: 8 });
  admin = new Client(app.url);
  await admin.prime();
  expect((await admin.post('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: ADMIN_PW })).ok).toBe(true);
  expect((await admin.post('accounts.login', { username: 'admin', password: ADMIN_PW })).value.ok).toBe(true);
  const viewer = await admin.post('accounts.create', { username: 'viewer', displayName: '陈晓', role: 'viewer', password: VIEWER_PW, mustChangePassword: false });
  viewerId = viewer.value.id;
});
afterAll(async () => {
  await app.close();
  data.remove();
});

describe('sign-in over real HTTP', () => {
  it('refuses every method but the sign-in ones without a session (401)', async () => {
    const anonymous = new Client(app.url);
    await anonymous.prime();
    const before = eventCount();
    for (const method of Object.keys(contract)) {
      const answer = await anonymous.post(method, {});
      if (PUBLIC_METHODS.has(method)) expect(answer.status, method).not.toBe(401);
      else expect([answer.status, answer.error?.key], method).toEqual([401, 'errors.unauthorized']);
    }
    expect(eventCount()).toBe(before);
    const status = await anonymous.post('accounts.status');
    expect(status.value).toMatchObject({ setupNeeded: false, singleUser: false, account: null });
  });

  it('sets the session cookie HttpOnly, SameSite=Strict and ending with the browser, and the CSRF cookie readable', async () => {
    const session = admin.setCookies.find((line) => line.startsWith('flooddesk_session=') && !/max-age=0/i.test(line));
    expect(session).toMatch(/; HttpOnly/);
    // Closing the browser must not leave a sign-in on a shared duty-room PC for the rest of the day.
    expect(session).not.toMatch(/max-age|expires/i);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Secure/);
    const csrf = admin.setCookies.find((line) => line.startsWith('flooddesk_csrf='));
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(csrf).not.toMatch(/HttpOnly/);
  });

  it('refuses every write a viewer calls (403), but lets the viewer sign out', async () => {
    const viewer = new Client(app.url);
    await viewer.prime();
    expect((await viewer.post('accounts.login', { username: 'viewer', password: VIEWER_PW })).value.ok).toBe(true);
    const writes = Object.entries(contract).filter(([name, def]) => def.kind === 'write' && !SIGN_IN_METHODS.has(name));
    expect(writes.length).toBeGreaterThan(20);
    for (const [method] of writes) {
      const answer = await viewer.post(method, {});
      expect([answer.status, answer.error?.key], method).toEqual([403, 'errors.forbidden']);
    }
    expect((await viewer.post('events.list', {})).status).toBe(200);
    expect((await viewer.post('accounts.logout')).status).toBe(200);
    expect((await viewer.post('events.list', {})).status).toBe(401);
  });

  it('refuses a write with a missing or wrong CSRF token, or from another origin, and changes nothing', async () => {
    const before = eventCount();
    const input = { name: '台风“苏拉”', startedAtMs: 1_693_000_000_000 };
    expect(await admin.post('events.create', input, { csrf: null })).toMatchObject({ status: 403, error: { key: 'errors.csrf' } });
    expect(await admin.post('events.create', input, { csrf: 'x'.repeat(43) })).toMatchObject({ status: 403, error: { key: 'errors.csrf' } });
    expect(await admin.post('events.create', input, { origin: 'http://evil.example' })).toMatchObject({ status: 403, error: { key: 'errors.crossOrigin' } });
    expect(eventCount()).toBe(before);
    expect((await admin.post('events.create', input)).status).toBe(200);
    expect(eventCount()).toBe(before + 1);
  });

  it('ends the sessions of a deactivated account at once', async () => {
    const viewer = new Client(app.url);
    await viewer.prime();
    await viewer.post('accounts.login', { username: 'viewer', password: VIEWER_PW });
    expect((await viewer.post('events.list', {})).status).toBe(200);
    expect((await admin.post('accounts.update', { id: viewerId, patch: { active: false } })).status).toBe(200);
    expect((await viewer.post('events.list', {})).status).toBe(401);
    await admin.post('accounts.update', { id: viewerId, patch: { active: true } });
    expect((await viewer.post('events.list', {})).status).toBe(401);
  });

  it('locks an account after repeated failures, then limits the address', async () => {
    const guesser = new Client(app.url);
    await guesser.prime();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await guesser.post('accounts.login', { username: 'viewer', password: `guess-${i}` })).value);
    expect(answers.slice(0, 4).every((a) => a.reason === 'invalid')).toBe(true);
    expect(answers[4]).toMatchObject({ ok: false, reason: 'locked' });
    expect((await guesser.post('accounts.login', { username: 'viewer', password: VIEWER_PW })).value).toMatchObject({ ok: false, reason: 'locked' });
    // Six failures so far (a locked answer counts); two more reach this server's limit of 8 per address.
    for (let i = 0; i < 2; i++) expect((await guesser.post('accounts.login', { username: 'nobody', password: 'guess' })).status).toBe(200);
    const limited = await guesser.post('accounts.login', { username: 'admin', password: ADMIN_PW });
    expect(limited).toMatchObject({ status: 429, error: { key: 'errors.accounts.tooManyAttempts' } });
  });
});

describe('binding beyond this computer', () => {
  it('is refused while single-user mode is on, and allowed once sign-in is required', async () => {
    const other = tempDir();
    try {
      const local = await startServe({ dataDir: other.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });
      const client = new Client(local.url);
      await client.prime();
      await client.post('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: ADMIN_PW });
      await client.post('accounts.login', { username: 'admin', password: ADMIN_PW });
      expect((await client.post('settings.update', { section: 'accounts', values: { singleUser: true } })).status).toBe(200);
      await local.close();
      await expect(startServe({ dataDir: other.path, port: 0, host: '0.0.0.0', demo: false, appVersion: 'test', backupTimer: false })).rejects.toMatchObject({ key: 'errors.nonLoopbackRefused' });

      const again = await startServe({ dataDir: other.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });
      expect(again.dispatcher.call('settings.update', { section: 'accounts', values: { singleUser: false } }, { id: 'test', name: 'test', role: 'admin' }).ok).toBe(true);
      await again.close();
      // A stand-in for the map tiles route: on the LAN it must answer only with a session.
      const tileRoute = () => [(_req: unknown, res: import('node:http').ServerResponse, url: URL) => (url.pathname === '/tiles/x' ? (res.end('tile'), true) : false)];
      const lan = await startServe({ dataDir: other.path, port: 0, host: '0.0.0.0', demo: false, appVersion: 'test', backupTimer: false, routes: tileRoute });
      try {
        const response = await fetch(`http://127.0.0.1:${lan.port}/api/events.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect(response.status).toBe(401);
        const desk = new Client(`http://127.0.0.1:${lan.port}/`);
        await desk.prime();
        // Single-user mode turned on again while serving the LAN does not let anyone in unsigned.
        expect(lan.dispatcher.call('settings.update', { section: 'accounts', values: { singleUser: true } }, { id: 'test', name: 'test', role: 'admin' }).ok).toBe(true);
        expect((await desk.post('events.list')).status).toBe(401);
        expect(await (await fetch(`http://127.0.0.1:${lan.port}/tiles/x`)).text()).not.toBe('tile');
        expect((await desk.post('accounts.login', { username: 'admin', password: ADMIN_PW })).value.ok).toBe(true);
        expect((await desk.post('events.list')).status).toBe(200);
        const cookie = [...desk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        expect(await (await fetch(`http://127.0.0.1:${lan.port}/tiles/x`, { headers: { Cookie: cookie } })).text()).toBe('tile');
      } finally {
        await lan.close();
      }
    } finally {
      other.remove();
    }
  });

  it('serves over TLS with Secure cookies when given a certificate and key', async () => {
    const other = tempDir();
    const cert = join(other.path, 'cert.pem');
    const key = join(other.path, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const tls = await startServe({ dataDir: join(other.path, 'data'), port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false, tls: { certFile: cert, keyFile: key } });
    try {
      expect(tls.url).toMatch(/^https:\/\//);
      let hsts: string | string[] | undefined;
      const cookies = await new Promise<string[]>((resolve, reject) => {
        const req = httpsRequest(`${tls.url}api`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          hsts = res.headers['strict-transport-security'];
          resolve(res.headers['set-cookie'] ?? []);
        });
        req.on('error', reject);
        req.end();
      });
      expect(cookies.find((c) => c.startsWith('__Host-flooddesk_csrf='))).toMatch(/; Secure/);
      expect(hsts).toBe('max-age=31536000');
      await expect(startServe({ dataDir: join(other.path, 'data2'), port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false, tls: { certFile: key, keyFile: key } })).rejects.toMatchObject({
        key: 'errors.tlsInvalid',
      });
    } finally {
      await tls.close();
      other.remove();
    }
  });
});

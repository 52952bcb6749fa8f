import { describe, expect, it, vi, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exposed, fakeElectron, FakeBrowserWindow, FakeSession, FakeWebContents, invoked } from './fake-electron';
import { createTestDb, type TestDb } from '../support/db';
import { tempDir } from '../support/tempdir';

vi.mock('electron', () => fakeElectron);

const { registerContractIpc, isTrustedSender } = await import('../../electron/ipc');
const { CALL_CHANNEL } = await import('../../electron/channels');
const { hardenApp, hardenSession, hardenWebContents, CONTENT_SECURITY_POLICY } = await import('../../electron/security');
const { createMainWindow } = await import('../../electron/window');
const { buildMenuTemplate } = await import('../../electron/menu');
const { loadWindowState, saveWindowState, DEFAULT_WINDOW_STATE } = await import('../../electron/window-state');

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('preload', () => {
  it('exposes exactly one function, call, which invokes the contract channel', async () => {
    await import('../../electron/preload');
    expect(Object.keys(exposed)).toEqual(['flooddesk']);
    const api = exposed.flooddesk as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['call']);
    await (api.call as (m: string, i: unknown) => Promise<unknown>)('system.status', {});
    expect(invoked).toEqual([{ channel: CALL_CHANNEL, args: ['system.status', {}] }]);
  });
});

describe('IPC contract transport', () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDb();
    registerContractIpc(fakeElectron.ipcMain as never, { dispatcher: () => t.dispatcher, appOrigin: 'file://', actor: () => ({ id: 'x', name: '值班员', role: 'admin' }) });
  });
  afterAll(() => t.close());

  it('answers calls from the app page with the same validation as HTTP', () => {
    const ok = fakeElectron.ipcMain.invoke(CALL_CHANNEL, frame('file:///app/out/renderer/index.html'), 'settings.get', {}) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const bad = fakeElectron.ipcMain.invoke(CALL_CHANNEL, frame('file:///app/index.html'), 'events.create', { name: '' }) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses frames that are not our top-level page', () => {
    const before = t.db.prepare('SELECT count(*) FROM events').pluck().get();
    const input = { name: '台风', startedAtMs: 1 };
    for (const event of [frame('https://evil.example/'), frame('file:///app/index.html', {}), { senderFrame: null }]) {
      const result = fakeElectron.ipcMain.invoke(CALL_CHANNEL, event, 'events.create', input) as { ok: boolean; error: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(before);
  });

  it('treats a dev-server origin strictly', () => {
    expect(isTrustedSender(frame('http://localhost:5173/#/duty') as never, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frame('http://localhost:5174/') as never, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(frame('not a url') as never, 'file://')).toBe(false);
  });
});

describe('window and session hardening', () => {
  it('opens the window isolated, sandboxed and without Node, with our preload only', () => {
    createMainWindow({ width: 1300, height: 850, maximized: false }, '/app/out/preload/index.cjs');
    const options = FakeBrowserWindow.created.at(-1)!.options as { width: number; webPreferences: Record<string, unknown> };
    expect(options.width).toBe(1300);
    expect(options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
  });

  it('blocks navigation away from the app and every new window', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, 'file://');
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///app/index.html#/rain')).toBe(false);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('hardens every web contents the app creates', () => {
    hardenApp(fakeElectron.app as never, 'file://');
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('grants only geolocation, only to the app itself, and sets a strict CSP on every response', () => {
    const session = new FakeSession();
    hardenSession(session as never, 'file://');
    const asked = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      session.permissionHandler?.({}, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(asked('geolocation', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(asked('geolocation', 'https://example.com/')).toBe(false);
    expect(asked('media', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(asked('notifications', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(session.checkHandler?.({}, 'geolocation', 'file:///')).toBe(true);
    expect(session.checkHandler?.({}, 'geolocation', 'https://example.com')).toBe(false);
    expect(session.checkHandler?.({}, 'clipboard-read', 'file:///')).toBe(false);
    let response: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersListener?.({ responseHeaders: { 'X-Test': ['1'] } }, (r) => (response = r as typeof response));
    expect(response?.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('menus', () => {
  const actions = { print: () => {}, openDataFolder: () => {}, about: () => {} };
  it('are labelled in Chinese and English', () => {
    const zh = buildMenuTemplate('zh-CN', actions).map((m) => m.label);
    const en = buildMenuTemplate('en', actions).map((m) => m.label);
    expect(zh).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(en).toEqual(['File', 'Edit', 'View', 'Help']);
  });
});

describe('window state', () => {
  it('round-trips, falls back on damage and pulls an off-screen window back', () => {
    const dir = tempDir();
    const file = join(dir.path, 'window-state.json');
    const display = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(loadWindowState(file, [display])).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 100, y: 50, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file, [display])).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file, [{ x: 0, y: 0, width: 50, height: 40 }])).toEqual({ width: 1200, height: 800, maximized: true });
    writeFileSync(file, '{"width": "huge"');
    expect(loadWindowState(file, [display])).toEqual(DEFAULT_WINDOW_STATE);
    dir.remove();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningApp } from '../../server/app';
import { Client } from '../support/http-client';
import { tempDir } from '../support/tempdir';

const ADMIN_PW = 'admin-pass-2026';
const MIN = 60_000;

describe('a session nobody uses ends on the server', () => {
  let app: RunningApp;
  let now = Date.UTC(2026, 6, 20, 14, 0);
  const data = tempDir();
  const admin = { id: 'setup', name: 'setup', role: 'admin' as const };

  beforeAll(async () => {
    app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false, clock: () => now });
    expect(app.dispatcher.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: ADMIN_PW }, null).ok).toBe(true);
    expect(app.dispatcher.call('settings.update', { section: 'accounts', values: { singleUser: false, autoLockMinutes: 15 } }, admin).ok).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  async function signedIn(): Promise<Client> {
    const desk = new Client(app.url);
    await desk.prime();
    expect((await desk.post('accounts.login', { username: 'admin', password: ADMIN_PW })).value.ok).toBe(true);
    return desk;
  }

  it('ends after the screen-lock minutes even while the status bar keeps polling', async () => {
    const desk = await signedIn();
    const signedInAt = now;
    for (const minutes of [5, 10, 14]) {
      now = signedInAt + minutes * MIN;
      expect((await desk.post('system.status', {}, { background: true })).status, `${minutes} min`).toBe(200);
    }
    now = signedInAt + 16 * MIN;
    expect(await desk.post('system.status', {}, { background: true })).toMatchObject({ status: 401, error: { key: 'errors.unauthorized' } });
    // Gone for good: a person coming back must sign in again.
    expect((await desk.post('events.list', {})).status).toBe(401);
  });

  it('stays while a person uses it, and follows the setting (0: only the absolute expiry)', async () => {
    const desk = await signedIn();
    for (let i = 0; i < 6; i++) {
      now += 14 * MIN;
      expect((await desk.post('events.list', {})).status).toBe(200);
    }
    expect(app.dispatcher.call('settings.update', { section: 'accounts', values: { autoLockMinutes: 0 } }, admin).ok).toBe(true);
    now += 3 * 60 * MIN;
    expect((await desk.post('system.status', {}, { background: true })).status).toBe(200);
  });
});

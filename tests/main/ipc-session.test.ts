import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fake-electron';
import { createTestDb, type TestDb } from '../support/db';
import type { Result } from '../../core/errors';
import type { AccountsStatus, LoginResult } from '../../core/contract/accounts';

vi.mock('electron', () => fakeElectron);

const { createHeldSession, registerContractIpc } = await import('../../electron/ipc');
const { CALL_CHANNEL } = await import('../../electron/channels');

const APP_PAGE = { senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } };
const ADMIN = { username: 'admin', displayName: '李建国', password: 'admin-pass-2026' };
const HOUR_MS = 3_600_000;

describe('the session held in the main process for IPC', () => {
  let t: TestDb;
  let now: number;
  const ipc = <T = unknown>(method: string, input: unknown = {}, event: unknown = APP_PAGE) => fakeElectron.ipcMain.invoke(CALL_CHANNEL, event, method, input) as Result<T>;
  const value = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const lastAuditActor = () => t.db.prepare('SELECT actor_id FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get();

  beforeEach(() => {
    t = createTestDb();
    now = Date.UTC(2026, 6, 1, 4, 0);
    t.setNow(now);
    const held = createHeldSession(() => now);
    registerContractIpc(fakeElectron.ipcMain as never, { dispatcher: () => t.dispatcher, appOrigin: 'file://', actor: held.actor, afterCall: held.afterCall });
  });
  afterEach(() => t.close());

  it('acts as the local operator until accounts exist, then only after signing in', () => {
    expect(value(ipc<AccountsStatus>('accounts.status'))).toMatchObject({ setupNeeded: true, singleUser: true, account: null, actor: { id: 'local' } });
    value(ipc('accounts.setupAdmin', ADMIN));
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(value(ipc<AccountsStatus>('accounts.status'))).toMatchObject({ setupNeeded: false, singleUser: false, account: null });

    const login = value(ipc<LoginResult>('accounts.login', { username: 'ADMIN', password: ADMIN.password }));
    expect(login.ok).toBe(true);
    expect(value(ipc<AccountsStatus>('accounts.status')).account).toMatchObject({ username: 'admin', displayName: ADMIN.displayName });
    const event = value(ipc<{ id: string }>('events.create', { name: '台风“海葵”', startedAtMs: now }));
    expect(event.id).toBeTruthy();
    // The change is recorded under the signed-in account, not the local operator.
    expect(lastAuditActor()).toBe(login.ok && login.account.id);

    value(ipc('accounts.logout'));
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('starts no session on a wrong password or from an untrusted frame', () => {
    value(ipc('accounts.setupAdmin', ADMIN));
    expect(value(ipc<LoginResult>('accounts.login', { username: 'admin', password: 'wrong-password' }))).toEqual({ ok: false, reason: 'invalid' });
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const iframe = { senderFrame: { url: 'file:///app/index.html', parent: {} } };
    expect(ipc('accounts.login', { username: 'admin', password: ADMIN.password }, iframe)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('ends the session when it expires, and renews it on a password change', () => {
    value(ipc('accounts.setupAdmin', ADMIN));
    value(ipc('accounts.login', { username: 'admin', password: ADMIN.password }));
    const hours = value(ipc<{ accounts: { sessionHours: number } }>('settings.get')).accounts.sessionHours;

    now += hours * HOUR_MS - 60_000;
    t.setNow(now);
    // The change bumps the account's epoch; the held session must follow or it would end here.
    value(ipc('accounts.changePassword', { oldPassword: ADMIN.password, newPassword: 'new-admin-pass-2026' }));
    expect(ipc('events.list').ok).toBe(true);

    now += 2 * 60_000;
    t.setNow(now);
    expect(ipc('events.list').ok).toBe(true);
    now += hours * HOUR_MS;
    t.setNow(now);
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('ends the session when an administrator resets the password elsewhere', () => {
    value(ipc('accounts.setupAdmin', ADMIN));
    const login = value(ipc<LoginResult>('accounts.login', { username: 'admin', password: ADMIN.password }));
    if (!login.ok) throw new Error('sign-in failed');
    t.call('accounts.resetPassword', { id: login.account.id, newPassword: 'temp-pass-2026' });
    expect(ipc('events.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

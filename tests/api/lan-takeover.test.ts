import { afterEach, describe, expect, it } from 'vitest';
import { startServe } from '../../server/app';
import { SIGNED_OUT_ACTOR } from '../../db/accounts';
import type { BackupList } from '../../core/contract/backup';
import { createTestDb } from '../support/db';
import { tempDir } from '../support/tempdir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const ADMIN = { id: 'local-admin', name: '李建国', role: 'admin' as const };

describe('no takeover of a LAN desk through a restore', () => {
  it('refuses to set up the first administrator for a caller who is signed out on a transport that requires sign-in', () => {
    const t = createTestDb();
    cleanups.push(t.close);
    const refused = t.dispatcher.call('accounts.setupAdmin', { username: 'mallory', displayName: 'Mallory', password: 'a-long-password-2026' }, SIGNED_OUT_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'errors.accounts.setupOnThisComputer' } });
    expect(t.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    // On this computer (no session, sign-in not required) the first administrator is set up as before.
    expect(t.dispatcher.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: 'a-long-password-2026' }, null).ok).toBe(true);
  });

  it('refuses, while serving the LAN, to restore a backup that has no active administrator, and keeps the accounts', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const local = await startServe({ dataDir: dir.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });
    const call = (method: string, input: unknown = {}) => local.dispatcher.call(method, input, ADMIN);
    call('backup.create');
    await local.backups.idle();
    const [withoutAccounts] = (call('backup.list') as { value: BackupList }).value.backups;
    expect(local.dispatcher.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: 'a-long-password-2026' }, null).ok).toBe(true);
    await local.close();

    const lan = await startServe({ dataDir: dir.path, port: 0, host: '0.0.0.0', demo: false, appVersion: 'test', backupTimer: false });
    cleanups.push(() => lan.close());
    expect(lan.dispatcher.call('backup.restore', { name: withoutAccounts.name }, ADMIN).ok).toBe(true);
    await lan.backups.idle();
    const { value } = lan.dispatcher.call('backup.list', {}, ADMIN) as { value: BackupList };
    expect(value.job).toMatchObject({ state: 'failed', error: { key: 'errors.accounts.restoreWithoutAdmin' } });
    expect(lan.db.prepare("SELECT count(*) FROM accounts WHERE role = 'admin' AND active = 1").pluck().get()).toBe(1);
    const signedOut = await fetch(`http://127.0.0.1:${lan.port}/api/events.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(signedOut.status).toBe(401);
  });
});

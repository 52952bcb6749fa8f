import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { startServe, type RunningApp } from '../../../server/app';
import type { BackupList } from '../../../core/contract/backup';
import type { EventRecord, SystemStatus } from '../../../core/contract/system';
import { damageTable } from '../../support/damage';
import { TEST_ACTOR } from '../../support/db';
import { tempDir } from '../../support/tempdir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function serve(dataDir: string): Promise<RunningApp> {
  const app = await startServe({ dataDir, port: 0, host: '127.0.0.1', demo: true, appVersion: 'test', backupTimer: false });
  cleanups.push(() => app.close());
  return app;
}

function call<T>(app: RunningApp, method: string, input: unknown = {}): T {
  const result = app.dispatcher.call(method, input, TEST_ACTOR);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const eventInput = { name: '测试过程', nameEn: 'Test', kind: 'rainstorm', startedAtMs: Date.UTC(2026, 6, 1), endedAtMs: null, notes: '' };

describe('the integrity check in the background', () => {
  it('starts without waiting for it after a crash, then finds the damage, refuses writes and names the newest good backup', async () => {
    const dataDir = tempDir();
    cleanups.push(dataDir.remove);
    const first = await serve(dataDir.path);
    call(first, 'backup.create');
    await first.backups.idle();
    const { backups } = call<BackupList>(first, 'backup.list');
    await first.integrity.idle();
    await cleanups.pop()!();
    const marker = `${first.paths.databaseFile}.clean`;
    expect(existsSync(marker)).toBe(true);
    // A power cut leaves no clean-shutdown marker.
    rmSync(marker);
    damageTable(first.paths.databaseFile, 'duty_log_gram_positions');

    const app = await serve(dataDir.path);
    expect(call<SystemStatus>(app, 'system.status').integrity).toMatchObject({ state: 'checking', reason: 'start' });
    const eventsBefore = call<EventRecord[]>(app, 'events.list').length;
    await app.integrity.idle();

    const { integrity } = call<SystemStatus>(app, 'system.status');
    expect(integrity).toMatchObject({ state: 'damaged', reason: 'start' });
    expect(integrity.problem).not.toBe('');
    const refused = app.dispatcher.call('events.create', eventInput, TEST_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', key: 'errors.dbDamagedNoWrites', params: { backup: backups[0].path } } });
    expect(!refused.ok && refused.error.message).toContain(backups[0].path);
    expect(call<EventRecord[]>(app, 'events.list')).toHaveLength(eventsBefore);
    // Signing in and restoring stay open: they are the way out.
    expect(app.dispatcher.call('accounts.status', {}, TEST_ACTOR).ok).toBe(true);
    await app.close();
    cleanups.pop();
    expect(existsSync(marker)).toBe(false);
  });

  it('trusts a recent clean shutdown, and checks again after a backup and on demand', async () => {
    const dataDir = tempDir();
    cleanups.push(dataDir.remove);
    const first = await serve(dataDir.path);
    await first.integrity.idle();
    await cleanups.pop()!();

    const app = await serve(dataDir.path);
    const atStart = call<SystemStatus>(app, 'system.status').integrity;
    expect(atStart.state).toBe('ok');
    expect(atStart.reason).toBeNull();

    call(app, 'backup.create');
    await app.backups.idle();
    expect(call<SystemStatus>(app, 'system.status').integrity).toMatchObject({ reason: 'backup' });
    await app.integrity.idle();
    expect(call<SystemStatus>(app, 'system.status').integrity).toMatchObject({ state: 'ok', reason: 'backup' });

    expect(call<SystemStatus['integrity']>(app, 'system.checkIntegrity')).toMatchObject({ state: 'checking', reason: 'manual' });
    await app.integrity.idle();
    const manual = call<SystemStatus>(app, 'system.status').integrity;
    expect(manual).toMatchObject({ state: 'ok', reason: 'manual', problem: null });
    expect(manual.lastGoodMs).toBe(manual.checkedAtMs);
    expect(call<EventRecord>(app, 'events.create', eventInput).name).toBe('测试过程');
  });
});

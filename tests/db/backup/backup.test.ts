import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServe, type RunningApp } from '../../../server/app';
import { migrations } from '../../../db/migrations';
import { dataPaths, ensureDataDir } from '../../../db/platform/paths';
import { openAppDatabase, openLiveDatabase } from '../../../db/handlers';
import { BACKUP_DB_FILE, createBackup } from '../../../db/backup/snapshots';
import type { BackupJob, BackupList } from '../../../core/contract/backup';
import type { ErrorBody } from '../../../core/errors';
import { TEST_ACTOR } from '../../support/db';
import { tempDir } from '../../support/tempdir';

const HOUR = 3_600_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function folder(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

async function serve(dataDir = folder()) {
  let now = Date.UTC(2026, 6, 1, 4, 0);
  const app = await startServe({ dataDir, port: 0, host: '127.0.0.1', demo: true, appVersion: 'test', backupTimer: false, clock: () => now });
  cleanups.push(() => app.close());
  const call = <T>(method: string, input: unknown = {}): T => {
    const result = app.dispatcher.call(method, input, TEST_ACTOR);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const fail = (method: string, input: unknown = {}): ErrorBody => {
    const result = app.dispatcher.call(method, input, TEST_ACTOR);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
    return result.error;
  };
  const backUp = async () => {
    call<BackupJob>('backup.create');
    await app.backups.idle();
    return call<BackupList>('backup.list');
  };
  return { app, call, fail, backUp, advance: (ms: number) => (now += ms) };
}

const count = (app: RunningApp, table: string) => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Overwrites a few pages in the middle of a database file, as a failing disk would. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) || 4096;
  for (let page = 1; page < Math.min(bytes.length / pageSize, 6); page++) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
  writeFileSync(file, bytes);
}

describe('backups', () => {
  it('makes a verified, self-contained copy with files and counts read from the copy', async () => {
    const { app, call, backUp } = await serve();
    writeFileSync(join(app.paths.filesDir, 'photo-1.jpg'), 'jpeg bytes');
    const live = { events: count(app, 'events'), audit_log: count(app, 'audit_log'), settings: count(app, 'settings') };
    const job = call<BackupJob>('backup.create');
    expect(job).toMatchObject({ kind: 'create', state: 'running', reason: 'manual' });
    await app.backups.idle();
    const list = call<BackupList>('backup.list');
    expect(list.job).toMatchObject({ state: 'done', backupName: list.backups[0].name });
    expect(list.backups).toHaveLength(1);
    const [first] = list.backups;
    expect(first).toMatchObject({ reason: 'manual', location: 'default', fileCount: 1, filesBytes: 10, counts: live });
    const copy = new Database(join(first.path, BACKUP_DB_FILE), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readFileSync(join(first.path, 'files', 'photo-1.jpg'), 'utf8')).toBe('jpeg bytes');

    // A second backup links the unchanged photo to the first copy and copies the changed one.
    writeFileSync(join(app.paths.filesDir, 'photo-2.jpg'), 'second');
    const again = await backUp();
    const second = again.backups[0];
    expect(second.name).not.toBe(first.name);
    expect(statSync(join(second.path, 'files', 'photo-1.jpg')).ino).toBe(statSync(join(first.path, 'files', 'photo-1.jpg')).ino);
    expect(readFileSync(join(second.path, 'files', 'photo-2.jpg'), 'utf8')).toBe('second');
  });

  it('refuses a second job while one runs, and reports a folder it cannot write', async () => {
    const { app, call, fail } = await serve();
    call('backup.create');
    expect(fail('backup.create')).toMatchObject({ code: 'conflict', key: 'errors.backup.busy' });
    await app.backups.idle();
    // A missing last folder is created; a missing parent (a mistyped drive) is refused.
    const parent = folder();
    call('settings.update', { section: 'backup', values: { folder: join(parent, 'FloodDesk-backups') } });
    expect(statSync(join(parent, 'FloodDesk-backups')).isDirectory()).toBe(true);
    const bad = join(parent, 'missing-drive', 'backups');
    expect(fail('settings.update', { section: 'backup', values: { folder: bad } })).toMatchObject({ key: 'errors.backup.folderUnavailable' });
    expect(fail('settings.update', { section: 'backup', values: { folder: 'relative/path' } })).toMatchObject({ key: 'errors.validation' });
  });

  it('deletes a copy that fails verification and says so', async () => {
    const { app } = await serve();
    const dir = folder();
    const attempt = createBackup(app.db, {
      dir,
      reason: 'manual',
      nowMs: 1,
      appVersion: 't',
      filesDir: app.paths.filesDir,
      onProgress: (phase) => {
        if (phase !== 'verify') return;
        const partial = readdirSync(dir).find((name) => name.startsWith('.partial-'));
        damage(join(dir, partial as string, BACKUP_DB_FILE));
      },
    });
    await expect(attempt).rejects.toMatchObject({ key: 'errors.backup.verifyFailed' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes to the chosen folder and rotates the timer backups there', async () => {
    const { app, call, advance } = await serve();
    const usb = folder();
    call('settings.update', { section: 'backup', values: { folder: usb, keepHourly: 2, keepDaily: 1 } });
    const base = count(app, 'events');
    for (let i = 0; i < 5; i++) {
      call('events.create', { name: `事件${i}`, startedAtMs: 1 });
      await app.backups.tick();
      advance(HOUR);
    }
    await app.backups.tick(); // nothing changed since the last one: skipped
    const list = call<BackupList>('backup.list');
    expect(list.folder).toBe(usb);
    expect(list.backups.map((b) => [b.location, b.reason])).toEqual([
      ['chosen', 'hourly'],
      ['chosen', 'hourly'],
    ]);
    expect(list.backups[0].counts.events).toBe(base + 5);
  });

  it('restores a backup: current state kept first, calls refused meanwhile, files and audit trail right', async () => {
    const { app, call, fail, backUp, advance } = await serve();
    writeFileSync(join(app.paths.filesDir, 'photo.jpg'), 'old photo');
    const base = count(app, 'events');
    const { backups } = await backUp();
    const target = backups[0];
    advance(HOUR);
    call('events.create', { name: '恢复后应消失', startedAtMs: 5 });
    writeFileSync(join(app.paths.filesDir, 'photo.jpg'), 'new photo');
    writeFileSync(join(app.paths.filesDir, 'later.jpg'), 'later');
    const oldDb = app.db;

    const job = call<BackupJob>('backup.restore', { name: target.name });
    expect(job).toMatchObject({ kind: 'restore', state: 'running', backupName: target.name });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fail('events.list')).toMatchObject({ code: 'storage', key: 'errors.backup.restoring' });
    await app.backups.idle();

    expect(app.db).not.toBe(oldDb);
    expect(oldDb.open).toBe(false);
    expect(count(app, 'events')).toBe(base);
    expect(readFileSync(join(app.paths.filesDir, 'photo.jpg'), 'utf8')).toBe('old photo');
    expect(existsSync(join(app.paths.filesDir, 'later.jpg'))).toBe(false);
    const list = call<BackupList>('backup.list');
    expect(list.job).toMatchObject({ state: 'done', kind: 'restore' });
    const kept = list.backups.find((b) => b.name === list.job?.preRestoreName);
    expect(kept).toMatchObject({ reason: 'pre-restore', counts: { events: base + 1 }, fileCount: 2 });
    const audit = call<{ rows: { method: string; after: { restoredFrom: string } }[] }>('audit.list', { method: 'backup.restore' });
    expect(audit.rows[0].after.restoredFrom).toBe(target.name);
    expect(call('audit.verify')).toMatchObject({ ok: true });
    const response = await fetch(`${app.url}api/events.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(((await response.json()) as { value: unknown[] }).value).toHaveLength(base);

    // Undo: the pre-restore copy brings the newer state back.
    call('backup.restore', { name: kept?.name });
    await app.backups.idle();
    expect(count(app, 'events')).toBe(base + 1);
    expect(readFileSync(join(app.paths.filesDir, 'later.jpg'), 'utf8')).toBe('later');
  });

  it('leaves everything as it was when the backup to restore is damaged', async () => {
    const { app, call, fail, backUp } = await serve();
    const { backups } = await backUp();
    damage(join(backups[0].path, BACKUP_DB_FILE));
    call('events.create', { name: '保留', startedAtMs: 5 });
    const base = count(app, 'events');
    call('backup.restore', { name: backups[0].name });
    await app.backups.idle();
    expect(call<BackupList>('backup.list').job).toMatchObject({ state: 'failed', error: { key: 'errors.backup.verifyFailed' } });
    expect(count(app, 'events')).toBe(base);
    expect(fail('backup.restore', { name: '2020-01-01T00-00-00-000Z_manual' })).toMatchObject({ code: 'not_found' });
    expect(fail('backup.restore', { name: '../../etc/passwd' })).toMatchObject({ code: 'validation' });
  });

  it('refuses to swap the file while another program has it open', async () => {
    const { app, call, backUp } = await serve();
    const { backups } = await backUp();
    const other = new Database(app.paths.databaseFile);
    other.prepare('SELECT count(*) FROM events').get();
    cleanups.push(() => other.close());
    call('backup.restore', { name: backups[0].name });
    await app.backups.idle();
    expect(call<BackupList>('backup.list').job).toMatchObject({ state: 'failed', error: { key: 'errors.dbInUse' } });
    expect(call<unknown[]>('events.list')).toHaveLength(backups[0].counts.events);
  });
});

describe('before a migration and on start', () => {
  it('backs up an existing database before migrating it', async () => {
    const dataDir = folder();
    const paths = dataPaths(dataDir);
    ensureDataDir(paths);
    const old = openAppDatabase(paths.databaseFile, { migrations: migrations.slice(0, 1) });
    old.prepare("INSERT INTO events (id, name, kind, started_at_ms, created_at, updated_at) VALUES ('e1', '旧', 'typhoon', 1, 'x', 'x')").run();
    old.close();
    writeFileSync(join(paths.filesDir, 'old.jpg'), 'x');
    const live = openLiveDatabase({ paths, appVersion: 'test', demo: false, backupTimer: false });
    cleanups.push(() => live.close());
    const [backup] = live.backups.list().backups;
    expect(backup).toMatchObject({ reason: 'pre-migration', schemaVersion: 1, counts: { events: 1 }, fileCount: 1 });
  });
});

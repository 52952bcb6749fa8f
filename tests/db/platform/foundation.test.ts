import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { schemaVersion } from '../../../db/platform/migrate';
import { FLOODDESK_APPLICATION_ID } from '../../../db/platform/connection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../db/migrations';
import { systemHandlers } from '../../../db/system/system.handlers';
import { createAppDispatcher, handlers, openAppDatabase } from '../../../db/handlers';
import { createTestDb, TEST_ACTOR, type TestDb } from '../../support/db';
import { tempDir } from '../../support/tempdir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function freshDir() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

function testDb(): TestDb {
  const t = createTestDb();
  cleanups.push(t.close);
  return t;
}

describe('opening the database', () => {
  it('creates a migrated file with WAL, synchronous=FULL and foreign keys', () => {
    const db = openAppDatabase(join(freshDir(), 'a.sqlite'));
    cleanups.push(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('runs a failing migration in its own transaction and leaves the file as it was', () => {
    const file = join(freshDir(), 'broken.sqlite');
    const broken = [...migrations.slice(0, 1), { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' }];
    expect(() => openAppDatabase(file, { migrations: broken })).toThrow(/nowhere/);
    const raw = new Database(file);
    cleanups.push(() => raw.close());
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('refuses a database newer than the app, without changing it', () => {
    const file = join(freshDir(), 'new.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${FLOODDESK_APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openAppDatabase(file)).toThrow(expect.objectContaining({ key: 'errors.dbTooNew' }));
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    check.close();
  });

  it('says plainly when the file is not a database', () => {
    const file = join(freshDir(), 'junk.sqlite');
    writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    expect(() => openAppDatabase(file)).toThrow(expect.objectContaining({ key: 'errors.dbCorrupt' }));
  });

  it.skipIf(process.getuid?.() === 0)('says plainly when the folder is read-only', () => {
    const dir = freshDir();
    chmodSync(dir, 0o500);
    cleanups.push(() => chmodSync(dir, 0o700));
    expect(() => openAppDatabase(join(dir, 'ro.sqlite'))).toThrow(expect.objectContaining({ key: 'errors.dbReadOnly' }));
  });

  it('says plainly when another program holds the file locked', () => {
    const file = join(freshDir(), 'locked.sqlite');
    openAppDatabase(file).close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => holder.close());
    expect(() => openAppDatabase(file)).toThrow(expect.objectContaining({ key: 'errors.dbLocked' }));
  }, 20_000);

  it('answers a typed busy error when a write cannot get the lock, and saves nothing', () => {
    const file = join(freshDir(), 'busy.sqlite');
    const db = openAppDatabase(file);
    cleanups.push(() => db.close());
    db.pragma('busy_timeout = 100');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    cleanups.push(() => other.close());
    const dispatcher = createAppDispatcher({ db, dataDir: '.' });
    const result = dispatcher.call('events.create', { name: '台风', startedAtMs: 1 }, TEST_ACTOR);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', key: 'errors.dbBusy' } });
    other.exec('ROLLBACK');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });
});

describe('dispatcher', () => {
  it('audits every change with who, when, method, entity, before and after', () => {
    const t = testDb();
    t.setNow(Date.UTC(2026, 7, 1, 0, 0));
    const event = t.call<{ id: string; version: number }>('events.create', { name: '台风“海葵”', startedAtMs: Date.UTC(2026, 7, 1) });
    t.call('events.update', { id: event.id, patch: { notes: '已解除' }, expectedVersion: event.version });
    const { rows } = t.call<{ rows: { method: string; entity: string; entityId: string; actorName: string; atMs: number; before: unknown; after: { notes: string } }[] }>('audit.list', { entity: 'event', entityId: event.id });
    expect(rows.map((r) => r.method)).toEqual(['events.update', 'events.create']);
    expect(rows[0]).toMatchObject({ entity: 'event', entityId: event.id, actorName: TEST_ACTOR.name, atMs: Date.UTC(2026, 7, 1) });
    expect(rows[0].after.notes).toBe('已解除');
    expect(rows[1].before).toBeNull();
  });

  it('rolls the whole call back when the handler fails half-way', () => {
    const t = testDb();
    const failing = {
      ...handlers,
      'events.create': (...args: Parameters<(typeof handlers)['events.create']>) => {
        handlers['events.create'](...args);
        throw new Error('power cut in the middle');
      },
    };
    const dispatcher = createAppDispatcher({ db: t.db, dataDir: t.dir, handlers: failing });
    const result = dispatcher.call('events.create', { name: '暴雨', startedAtMs: 5 }, TEST_ACTOR);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('rejects bad input with field issues in English and Chinese and changes nothing', () => {
    const t = testDb();
    const error = t.fail('events.create', { name: 42, startedAtMs: -1 });
    expect(error.code).toBe('validation');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['name', 'startedAtMs']);
    expect(error.issues?.every((i) => /[\u4e00-\u9fff]/.test(i.messageZh))).toBe(true);
    expect(t.fail('events.create', { name: '台风', startedAtMs: 10, endedAtMs: 5 }).issues?.[0].path).toBe('endedAtMs');
    expect(t.fail('no.such', {})).toMatchObject({ code: 'not_found', key: 'errors.unknownMethod' });
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('keeps the audit log append-only', () => {
    const t = testDb();
    t.call('events.create', { name: '台风', startedAtMs: 1 });
    expect(() => t.db.prepare('UPDATE audit_log SET actor_name = ?').run('someone else')).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('validates merged settings and refuses an unknown time zone', () => {
    const t = testDb();
    expect(t.fail('settings.update', { section: 'general', values: { dutyDayStart: '25:00' } }).code).toBe('validation');
    expect(t.fail('settings.update', { section: 'general', values: { timeZone: 'Mars/Base' } }).key).toBe('errors.settings.badTimeZone');
    const settings = t.call<{ general: { dutyDayStart: string } }>('settings.update', { section: 'general', values: { dutyDayStart: '09:00' } });
    expect(settings.general.dutyDayStart).toBe('09:00');
  });

  it('refuses text with a NUL anywhere in the input, naming the field, and saves nothing', () => {
    const t = testDb();
    const audited = () => t.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audited();
    const refused = t.fail('duty.savePerson', { name: '\0张伟', roles: ['officer'] });
    expect(refused.issues).toEqual([{ path: 'name', message: expect.stringContaining('NUL'), messageZh: expect.stringContaining('空字符') }]);
    expect(t.fail('events.create', { name: '台风', startedAtMs: 1, notes: 'a\0b' }).issues?.[0].path).toBe('notes');
    expect(audited()).toBe(before);
    expect(t.call<{ name: string }>('duty.savePerson', { name: '张伟', roles: ['officer'] }).name).toBe('张伟');
  });

  it('names the duty day by the day it started: 03:00 belongs to yesterday', () => {
    const t = testDb();
    t.setNow(Date.UTC(2026, 6, 4, 19, 0)); // 03:00 on 5 July in Shanghai
    expect(t.call<{ dutyDay: string }>('system.status').dutyDay).toBe('2026-07-04');
    t.setNow(Date.UTC(2026, 6, 5, 0, 0)); // 08:00 on 5 July
    expect(t.call<{ dutyDay: string }>('system.status').dutyDay).toBe('2026-07-05');
    expect(Object.keys(systemHandlers)).toContain('system.status');
  });
});

describe('permissions in the dispatcher', () => {
  it('refuses a viewer any change, with a typed error, and saves nothing', () => {
    const t = testDb();
    const viewer = { id: 'v', name: '查看者', role: 'viewer' as const };
    expect(t.fail('events.create', { name: '台风', startedAtMs: 1 }, viewer)).toMatchObject({ code: 'forbidden', key: 'errors.forbidden' });
    expect(t.call('events.list', {}, viewer)).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SystemInfo } from '../../../core/contract/system';
import type { Settings } from '../../../core/settings';
import { ROLES, type Role } from '../../../core/permissions';
import { createTestDb, type TestDb } from '../../support/db';

const as = (role: Role) => ({ id: role, name: role, role });

describe('what each role may read about the desk itself', () => {
  let t: TestDb;
  let folder: string;
  afterEach(() => {
    t.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const setUp = () => {
    t = createTestDb();
    folder = mkdtempSync(join(tmpdir(), 'fd-backups-'));
    t.call('settings.update', { section: 'backup', values: { folder } });
    t.call('events.create', { kind: 'rainstorm', name: '测试过程', startedAtMs: Date.UTC(2026, 6, 1) });
  };

  it('shows where the data lives, and where its backups go, to administrators only', () => {
    setUp();
    const admin = t.call<SystemInfo>('system.info', {}, as('admin'));
    expect(admin.dataDir).toBeTruthy();
    expect(admin.databaseFile).toContain('.sqlite');
    expect(t.call<Settings>('settings.get', {}, as('admin')).backup.folder).toBe(folder);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const info = t.call<SystemInfo>('system.info', {}, as(role));
      expect([info.dataDir, info.databaseFile], role).toEqual([null, null]);
      expect(info.appVersion).toBe(admin.appVersion);
      const settings = t.call<Settings>('settings.get', {}, as(role));
      expect(settings.backup.folder, role).toBe('(set)');
      expect(settings.general).toEqual(t.call<Settings>('settings.get', {}, as('admin')).general);
      expect(t.fail('backup.list', {}, as(role)), role).toMatchObject({ code: 'forbidden' });
    }
  });

  it('lets administrators and leaders read the audit trail, nobody else', () => {
    setUp();
    for (const role of ROLES) {
      const allowed = role === 'admin' || role === 'leader';
      for (const method of ['audit.list', 'audit.verify']) {
        if (allowed) expect(() => t.call(method, {}, as(role)), `${role} ${method}`).not.toThrow();
        else expect(t.fail(method, {}, as(role)), `${role} ${method}`).toMatchObject({ code: 'forbidden' });
      }
    }
    expect(t.call<{ total: number }>('audit.list', {}, as('leader')).total).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../db/handlers';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../db/migrations';
import { migrate, schemaVersion, type Migration } from '../../../db/platform/migrate';
import { createDb, insertRows, migrateTo } from './helpers';

/** The first release landed 0001–0008 together and 0010 skipped 9; from 0015 on, numbers leave no gaps. */
const NO_GAPS_AFTER = 15;

describe('the list of migrations', () => {
  it('leaves no gap after 0015, and never uses 0009', () => {
    const later = migrations.filter((m) => m.version > NO_GAPS_AFTER);
    later.forEach((migration, index) => {
      const previous = index === 0 ? NO_GAPS_AFTER : later[index - 1].version;
      expect(migration.version, `${migration.version}_${migration.name}`).toBe(previous + 1);
    });
    // Files already at 10 or beyond would skip a new 0009 silently: the runner only applies numbers above user_version.
    expect(migrations.map((m) => m.version)).not.toContain(9);
  });
});

describe('the migration runner', () => {
  const step = (version: number): Migration => ({ version, name: `step${version}`, sql: `CREATE TABLE t${version} (x INTEGER) STRICT;` });

  it.each([
    ['repeated', [step(1), step(2), step(2)]],
    ['out of order', [step(1), step(3), step(2)]],
  ])('refuses a list whose numbers are %s, before applying any of it', (_case, list) => {
    const db = createDb();
    expect(() => migrate(db, list)).toThrow(/rising order/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('t1', 't2', 't3')").pluck().get()).toBe(0);
  });

  it('upgrades an old file step by step and keeps its rows', () => {
    const db = createDb();
    migrateTo(db, 1);
    insertRows(db, 'settings', [{ section: 'general', value: '{"unitName":"老街道"}', updated_at: 'x' }]);
    db.close();
    const seen: number[] = [];
    const upgraded = openAppDatabase(db.name, { beforeMigrate: (_db, from) => seen.push(from) });
    try {
      expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.prepare("SELECT json_extract(value, '$.unitName') FROM settings").pluck().get()).toBe('老街道');
      expect(seen).toEqual(LATEST_SCHEMA_VERSION > 1 ? [1] : []);
    } finally {
      upgraded.close();
    }
  });
});

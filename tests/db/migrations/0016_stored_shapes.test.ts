import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../../core/contract/system';
import { HAZARD_TYPE_IDS } from '../../../core/domain/hazards/templates';
import { createDb, insertRows, migrateTo, readTable } from './helpers';

const ISO = '2026-07-01T04:00:00.000Z';
const event = (id: string, at: string) => ({ id, name: '台风', name_en: '', kind: 'typhoon', started_at_ms: 1, ended_at_ms: null, notes: '', created_at: at, updated_at: at });

describe('migration 16: instants and days are stored in their ISO shapes', () => {
  it('refuses an instant that is not ISO-8601 UTC on insert and on update, and takes a real one', () => {
    const db = createDb();
    migrateTo(db, 16);
    expect(() => insertRows(db, 'events', [event('bad', 'x')])).toThrow(/events: created_at, updated_at must be ISO-8601/);
    expect(() => insertRows(db, 'events', [event('local', '2026-07-01 12:00:00')])).toThrow(/ISO-8601/);
    insertRows(db, 'events', [event('good', ISO)]);
    expect(() => db.prepare("UPDATE events SET updated_at = 'yesterday' WHERE id = 'good'").run()).toThrow(/ISO-8601/);
    expect(readTable(db, 'events').map((row) => row.id)).toEqual(['good']);
  });

  it('lets a nullable instant be NULL, and checks a local day as YYYY-MM-DD', () => {
    const db = createDb();
    migrateTo(db, 16);
    insertRows(db, 'duty_people', [{ id: 'p1', name: '张伟', roles: '["officer"]', created_at: ISO, updated_at: ISO }]);
    const leave = (id: string, from: string) => ({ id, person_id: 'p1', from_date: from, to_date: '2026-07-03', deleted_at: null, created_at: ISO, updated_at: ISO });
    insertRows(db, 'duty_leave', [leave('l1', '2026-07-01')]);
    expect(() => insertRows(db, 'duty_leave', [leave('l2', '7/1/2026')])).toThrow(/duty_leave: from_date, to_date, deleted_at, created_at, updated_at/);
  });

  it('keeps rows stored before it, whatever they hold', () => {
    const db = createDb();
    migrateTo(db, 15);
    insertRows(db, 'events', [event('legacy', 'x')]);
    migrateTo(db, 16);
    expect(readTable(db, 'events')).toMatchObject([{ id: 'legacy', created_at: 'x' }]);
  });
});

describe('migration 16: enumerations the first schemas left open', () => {
  it('refuses an unknown event kind on insert and on update, and keeps a known one', () => {
    const db = createDb();
    migrateTo(db, 16);
    expect(() => insertRows(db, 'events', [{ ...event('e1', ISO), kind: 'meteor' }])).toThrow(/events: kind must be one of/);
    insertRows(db, 'events', [{ ...event('e2', ISO), kind: 'plum_rain' }]);
    expect(() => db.prepare("UPDATE events SET kind = 'storm' WHERE id = 'e2'").run()).toThrow(/kind must be one of/);
    expect(readTable(db, 'events')).toMatchObject([{ id: 'e2', kind: 'plum_rain' }]);
  });

  it('lists exactly the kinds and types the contract knows', () => {
    const db = createDb();
    migrateTo(db, 16);
    const listed = (trigger: string) => {
      const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(trigger) as string;
      return [...(/NOT IN \(([^)]*)\)/.exec(sql)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    };
    expect(listed('events_kind_insert')).toEqual([...eventKinds]);
    expect(listed('hazard_points_type_insert')).toEqual([...HAZARD_TYPE_IDS]);
  });
});

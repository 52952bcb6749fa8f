import { describe, expect, it } from 'vitest';
import { createDb, explain, insertRows, migrateTo, readTable } from './helpers';

const ISO = '2026-07-01T04:00:00.000Z';
const event = (over: Record<string, unknown> = {}) => ({
  id: 'e1', name: '台风“苏拉”', name_en: 'Typhoon Saola', kind: 'typhoon', started_at_ms: 1, ended_at_ms: null, notes: '', created_at: ISO, updated_at: ISO, ...over,
});

describe('migration 18: typhoon number and year on events', () => {
  it('keeps the events written before it, with no number', () => {
    const db = createDb();
    migrateTo(db, 17);
    insertRows(db, 'events', [event(), event({ id: 'e2', name: '强降雨', name_en: '', kind: 'rainstorm' })]);
    migrateTo(db, 18);
    expect(readTable(db, 'events', 'id').map((r) => [r.id, r.name, r.typhoon_year, r.typhoon_number, r.version])).toEqual([
      ['e1', '台风“苏拉”', null, null, 1],
      ['e2', '强降雨', null, null, 1],
    ]);
  });

  it('takes a numbered typhoon and refuses a half number, a number on a rainstorm, out-of-range values and a number twice', () => {
    const db = createDb();
    migrateTo(db, 18);
    insertRows(db, 'events', [event({ name: '苏拉', name_en: 'Saola', typhoon_year: 2023, typhoon_number: 9 })]);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', typhoon_year: 2023 })])).toThrow(/go together/);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', typhoon_number: 9 })])).toThrow(/go together/);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', kind: 'rainstorm', typhoon_year: 2023, typhoon_number: 10 })])).toThrow(/only on a typhoon/);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', typhoon_year: 2023, typhoon_number: 100 })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', typhoon_year: 1800, typhoon_number: 1 })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'events', [event({ id: 'e2', typhoon_year: 2023, typhoon_number: 9 })])).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE events SET kind = 'rainstorm' WHERE id = 'e1'").run()).toThrow(/only on a typhoon/);
    expect(() => db.prepare("UPDATE events SET typhoon_year = NULL WHERE id = 'e1'").run()).toThrow(/go together/);
    db.prepare("UPDATE events SET kind = 'rainstorm', typhoon_year = NULL, typhoon_number = NULL WHERE id = 'e1'").run();
    expect(readTable(db, 'events')[0]).toMatchObject({ kind: 'rainstorm', typhoon_year: null });
  });

  it('finds an event’s warnings and responses by index', () => {
    const db = createDb();
    migrateTo(db, 18);
    expect(explain(db, 'SELECT * FROM duty_warnings WHERE event_id = ? ORDER BY issued_at_ms', ['e1']).join('\n')).toMatch(/USING INDEX duty_warnings_by_event/);
    expect(explain(db, 'SELECT * FROM duty_responses WHERE event_id = ? ORDER BY declared_at_ms', ['e1']).join('\n')).toMatch(/USING INDEX duty_responses_by_event/);
  });
});

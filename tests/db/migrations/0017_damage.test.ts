import { describe, expect, it } from 'vitest';
import { DAMAGE_TYPE_IDS, QUANTITY_IDS } from '../../../core/domain/damage/catalogue';
import { damageSourceKinds } from '../../../core/contract/damage';
import { DAMAGE_STATUSES } from '../../../core/domain/damage/status';
import { createDb, insertRows, migrateTo, readTable } from './helpers';

const ISO = '2026-07-01T04:00:00.000Z';
const event = { id: 'e1', name: '台风', name_en: '', kind: 'typhoon', started_at_ms: 1, ended_at_ms: null, notes: '', created_at: ISO, updated_at: ISO };
const record = (over: Record<string, unknown> = {}) => ({ id: 'r1', event_id: 'e1', source_kind: 'manual', source_id: null, created_by: '李明', created_at: ISO, updated_at: ISO, ...over });
const version = (over: Record<string, unknown> = {}) => ({
  id: 'v1', record_id: 'r1', version: 1, change_kind: 'record', status: 'reported', damage_type: 'tree_fallen', occurred_at_ms: 1,
  recorded_by: '李明', recorded_at_ms: 1, created_at: ISO, ...over,
});

function migrated() {
  const db = createDb();
  migrateTo(db, 17);
  insertRows(db, 'events', [event]);
  return db;
}

describe('migration 17: the damage register', () => {
  it('takes a record, its version and quantities, and keeps versions as written', () => {
    const db = migrated();
    insertRows(db, 'damage_records', [record()]);
    insertRows(db, 'damage_versions', [version()]);
    insertRows(db, 'damage_quantities', [{ version_id: 'v1', indicator: 'trees_fallen', quantity: 3 }]);
    expect(() => db.prepare("UPDATE damage_versions SET description = 'x'").run()).toThrow(/never edited/);
    expect(() => db.prepare('UPDATE damage_quantities SET quantity = 4').run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM damage_records').run()).toThrow(/never deleted/);
    db.prepare(`UPDATE damage_versions SET superseded_at = '${ISO}'`).run();
    expect(() => db.prepare('UPDATE damage_versions SET superseded_at = NULL').run()).toThrow(/superseded once/);
    expect(readTable(db, 'damage_quantities')).toEqual([{ version_id: 'v1', indicator: 'trees_fallen', quantity: 3 }]);
  });

  it('refuses unknown kinds, negative figures, a source id where none belongs, and one current version per record only', () => {
    const db = migrated();
    expect(() => insertRows(db, 'damage_records', [record({ source_kind: 'rumour' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_records', [record({ source_id: 'x' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_records', [record({ source_kind: 'log_entry' })])).toThrow(/CHECK/);
    insertRows(db, 'damage_records', [record()]);
    expect(() => insertRows(db, 'damage_versions', [version({ damage_type: 'meteor' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_versions', [version({ loss_wan: -1 })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_versions', [version({ status: 'verified' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_versions', [version({ lat: 22.5 })])).toThrow(/CHECK/);
    insertRows(db, 'damage_versions', [version()]);
    expect(() => insertRows(db, 'damage_versions', [version({ id: 'v2', version: 2 })])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'damage_quantities', [{ version_id: 'v1', indicator: 'trees_fallen', quantity: -1 }])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_quantities', [{ version_id: 'v1', indicator: 'dragons', quantity: 1 }])).toThrow(/CHECK/);
  });

  it('stores instants in their ISO shape', () => {
    const db = migrated();
    expect(() => insertRows(db, 'damage_records', [record({ created_at: '2026-07-01 12:00' })])).toThrow(/damage_records: created_at, updated_at, deleted_at must be ISO-8601/);
    insertRows(db, 'damage_records', [record()]);
    expect(() => db.prepare("UPDATE damage_records SET deleted_at = 'today', delete_reason = 'x'").run()).toThrow(/ISO-8601/);
    expect(() => insertRows(db, 'damage_versions', [version({ created_at: 'x' })])).toThrow(/damage_versions: created_at, superseded_at/);
  });

  it('lists exactly the types, statuses, sources and indicators the code knows', () => {
    const db = migrated();
    const sql = (table: string) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string;
    const listed = (table: string, column: string) => [...(new RegExp(`${column}\\s+TEXT[^(]*\\(${column} IN \\(([^)]*)\\)`).exec(sql(table))?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed('damage_versions', 'damage_type')).toEqual([...DAMAGE_TYPE_IDS]);
    expect(listed('damage_versions', 'status')).toEqual([...DAMAGE_STATUSES]);
    expect(listed('damage_records', 'source_kind')).toEqual([...damageSourceKinds]);
    expect(listed('damage_quantities', 'indicator')).toEqual([...QUANTITY_IDS]);
  });
});

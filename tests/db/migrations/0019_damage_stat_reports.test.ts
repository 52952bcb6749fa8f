import { describe, expect, it } from 'vitest';
import { STAT_ROW_IDS, STAT_STAGES } from '../../../core/domain/damage/statReport';
import { createDb, insertRows, migrateTo, readTable } from './helpers';

const ISO = '2026-07-01T04:00:00.000Z';
const event = { id: 'e1', name: '台风', name_en: '', kind: 'typhoon', started_at_ms: 1, ended_at_ms: null, notes: '', created_at: ISO, updated_at: ISO };
const report = (over: Record<string, unknown> = {}) => ({ id: 'r1', event_id: 'e1', stage: 'initial', seq: 1, as_of_ms: 10, description: '初报', created_by: '李明', created_at: ISO, ...over });
const figure = (over: Record<string, unknown> = {}) => ({ report_id: 'r1', indicator: 'dead', computed_value: 0, verified_value: 0, reported_value: 0, reason: '', ...over });

function migrated() {
  const db = createDb();
  migrateTo(db, 19);
  insertRows(db, 'events', [event]);
  return db;
}

describe('migration 19: kept versions of the statistics quick report', () => {
  it('keeps a version and its figures exactly as sent: no update, no delete', () => {
    const db = migrated();
    insertRows(db, 'damage_stat_reports', [report()]);
    insertRows(db, 'damage_stat_figures', [figure(), figure({ indicator: 'affected_people', computed_value: null, verified_value: null, reported_value: null })]);
    expect(() => db.prepare("UPDATE damage_stat_reports SET description = 'x'").run()).toThrow(/kept as sent/);
    expect(() => db.prepare('DELETE FROM damage_stat_reports').run()).toThrow(/kept as sent/);
    expect(() => db.prepare('UPDATE damage_stat_figures SET reported_value = 3').run()).toThrow(/kept as sent/);
    expect(() => db.prepare('DELETE FROM damage_stat_figures').run()).toThrow(/kept as sent/);
    expect(readTable(db, 'damage_stat_figures', 'indicator').map((r) => [r.indicator, r.reported_value])).toEqual([
      ['affected_people', null],
      ['dead', 0],
    ]);
  });

  it('numbers versions once per event, starts with the 初报, has one 核报, and refuses an edit without a reason', () => {
    const db = migrated();
    expect(() => insertRows(db, 'damage_stat_reports', [report({ stage: 'update' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_stat_reports', [report({ stage: 'draft' })])).toThrow(/CHECK/);
    insertRows(db, 'damage_stat_reports', [report()]);
    expect(() => insertRows(db, 'damage_stat_reports', [report({ id: 'r2' })])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'damage_stat_reports', [report({ id: 'r2', seq: 2, stage: 'initial' })])).toThrow(/CHECK/);
    insertRows(db, 'damage_stat_reports', [report({ id: 'r2', seq: 2, stage: 'final' })]);
    expect(() => insertRows(db, 'damage_stat_reports', [report({ id: 'r3', seq: 3, stage: 'final' })])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'damage_stat_figures', [figure({ reported_value: 2 })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_stat_figures', [figure({ reported_value: -1, reason: '负数' })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'damage_stat_figures', [figure({ indicator: 'dragons' })])).toThrow(/CHECK/);
    insertRows(db, 'damage_stat_figures', [figure({ reported_value: 2, reason: '家属报告' })]);
  });

  it('stores created_at in its ISO shape', () => {
    const db = migrated();
    expect(() => insertRows(db, 'damage_stat_reports', [report({ created_at: '2026-07-01 12:00' })])).toThrow(/damage_stat_reports: created_at must be ISO-8601/);
  });

  it('lists exactly the stages and rows the code knows', () => {
    const db = migrated();
    const sql = (table: string) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string;
    const listed = (table: string, column: string) => [...(new RegExp(`${column}\\s+TEXT[^(]*\\(${column} IN \\(([^)]*)\\)`).exec(sql(table))?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed('damage_stat_reports', 'stage')).toEqual([...STAT_STAGES]);
    expect(listed('damage_stat_figures', 'indicator')).toEqual([...STAT_ROW_IDS]);
  });
});

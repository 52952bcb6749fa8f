import { afterEach, describe, expect, it } from 'vitest';
import type { ImportRowIssue } from '../../../core/contract/hazards-types';
import type { AuditRow } from '../../../core/contract/system';
import type { TestDb } from '../../support/db';
import { counts, createPoint, HUAFU, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const NOON = Date.UTC(2026, 6, 1, 4, 0);
const row = (i: number, extra: Record<string, unknown> = {}) => ({
  name: `导入测试点${i}`,
  hazardType: '边坡/山体',
  lat: String(22.5 + i / 1000),
  lng: '114.07',
  riskLevel: '中风险',
  community: '华富村社区',
  ...extra,
});

function stage(t: TestDb, rows: Record<string, unknown>[], fileName = 'points.xlsx'): { importId: string; issues: ImportRowIssue[] } {
  const { importId } = t.call<{ importId: string }>('hazards.importBegin', { fileName });
  const issues: ImportRowIssue[] = [];
  for (let i = 0; i < rows.length; i += 500) issues.push(...t.call<{ issues: ImportRowIssue[] }>('hazards.importChunk', { importId, startRow: i + 2, rows: rows.slice(i, i + 500) }).issues);
  return { importId, issues };
}

describe('import audit: one row per import', () => {
  it('audits the batch once with the file name and every point id, and each point leads back to it', () => {
    const t = testDb(cleanups, NOON);
    const before = counts(t);
    const { importId } = stage(t, Array.from({ length: 600 }, (_, i) => row(i)), '华富街道隐患点.xlsx');
    expect(t.call('hazards.importCommit', { importId })).toEqual({ created: 600 });
    const after = counts(t);
    expect(after.hazard_points - before.hazard_points).toBe(600);
    expect(after.audit_log - before.audit_log).toBe(1);
    const audit = t.call<{ rows: AuditRow[] }>('audit.list', { entity: 'hazard_import', entityId: importId }).rows;
    expect(audit).toHaveLength(1);
    const batch = audit[0].after as { fileName: string; created: number; pointIds: string[] };
    expect(batch).toMatchObject({ fileName: '华富街道隐患点.xlsx', created: 600 });
    const stored = t.db.prepare('SELECT id FROM hazard_points WHERE import_id = ? ORDER BY id').pluck().all(importId) as string[];
    expect([...batch.pointIds].sort()).toEqual(stored);
    // The point's history names the import, without the whole batch's ids.
    const history = t.call<{ history: AuditRow[] }>('hazards.getPoint', { id: stored[0] }).history;
    expect(history.map((h) => h.method)).toEqual(['hazards.importCommit']);
    expect(history[0].after).toEqual({ fileName: '华富街道隐患点.xlsx', created: 600 });
  });

  it('keeps the imported values in the before of the first audited change', () => {
    const t = testDb(cleanups, NOON);
    const { importId } = stage(t, [row(1, { responsiblePerson: '王建国' })]);
    t.call('hazards.importCommit', { importId });
    const id = t.db.prepare('SELECT id FROM hazard_points WHERE import_id = ?').pluck().get(importId) as string;
    t.call('hazards.updatePoint', { id, point: { name: '导入测试点1', hazardType: 'slope', lat: 22.501, lng: 114.07, responsiblePerson: '李梅' }, expectedVersion: 1 });
    const history = t.call<{ history: AuditRow[] }>('hazards.getPoint', { id }).history;
    expect(history.map((h) => h.method)).toEqual(['hazards.updatePoint', 'hazards.importCommit']);
    expect(history[0].before).toMatchObject({ responsiblePerson: '王建国', riskLevel: 'medium', community: '华富村社区' });
    expect(t.db.prepare('SELECT import_id FROM hazard_points WHERE id = ?').pluck().get(id)).toBe(importId);
  });
});

describe('import checks', () => {
  it('words schema problems for people, naming the row and the column, in Chinese and English', () => {
    const t = testDb(cleanups, NOON);
    const before = counts(t);
    const rows = [row(0), row(1, { lat: '95' }), row(2, { hazardType: '水塘' }), row(3, { residents: '-2', personPhone: 'abc' }), row(4, { lat: '114.07', lng: '22.55' })];
    const { importId, issues } = stage(t, rows);
    const byRow = new Map(issues.map((i) => [i.row, i.errors]));
    expect(byRow.get(3)).toEqual([{ field: 'lat', message: 'Row 3: Latitude must be a number between -90 and 90', messageZh: '第 3 行：纬度必须是 -90 到 90 之间的数字' }]);
    expect(byRow.get(4)?.[0].messageZh).toMatch(/^第 4 行：类型必须是以下之一：地下车库\/地下室、下穿通道\/隧道、/);
    expect(byRow.get(4)?.[0].message).toMatch(/^Row 4: Type must be one of: Underground garage/);
    expect(byRow.get(5)?.map((e) => [e.field, e.messageZh])).toEqual([
      ['personPhone', '第 5 行：责任人电话只能包含数字、空格和 + - ( ) 转，最多 40 个字符'],
      ['residents', '第 5 行：居住人数必须是 0 到 100000 之间的整数'],
    ]);
    expect(byRow.get(6)?.map((e) => e.messageZh)).toEqual(['第 6 行：纬度必须是 -90 到 90 之间的数字', '第 6 行：纬度和经度可能填反了']);
    expect(issues.flatMap((i) => i.errors).every((e) => !/expected|Invalid|Too (big|small)/.test(e.message))).toBe(true);
    expect(t.fail('hazards.importCommit', { importId })).toMatchObject({ key: 'errors.hazards.importHasErrors', params: { count: 4, rows: '3, 4, 5, 6' } });
    expect(counts(t)).toEqual(before);
  });

  it('words row rules the same way', () => {
    const t = testDb(cleanups, NOON);
    const { issues } = stage(t, [row(0, { letterSigned: '是' }), row(1, { residents: '2', vulnerable: '5' })]);
    expect(issues.map((i) => i.errors[0].messageZh)).toEqual(['第 2 行：签订日期必须填写：责任书已签时须写明签订日期', '第 3 行：脆弱人群人数不能多于居住人数']);
  });

  it('warns (does not refuse) a row with the same name as an earlier row of the file within 50 m, across chunks', () => {
    const t = testDb(cleanups, NOON);
    const rows = Array.from({ length: 700 }, (_, i) => row(i));
    // Row 652 (index 650, second chunk) repeats row 12's name 22 m away; row 402 repeats it 1 km away.
    rows[650] = { ...row(10), name: ' 导入测试点１０', lat: String(22.51 + 0.0002) };
    rows[400] = { ...row(10), lat: String(22.52) };
    const { importId, issues } = stage(t, rows);
    expect(issues.filter((i) => i.errors.length)).toEqual([]);
    expect(issues.filter((i) => i.warnings.length)).toEqual([
      { row: 652, errors: [], warnings: [{ field: 'name', message: 'Row 652: Same name as row 12, 22 m away: possibly the same point twice', messageZh: '第 652 行：与第 12 行同名，相距 22 米，可能重复' }] },
    ]);
    expect(t.call('hazards.importCommit', { importId })).toEqual({ created: 700 });
  });

  it('warns about a registered point of the same name nearby and a location outside China', () => {
    const t = testDb(cleanups, NOON);
    createPoint(t, { name: '华富村地下车库' });
    const { issues } = stage(t, [row(0, { name: '华富村地下车库', lat: String(HUAFU.lat), lng: String(HUAFU.lng) }), row(1, { lat: '48.85', lng: '2.35' })]);
    expect(issues.map((i) => [i.row, i.warnings.map((w) => w.messageZh)])).toEqual([
      [2, ['第 2 行：已登记同名点位，相距 0 米，可能重复']],
      [3, ['第 3 行：坐标不在中国境内，请检查坐标系是否正确']],
    ]);
  });
});

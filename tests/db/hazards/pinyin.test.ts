import { afterEach, describe, expect, it } from 'vitest';
import type { PointRow } from '../../../core/contract/hazards-types';
import { explain } from '../migrations/helpers';
import { createPoint, point, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

type List = { rows: PointRow[]; total: number };

// 多音字 read in context: 重庆/重阳 chong, 长安 chang, 行长 hang zhang, 银行 yin hang, 大厦 da sha, 厦门 xia men, 乐山 le, 音乐 yue.
const NAMES = ['重庆路排水口', '长安街下穿通道', '银行大厦地下车库', '厦门路工地', '音乐厅广告牌', '乐山小区危房', '阿里旧楼', '行长办公楼', '10号楼地下室', '2号楼地下室', '朝阳门边坡'];
const BY_PINYIN = ['2号楼地下室', '10号楼地下室', '阿里旧楼', '长安街下穿通道', '朝阳门边坡', '重庆路排水口', '行长办公楼', '乐山小区危房', '厦门路工地', '银行大厦地下车库', '音乐厅广告牌'];

describe('pinyin sort of the register', () => {
  it('orders names by their reading in context, 重庆路 under C, and keeps the key in step with edits', () => {
    const t = testDb(cleanups);
    const ids = new Map(NAMES.map((name, i) => [name, createPoint(t, { name, lat: 22.54 + i / 1000 }).id]));
    const names = (extra: object) => t.call<List>('hazards.listPoints', { sort: 'pinyin', ...extra }).rows.map((r) => r.name);
    expect(names({})).toEqual(BY_PINYIN);
    expect(names({ desc: true })).toEqual([...BY_PINYIN].reverse());
    expect(t.db.prepare('SELECT name_pinyin FROM hazard_points WHERE name = ?').pluck().get('重庆路排水口')).toBe('chong qing lu pai shui kou');
    // Renamed: 重庆路 → 朝天门 moves from C-hong to C-hao, before 朝阳门 (tian < yang).
    t.call('hazards.updatePoint', { id: ids.get('重庆路排水口'), point: point({ name: '朝天门排水口', lat: 22.54 }), expectedVersion: 1 });
    expect(names({ limit: 6 }).slice(3)).toEqual(['长安街下穿通道', '朝天门排水口', '朝阳门边坡']);
  });

  it('sorts imported points by pinyin too', () => {
    const t = testDb(cleanups);
    const { importId } = t.call<{ importId: string }>('hazards.importBegin', { fileName: 'p.csv' });
    t.call('hazards.importChunk', { importId, startRow: 2, rows: NAMES.map((name, i) => ({ name, hazardType: 'basement', lat: String(22.54 + i / 1000), lng: '114.07' })) });
    t.call('hazards.importCommit', { importId });
    expect(t.call<List>('hazards.listPoints', { sort: 'pinyin' }).rows.map((r) => r.name)).toEqual(BY_PINYIN);
  });

  it('uses the pinyin index for the sort', () => {
    const t = testDb(cleanups);
    const plan = explain(t.db, 'SELECT * FROM hazard_points WHERE deleted_at IS NULL ORDER BY name_pinyin LIMIT 200').join(' | ');
    expect(plan).toMatch(/hazard_points_by_name_pinyin/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

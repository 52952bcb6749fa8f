import { afterEach, describe, expect, it } from 'vitest';
import type { HazardPoint, PointRow, PointWarnings } from '../../../core/contract/hazards-types';
import { toWgs84 } from '../../../core/domain/geo/coords';
import { explain } from '../migrations/helpers';
import { counts, createPoint, HUAFU, point, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

type List = { rows: PointRow[]; total: number };

describe('hazard register', () => {
  it('creates, updates and soft-deletes a point, with every change in the audit history', () => {
    const t = testDb(cleanups);
    const created = createPoint(t);
    expect(created).toMatchObject({ name: '华富村地下车库', status: 'active', lastInspectionMs: null, nextDueMs: null });
    const { point: updated } = t.call<{ point: HazardPoint }>('hazards.updatePoint', { id: created.id, point: point({ riskLevel: 'critical', status: 'retired' }), expectedVersion: created.version });
    expect(updated).toMatchObject({ riskLevel: 'critical', status: 'retired', createdAt: created.createdAt, version: created.version + 1 });
    // A second editor still holding the first version is refused with the record as it now is, and nothing changes.
    const stale = t.fail('hazards.updatePoint', { id: created.id, point: point({ riskLevel: 'low' }), expectedVersion: created.version });
    expect(stale).toMatchObject({ code: 'conflict', key: 'errors.conflict', current: { riskLevel: 'critical', version: updated.version } });
    expect(t.call<{ point: HazardPoint }>('hazards.getPoint', { id: created.id }).point.riskLevel).toBe('critical');
    const detail = t.call<{ history: { method: string }[] }>('hazards.getPoint', { id: created.id });
    expect(detail.history.map((h) => h.method)).toEqual(['hazards.updatePoint', 'hazards.createPoint']);
    t.call('hazards.deletePoint', { id: created.id, reason: '重复录入' });
    expect(t.fail('hazards.getPoint', { id: created.id }).key).toBe('errors.notFound');
    expect(t.db.prepare('SELECT count(*) FROM hazard_points').pluck().get()).toBe(1);
  });

  it('converts GCJ-02 coordinates copied from a Chinese web map to WGS-84 on entry', () => {
    const t = testDb(cleanups);
    const gcj = { lat: 22.5503, lng: 114.0768 };
    const saved = createPoint(t, { ...gcj, coordSystem: 'gcj02' });
    const expected = toWgs84(gcj.lat, gcj.lng, 'gcj02');
    expect(saved.lat).toBeCloseTo(expected.lat, 6);
    expect(saved.lng).toBeCloseTo(expected.lng, 6);
    // The shift in Shenzhen is a few hundred metres, mostly westward.
    expect(gcj.lng - saved.lng).toBeGreaterThan(0.003);
  });

  it('warns (does not refuse) outside China, outside the area and for a same-name point within 50 m', () => {
    const t = testDb(cleanups);
    const first = createPoint(t);
    const near = t.call<PointWarnings>('hazards.checkPoint', { name: ' 华富村地下车库', lat: HUAFU.lat + 0.0002, lng: HUAFU.lng });
    expect(near.duplicates).toEqual([{ id: first.id, name: first.name, distanceM: 22 }]);
    const far = t.call<PointWarnings>('hazards.checkPoint', { name: '华富村地下车库', lat: HUAFU.lat + 0.001, lng: HUAFU.lng });
    expect(far.duplicates).toEqual([]);
    expect(t.call<PointWarnings>('hazards.checkPoint', { name: 'x', lat: 48.85, lng: 2.35 }).location.map((w) => w.code)).toEqual(['outside_china']);
    t.call('settings.update', { section: 'hazards', values: { area: [114.04, 22.53, 114.1, 22.58] } });
    const outside = t.call<{ warnings: PointWarnings }>('hazards.createPoint', point({ name: '笔架山边坡', lat: 22.6, lng: 114.2 }));
    expect(outside.warnings.location.map((w) => w.code)).toEqual(['outside_area']);
  });

  it('refuses impossible coordinates and a signed letter without a date, leaving the database unchanged', () => {
    const t = testDb(cleanups);
    createPoint(t);
    const before = counts(t);
    expect(t.fail('hazards.createPoint', point({ lat: 122.5, lng: 114 })).key).toBe('errors.geo.invalidCoordinate');
    expect(t.fail('hazards.createPoint', point({ letterSigned: true })).key).toBe('errors.hazards.letterDateMissing');
    expect(t.fail('hazards.createPoint', point({ name: '' })).issues?.[0].path).toBe('name');
    expect(t.fail('hazards.createPoint', point({ residents: 2, vulnerable: 5 })).issues?.[0].path).toBe('vulnerable');
    expect(counts(t)).toEqual(before);
  });

  it('searches Chinese text by trigram and 1–2 characters by LIKE, with filters and sorting', () => {
    const t = testDb(cleanups);
    createPoint(t, { name: '华富村地下车库', riskLevel: 'high' });
    createPoint(t, { name: '笔架山边坡', hazardType: 'slope', riskLevel: 'critical', lat: 22.5601, responsiblePerson: '李梅', address: '笔架山公园' });
    createPoint(t, { name: '彩田路下穿通道', hazardType: 'underpass', riskLevel: 'medium', lat: 22.5455, responsiblePerson: '张伟', address: '彩田路' });
    const list = (filter: object, extra: object = {}) => t.call<List>('hazards.listPoints', { filter, ...extra });
    expect(list({ q: '地下车库' }).rows.map((r) => r.name)).toEqual(['华富村地下车库']);
    expect(list({ q: '边坡' }).rows.map((r) => r.name)).toEqual(['笔架山边坡']);
    expect(list({ q: '李' }).rows.map((r) => r.name)).toEqual(['笔架山边坡']);
    expect(list({ q: '彩田 下穿通道' }).rows.map((r) => r.name)).toEqual(['彩田路下穿通道']);
    expect(list({ q: '100%' }).total).toBe(0);
    expect(list({ hazardType: 'slope' }).total).toBe(1);
    expect(list({ riskLevel: 'medium' }).rows[0].name).toBe('彩田路下穿通道');
    expect(list({}, { sort: 'risk', desc: true }).rows.map((r) => r.riskLevel)).toEqual(['critical', 'high', 'medium']);
    expect(list({ overdue: 'inspection' }).total).toBe(3);
    expect(list({}, { limit: 1, offset: 1 })).toMatchObject({ total: 3, rows: [expect.anything()] });
  });

  it('keeps the full-text index in step with edits', () => {
    const t = testDb(cleanups);
    const p = createPoint(t, { name: '旧名称的车库' });
    t.call('hazards.updatePoint', { id: p.id, point: point({ name: '新名称的车库' }), expectedVersion: p.version });
    expect(t.call<List>('hazards.listPoints', { filter: { q: '旧名称' } }).total).toBe(0);
    expect(t.call<List>('hazards.listPoints', { filter: { q: '新名称' } }).total).toBe(1);
  });

  it('uses the full-text index and the type index for hot queries', () => {
    const t = testDb(cleanups);
    const plan = (sql: string) => explain(t.db, sql).join(' | ');
    expect(plan("SELECT rowid FROM hazard_points_fts WHERE hazard_points_fts MATCH '\"车库\"'")).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan("SELECT * FROM hazard_points WHERE hazard_type = 'slope' AND deleted_at IS NULL")).toMatch(/hazard_points_by_type_risk/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { HazardPoint, PointRow } from '../../../core/contract/hazards-types';
import type { AuditRow } from '../../../core/contract/system';
import { counts, createPoint, point, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

type List = { rows: PointRow[]; total: number };

describe('restoring deleted and retired points', () => {
  it('lists deleted points only under the deleted filter and restores one, audited', () => {
    const t = testDb(cleanups);
    const kept = createPoint(t, { name: '华富村地下车库' });
    const gone = createPoint(t, { name: '笔架山边坡', hazardType: 'slope', lat: 22.56 });
    t.setNow(Date.UTC(2026, 6, 2, 4, 0));
    t.call('hazards.deletePoint', { id: gone.id, reason: '重复录入' });
    const list = (filter: object) => t.call<List>('hazards.listPoints', { filter });
    expect(list({}).rows.map((r) => r.name)).toEqual([kept.name]);
    const deleted = list({ deleted: true, status: null });
    expect(deleted.rows.map((r) => [r.name, r.deletedAt])).toEqual([[gone.name, '2026-07-02T04:00:00.000Z']]);
    expect(list({ deleted: true, q: '边坡', status: null }).total).toBe(1);

    const restored = t.call<HazardPoint>('hazards.restorePoint', { id: gone.id, reason: '误删' });
    expect(restored).toMatchObject({ id: gone.id, name: gone.name, status: 'active' });
    expect(list({}).rows.map((r) => r.name).sort()).toEqual([kept.name, gone.name].sort());
    expect(list({ deleted: true, status: null }).total).toBe(0);
    const history = t.call<{ history: AuditRow[] }>('hazards.getPoint', { id: gone.id }).history;
    expect(history.map((h) => h.method)).toEqual(['hazards.restorePoint', 'hazards.deletePoint', 'hazards.createPoint']);
    expect(history[0].before).toMatchObject({ deletedAt: '2026-07-02T04:00:00.000Z' });
    expect(history[0].after).toMatchObject({ deletedAt: null, reason: '误删', status: 'active' });
  });

  it('makes a retired point active again, and refuses to restore an active or unknown point without writing', () => {
    const t = testDb(cleanups);
    const p = createPoint(t);
    t.call('hazards.updatePoint', { id: p.id, point: point({ status: 'retired' }), expectedVersion: p.version });
    expect(t.call<HazardPoint>('hazards.restorePoint', { id: p.id }).status).toBe('active');
    const before = counts(t);
    expect(t.fail('hazards.restorePoint', { id: p.id })).toMatchObject({ key: 'errors.hazards.notRestorable', params: { name: p.name } });
    expect(t.fail('hazards.restorePoint', { id: '00000000-0000-4000-8000-000000000000' }).key).toBe('errors.notFound');
    expect(counts(t)).toEqual(before);
  });
});

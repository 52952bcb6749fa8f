import { afterEach, describe, expect, it } from 'vitest';
import type { PatrolRunRecord, RouteRecord } from '../../../core/contract/hazards-types';
import type { AuditRow } from '../../../core/contract/system';
import { counts, createPoint, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const NOON = Date.UTC(2026, 6, 1, 4, 0);
const HOUR = 3_600_000;

describe('editing and deleting patrol routes', () => {
  it('renames, reorders and changes the frequency, while a recorded run keeps the route it was walked on', () => {
    const t = testDb(cleanups, NOON);
    const [a, b, c] = ['华富村地下车库', '笔架山边坡', '彩田路下穿通道'].map((name, i) => createPoint(t, { name, lat: 22.55 + i / 100 }));
    const route = t.call<RouteRecord>('hazards.saveRoute', { name: '华富北线', pointIds: [a.id, b.id], frequency: { kind: 'days', every: 1 } });
    t.call('hazards.recordRun', { routeId: route.id, patroller: '张伟', startedAtMs: NOON - 2 * HOUR, visits: [{ pointId: a.id, atMs: NOON - HOUR }] });

    const edited = t.call<RouteRecord>('hazards.saveRoute', { id: route.id, name: '华富北线（汛期）', pointIds: [c.id, b.id, a.id], assignees: ['李梅'], frequency: { kind: 'hours', every: 12 }, expectedVersion: route.version });
    expect(edited).toMatchObject({ id: route.id, name: '华富北线（汛期）', pointNames: ['彩田路下穿通道', '笔架山边坡', '华富村地下车库'], frequency: { kind: 'hours', every: 12 }, assignees: ['李梅'] });
    expect(t.call<RouteRecord[]>('hazards.listRoutes')).toHaveLength(1);
    // A second editor still holding the first version is refused with the route as it is now; a change without a version is refused too.
    const stale = t.fail('hazards.saveRoute', { id: route.id, name: '旧版', pointIds: [a.id], frequency: { kind: 'days', every: 1 }, expectedVersion: route.version });
    expect(stale).toMatchObject({ code: 'conflict', current: { name: '华富北线（汛期）', version: edited.version } });
    expect(edited.version).toBe(route.version + 1);
    expect(t.fail('hazards.saveRoute', { id: route.id, name: '无版本', pointIds: [a.id], frequency: { kind: 'days', every: 1 } }).issues?.[0].path).toBe('expectedVersion');
    expect(t.call<RouteRecord[]>('hazards.listRoutes')[0].name).toBe('华富北线（汛期）');

    const [run] = t.call<PatrolRunRecord[]>('hazards.listRuns', {});
    expect(run).toMatchObject({ routeName: '华富北线', missed: [b.id] });
    expect(run.summary).toMatchObject({ visited: [a.id], missed: [b.id], offRoute: [] });
  });

  it('deletes a route with an audit row; its runs stay listed under the old name; nothing else changes', () => {
    const t = testDb(cleanups, NOON);
    const [a, b] = ['华富村地下车库', '笔架山边坡'].map((name, i) => createPoint(t, { name, lat: 22.55 + i / 100 }));
    const route = t.call<RouteRecord>('hazards.saveRoute', { name: '华富北线', pointIds: [a.id, b.id], frequency: { kind: 'days', every: 1 } });
    t.call('hazards.recordRun', { routeId: route.id, patroller: '张伟', startedAtMs: NOON - HOUR, visits: [{ pointId: a.id, atMs: NOON - HOUR }, { pointId: b.id, atMs: NOON - 1000 }] });
    const before = counts(t);

    expect(t.call('hazards.deleteRoute', { id: route.id, reason: '路线合并' })).toEqual({ id: route.id });
    expect(t.call<RouteRecord[]>('hazards.listRoutes')).toEqual([]);
    expect(t.call<PatrolRunRecord[]>('hazards.listRuns', {}).map((r) => [r.routeName, r.summary.complete])).toEqual([['华富北线', true]]);
    const audit = t.call<{ rows: AuditRow[] }>('audit.list', { entity: 'hazard_route', entityId: route.id }).rows;
    expect(audit.map((r) => r.method)).toEqual(['hazards.deleteRoute', 'hazards.saveRoute']);
    expect(audit[0].after).toMatchObject({ reason: '路线合并' });
    expect(counts(t)).toEqual({ ...before, audit_log: before.audit_log + 1 });

    // A deleted route can be neither walked, edited nor deleted again, and the refusals write nothing.
    const after = counts(t);
    expect(t.fail('hazards.recordRun', { routeId: route.id, patroller: '张伟', startedAtMs: NOON - HOUR, visits: [] }).key).toBe('errors.notFound');
    expect(t.fail('hazards.saveRoute', { id: route.id, name: 'x', pointIds: [a.id], frequency: { kind: 'days', every: 1 }, expectedVersion: route.version }).key).toBe('errors.notFound');
    expect(t.fail('hazards.deleteRoute', { id: route.id }).key).toBe('errors.notFound');
    expect(counts(t)).toEqual(after);
  });
});

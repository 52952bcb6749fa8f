import { createTestDb, type TestDb } from '../../support/db';
import type { HazardPoint, PointInput } from '../../../core/contract/hazards-types';

/** Builders shared by the hazards database tests. */

export const HUAFU = { lat: 22.5533, lng: 114.0719 };

export function point(overrides: Partial<PointInput> = {}): Partial<PointInput> {
  return { name: '华富村地下车库', hazardType: 'basement', address: '福田区华富路1018号', community: '华富村社区', lat: HUAFU.lat, lng: HUAFU.lng, riskLevel: 'high', responsibleUnit: '华富物业', responsiblePerson: '王建国', personPhone: '13800138000', ...overrides };
}

export function createPoint(t: TestDb, overrides: Partial<PointInput> = {}): HazardPoint {
  return t.call<{ point: HazardPoint }>('hazards.createPoint', point(overrides)).point;
}

export function counts(t: TestDb): Record<string, number> {
  const tables = ['hazard_points', 'hazard_inspections', 'hazard_rectifications', 'hazard_photos', 'hazard_files', 'hazard_templates', 'hazard_routes', 'hazard_patrol_runs', 'audit_log'];
  return Object.fromEntries(tables.map((name) => [name, t.db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number]));
}

/** A 1×1 PNG, the smallest real image. */
export const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function testDb(cleanups: (() => void)[], nowMs?: number): TestDb {
  const t = createTestDb(nowMs);
  cleanups.push(t.close);
  return t;
}

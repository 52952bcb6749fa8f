import { describe, expect, it } from 'vitest';
import { dirname } from 'node:path';
import type { PointRow } from '../../../core/contract/hazards-types';
import { createAppDispatcher } from '../../../db/handlers';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { TEST_ACTOR } from '../../support/db';
import { createDb, insertRows, migrateTo, readTable } from './helpers';

type List = { rows: PointRow[]; total: number };

describe('migration 0012 (pinyin sort key, route snapshots)', () => {
  it('fills the key for points stored before migration 12 while migrating', () => {
    const db = createDb();
    migrateTo(db, 11);
    insertRows(
      db,
      'hazard_points',
      ['重庆路排水口', '厦门路工地', '阿里旧楼'].map((name, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`, name, name_norm: name, hazard_type: 'basement', lat: 22.54, lng: 114.07,
        risk_level: 'medium', freq_kind: 'days', freq_every: 7, status: 'active', created_at: 'x', updated_at: 'x',
      })),
    );
    insertRows(db, 'hazard_routes', [
      { id: 'r1', name: '华富线', point_ids: '["00000000-0000-4000-8000-000000000000"]', assignees: '[]', freq_kind: 'days', freq_every: 1, created_at: 'x', updated_at: 'x' },
    ]);
    insertRows(db, 'hazard_patrol_runs', [
      { id: 'x1', route_id: 'r1', patroller: '王伟', started_at_ms: 1, visits: '[]', missed: '[]', created_at: 'x', updated_at: 'x' },
    ]);

    migrateTo(db, LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM hazard_points WHERE name_pinyin IS NULL').pluck().get()).toBe(0);
    expect(JSON.parse(readTable(db, 'hazard_patrol_runs')[0].route_snapshot as string)).toEqual({ name: '华富线', pointIds: ['00000000-0000-4000-8000-000000000000'] });
    const dispatcher = createAppDispatcher({ db, dataDir: dirname(db.name), clock: () => Date.UTC(2026, 6, 1) });
    const result = dispatcher.call('hazards.listPoints', { sort: 'pinyin' }, TEST_ACTOR);
    expect(result.ok && (result.value as List).rows.map((r) => r.name)).toEqual(['阿里旧楼', '重庆路排水口', '厦门路工地']);
  });
});

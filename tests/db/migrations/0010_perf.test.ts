import { describe, expect, it, onTestFinished } from 'vitest';
import type { EvacDashboard } from '../../../core/contract/evac';
import { openAppDatabase } from '../../../db/handlers';
import { migrations } from '../../../db/migrations';
import { evacTotalsRepo } from '../../../db/evac/totals.repo';
import { createTestDb } from '../../support/db';
import { counted, fresh, NOW, scene } from '../evac/scene';

describe('migration 0010 (running counts of evacuees)', () => {
  it('rebuilds the counts from the people already there when the migration runs', () => {
    const t = createTestDb(NOW);
    onTestFinished(t.close);
    const { events } = scene(t);
    const expected = fresh(t.db);
    const dashboard = t.call<EvacDashboard>('evac.dashboard', {});
    // Put the file back to how it was before 0010, keeping its people, and open it again.
    t.db.exec(`DROP TABLE evac_totals; DROP TABLE evac_source_totals;
      DROP TRIGGER evac_persons_fixed_identity; DROP TRIGGER evac_persons_totals_insert; DROP TRIGGER evac_persons_totals_update;
      DROP TRIGGER evac_persons_households_deleted; DROP TRIGGER evac_persons_totals_delete; DROP INDEX evac_persons_by_event_first_moved;
      CREATE INDEX evac_persons_by_event_source_status ON evac_persons
        (event_id, source_key, status, first_kind, first_shelter_id, shelter_id, vulnerable, household_id, first_moved_at) WHERE deleted_at IS NULL;
      PRAGMA user_version = 9;`);
    t.db.close();
    // Only 0010 is replayed: later migrations' objects are still in the file and must not be made twice.
    const db = openAppDatabase(t.file, { migrations: migrations.filter((m) => m.version <= 10) });
    try {
      expect(counted(db)).toEqual(expected);
      expect(evacTotalsRepo(db).householdsByEvent({ eventIds: events.map((e) => e.id), fromMs: null, toMs: null })).toEqual(
        new Map(events.map((e) => [e.id, dashboard.byEvent[e.id].movedHouseholds])),
      );
    } finally {
      db.close();
    }
  });
});

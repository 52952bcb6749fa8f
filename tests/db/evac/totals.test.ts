import { openAppDatabase } from '../../../db/handlers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EvacDashboard, MoveResult, ShelterView } from '../../../core/contract/evac';
import type { EventRecord } from '../../../core/contract/system';
import { migrations } from '../../../db/migrations';
import { evacTotalsRepo } from '../../../db/evac/totals.repo';
import { timeOrderedUuid } from '../../../db/evac/ids';
import { createTestDb, type TestDb } from '../../support/db';

/**
 * The running counts of 0010_perf.sql against the rows they summarise: after every kind of
 * step, a refused call, soft deletes, and a database migrated with people already in it.
 */

const NOW = Date.UTC(2026, 6, 1, 4, 0);
const H = 3_600_000;

let t: TestDb;
beforeEach(() => {
  t = createTestDb(NOW);
});
afterEach(() => t.close());

const GROUP = `event_id, source_key, status, coalesce(first_kind, '') AS first_kind, coalesce(first_shelter_id, '') AS first_shelter_id, coalesce(shelter_id, '') AS shelter_id`;

/** What the running counts must equal: the same groups counted afresh from evac_persons. */
function counted(db = t.db) {
  return {
    groups: db.prepare(`SELECT event_id, source_key, status, first_kind, first_shelter_id, shelter_id, people, vulnerable FROM evac_totals WHERE people > 0 ORDER BY 1, 2, 3, 4, 5, 6`).all(),
    sources: db.prepare(`SELECT event_id, source_key, source_name, households FROM evac_source_totals WHERE households > 0 ORDER BY 1, 2`).all(),
  };
}

function fresh(db = t.db) {
  return {
    groups: db.prepare(`SELECT ${GROUP}, count(*) AS people, sum(vulnerable) AS vulnerable FROM evac_persons WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`).all(),
    sources: db
      .prepare(
        `SELECT event_id, source_key, source_name, households FROM (
           SELECT event_id, source_key, min(source_name) AS source_name, count(DISTINCT household_id) AS households FROM evac_persons WHERE deleted_at IS NULL GROUP BY 1, 2
           UNION ALL SELECT event_id, '', '', count(DISTINCT household_id) FROM evac_persons WHERE deleted_at IS NULL GROUP BY 1)
         ORDER BY 1, 2`,
      )
      .all(),
  };
}

interface Scene {
  events: EventRecord[];
  shelters: ShelterView[];
  people: string[][];
}

/** Two events, two shelters, and every kind of step: check-in, transfer, dispersed, elsewhere, unknown, return, a second trip. */
function scene(): Scene {
  const events = ['台风“苏拉”', '6·16 暴雨'].map((name, i) => t.call<EventRecord>('events.create', { name, startedAtMs: NOW - (30 - i) * H }));
  const shelters = ['文昌路小学', '华富社区活动中心'].map((name) => t.call<ShelterView>('evac.createShelter', { name, type: 'school', capacity: 100 }));
  const people = events.map((event, e) => {
    const move = (source: object, names: string[][], atMs: number) =>
      t.call<MoveResult>('evac.moveGroup', {
        eventId: event.id,
        source,
        atMs,
        households: names.map((members) => ({ members: members.map((name, i) => ({ name, flags: i === 0 ? ['elderly'] : [] })) })),
      }).moved.map((m) => m.personId);
    const a = move({ kind: 'hazard_point', hazardPointId: 'hp-1', name: '梅林坳边坡' }, [[`李秀英${e}`, `王强${e}`], [`赵敏${e}`]], NOW - 20 * H);
    const b = move({ kind: 'address', address: '3 栋', community: '华富村' }, [[`陈静${e}`, `杨磊${e}`, `黄丽${e}`]], NOW - 19 * H);
    const step = (method: string, ids: string[], input: object, atMs: number) => t.call(method, { eventId: event.id, personIds: ids, atMs, ...input });
    step('evac.checkIn', a, { shelterId: shelters[0].id }, NOW - 18 * H);
    step('evac.checkIn', [a[0]], { shelterId: shelters[1].id }, NOW - 17 * H);
    step('evac.place', [b[0]], { kind: 'dispersed', where: '亲戚家' }, NOW - 18 * H);
    step('evac.place', [b[1]], { kind: 'elsewhere' }, NOW - 18 * H);
    step('evac.place', [b[2]], { kind: 'unknown' }, NOW - 18 * H);
    t.call('evac.returnPeople', { eventId: event.id, shelterId: shelters[0].id, atMs: NOW - 10 * H });
    // A returned person moved again from the same place: the same record, a second trip.
    move({ kind: 'hazard_point', hazardPointId: 'hp-1', name: '梅林坳边坡' }, [[`王强${e}`]], NOW - 5 * H);
    return [...a, ...b];
  });
  return { events, shelters, people };
}

describe('evacuation running counts', () => {
  it('equal a fresh count of the people after every kind of step, and a refused call changes nothing', () => {
    const { events, people } = scene();
    expect(counted().groups.length).toBeGreaterThan(8);
    expect(counted()).toEqual(fresh());
    const before = JSON.stringify(counted());
    expect(t.fail('evac.returnPeople', { eventId: events[0].id, personIds: [people[0][5]], atMs: NOW - 30 * H }).key).toBe('errors.evac.time_before_move');
    expect(JSON.stringify(counted())).toBe(before);
  });

  it('follow soft deletes of people and their households, and refuse rewriting who counts where', () => {
    const { people } = scene();
    const del = t.db.prepare('UPDATE evac_persons SET deleted_at = ? WHERE id = ?');
    // 赵敏 is a household of one; 李秀英 shares hers with 王强.
    for (const id of [people[0][2], people[0][0]]) {
      del.run('2026-07-01T00:00:00.000Z', id);
      expect(counted()).toEqual(fresh());
    }
    del.run(null, people[0][2]);
    expect(counted()).toEqual(fresh());
    expect(() => t.db.prepare("UPDATE evac_persons SET source_key = 'hazard:other' WHERE id = ?").run(people[0][1])).toThrow(/fixed once entered/);
  });

  it('are what "now" totals read, by primary key, never scanning the people', () => {
    scene();
    const repo = evacTotalsRepo(t.db);
    const now = repo.plans({ eventIds: null, fromMs: null, toMs: null }).flat();
    expect(now.join('\n')).not.toMatch(/evac_persons/);
    expect(now).toContain('SEARCH evac_totals USING PRIMARY KEY (event_id=?)');
    expect(now).toContain('SEARCH evac_source_totals USING PRIMARY KEY (event_id=? AND source_key=?)');
    // A period filter cannot be counted ahead: it scans the events' people by the narrow index.
    const period = repo.plans({ eventIds: null, fromMs: NOW - 24 * H, toMs: null }).flat();
    expect(period.filter((d) => /evac_persons/.test(d)).every((d) => /USING INDEX evac_persons_by_event_first_moved/.test(d))).toBe(true);
    expect(period.join('\n')).toMatch(/evac_persons/);
  });

  it('are rebuilt from the people already there when the migration runs', () => {
    const { events } = scene();
    const expected = fresh();
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

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that never go backwards, within a millisecond or when the clock steps back', () => {
    // Ahead of every id made so far in this process, so the first one carries its own time.
    const at = Date.now() + H;
    const ms = [at, at, at, at - 5000, at + 1, ...Array.from({ length: 5000 }, () => at + 1)];
    const ids = ms.map((m) => timeOrderedUuid(m));
    expect(ids.every((id) => z.uuid().safeParse(id).success && id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0].slice(0, 13).replace('-', '')).toBe(at.toString(16).padStart(12, '0'));
  });
});

import type { MoveResult, ShelterView } from '../../../core/contract/evac';
import type { EventRecord } from '../../../core/contract/system';
import type { Db } from '../../../db/platform/connection';
import type { TestDb } from '../../support/db';

/**
 * An evacuation with every kind of step, and the running counts of 0010_perf.sql beside a fresh
 * count of the same people: shared by the tests of the counts and of the migration that builds them.
 */

export const NOW = Date.UTC(2026, 6, 1, 4, 0);
export const H = 3_600_000;

const GROUP = `event_id, source_key, status, coalesce(first_kind, '') AS first_kind, coalesce(first_shelter_id, '') AS first_shelter_id, coalesce(shelter_id, '') AS shelter_id`;

/** What the running counts must equal: the same groups counted afresh from evac_persons. */
export function counted(db: Db) {
  return {
    groups: db.prepare(`SELECT event_id, source_key, status, first_kind, first_shelter_id, shelter_id, people, vulnerable FROM evac_totals WHERE people > 0 ORDER BY 1, 2, 3, 4, 5, 6`).all(),
    sources: db.prepare(`SELECT event_id, source_key, source_name, households FROM evac_source_totals WHERE households > 0 ORDER BY 1, 2`).all(),
  };
}

export function fresh(db: Db) {
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

export interface Scene {
  events: EventRecord[];
  shelters: ShelterView[];
  people: string[][];
}

/** Two events, two shelters, and every kind of step: check-in, transfer, dispersed, elsewhere, unknown, return, a second trip. */
export function scene(t: TestDb): Scene {
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

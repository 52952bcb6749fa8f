import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EvacDashboard, MoveResult, ShelterView } from '../../../core/contract/evac';
import type { EventRecord } from '../../../core/contract/system';
import type { Movement, MovementSource, Person } from '../../../core/domain/evac/model';
import { replayPerson } from '../../../core/domain/evac/state';
import { evacTotals } from '../../../core/domain/evac/totals';
import { createTestDb } from '../../support/db';

/**
 * Random sequences of calls through the dispatcher (many of them refused), while the test
 * keeps its own list of what was accepted. At the end the dashboard's SQL totals must equal
 * the pure rules' totals over that list, and a refused call must never change the numbers.
 */

const NOW = Date.UTC(2026, 6, 1, 4, 0);
const MIN = 60_000;
const NAMES = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '黄丽', '赵军'];
const SOURCES = [
  { api: { kind: 'hazard_point', hazardPointId: 'hp-1', name: '梅林坳边坡' }, pure: { kind: 'hazard_point', hazardPointId: 'hp-1' } },
  { api: { kind: 'address', address: '3 栋', community: '华富村' }, pure: { kind: 'address', address: '3 栋', community: '华富村' } },
] as const;

const op = fc.oneof(
  fc.record({
    t: fc.constant('move' as const),
    src: fc.nat(1),
    members: fc.array(fc.record({ name: fc.nat(NAMES.length - 1), phone: fc.boolean(), flag: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    dest: fc.nat(4),
  }),
  fc.record({ t: fc.constant('checkIn' as const), pick: fc.array(fc.nat(30), { minLength: 1, maxLength: 3 }), shelter: fc.nat(1), override: fc.boolean() }),
  fc.record({ t: fc.constant('place' as const), pick: fc.array(fc.nat(30), { minLength: 1, maxLength: 2 }), kind: fc.constantFrom('dispersed', 'elsewhere', 'unknown') }),
  fc.record({ t: fc.constant('return' as const), pick: fc.array(fc.nat(30), { minLength: 1, maxLength: 3 }), by: fc.nat(2), src: fc.nat(1), shelter: fc.nat(1) }),
);

const step = fc.record({ event: fc.nat(1), dt: fc.integer({ min: -20, max: 60 }), op });

describe('evac handlers agree with the pure totals', () => {
  it('for random sequences of moves, check-ins, placements and returns', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        const t = createTestDb(NOW);
        try {
          const events = [0, 1].map((i) => t.call<EventRecord>('events.create', { name: `事件${i}`, startedAtMs: NOW - 48 * 60 * MIN }).id);
          const shelters = [
            t.call<ShelterView>('evac.createShelter', { name: '小学', type: 'school', capacity: 3 }),
            t.call<ShelterView>('evac.createShelter', { name: '宾馆', type: 'hotel', usableAreaM2: 7.5 }),
          ].map((s) => s.id);
          const persons = new Map<string, Person & { eventId: string; sourceKey: string }>();
          const movements: Movement[] = [];
          let clock = NOW - 24 * 60 * MIN;
          const ofEvent = (e: string) => [...persons.values()].filter((p) => p.eventId === e).map((p) => p.id);
          const statusOf = (id: string) => replayPerson(movements.filter((m) => m.personId === id)).final;
          const dash = (atMs: number | null) => t.call<EvacDashboard>('evac.dashboard', { eventIds: events, atMs });

          for (const s of steps) {
            clock += s.dt * MIN;
            const eventId = events[s.event];
            const before = dash(null);
            const o = s.op;
            let ok = false;
            if (o.t === 'move') {
              const members = o.members.map((m) => ({ name: NAMES[m.name], phone: m.phone ? `1380000000${m.name}` : '', flags: m.flag ? ['elderly'] : [] }));
              type Dest = { kind: 'shelter'; shelterId: string; override: { reason: string } } | { kind: 'dispersed' | 'elsewhere'; where: string } | null;
              const dests: Dest[] = [null, null, { kind: 'shelter', shelterId: shelters[0], override: { reason: '临时' } }, { kind: 'dispersed', where: '亲戚家' }, { kind: 'elsewhere', where: '' }];
              const dest = dests[o.dest];
              const r = t.dispatcher.call('evac.moveGroup', { eventId, source: SOURCES[o.src].api, atMs: clock, households: [{ members }], destination: dest }, { id: 'x', name: 'x', role: 'admin' });
              if (r.ok) {
                ok = true;
                const value = r.value as MoveResult;
                for (const m of value.moved) {
                  const spec = members.find((x) => x.name === m.name)!;
                  persons.set(m.personId, { id: m.personId, name: m.name, phone: spec.phone || null, householdId: m.householdId, vulnerable: { elderly: spec.flags.length > 0 }, eventId, sourceKey: '' });
                }
                for (const m of [...value.moved, ...value.movedAgain]) {
                  movements.push({ eventId, personId: m.personId, kind: 'moved', at: clock, from: SOURCES[o.src].pure as MovementSource });
                  if (dest?.kind === 'shelter') movements.push({ eventId, personId: m.personId, kind: 'check_in', shelterId: dest.shelterId, at: clock });
                  if (dest && dest.kind !== 'shelter') movements.push({ eventId, personId: m.personId, kind: dest.kind, where: dest.where || null, at: clock });
                }
              }
            } else {
              const pool = ofEvent(eventId);
              const ids = [...new Set(o.pick.filter((i) => i < pool.length).map((i) => pool[i]))];
              if (o.t === 'return' && o.by > 0) {
                const input = o.by === 1 ? { sourceKey: o.src === 0 ? 'hazard:hp-1' : 'address:华富村|3 栋' } : { shelterId: shelters[o.shelter] };
                const chosen = pool.filter((id) => {
                  const st = statusOf(id);
                  if (st.status === 'returned') return false;
                  return 'sourceKey' in input ? (o.src === 0) === (st.source?.kind === 'hazard_point') : st.status === 'in_shelter' && st.shelterId === input.shelterId;
                });
                const r = t.dispatcher.call('evac.returnPeople', { eventId, atMs: clock, ...input }, { id: 'x', name: 'x', role: 'admin' });
                if (r.ok) {
                  ok = true;
                  expect((r.value as { count: number }).count).toBe(chosen.length);
                  chosen.forEach((personId) => movements.push({ eventId, personId, kind: 'returned', at: clock }));
                }
              } else if (ids.length) {
                const method = o.t === 'checkIn' ? 'evac.checkIn' : o.t === 'place' ? 'evac.place' : 'evac.returnPeople';
                const extra =
                  o.t === 'checkIn' ? { shelterId: shelters[o.shelter], override: o.override ? { reason: '确需' } : null } : o.t === 'place' ? { kind: o.kind, where: '' } : {};
                const r = t.dispatcher.call(method, { eventId, personIds: ids, atMs: clock, ...extra }, { id: 'x', name: 'x', role: 'admin' });
                if (r.ok) {
                  ok = true;
                  for (const personId of ids) {
                    const base = { eventId, personId, at: clock };
                    if (o.t === 'checkIn') {
                      const st = statusOf(personId);
                      movements.push(st.status === 'in_shelter' ? { ...base, kind: 'transfer', toShelterId: shelters[o.shelter] } : { ...base, kind: 'check_in', shelterId: shelters[o.shelter] });
                    } else if (o.t === 'place') movements.push(o.kind === 'unknown' ? { ...base, kind: 'unknown' } : { ...base, kind: o.kind, where: null });
                    else movements.push({ ...base, kind: 'returned' });
                  }
                }
              }
            }
            if (!ok) expect(dash(null)).toEqual(before);
          }

          const pure = evacTotals({ persons: [...persons.values()], movements }, { eventIds: events }, Number.MAX_SAFE_INTEGER);
          expect(pure.refused).toEqual([]);
          expect(pure.duplicates).toEqual([]);
          const sql = dash(null);
          expect({
            movedHouseholds: sql.movedHouseholds,
            movedPeople: sql.movedPeople,
            vulnerablePeople: sql.vulnerablePeople,
            byStatus: sql.byStatus,
            stillOut: sql.stillOut,
            byDestination: sql.byDestination,
            currentByShelter: sql.currentByShelter,
            byEvent: sql.byEvent,
            bySource: sql.bySource.map(({ name: _n, ...rest }) => rest),
          }).toEqual({
            movedHouseholds: pure.movedHouseholds,
            movedPeople: pure.movedPeople,
            vulnerablePeople: pure.vulnerablePeople,
            byStatus: pure.byStatus,
            stillOut: pure.stillOut,
            byDestination: pure.byDestination,
            currentByShelter: pure.currentByShelter,
            byEvent: pure.byEvent,
            bySource: pure.bySource.map(({ source: _s, ...rest }) => rest),
          });
          const mid = NOW - 20 * 60 * MIN;
          const pastPure = evacTotals({ persons: [...persons.values()], movements }, { eventIds: events }, mid);
          expect(dash(mid)).toMatchObject({ movedPeople: pastPure.movedPeople, byStatus: pastPure.byStatus, currentByShelter: pastPure.currentByShelter });
        } finally {
          t.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

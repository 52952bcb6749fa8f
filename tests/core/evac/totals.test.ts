import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors';
import { zonedToUtc } from '../../../core/time';
import type { Movement, MovementSource, Person } from '../../../core/domain/evac/model';
import {
  evacTotals,
  peopleOutOverTime,
  prepareEvac,
  sampleInstants,
  shelterOccupancyOverTime,
  totalsAt,
  type EvacRecords,
} from '../../../core/domain/evac/totals';

const t = (time: string, date = '2023-09-01') => zonedToUtc(date, time);
const hp = (id: string): MovementSource => ({ kind: 'hazard_point', hazardPointId: id });
const street: MovementSource = { kind: 'address', address: '文昌路 12 号', community: '文昌社区' };

function mv(eventId: string, personId: string, steps: [string, string, string?][], from: MovementSource, date = '2023-09-01'): Movement[] {
  return steps.map(([kind, time, arg]): Movement => {
    const common = { eventId, personId, at: t(time, date) };
    switch (kind) {
      case 'moved': return { ...common, kind, from };
      case 'check_in': return { ...common, kind, shelterId: arg! };
      case 'transfer': return { ...common, kind, toShelterId: arg! };
      case 'dispersed': return { ...common, kind, where: arg ?? null };
      case 'elsewhere': return { ...common, kind };
      case 'returned': return { ...common, kind };
      default: return { ...common, kind: 'unknown' };
    }
  });
}

const persons: Person[] = [
  { id: 'p1', name: '张伟', householdId: 'h1', vulnerable: { elderly: true } },
  { id: 'p2', name: '李梅', householdId: 'h1', vulnerable: { child: true, sick: true } },
  { id: 'p3', name: '张强', householdId: 'h1' },
  { id: 'p4', name: '王芳', householdId: 'h2', idNumber: '110101199003071234', vulnerable: { pregnant: true } },
  // The same woman registered again by the second team, ID typed with a space.
  { id: 'p5', name: '王 芳', householdId: 'h2', idNumber: '110101 19900307 1234' },
  { id: 'p6', name: '赵六' },
  { id: 'p7', name: '刘七' },
  { id: 'p8', name: '陈八' },
];

const records: EvacRecords = {
  persons,
  movements: [
    ...mv('saola', 'p1', [['moved', '10:00'], ['check_in', '10:40', 's-school'], ['returned', '18:00']], hp('hp-1')),
    ...mv('saola', 'p2', [['moved', '10:00'], ['check_in', '10:40', 's-school'], ['transfer', '13:00', 's-hotel']], hp('hp-1')),
    ...mv('saola', 'p3', [['moved', '10:00'], ['dispersed', '11:00', '女儿家']], hp('hp-1')),
    ...mv('saola', 'p4', [['moved', '10:30'], ['check_in', '11:00', 's-hotel']], hp('hp-2')),
    ...mv('saola', 'p5', [['moved', '10:35'], ['check_in', '11:05', 's-hotel'], ['returned', '16:00']], hp('hp-2')),
    ...mv('saola', 'p6', [['moved', '12:00']], street),
    ...mv('saola', 'p7', [['moved', '12:00'], ['elsewhere', '12:30']], street),
    ...mv('saola', 'p8', [['check_in', '11:00', 's-school']], street),
    ...mv('haikui', 'p1', [['moved', '09:00'], ['check_in', '09:30', 's-school']], hp('hp-1'), '2023-09-05'),
  ],
};

describe('evacTotals', () => {
  it('counts a storm evening by hand', () => {
    const totals = evacTotals(records, { eventIds: ['saola'] }, t('20:00'));
    expect(totals).toMatchObject({
      movedPeople: 6,
      movedHouseholds: 4,
      // p2 has two flags and counts once; p4/p5 are one woman, flagged on one record.
      vulnerablePeople: 3,
      stillOut: 4,
      byStatus: { moved: 1, in_shelter: 1, dispersed: 1, returned: 2, elsewhere: 1, unknown: 0 },
      byDestination: { shelters: { 's-hotel': 1, 's-school': 2 }, dispersed: 1, elsewhere: 1, unplaced: 1 },
      currentByShelter: { 's-hotel': 1 },
    });
    expect(totals.bySource).toEqual([
      { key: 'address:文昌社区|文昌路 12 号', source: street, movedHouseholds: 2, movedPeople: 2, vulnerablePeople: 0, byStatus: { moved: 1, in_shelter: 0, dispersed: 0, returned: 0, elsewhere: 1, unknown: 0 } },
      { key: 'hazard:hp-1', source: hp('hp-1'), movedHouseholds: 1, movedPeople: 3, vulnerablePeople: 2, byStatus: { moved: 0, in_shelter: 1, dispersed: 1, returned: 1, elsewhere: 0, unknown: 0 } },
      { key: 'hazard:hp-2', source: hp('hp-2'), movedHouseholds: 1, movedPeople: 1, vulnerablePeople: 1, byStatus: { moved: 0, in_shelter: 0, dispersed: 0, returned: 1, elsewhere: 0, unknown: 0 } },
    ]);
    expect(totals.duplicates).toEqual([{ eventId: 'saola', personIds: ['p4', 'p5'], basis: ['id_number', 'name_household'] }]);
    expect(totals.refused.map((r) => [r.movement.personId, r.refusal.reason])).toEqual([['p8', 'not_moved']]);
  });

  it('takes a duplicate human from the record with the latest step', () => {
    // 10:32: only p4 has moved. 11:02: p4 checked in at 11:00 is newer than p5's 10:35 move.
    const early = evacTotals(records, { eventIds: ['saola'] }, t('10:32'));
    expect(early).toMatchObject({ movedPeople: 4, movedHouseholds: 2, byStatus: { moved: 4 } });
    const later = evacTotals(records, { eventIds: ['saola'] }, t('11:02'));
    expect(later.currentByShelter).toEqual({ 's-hotel': 1, 's-school': 2 });
    expect(later.byStatus).toMatchObject({ in_shelter: 3, dispersed: 1, moved: 0 });
  });

  it('breaks a tie between duplicate records by the first record id', () => {
    const twins: Person[] = [
      { id: 'x1', name: '周九', idNumber: '110101195001011111' },
      { id: 'x2', name: '周九', idNumber: '110101195001011111' },
    ];
    const moves = [
      ...mv('saola', 'x2', [['moved', '10:00'], ['returned', '12:00']], street),
      ...mv('saola', 'x1', [['moved', '10:00'], ['check_in', '12:00', 's-gym']], street),
    ];
    const totals = evacTotals({ persons: twins, movements: moves }, {}, t('12:00'));
    expect(totals).toMatchObject({ movedPeople: 1, byStatus: { in_shelter: 1, returned: 0 }, currentByShelter: { 's-gym': 1 } });
  });

  it('counts nobody before the first move', () => {
    const totals = evacTotals(records, {}, t('09:00'));
    expect(totals).toMatchObject({ movedPeople: 0, movedHouseholds: 0, vulnerablePeople: 0, stillOut: 0, byEvent: {}, bySource: [] });
  });

  it('adds events up over a range and keeps each event apart', () => {
    const totals = evacTotals(records, {}, t('12:00', '2023-09-05'));
    expect(totals.movedPeople).toBe(7);
    expect(totals.movedHouseholds).toBe(5);
    expect(totals.byEvent.haikui).toEqual({ movedHouseholds: 1, movedPeople: 1, vulnerablePeople: 1, byStatus: { moved: 0, in_shelter: 1, dispersed: 0, returned: 0, elsewhere: 0, unknown: 0 } });
    expect(totals.byEvent.saola.movedPeople).toBe(6);
    expect(totals.currentByShelter).toEqual({ 's-hotel': 1, 's-school': 1 });

    const range = evacTotals(records, { fromMs: t('00:00', '2023-09-04'), toMs: t('00:00', '2023-09-06') }, t('12:00', '2023-09-05'));
    expect(Object.keys(range.byEvent)).toEqual(['haikui']);
    expect(range.movedPeople).toBe(1);
  });

  it('matches duplicates by name + phone and name + household, transitively', () => {
    const people: Person[] = [
      { id: 'a', name: '孙丽', phone: '138 1234 5678' },
      { id: 'b', name: '孙丽', phone: '+86 13812345678', householdId: 'h9' },
      { id: 'c', name: '孙丽', householdId: 'h9', idNumber: '32010219800101002X' },
      { id: 'd', name: '孙丽', householdId: 'h8' },
    ];
    const moves = ['a', 'b', 'c', 'd'].flatMap((id) => mv('saola', id, [['moved', '10:00']], street));
    const totals = evacTotals({ persons: people, movements: moves }, {}, t('11:00'));
    expect(totals.movedPeople).toBe(2);
    expect(totals.duplicates).toEqual([{ eventId: 'saola', personIds: ['a', 'b', 'c'], basis: ['name_household', 'name_phone'] }]);
  });

  it('does not merge the same person across events', () => {
    const totals = evacTotals(records, {}, t('12:00', '2023-09-05'));
    expect(totals.duplicates).toHaveLength(1);
    expect(totals.byEvent.haikui.movedPeople + totals.byEvent.saola.movedPeople).toBe(totals.movedPeople);
  });
});

describe('series', () => {
  const prepared = prepareEvac(records, { eventIds: ['saola'] });

  it('samples on the local clock and covers the whole range', () => {
    const instants = sampleInstants({ fromMs: t('09:30'), toMs: t('20:10'), bucketMinutes: 60 });
    expect(instants[0]).toBe(t('09:00'));
    expect(instants.at(-1)).toBe(t('21:00'));
    expect(instants).toHaveLength(13);
  });

  it('people out over time', () => {
    const points = peopleOutOverTime(prepared, { fromMs: t('09:30'), toMs: t('20:10'), bucketMinutes: 60 });
    const byLabel = Object.fromEntries(points.map((p) => [p.label, [p.movedPeople, p.stillOut, p.inShelters, p.returned]]));
    expect(byLabel['09-01 09:00']).toEqual([0, 0, 0, 0]);
    expect(byLabel['09-01 10:00']).toEqual([3, 3, 0, 0]);
    expect(byLabel['09-01 11:00']).toEqual([4, 4, 3, 0]);
    expect(byLabel['09-01 12:00']).toEqual([6, 6, 3, 0]);
    expect(byLabel['09-01 16:00']).toEqual([6, 5, 2, 1]);
    expect(byLabel['09-01 18:00']).toEqual([6, 4, 1, 2]);
  });

  it('shelter occupancy over time', () => {
    const occ = shelterOccupancyOverTime(prepared, { fromMs: t('10:00'), toMs: t('18:00'), bucketMinutes: 60 });
    expect(occ.labels[0]).toBe('09-01 10:00');
    expect(occ.series).toEqual([
      { shelterId: 's-hotel', values: [0, 1, 1, 2, 2, 2, 1, 1, 1] },
      { shelterId: 's-school', values: [0, 2, 2, 1, 1, 1, 1, 1, 0] },
    ]);
    expect(totalsAt(prepared, t('13:00')).currentByShelter).toEqual({ 's-hotel': 2, 's-school': 1 });
  });

  it('refuses nonsense ranges instead of hanging', () => {
    expect(() => sampleInstants({ fromMs: t('10:00'), toMs: t('09:00'), bucketMinutes: 60 })).toThrow(ValidationError);
    expect(() => sampleInstants({ fromMs: t('10:00'), toMs: t('11:00'), bucketMinutes: 0 })).toThrow(ValidationError);
    expect(() => sampleInstants({ fromMs: 0, toMs: t('11:00'), bucketMinutes: 1 })).toThrow(/Too many chart points/);
  });
});

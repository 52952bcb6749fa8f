import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateRota } from '../../../core/domain/duty/rota';
import { findRotaConflicts } from '../../../core/domain/duty/conflicts';
import { allIds, isOnLeave, watchIds, type Person, type PersonRole } from '../../../core/domain/duty/types';
import { addDays } from '../../../core/time';

const START = '2024-06-01';
const ROLES: PersonRole[] = ['leader', 'officer', 'backup', 'driver', 'rescue'];

const leaveArb = fc.record({ start: fc.integer({ min: -3, max: 40 }), length: fc.integer({ min: 0, max: 10 }) })
  .map(({ start, length }) => ({ from: addDays(START, start), to: addDays(START, start + length) }));

const rosterArb = fc
  .array(
    fc.record({
      roles: fc.subarray(ROLES, { minLength: 1 }),
      // Mostly active, so that rotas are not trivially empty.
      active: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      leave: fc.array(leaveArb, { maxLength: 2 }),
    }),
    { minLength: 0, maxLength: 14 },
  )
  .map((people) => people.map((p, i): Person => ({ id: `p${String(i).padStart(2, '0')}`, name: `P${i}`, ...p })));

const inputArb = rosterArb.chain((roster) => {
  const ids = [...roster.map((p) => p.id), 'ghost'];
  const pinArb = fc.record(
    {
      date: fc.integer({ min: 0, max: 40 }).map((n) => addDays(START, n)),
      leaderId: fc.constantFrom(...ids),
      officerIds: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
      backupId: fc.constantFrom(...ids),
    },
    { requiredKeys: ['date'] },
  );
  return fc.record({
    roster: fc.constant(roster),
    length: fc.integer({ min: 1, max: 35 }),
    officersPerDay: fc.integer({ min: 0, max: 3 }),
    allowConsecutive: fc.boolean(),
    holidays: fc.array(fc.integer({ min: 0, max: 40 }).map((n) => addDays(START, n)), { maxLength: 5 }),
    pins: fc.array(pinArb, { maxLength: 4 }),
    // The last day of the previous month, whose watch must get the 1st off.
    yesterday: fc.record({ leaderId: fc.constantFrom(...ids), officerIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }) }),
  });
});

describe('generateRota properties', () => {
  it('never breaks leave, duplicate, inactive or (unless allowed) consecutive rules, and reports every gap', () => {
    fc.assert(
      fc.property(inputArb, ({ roster, length, officersPerDay, allowConsecutive, holidays, pins, yesterday }) => {
        const to = addDays(START, length - 1);
        const previous = [{ date: addDays(START, -1), ...yesterday }];
        const result = generateRota({ roster, from: START, to, officersPerDay, allowConsecutive, holidays, pins, previous });
        expect(result.days).toHaveLength(length);

        const conflicts = findRotaConflicts([...previous, ...result.days], roster, { officersPerDay, allowConsecutive })
          .filter((c) => c.date >= START);
        const hard = conflicts.filter((c) => ['on_leave', 'duplicate_person', 'inactive_person', 'consecutive'].includes(c.kind));
        expect(hard).toEqual([]);

        // Every short day the checker sees was reported by the generator, and no more.
        const gaps = conflicts.filter((c) => c.kind === 'missing_leader' || c.kind === 'understaffed').map((c) => `${c.date}:${c.kind}`);
        const reported = result.problems
          .filter((p) => p.kind === 'no_leader' || p.kind === 'understaffed')
          .map((p) => `${p.date}:${p.kind === 'no_leader' ? 'missing_leader' : 'understaffed'}`);
        expect(reported.sort()).toEqual(gaps.sort());

        // Fairness totals are exactly the watch duties on the rota plus those carried in.
        for (const p of roster) {
          const duties = [...previous, ...result.days].filter((d) => watchIds(d).includes(p.id)).length;
          expect(result.fairness[p.id].total).toBe(duties);
          // Checked directly too, so the property does not rest on the checker alone.
          expect(result.days.some((d) => allIds(d).includes(p.id) && (isOnLeave(p, d.date) || !p.active))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

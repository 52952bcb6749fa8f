import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fairnessOf } from '../../../core/domain/duty/fairness';
import { generateRota } from '../../../core/domain/duty/rota';
import { makeCalendar } from '../../../core/domain/duty/types';
import { person } from './helpers';

describe('fairnessOf', () => {
  it('counts watch days, weekend/holiday days and backup days apart', () => {
    // 2024-07-06 is a Saturday; 07-01 is declared a holiday.
    const days = [
      { date: '2024-07-01', leaderId: 'L', officerIds: ['a', 'a'], backupId: 'b' },
      { date: '2024-07-02', leaderId: 'L', officerIds: ['b'] },
      { date: '2024-07-06', leaderId: null, officerIds: ['a'] },
    ];
    const tally = fairnessOf(days, makeCalendar(['2024-07-01']));
    expect(tally.get('a')).toEqual({ total: 2, weekendOrHoliday: 2, backup: 0 });
    expect(tally.get('b')).toEqual({ total: 1, weekendOrHoliday: 0, backup: 1 });
    expect(tally.get('L')).toEqual({ total: 2, weekendOrHoliday: 1, backup: 0 });
  });

  it('agrees with the generator’s own totals for any roster size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 60 }), (leaders, officers, length) => {
        const roster = [
          ...Array.from({ length: leaders }, (_, i) => person(`L${i}`, ['leader'])),
          ...Array.from({ length: officers }, (_, i) => person(`o${i}`, ['officer', 'backup'])),
        ];
        const to = new Date(Date.UTC(2024, 5, 1 + length - 1)).toISOString().slice(0, 10);
        const result = generateRota({ roster, from: '2024-06-01', to, holidays: ['2024-06-10'] });
        const tally = fairnessOf(result.days, makeCalendar(['2024-06-10']));
        for (const p of roster) expect(tally.get(p.id) ?? { total: 0, weekendOrHoliday: 0, backup: 0 }).toEqual(result.fairness[p.id]);
      }),
      { numRuns: 50 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findRotaConflicts } from '../../../core/domain/duty/conflicts';
import { person } from './helpers';

const roster = [
  person('L1', ['leader']),
  person('L2', ['leader']),
  person('o1', ['officer']),
  person('o2', ['officer'], { leave: [{ from: '2024-07-02', to: '2024-07-03' }] }),
  person('o3', ['officer']),
  person('o4', ['officer'], { active: false }),
];

describe('findRotaConflicts', () => {
  it('finds nothing wrong with a clean rota', () => {
    const days = [
      { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1', 'o2'] },
      { date: '2024-07-02', leaderId: 'L2', officerIds: ['o3'] },
    ];
    expect(findRotaConflicts(days, roster, { officersPerDay: 1 })).toEqual([]);
  });

  it('reports each kind of problem on the day it happens', () => {
    const days = [
      // Given out of order: results must still come in date order.
      { date: '2024-07-03', leaderId: null, officerIds: ['o1', 'o1', 'ghost'] },
      { date: '2024-07-02', leaderId: 'L1', officerIds: ['o2', 'o1'], backupId: 'o4' },
      { date: '2024-07-01', leaderId: 'L1', officerIds: ['o3'] },
    ];
    expect(findRotaConflicts(days, roster, { officersPerDay: 2, allowConsecutive: false })).toEqual([
      { date: '2024-07-01', kind: 'understaffed' },
      { date: '2024-07-02', kind: 'on_leave', personId: 'o2' },
      { date: '2024-07-02', kind: 'inactive_person', personId: 'o4' },
      { date: '2024-07-02', kind: 'consecutive', personId: 'L1' },
      { date: '2024-07-03', kind: 'missing_leader' },
      // o1 twice plus ghost still makes two distinct officers, so the day is not
      // understaffed; the duplicate and the unknown name are reported on their own.
      { date: '2024-07-03', kind: 'duplicate_person', personId: 'o1' },
      { date: '2024-07-03', kind: 'inactive_person', personId: 'ghost' },
      { date: '2024-07-03', kind: 'consecutive', personId: 'o1' },
    ]);
  });

  it('counts a leader listed as officer as a duplicate and not as an officer', () => {
    const days = [{ date: '2024-07-01', leaderId: 'L1', officerIds: ['L1', 'o1'] }];
    expect(findRotaConflicts(days, roster, { officersPerDay: 2 })).toEqual([
      { date: '2024-07-01', kind: 'understaffed' },
      { date: '2024-07-01', kind: 'duplicate_person', personId: 'L1' },
    ]);
  });

  it('ignores consecutive days when allowed, and a backup on the next day either way', () => {
    const days = [
      { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1'] },
      { date: '2024-07-02', leaderId: 'L1', officerIds: ['o3'], backupId: 'o1' },
    ];
    expect(findRotaConflicts(days, roster, { officersPerDay: 1, allowConsecutive: true })).toEqual([]);
    expect(findRotaConflicts(days, roster, { officersPerDay: 1 })).toEqual([
      { date: '2024-07-02', kind: 'consecutive', personId: 'L1' },
    ]);
  });

  it('does not call two days consecutive when a day lies between them', () => {
    const days = [
      { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1'] },
      { date: '2024-07-03', leaderId: 'L1', officerIds: ['o1'] },
    ];
    expect(findRotaConflicts(days, roster, { officersPerDay: 1 })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { replacePerson, swapDuties } from '../../../core/domain/duty/swap';
import type { DutyDay } from '../../../core/domain/duty/types';
import { person } from './helpers';

const roster = [
  person('L1', ['leader']),
  person('L2', ['leader']),
  person('o1', ['officer']),
  person('o2', ['officer']),
  person('o3', ['officer'], { leave: [{ from: '2024-07-01', to: '2024-07-01' }] }),
  person('o4', ['officer']),
  person('gone', ['officer'], { active: false }),
];

const days: DutyDay[] = [
  { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1', 'o2'] },
  { date: '2024-07-02', leaderId: 'L2', officerIds: ['o3', 'o4'] },
  { date: '2024-07-03', leaderId: 'L1', officerIds: ['o1', 'o2'], backupId: 'o3' },
];

describe('swapDuties', () => {
  it('trades two duties, keeps each slot, and writes one history line per slot', () => {
    const result = swapDuties(days, { first: { date: '2024-07-01', personId: 'o2' }, second: { date: '2024-07-02', personId: 'o4' }, reason: '家中有事' }, roster);
    expect(result).toEqual({
      ok: true,
      days: [
        { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1', 'o4'] },
        { date: '2024-07-02', leaderId: 'L2', officerIds: ['o3', 'o2'] },
        days[2],
      ],
      history: [
        { date: '2024-07-01', role: 'officer', fromPersonId: 'o2', toPersonId: 'o4', reason: '家中有事' },
        { date: '2024-07-02', role: 'officer', fromPersonId: 'o4', toPersonId: 'o2', reason: '家中有事' },
      ],
      // o2 now works 7/2 and 7/3.
      warnings: [{ date: '2024-07-03', kind: 'consecutive', personId: 'o2' }],
    });
    expect(days[0].officerIds).toEqual(['o1', 'o2']);
  });

  it('refuses a swap that puts someone on a day of leave', () => {
    const result = swapDuties(days, { first: { date: '2024-07-01', personId: 'o1' }, second: { date: '2024-07-02', personId: 'o3' }, reason: '' }, roster);
    expect(result).toEqual({ ok: false, error: { kind: 'on_leave', date: '2024-07-01', personId: 'o3' } });
  });

  it('refuses a swap that names someone twice on one day', () => {
    // o3 is already the backup on 7/3.
    const result = swapDuties(days, { first: { date: '2024-07-02', personId: 'o3' }, second: { date: '2024-07-03', personId: 'o1' }, reason: '' }, roster);
    expect(result).toEqual({ ok: false, error: { kind: 'duplicate', date: '2024-07-03', personId: 'o3' } });
  });

  it('refuses to put a non-leader in the leader slot', () => {
    const result = swapDuties(days, { first: { date: '2024-07-01', personId: 'L1' }, second: { date: '2024-07-02', personId: 'o4' }, reason: '' }, roster);
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_a_leader', personId: 'o4' } });
  });

  it('says which side of the request is not on duty', () => {
    const result = swapDuties(days, { first: { date: '2024-07-01', personId: 'o1' }, second: { date: '2024-07-02', personId: 'o1' }, reason: '' }, roster);
    expect(result).toEqual({ ok: false, error: { kind: 'same_person', date: '2024-07-01', personId: 'o1' } });
    const missing = swapDuties(days, { first: { date: '2024-07-01', personId: 'o1' }, second: { date: '2024-07-02', personId: 'o2' }, reason: '' }, roster);
    expect(missing).toEqual({ ok: false, error: { kind: 'not_on_duty', date: '2024-07-02', personId: 'o2' } });
    const noDay = swapDuties(days, { first: { date: '2024-08-01', personId: 'o1' }, second: { date: '2024-07-02', personId: 'o4' }, reason: '' }, roster);
    expect(noDay).toEqual({ ok: false, error: { kind: 'day_not_found', date: '2024-08-01' } });
  });

  it('trades slots within one day', () => {
    const result = swapDuties(days, { first: { date: '2024-07-03', personId: 'o1' }, second: { date: '2024-07-03', personId: 'o3' }, reason: '' }, roster);
    expect(result.ok && result.days[2]).toEqual({ date: '2024-07-03', leaderId: 'L1', officerIds: ['o3', 'o2'], backupId: 'o1' });
  });
});

describe('replacePerson', () => {
  it('puts someone else in the slot and records it', () => {
    const result = replacePerson(days, { date: '2024-07-03', fromPersonId: 'o3', toPersonId: 'o4', reason: '病假' }, roster);
    expect(result).toEqual({
      ok: true,
      days: [days[0], days[1], { ...days[2], backupId: 'o4' }],
      history: [{ date: '2024-07-03', role: 'backup', fromPersonId: 'o3', toPersonId: 'o4', reason: '病假' }],
      warnings: [],
    });
  });

  it('refuses inactive or unknown people', () => {
    expect(replacePerson(days, { date: '2024-07-01', fromPersonId: 'o1', toPersonId: 'gone', reason: '' }, roster)).toMatchObject({
      ok: false,
      error: { kind: 'inactive' },
    });
    expect(replacePerson(days, { date: '2024-07-01', fromPersonId: 'o1', toPersonId: 'nobody', reason: '' }, roster)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_person' },
    });
  });

  it('refuses to add someone already on that day', () => {
    expect(replacePerson(days, { date: '2024-07-01', fromPersonId: 'o1', toPersonId: 'L1', reason: '' }, roster)).toEqual({
      ok: false,
      error: { kind: 'duplicate', date: '2024-07-01', personId: 'L1' },
    });
  });
});

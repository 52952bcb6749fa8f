import { describe, expect, it } from 'vitest';
import { generateRota } from '../../../core/domain/duty/rota';
import { findRotaConflicts } from '../../../core/domain/duty/conflicts';
import { dutyDayOf, zonedToUtc } from '../../../core/time';
import { person, spread } from './helpers';

// 2024-07-01 is a Monday.
const leaders = [person('L1', ['leader']), person('L2', ['leader'])];
const officers = (n: number) => Array.from({ length: n }, (_, i) => person(`o${i + 1}`, ['officer']));

describe('generateRota: hand-worked cases', () => {
  it('alternates teams when nobody may work two days running', () => {
    const result = generateRota({ roster: [...leaders, ...officers(4)], from: '2024-07-01', to: '2024-07-04' });
    expect(result.days).toEqual([
      { date: '2024-07-01', leaderId: 'L1', officerIds: ['o1', 'o2'] },
      { date: '2024-07-02', leaderId: 'L2', officerIds: ['o3', 'o4'] },
      { date: '2024-07-03', leaderId: 'L1', officerIds: ['o1', 'o2'] },
      { date: '2024-07-04', leaderId: 'L2', officerIds: ['o3', 'o4'] },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.fairness.o1).toEqual({ total: 2, weekendOrHoliday: 0, backup: 0 });
  });

  it('never puts someone on leave on duty and lets them catch up afterwards', () => {
    const roster = [...leaders, ...officers(5)];
    roster[2] = person('o1', ['officer'], { leave: [{ from: '2024-07-01', to: '2024-07-02' }] });
    const { days } = generateRota({ roster, from: '2024-07-01', to: '2024-07-04' });
    // Day 1: o1 away, so o2 o3. Day 2: o2 o3 rested, o1 away: o4 o5.
    // Day 3: o4 o5 rested; o1 has 0 duties, then o2 by id. Day 4: o1 o2 rested; o3 o4.
    expect(days.map((d) => d.officerIds)).toEqual([
      ['o2', 'o3'],
      ['o4', 'o5'],
      ['o1', 'o2'],
      ['o3', 'o4'],
    ]);
  });

  it('reports an impossible day instead of throwing, and still fills what it can', () => {
    const roster = [person('L1', ['leader']), ...officers(3)];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-02' });
    expect(result.days[1]).toEqual({ date: '2024-07-02', leaderId: null, officerIds: ['o3'] });
    expect(result.problems).toEqual([
      { date: '2024-07-02', kind: 'no_leader' },
      { date: '2024-07-02', kind: 'understaffed', needed: 2, assigned: 1 },
    ]);
  });

  it('lets the same people work every day when consecutive duty is allowed', () => {
    const roster = [person('L1', ['leader']), ...officers(2)];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-03', allowConsecutive: true });
    expect(result.problems).toEqual([]);
    expect(result.days.every((d) => d.leaderId === 'L1' && d.officerIds.join() === 'o1,o2')).toBe(true);
  });

  it('carries fairness and the rest day over from the previous month', () => {
    const roster = [...leaders, ...officers(4)];
    const previous = [
      { date: '2024-06-29', leaderId: 'L2', officerIds: ['o3', 'o4'] },
      { date: '2024-06-30', leaderId: 'L1', officerIds: ['o1', 'o2'] },
    ];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-01', previous });
    expect(result.days[0]).toEqual({ date: '2024-07-01', leaderId: 'L2', officerIds: ['o3', 'o4'] });
    // 6/29 and 6/30 are Saturday and Sunday, so everyone carries one weekend duty.
    expect(result.fairness.o1).toEqual({ total: 1, weekendOrHoliday: 1, backup: 0 });
    expect(result.fairness.o3).toEqual({ total: 2, weekendOrHoliday: 1, backup: 0 });
  });

  it('counts public holidays as holiday duty and make-up Saturdays (调休) as working days', () => {
    // National Day 2024: 10/1–10/7 off; Saturday 10/12 was a working day.
    const holidays = ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'];
    const roster = [person('L1', ['leader']), person('o1', ['officer'])];
    const result = generateRota({
      roster, from: '2024-10-01', to: '2024-10-13', officersPerDay: 1, allowConsecutive: true, holidays, workdays: ['2024-10-12'],
    });
    // 13 days, of which 10/1–10/7 and Sunday 10/13 count: 8.
    expect(result.fairness.o1).toEqual({ total: 13, weekendOrHoliday: 8, backup: 0 });
  });

  it('assigns a backup who is not on the watch that day, spreading backup days evenly', () => {
    const roster = [person('L1', ['leader']), person('o1', ['officer', 'backup']), person('o2', ['officer', 'backup']), person('b1', ['backup'])];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-03', officersPerDay: 1, allowConsecutive: true });
    for (const day of result.days) {
      expect(day.backupId).toBeDefined();
      expect([day.leaderId, ...day.officerIds]).not.toContain(day.backupId);
    }
    // Day 1: b1 by id. Day 2: o2 is on watch, o1 has no backup days yet. Day 3: o1 on watch, o2 next.
    expect(result.days.map((d) => d.backupId)).toEqual(['b1', 'o1', 'o2']);
    expect(result.problems).toEqual([]);
  });

  it('never places inactive people', () => {
    const roster = [...leaders, ...officers(4), person('o0', ['officer'], { active: false })];
    const { days } = generateRota({ roster, from: '2024-07-01', to: '2024-07-31' });
    expect(days.flatMap((d) => d.officerIds)).not.toContain('o0');
  });

  it('finds the team on watch at 03:00, which belongs to the previous duty day', () => {
    const { days } = generateRota({ roster: [...leaders, ...officers(4)], from: '2024-07-01', to: '2024-07-10' });
    const threeAm = zonedToUtc('2024-07-05', '03:00');
    const onWatch = days.find((d) => d.date === dutyDayOf(threeAm));
    expect(onWatch?.date).toBe('2024-07-04');
    expect(onWatch).toEqual(days[3]);
  });
});

describe('generateRota: pins', () => {
  const roster = [...leaders, ...officers(4), person('o9', ['officer'], { leave: [{ from: '2024-07-02', to: '2024-07-02' }] })];

  it('keeps a pinned person and keeps generated neighbours off them', () => {
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-03', pins: [{ date: '2024-07-02', officerIds: ['o1'] }] });
    expect(result.days[1].officerIds[0]).toBe('o1');
    expect(result.days[0].officerIds).not.toContain('o1');
    expect(result.days[2].officerIds).not.toContain('o1');
    expect(findRotaConflicts(result.days, roster)).toEqual([]);
  });

  it('rejects pins that break leave, role or rest rules and fills the slot itself', () => {
    const result = generateRota({
      roster,
      from: '2024-07-01',
      to: '2024-07-03',
      pins: [
        { date: '2024-07-01', officerIds: ['o2'] },
        { date: '2024-07-02', leaderId: 'o3', officerIds: ['o9', 'o2'] },
        { date: '2024-07-03', officerIds: ['nobody'] },
      ],
    });
    expect(result.problems).toEqual([
      { date: '2024-07-02', kind: 'pin_rejected', slot: 'leader', personId: 'o3', reason: 'not_a_leader' },
      { date: '2024-07-02', kind: 'pin_rejected', slot: 'officer', personId: 'o9', reason: 'on_leave' },
      { date: '2024-07-02', kind: 'pin_rejected', slot: 'officer', personId: 'o2', reason: 'consecutive' },
      { date: '2024-07-03', kind: 'pin_rejected', slot: 'officer', personId: 'nobody', reason: 'unknown_person' },
    ]);
    expect(result.days[1].leaderId).toMatch(/^L/);
    expect(result.days[1].officerIds).toHaveLength(2);
    expect(findRotaConflicts(result.days, roster)).toEqual([]);
  });
});

describe('generateRota: fairness', () => {
  it('keeps totals within one across a month, leave included', () => {
    const roster = [
      ...['L1', 'L2', 'L3'].map((id) => person(id, ['leader'])),
      ...officers(10),
      person('o11', ['officer'], { leave: [{ from: '2024-07-08', to: '2024-07-14' }] }),
    ];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-07-31' });
    expect(result.problems).toEqual([]);
    const total = (ids: string[]) => ids.map((id) => result.fairness[id].total);
    expect(spread(total(['L1', 'L2', 'L3']))).toBeLessThanOrEqual(1);
    expect(spread(total(roster.filter((p) => p.roles.includes('officer')).map((p) => p.id)))).toBeLessThanOrEqual(1);
  });

  it('shares weekends out instead of falling into a weekly cycle', () => {
    // 7 officers, one a day, 8 weeks from a Monday: a plain round robin would give the
    // same two people all 16 weekend days. 16 over 7 people is 2 or 3 each.
    const roster = [...['L1', 'L2', 'L3'].map((id) => person(id, ['leader'])), ...officers(7)];
    const result = generateRota({ roster, from: '2024-07-01', to: '2024-08-25', officersPerDay: 1 });
    const ids = roster.filter((p) => p.roles.includes('officer')).map((p) => p.id);
    const weekends = ids.map((id) => result.fairness[id].weekendOrHoliday);
    expect(weekends.reduce((a, b) => a + b, 0)).toBe(16);
    expect(spread(weekends)).toBeLessThanOrEqual(1);
    expect(spread(ids.map((id) => result.fairness[id].total))).toBeLessThanOrEqual(1);
  });

  it('is deterministic and ignores roster order', () => {
    const roster = [...leaders, ...officers(6)];
    const input = { roster, from: '2024-07-01', to: '2024-07-20', holidays: ['2024-07-10'] };
    const first = generateRota(input);
    expect(generateRota(input)).toEqual(first);
    expect(generateRota({ ...input, roster: [...roster].reverse() })).toEqual(first);
  });

  it('generates a 150-day season for 300 people well under a second', () => {
    const roster = Array.from({ length: 300 }, (_, i) =>
      person(`p${String(i).padStart(3, '0')}`, i % 10 === 0 ? ['leader'] : i % 3 === 0 ? ['officer', 'backup'] : ['officer'], {
        leave: i % 7 === 0 ? [{ from: '2024-06-10', to: '2024-06-30' }] : [],
      }),
    );
    const started = performance.now();
    const result = generateRota({ roster, from: '2024-05-01', to: '2024-09-27' });
    const elapsed = performance.now() - started;
    expect(result.days).toHaveLength(150);
    expect(result.problems).toEqual([]);
    expect(elapsed).toBeLessThan(1000);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { DutyPersonRecord, RotaChangeRecord, RotaMonthView, RotaProposal } from '../../../core/contract/dutyShared';
import type { SystemStatus } from '../../../core/contract/system';
import { zonedToUtc } from '../../../core/time';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts, seedPeople } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): { t: TestDb; people: Map<string, DutyPersonRecord>; id: (name: string) => string } {
  const t = createTestDb(zonedToUtc('2026-07-01', '12:00'));
  cleanups.push(t.close);
  const people = seedPeople(t);
  return { t, people, id: (name) => people.get(name)!.id };
}

function generateAndSave(t: TestDb, from: string, to: string) {
  const proposal = t.call<RotaProposal>('duty.generateRota', { from, to });
  t.call('duty.saveRota', { days: proposal.days, source: 'generated', reason: '七月值班表' });
  return proposal;
}

describe('rota generation and the month view', () => {
  it('saves a generated month and shows it with phones and fair totals', () => {
    const { t } = setup();
    const proposal = generateAndSave(t, '2026-07-01', '2026-07-31');
    expect(proposal.problems).toEqual([]);
    expect(proposal.conflicts).toEqual([]);
    const month = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-07' });
    expect(month.days).toHaveLength(31);
    expect(month.days.every((d) => d.leader && d.officers.length === 2 && d.backup)).toBe(true);
    expect(month.days[0].leader!.phone).toMatch(/^138/);
    // 2026-07-04 is a Saturday.
    expect(month.days[3]).toMatchObject({ date: '2026-07-04', weekendOrHoliday: true });
    const officers = month.fairness.filter((f) => f.roles.includes('officer'));
    const totals = officers.map((f) => f.total);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
    expect(officers.reduce((sum, f) => sum + f.total, 0)).toBe(62);
    expect(month.fairness.find((f) => f.name === '吴师傅')).toBeUndefined();
    expect(month.conflicts).toEqual([]);
  });

  it('never puts someone on leave on the rota, and counts holidays as weekend duty', () => {
    const { t, id } = setup();
    t.call('duty.addLeave', { personId: id('刘洋'), from: '2026-07-01', to: '2026-07-10', reason: '年假' });
    t.call('settings.update', { section: 'duty', values: { holidays: ['2026-07-01'] } });
    const proposal = generateAndSave(t, '2026-07-01', '2026-07-10');
    expect(proposal.days.some((d) => d.officerIds.includes(id('刘洋')))).toBe(false);
    const month = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-07' });
    expect(month.days[0]).toMatchObject({ holiday: true, weekendOrHoliday: true });
  });

  it('regenerating a month supersedes the old slots and keeps them in the history', () => {
    const { t, id } = setup();
    generateAndSave(t, '2026-07-01', '2026-07-07');
    const before = t.db.prepare('SELECT id FROM duty_assignments').pluck().all() as string[];
    t.call('duty.addLeave', { personId: id('陈静'), from: '2026-07-01', to: '2026-07-07' });
    const second = generateAndSave(t, '2026-07-01', '2026-07-07');
    const slots = second.days.reduce((n, d) => n + 1 + d.officerIds.length + (d.backupId ? 1 : 0), 0);
    expect(t.db.prepare('SELECT count(*) FROM duty_assignments WHERE superseded_at_ms IS NULL').pluck().get()).toBe(slots);
    const kept = t.db.prepare('SELECT id FROM duty_assignments').pluck().all() as string[];
    expect(kept).toEqual(expect.arrayContaining(before));
    expect(kept.length).toBeGreaterThan(before.length);
    const changes = t.call<RotaChangeRecord[]>('duty.rotaChanges', { from: '2026-07-01', to: '2026-07-07' });
    expect(changes.some((c) => c.kind === 'rota' && c.fromName === '陈静')).toBe(true);
  });
});

describe('conflicts are refused before anything is saved', () => {
  it('refuses leave, the same person twice and unknown people, listing each day', () => {
    const { t, id } = setup();
    t.call('duty.addLeave', { personId: id('杨帆'), from: '2026-07-02', to: '2026-07-02' });
    const counts = dutyCounts(t);
    const error = t.fail('duty.saveRota', {
      source: 'manual',
      days: [
        { date: '2026-07-02', leaderId: id('王建国'), officerIds: [id('杨帆'), id('赵磊')] },
        { date: '2026-07-03', leaderId: id('李秀英'), officerIds: [id('黄敏'), id('黄敏')] },
      ],
    });
    expect(error).toMatchObject({ code: 'validation', key: 'errors.duty.rotaConflicts', params: { count: 2 } });
    expect(error.issues!.map((i) => i.messageZh)).toEqual(['2026-07-02：休假中 杨帆', '2026-07-03：同一人重复排班 黄敏']);
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('asks for confirmation of a missing leader, too few officers or back-to-back duty', () => {
    const { t, id } = setup();
    const days = [
      { date: '2026-07-05', leaderId: null, officerIds: [id('刘洋')] },
      { date: '2026-07-06', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
    ];
    const error = t.fail('duty.saveRota', { source: 'manual', days });
    expect(error.key).toBe('errors.duty.rotaIncomplete');
    expect(error.issues!.map((i) => i.message)).toEqual([
      '2026-07-05: no leader on duty',
      '2026-07-05: too few duty officers',
      '2026-07-06: on duty two days running 刘洋',
    ]);
    expect(t.call<{ saved: number }>('duty.saveRota', { source: 'manual', days, allowIncomplete: true }).saved).toBe(2);
  });

  it('sees back-to-back duty across the edge of what is saved', () => {
    const { t, id } = setup();
    t.call('duty.saveRota', { source: 'manual', days: [{ date: '2026-07-10', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] }] });
    const error = t.fail('duty.saveRota', { source: 'manual', days: [{ date: '2026-07-11', leaderId: id('李秀英'), officerIds: [id('刘洋'), id('杨帆')] }] });
    expect(error.issues!.map((i) => i.message)).toEqual(['2026-07-11: on duty two days running 刘洋']);
  });
});

describe('swaps (调班) keep the original', () => {
  it('trades two duties, records who, when and why, and keeps both originals', () => {
    const { t, id } = setup();
    t.call('duty.saveRota', {
      source: 'manual',
      days: [
        { date: '2026-07-10', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
        { date: '2026-07-12', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('赵磊')] },
      ],
    });
    const { changes } = t.call<{ changes: RotaChangeRecord[] }>('duty.swap', {
      first: { date: '2026-07-10', personId: id('刘洋') },
      second: { date: '2026-07-12', personId: id('赵磊') },
      reason: '家中有事',
    });
    expect(changes.map((c) => [c.date, c.fromName, c.toName, c.reason, c.changedBy])).toEqual([
      ['2026-07-10', '刘洋', '赵磊', '家中有事', '测试员'],
      ['2026-07-12', '赵磊', '刘洋', '家中有事', '测试员'],
    ]);
    const month = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-07' });
    expect(month.days[9].officers.map((o) => o.name)).toEqual(['赵磊', '陈静']);
    expect(month.days[11].officers.map((o) => o.name)).toEqual(['杨帆', '刘洋']);
    expect(month.days[9].changed).toBe(true);
    const originals = t.db
      .prepare("SELECT p.name FROM duty_assignments a JOIN duty_people p ON p.id = a.person_id WHERE a.superseded_by IS NOT NULL ORDER BY a.date")
      .pluck()
      .all();
    expect(originals).toEqual(['刘洋', '赵磊']);
    expect(() => t.db.prepare('DELETE FROM duty_assignments').run()).toThrow(/never deleted/);
  });

  it('refuses a swap with someone on leave and changes nothing', () => {
    const { t, id } = setup();
    t.call('duty.saveRota', { source: 'manual', days: [{ date: '2026-07-10', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] }] });
    t.call('duty.addLeave', { personId: id('杨帆'), from: '2026-07-09', to: '2026-07-11', reason: '病假' });
    const counts = dutyCounts(t);
    const error = t.fail('duty.replace', { date: '2026-07-10', fromPersonId: id('刘洋'), toPersonId: id('杨帆'), reason: '替班' });
    expect(error).toMatchObject({ key: 'errors.duty.swap.on_leave', params: { date: '2026-07-10', name: '杨帆' } });
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('refuses reversed and overlapping leave', () => {
    const { t, id } = setup();
    expect(t.fail('duty.addLeave', { personId: id('刘洋'), from: '2026-07-09', to: '2026-07-01' }).key).toBe('errors.duty.leaveReversed');
    t.call('duty.addLeave', { personId: id('刘洋'), from: '2026-07-01', to: '2026-07-05' });
    expect(t.fail('duty.addLeave', { personId: id('刘洋'), from: '2026-07-05', to: '2026-07-08' })).toMatchObject({
      key: 'errors.duty.leaveOverlap',
      params: { from: '2026-07-01', to: '2026-07-05' },
    });
  });
});

describe('importing a rota from a spreadsheet', () => {
  it('reports every broken row and imports nothing', () => {
    const { t } = setup();
    const counts = dutyCounts(t);
    const error = t.fail('duty.importRota', {
      rows: [
        { row: 2, date: '2026/7/1', leader: '王建国', officers: ['刘洋', '陈静'] },
        { row: 3, date: '7月2日', leader: '李秀英', officers: ['杨帆', '赵磊'] },
        { row: 4, date: '2026-07-03', leader: '孙悟空', officers: ['黄敏', '周杰'] },
      ],
    });
    expect(error.key).toBe('errors.duty.importRows');
    expect(error.issues!.map((i) => i.message.slice(0, 6))).toEqual(['Row 3:', 'Row 4:']);
    expect(error.issues![1].messageZh).toBe('第 4 行：“孙悟空”不在人员名册中');
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('names the spreadsheet row of a conflict, such as someone on leave', () => {
    const { t, id } = setup();
    t.call('duty.addLeave', { personId: id('刘洋'), from: '2026-07-01', to: '2026-07-03' });
    const error = t.fail('duty.importRota', { rows: [{ row: 5, date: '2026-07-02', leader: '王建国', officers: ['刘洋', '陈静'] }] });
    expect(error).toMatchObject({ key: 'errors.duty.rotaConflicts' });
    expect(error.issues!.map((i) => [i.path, i.message, i.messageZh])).toEqual([['', 'Row 5 (2026-07-02): on leave 刘洋', '第 5 行（2026-07-02）：休假中 刘洋']]);
  });

  it('imports good rows by name or phone', () => {
    const { t } = setup();
    const result = t.call<{ saved: number }>('duty.importRota', {
      rows: [
        { row: 2, date: '2026年7月1日', leader: '13800000001', officers: ['刘洋', '陈静 13900000002'], backup: '黄敏' },
        { row: 3, date: '2026-07-02', leader: '李秀英', officers: ['杨帆', '赵磊'], backup: '周杰' },
      ],
    });
    expect(result.saved).toBe(2);
    const month = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-07' });
    expect(month.days[0].leader!.name).toBe('王建国');
    expect(month.days[0].officers[0].source).toBe('import');
  });
});

describe('who is on duty now', () => {
  it('at 03:00 shows the team of the duty day that began yesterday at 08:00', () => {
    const { t, id } = setup();
    t.call('duty.saveRota', {
      source: 'manual',
      days: [
        { date: '2026-07-04', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
        { date: '2026-07-05', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('赵磊')] },
      ],
    });
    t.setNow(zonedToUtc('2026-07-05', '03:00'));
    let status = t.call<SystemStatus>('system.status');
    expect(status.dutyDay).toBe('2026-07-04');
    expect(status.leaderOnDuty).toMatchObject({ name: '王建国', phone: '13800000001' });
    expect(status.officersOnDuty.map((p) => p.name)).toEqual(['刘洋', '陈静']);
    t.setNow(zonedToUtc('2026-07-05', '08:00'));
    status = t.call<SystemStatus>('system.status');
    expect(status.leaderOnDuty!.name).toBe('李秀英');
  });

  it('with split shifts shows the day officer by day and the night officer by night', () => {
    const { t, id } = setup();
    t.call('settings.update', { section: 'duty', values: { shiftSplit: true } });
    t.call('duty.saveRota', { source: 'manual', days: [{ date: '2026-07-04', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] }] });
    t.setNow(zonedToUtc('2026-07-04', '14:00'));
    expect(t.call<SystemStatus>('system.status').officersOnDuty.map((p) => p.name)).toEqual(['刘洋']);
    t.setNow(zonedToUtc('2026-07-05', '02:00'));
    expect(t.call<SystemStatus>('system.status').officersOnDuty.map((p) => p.name)).toEqual(['陈静']);
  });

  it('keeps yesterday’s team and the extra people on watch until the warning is lifted', () => {
    const { t, id } = setup();
    t.call('duty.saveRota', {
      source: 'manual',
      days: [
        { date: '2026-07-04', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
        { date: '2026-07-05', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('赵磊')] },
      ],
    });
    t.setNow(zonedToUtc('2026-07-05', '06:00'));
    const warning = t.call<{ id: string }>('duty.issueWarning', { type: 'rainstorm', colour: 'orange', issuedBy: '市气象台' });
    t.call('duty.extendDuty', { warningId: warning.id, extraPersonIds: [id('黄敏')], note: '在岗值守至预警解除' });
    t.setNow(zonedToUtc('2026-07-05', '10:00'));
    const status = t.call<SystemStatus>('system.status');
    expect(status.leaderOnDuty!.name).toBe('李秀英');
    expect(status.officersOnDuty.map((p) => p.name)).toEqual(['杨帆', '赵磊', '王建国', '刘洋', '陈静', '黄敏']);
    expect(t.fail('duty.extendDuty', { warningId: warning.id, extraPersonIds: [id('杨帆')], date: '2026-07-05' }).key).toBe('errors.duty.extraAlreadyOnDuty');
    t.call('duty.liftWarning', { id: warning.id, liftedBy: '市气象台' });
    expect(t.call<SystemStatus>('system.status').officersOnDuty.map((p) => p.name)).toEqual(['杨帆', '赵磊']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { DutyPersonRecord, NamedConflict, RotaChangeRecord, RotaMonthView } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts, seedPeople } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): { t: TestDb; id: (name: string) => string } {
  const t = createTestDb(zonedToUtc('2026-07-01', '12:00'));
  cleanups.push(t.close);
  const people: Map<string, DutyPersonRecord> = seedPeople(t);
  t.call('duty.saveRota', {
    source: 'manual',
    days: [
      { date: '2026-07-10', leaderId: people.get('王建国')!.id, officerIds: [people.get('刘洋')!.id, people.get('陈静')!.id] },
      { date: '2026-07-11', leaderId: people.get('李秀英')!.id, officerIds: [people.get('杨帆')!.id, people.get('赵磊')!.id] },
    ],
  });
  return { t, id: (name) => people.get(name)!.id };
}

const summary = (conflicts: NamedConflict[]) => conflicts.map((c) => `${c.date} ${c.kind} ${c.personName ?? ''}`.trim());

describe('editing one saved rota day by hand', () => {
  it('shows the conflicts an edit would cause among the saved days, saving nothing', () => {
    const { t, id } = setup();
    t.call('duty.addLeave', { personId: id('黄敏'), from: '2026-07-11', to: '2026-07-11' });
    const counts = dutyCounts(t);
    const check = (officerIds: string[], leaderId: string | null = id('李秀英')) =>
      summary(t.call<NamedConflict[]>('duty.checkRota', { days: [{ date: '2026-07-11', leaderId, officerIds }] }));
    expect(check([id('杨帆'), id('赵磊')])).toEqual([]);
    // 刘洋 is on the saved 07-10: back-to-back with the day before, which is not part of the edit.
    expect(check([id('刘洋'), id('赵磊')])).toEqual(['2026-07-11 consecutive 刘洋']);
    expect(check([id('黄敏'), id('赵磊')])).toEqual(['2026-07-11 on_leave 黄敏']);
    expect(check([id('杨帆'), id('杨帆')])).toEqual(['2026-07-11 understaffed', '2026-07-11 duplicate_person 杨帆']);
    expect(check([id('杨帆')], null)).toEqual(['2026-07-11 missing_leader', '2026-07-11 understaffed']);
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('needs a reason to change a saved day, and saves nothing without one', () => {
    const { t, id } = setup();
    const counts = dutyCounts(t);
    const error = t.fail('duty.saveRota', { source: 'manual', days: [{ date: '2026-07-11', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('黄敏')] }] });
    expect(error).toMatchObject({ code: 'validation', key: 'errors.duty.editReason', params: { date: '2026-07-11' } });
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('supersedes the changed slots, keeps the originals and records who, when and why', () => {
    const { t, id } = setup();
    const saved = t.call<{ saved: number }>('duty.saveRota', {
      source: 'manual',
      reason: '赵磊借调防指',
      days: [{ date: '2026-07-11', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('黄敏')], backupId: id('孙丽') }],
    });
    expect(saved.saved).toBe(1);
    const day = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-07' }).days[10];
    expect([day.leader?.name, day.officers.map((o) => o.name), day.backup?.name]).toEqual(['李秀英', ['杨帆', '黄敏'], '孙丽']);
    const changes = t.call<RotaChangeRecord[]>('duty.rotaChanges', { from: '2026-07-11', to: '2026-07-11' });
    expect(changes.map((c) => [c.kind, c.slot, c.fromName, c.toName, c.reason, c.changedBy])).toEqual([['rota', 'officer', '赵磊', '黄敏', '赵磊借调防指', '测试员']]);
    const original = t.db
      .prepare("SELECT p.name FROM duty_assignments a JOIN duty_people p ON p.id = a.person_id WHERE a.date = '2026-07-11' AND a.superseded_by IS NOT NULL")
      .pluck()
      .all();
    expect(original).toEqual(['赵磊']);
    const audit = t.call<{ rows: { entity: string }[] }>('audit.list', { entity: 'duty_day' }).rows;
    expect(audit.length).toBe(3);
  });

  it('refuses an edit that puts someone on leave on the day, with or without confirming gaps', () => {
    const { t, id } = setup();
    t.call('duty.addLeave', { personId: id('黄敏'), from: '2026-07-11', to: '2026-07-11' });
    const counts = dutyCounts(t);
    const error = t.fail('duty.saveRota', {
      source: 'manual',
      reason: '临时调整',
      allowIncomplete: true,
      days: [{ date: '2026-07-11', leaderId: null, officerIds: [id('黄敏')] }],
    });
    expect(error.key).toBe('errors.duty.rotaConflicts');
    expect(dutyCounts(t)).toEqual(counts);
  });
});

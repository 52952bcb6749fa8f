import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverRecord, LogEntry, WarningRecord, ZeroReportRecord } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { LOCAL_ACTOR } from '../../../db/accounts';
import { createTestDb, TEST_ACTOR, type TestDb } from '../../support/db';
import { seedPeople } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** 刘洋 and 陈静 have 2026-07-04 with 王建国; 杨帆 and 赵磊 the next day with 李秀英. */
function setup(now: number): TestDb {
  const t = createTestDb(now);
  cleanups.push(t.close);
  const people = seedPeople(t);
  const id = (name: string) => people.get(name)!.id;
  t.call('duty.saveRota', {
    source: 'manual',
    days: [
      { date: '2026-07-04', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
      { date: '2026-07-05', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('赵磊')] },
    ],
  });
  return t;
}

describe('single-user mode names the officer on duty, not the placeholder', () => {
  it('records the officer the rota has on duty now when nobody is signed in and no name is typed', () => {
    const t = setup(zonedToUtc('2026-07-05', '03:00'));
    // 03:00 still belongs to the duty day that began on the 4th at 08:00.
    const entry = t.call<LogEntry>('duty.logEntry', { channel: 'phone', content: '北环路积水' }, LOCAL_ACTOR);
    expect(entry.recordedBy).toBe('刘洋');
    const warning = t.call<WarningRecord>('duty.issueWarning', { type: 'rainstorm', colour: 'blue', issuedBy: '市气象台' }, LOCAL_ACTOR);
    expect(warning.recordedBy).toBe('刘洋');
    t.setNow(zonedToUtc('2026-07-05', '09:00'));
    const zero = t.call<ZeroReportRecord>('duty.zeroReport', { reportedTo: '区三防办' }, LOCAL_ACTOR);
    expect(zero.reportedBy).toBe('杨帆');
  });

  it('keeps a typed name, and a signed-in person’s own name', () => {
    const t = setup(zonedToUtc('2026-07-05', '03:00'));
    expect(t.call<LogEntry>('duty.logEntry', { channel: 'phone', content: 'a', recordedBy: '陈静' }, LOCAL_ACTOR).recordedBy).toBe('陈静');
    expect(t.call<LogEntry>('duty.logEntry', { channel: 'phone', content: 'b' }, TEST_ACTOR).recordedBy).toBe(TEST_ACTOR.name);
  });

  it('falls back to the placeholder only when the rota has nobody on duty', () => {
    const t = setup(zonedToUtc('2026-07-08', '10:00'));
    expect(t.call<LogEntry>('duty.logEntry', { channel: 'phone', content: 'c' }, LOCAL_ACTOR).recordedBy).toBe(LOCAL_ACTOR.name);
  });
});

describe('the handover’s four-eyes rule needs two real people from the register', () => {
  it('refuses the placeholder or an unknown name as signer or acknowledger, and a non-leader signing off', () => {
    const t = setup(zonedToUtc('2026-07-05', '07:40'));
    const sign = (signedBy: string) => ({ outgoingDay: '2026-07-04', text: '交班', signedBy });
    expect(t.fail('duty.signHandover', sign(LOCAL_ACTOR.name), LOCAL_ACTOR)).toMatchObject({ key: 'errors.duty.signerUnknown', params: { name: '本机值班员' } });
    expect(t.fail('duty.signHandover', sign('刘洋洋')).key).toBe('errors.duty.signerUnknown');
    const signed = t.call<HandoverRecord>('duty.signHandover', sign('刘洋'), LOCAL_ACTOR);
    expect(t.fail('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: LOCAL_ACTOR.name }, LOCAL_ACTOR).key).toBe('errors.duty.signerUnknown');
    expect(t.fail('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: '刘洋' }, LOCAL_ACTOR).key).toBe('errors.duty.handoverSamePerson');
    // Someone who has left the register cannot sign either.
    const people = t.call<{ id: string; name: string; roles: string[] }[]>('duty.listPeople', {});
    const zhao = people.find((p) => p.name === '赵磊')!;
    t.call('duty.savePerson', { id: zhao.id, name: zhao.name, roles: zhao.roles, active: false });
    expect(t.fail('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: '赵磊' }, LOCAL_ACTOR).key).toBe('errors.duty.signerUnknown');
    expect(t.call<HandoverRecord>('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: '杨帆' }, LOCAL_ACTOR).incomingAckBy).toBe('杨帆');
    expect(t.fail('duty.leaderSignOff', { id: signed.id, leaderName: '陈静' }, LOCAL_ACTOR).key).toBe('errors.duty.signerNotLeader');
    expect(t.call<HandoverRecord>('duty.leaderSignOff', { id: signed.id, leaderName: '王建国' }, LOCAL_ACTOR).leaderSignedBy).toBe('王建国');
  });
});

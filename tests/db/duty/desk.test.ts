import { afterEach, describe, expect, it } from 'vitest';
import type {
  EquipmentOverview,
  HandoverRecord,
  HandoverView,
  IncidentView,
  IncidentsOverview,
  LogPage,
  ResponseRecord,
  WarningRecord,
  WarningsOverview,
} from '../../../core/contract/dutyShared';
import type { SystemStatus } from '../../../core/contract/system';
import { zonedToUtc } from '../../../core/time';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts, seedPeople } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const MIN = 60_000;

function setup(now = zonedToUtc('2026-07-04', '20:00')): TestDb {
  const t = createTestDb(now);
  cleanups.push(t.close);
  return t;
}

describe('warnings and response levels', () => {
  it('shows an issued warning everywhere, logs issuing and lifting, and suggests a response level', () => {
    const t = setup();
    const warning = t.call<WarningRecord>('duty.issueWarning', { type: 'rainstorm', colour: 'orange', issuedBy: '深圳市气象台', content: '3小时内降雨量将达50毫米以上' });
    expect(warning.title).toBe('暴雨橙色预警');
    let status = t.call<SystemStatus>('system.status');
    expect(status.activeWarnings).toEqual([{ id: warning.id, type: 'rainstorm', level: 'orange', title: '暴雨橙色预警', issuedAtMs: warning.issuedAtMs }]);
    expect(t.call<WarningsOverview>('duty.warnings', {}).suggestion).toMatchObject({ level: 2, colour: 'orange', warningIds: [warning.id] });

    t.setNow(zonedToUtc('2026-07-04', '23:00'));
    t.call('duty.liftWarning', { id: warning.id, liftedBy: '深圳市气象台', note: '降雨减弱' });
    status = t.call<SystemStatus>('system.status');
    expect(status.activeWarnings).toEqual([]);
    const log = t.call<LogPage>('duty.listLog', {}).rows.map((r) => r.content);
    expect(log).toEqual(['解除暴雨橙色预警：降雨减弱', '收到暴雨橙色预警：3小时内降雨量将达50毫米以上']);
    expect(t.fail('duty.liftWarning', { id: warning.id, liftedBy: 'x' }).key).toBe('errors.duty.alreadyLifted');
  });

  it('refuses lifting before issuing, and a warning issued in the future', () => {
    const t = setup();
    const warning = t.call<WarningRecord>('duty.issueWarning', { type: 'typhoon', colour: 'blue', issuedBy: '市气象台' });
    const counts = dutyCounts(t);
    expect(t.fail('duty.liftWarning', { id: warning.id, liftedBy: '市气象台', liftedAtMs: warning.issuedAtMs - 60 * MIN }).key).toBe('errors.duty.timesReversed');
    expect(t.fail('duty.issueWarning', { type: 'flood', colour: 'red', issuedBy: '水务局', issuedAtMs: warning.issuedAtMs + 24 * 60 * MIN }).key).toBe('errors.duty.inFuture');
    expect(dutyCounts(t)).toEqual(counts);
  });

  it('replaces the response level in force and keeps both steps', () => {
    const t = setup();
    const four = t.call<ResponseRecord>('duty.declareResponse', { level: 4, declaredBy: '区防指' });
    t.setNow(zonedToUtc('2026-07-04', '22:00'));
    t.call('duty.declareResponse', { level: 2, declaredBy: '区防指', content: '台风逼近' });
    expect(t.call<SystemStatus>('system.status').responseLevel).toBe(2);
    const overview = t.call<WarningsOverview>('duty.warnings', {});
    expect(overview.responses.map((r) => [r.level, r.liftedAtMs !== null])).toEqual([[2, false], [4, true]]);
    expect(overview.responses[1]).toMatchObject({ id: four.id, liftNote: '调整为Ⅱ级应急响应' });
    t.call('duty.liftResponse', { id: overview.currentResponse!.id, liftedBy: '区防指' });
    expect(t.call<SystemStatus>('system.status').responseLevel).toBeNull();
  });
});

describe('incident reports up the chain', () => {
  it('counts down to the first report, flags it overdue, and closes with the final report', () => {
    const received = zonedToUtc('2026-07-04', '21:00');
    const t = setup(received);
    const incident = t.call<IncidentView>('duty.openIncident', { title: '文昌路树木倒伏压车', location: '文昌路12号' });
    expect(incident.due).toMatchObject({ stage: 'initial', dueMs: received + 30 * MIN, remainingMs: 30 * MIN, overdue: false });
    t.setNow(received + 31 * MIN);
    const late = t.call<IncidentsOverview>('duty.incidents', {}).incidents[0];
    expect(late.due).toMatchObject({ stage: 'initial', overdue: true, remainingMs: -MIN });

    let view = t.call<IncidentView>('duty.addReport', { incidentId: incident.id, stage: 'initial', mode: 'verbal', reportedTo: '区应急管理局' });
    expect(view.due).toMatchObject({ stage: 'initial', written: true, dueMs: received + 60 * MIN });
    expect(t.fail('duty.addReport', { incidentId: incident.id, stage: 'initial', mode: 'verbal', reportedTo: '区应急管理局' })).toMatchObject({
      code: 'conflict',
      key: 'errors.duty.report.duplicate_initial',
    });
    view = t.call<IncidentView>('duty.addReport', { incidentId: incident.id, stage: 'followup', mode: 'written', reportedTo: '区应急管理局' });
    expect(view.due).toBeNull();
    view = t.call<IncidentView>('duty.addReport', { incidentId: incident.id, stage: 'final', mode: 'written', reportedTo: '区应急管理局' });
    expect(view.closedAtMs).toBe(received + 31 * MIN);
    expect(t.call<IncidentsOverview>('duty.incidents', {}).incidents).toEqual([]);
    expect(t.fail('duty.addReport', { incidentId: incident.id, stage: 'followup', mode: 'verbal', reportedTo: 'x' }).key).toBe('errors.duty.report.after_final');
  });

  it('uses the configured deadlines', () => {
    const t = setup();
    t.call('settings.update', { section: 'duty', values: { reportInitialMinutes: 15 } });
    const incident = t.call<IncidentView>('duty.openIncident', { title: '边坡裂缝' });
    expect(incident.due!.remainingMs).toBe(15 * MIN);
  });

  it('sends one 零报告 a duty day, and not when something happened', () => {
    const t = setup();
    const zero = t.call<{ dutyDay: string; reportedBy: string }>('duty.zeroReport', { reportedTo: '区三防办' });
    expect(zero).toMatchObject({ dutyDay: '2026-07-04', reportedBy: '测试员' });
    expect(t.fail('duty.zeroReport', { reportedTo: '区三防办' }).key).toBe('errors.duty.zeroReportExists');
    t.setNow(zonedToUtc('2026-07-05', '09:00'));
    t.call('duty.openIncident', { title: '积水' });
    expect(t.fail('duty.zeroReport', { reportedTo: '区三防办' })).toMatchObject({ key: 'errors.duty.zeroReportWithIncidents', params: { count: 1 } });
  });
});

describe('equipment checks', () => {
  it('carries a fault until a later check finds the item working, with who repaired it', () => {
    const t = setup();
    t.call('duty.recordCheck', { checkedBy: '刘洋', items: [{ key: 'fax', status: 'fault', note: '卡纸' }, { key: 'phone', status: 'ok' }] });
    let overview = t.call<EquipmentOverview>('duty.equipment', {});
    expect(overview.checkedThisShift).toBe(true);
    expect(overview.openFaults.map((f) => [f.key, f.label.zh, f.note])).toEqual([['fax', '传真机', '卡纸']]);
    t.setNow(zonedToUtc('2026-07-05', '09:00'));
    expect(t.call<EquipmentOverview>('duty.equipment', {}).checkedThisShift).toBe(false);
    t.call('duty.recordCheck', { checkedBy: '陈静', items: [{ key: 'fax', status: 'not_checked' }] });
    expect(t.call<EquipmentOverview>('duty.equipment', {}).openFaults).toHaveLength(1);
    t.call('duty.recordCheck', { checkedBy: '陈静', items: [{ key: 'fax', status: 'ok', repairedBy: '电信维修员' }] });
    overview = t.call<EquipmentOverview>('duty.equipment', {});
    expect(overview.openFaults).toEqual([]);
    expect(overview.checks[0].items[0]).toMatchObject({ key: 'fax', status: 'ok', repairedBy: '电信维修员' });
  });

  it('refuses unknown items and a fault without a description', () => {
    const t = setup();
    const error = t.fail('duty.recordCheck', { checkedBy: '刘洋', items: [{ key: 'teleporter', status: 'ok' }, { key: 'fax', status: 'fault' }] });
    expect(error.key).toBe('errors.duty.checkItems');
    expect(error.issues!.map((i) => i.messageZh)).toEqual(['“teleporter”不在检查清单中', '传真机：请填写故障情况']);
  });
});

describe('handover', () => {
  it('drafts from records, is signed, acknowledged by someone else and signed off by the leader', () => {
    const t = setup(zonedToUtc('2026-07-04', '10:00'));
    const people = seedPeople(t);
    const id = (name: string) => people.get(name)!.id;
    t.call('duty.saveRota', {
      source: 'manual',
      days: [
        { date: '2026-07-04', leaderId: id('王建国'), officerIds: [id('刘洋'), id('陈静')] },
        { date: '2026-07-05', leaderId: id('李秀英'), officerIds: [id('杨帆'), id('赵磊')] },
      ],
    });
    t.call('duty.logEntry', { channel: 'phone', fromUnit: '市政', content: '文昌路下穿通道积水，待抽排' });
    t.call('duty.logEntry', { channel: 'phone', content: '已办结事项', status: 'closed' });
    t.call('duty.issueWarning', { type: 'rainstorm', colour: 'yellow', issuedBy: '市气象台' });
    t.call('duty.recordCheck', { checkedBy: '刘洋', items: [{ key: 'fax', status: 'fault', note: '卡纸' }] });

    t.setNow(zonedToUtc('2026-07-05', '07:40'));
    const view = t.call<HandoverView>('duty.handover', {});
    expect(view).toMatchObject({ outgoingDay: '2026-07-04', incomingDay: '2026-07-05', outgoingTeam: ['王建国', '刘洋', '陈静'], leaderName: '王建国', record: null });
    expect(view.draft.sections.map((s) => [s.key, s.count])).toEqual([
      ['open_items', 1],
      ['warnings', 1],
      ['evacuated', 0],
      ['rectifications', 0],
      ['equipment', 1],
    ]);
    expect(view.draft.text.zh).toContain('市政 · 文昌路下穿通道积水，待抽排');
    expect(view.draft.text.zh).toContain('接班人：李秀英、杨帆、赵磊');

    const signed = t.call<HandoverRecord>('duty.signHandover', { outgoingDay: '2026-07-04', text: `${view.draft.text.zh}\n补充：注意北环路`, signedBy: '刘洋' });
    expect(t.fail('duty.signHandover', { outgoingDay: '2026-07-04', text: '再签一次', signedBy: '刘洋' }).key).toBe('errors.duty.handoverSigned');
    expect(t.fail('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: '刘洋' }).key).toBe('errors.duty.handoverSamePerson');
    t.setNow(zonedToUtc('2026-07-05', '08:05'));
    const acked = t.call<HandoverRecord>('duty.acknowledgeHandover', { id: signed.id, acknowledgedBy: '杨帆' });
    expect(acked).toMatchObject({ incomingAckBy: '杨帆', incomingAckAtMs: zonedToUtc('2026-07-05', '08:05') });
    const done = t.call<HandoverRecord>('duty.leaderSignOff', { id: signed.id, leaderName: '王建国' });
    expect(done.leaderSignedBy).toBe('王建国');
    expect(done.text).toContain('补充：注意北环路');
    const after = t.call<HandoverView>('duty.handover', {});
    expect(after).toMatchObject({ outgoingDay: '2026-07-05', due: false });
    expect(t.call<HandoverRecord[]>('duty.listHandovers', {}).map((h) => h.outgoingDay)).toEqual(['2026-07-04']);
  });

  it('says when the handover is late and refuses one for a day that has not begun', () => {
    const t = setup(zonedToUtc('2026-07-05', '09:00'));
    expect(t.call<HandoverView>('duty.handover', {}).due).toBe(true);
    expect(t.fail('duty.signHandover', { outgoingDay: '2026-07-06', text: 'x', signedBy: '刘洋' }).key).toBe('errors.duty.handoverFuture');
  });

  it('carries people still evacuated and overdue rectifications from their own domains', () => {
    const t = setup(zonedToUtc('2026-07-01', '10:00'));
    expect(t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-01' }).draft.sections[2].count).toBe(0);
    const event = t.call<{ id: string }>('events.create', { name: '台风“测试”', startedAtMs: zonedToUtc('2026-07-01', '08:00') });
    const shelter = t.call<{ id: string }>('evac.createShelter', { name: '文昌路小学', type: 'school', capacity: 200 });
    const atMs = zonedToUtc('2026-07-01', '09:00');
    t.call('evac.setShelterStatus', { id: shelter.id, status: 'open', eventId: event.id, atMs });
    const household = (name: string, members: string[]) => ({ headName: name, members: members.map((m) => ({ name: m })) });
    const source = { kind: 'address', address: '田面村东门' };
    const moved = t.call<{ moved: { personId: string }[] }>('evac.moveGroup', {
      eventId: event.id, source, atMs, households: [household('张', ['张一', '张二']), household('李', ['李一'])], destination: { kind: 'shelter', shelterId: shelter.id, override: null },
    });
    t.call('evac.moveGroup', { eventId: event.id, source, atMs, households: [household('王', ['王一', '王二'])], destination: { kind: 'dispersed', where: '亲戚家' } });
    t.call('evac.returnPeople', { eventId: event.id, personIds: moved.moved.slice(2).map((m) => m.personId), atMs: atMs + 30 * MIN });

    const point = t.call<{ point: { id: string } }>('hazards.createPoint', { name: '阳光花园地下车库', hazardType: 'basement', lat: 22.55, lng: 114.07 });
    t.call('hazards.openRectification', { pointId: point.point.id, description: '挡水板未安装', deadline: '2026-07-02' });
    t.setNow(zonedToUtc('2026-07-04', '10:00'));
    const draft = t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-04' }).draft;
    expect(draft.text.zh).toContain('仍在转移安置人员：共 4 人（2 户）');
    expect(draft.text.zh).toContain('文昌路小学 2 人');
    expect(draft.text.zh).toContain('分散安置（投亲靠友）2 人');
    expect(draft.text.zh).toContain('阳光花园地下车库：挡水板未安装（整改期限 2026-07-02）');
  });
});

import type { DutyPersonRecord, HandoverRecord, HandoverView, IncidentView, LogEntry, RotaProposal, WarningRecord } from '../../core/contract/dutyShared';
import type { EventRecord } from '../../core/contract/system';
import type { Settings } from '../../core/settings';
import type { DutyDay, PersonRole } from '../../core/domain/duty/types';
import { addDays, dutyDayOf, zonedToUtc } from '../../core/time';
import type { SeedContext } from '../platform/seed';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The people of a street office's duty roster: leaders of the office, staff who keep the watch, drivers and a rescue contact. */
const PEOPLE: [string, PersonRole[], string, string][] = [
  ['陈国栋', ['leader'], '街道党工委', '13802561001'],
  ['林晓红', ['leader'], '街道办事处', '13802561002'],
  ['黄志明', ['leader'], '街道办事处', '13802561003'],
  ['周海燕', ['leader'], '应急管理办', '13802561004'],
  ['李明', ['officer'], '应急管理办', '13925170011'],
  ['王芳', ['officer'], '应急管理办', '13925170012'],
  ['张伟', ['officer'], '城市建设办', '13925170013'],
  ['刘洋', ['officer'], '城市建设办', '13925170014'],
  ['陈静', ['officer'], '综合治理办', '13925170015'],
  ['杨帆', ['officer'], '综合治理办', '13925170016'],
  ['赵磊', ['officer'], '党政办', '13925170017'],
  ['吴婷', ['officer'], '党政办', '13925170018'],
  ['孙浩', ['officer', 'backup'], '社区工作站', '13925170019'],
  ['郑丽', ['officer', 'backup'], '社区工作站', '13925170020'],
  ['何俊', ['officer', 'backup'], '执法队', '13925170021'],
  ['谢宁', ['officer', 'backup'], '执法队', '13925170022'],
  ['马骏', ['backup'], '物业管理办', '13925170023'],
  ['罗琳', ['backup'], '物业管理办', '13925170024'],
  ['邓师傅', ['driver'], '后勤保障', '13713880025'],
  ['梁队长', ['rescue'], '华富应急救援队', '13713880026'],
];

const CALLS: [string, string, string, string, string, string, 'open' | 'closed'][] = [
  ['phone', '区三防办', '值班员', '通知各街道加强值守，落实领导带班制度', '已传达至各社区工作站', '各社区', 'closed'],
  ['fax', '市气象台', '', '暴雨黄色预警信号传真件', '已转发街道领导及各社区', '陈国栋、各社区', 'closed'],
  ['phone', '莲花一村社区', '网格员小周', '莲花一村12栋地下车库入口积水约15厘米', '通知物业放置挡水板、准备沙袋', '城建办', 'closed'],
  ['message', '区应急管理局', '', '要求18时前报送人员转移准备情况', '已汇总上报', '区应急管理局', 'closed'],
  ['phone', '田面村', '居民王先生', '田面村东门老旧围墙有裂缝，担心倒塌', '已通知执法队现场查看并拉警戒线', '执法队', 'open'],
  ['walk_in', '', '李阿姨', '反映笋岗西路段排水口被落叶堵塞', '联系环卫清理', '环卫所', 'closed'],
  ['radio', '巡查组', '何俊', '福田河笋岗桥水位3.6米，低于警戒水位', '继续每小时报告一次', '', 'closed'],
  ['video', '区三防指挥部', '', '视频会商：部署强降雨防御工作', '街道领导参会，会后传达', '街道领导', 'closed'],
  ['phone', '黄木岗社区', '社区书记', '黄木岗边坡护栏松动，需加固', '已报城建办安排施工队', '城建办', 'open'],
  ['phone', '区三防办', '值班员', '核实辖区内低洼地带人员转移情况', '已回复：暂未转移，已做好准备', '', 'closed'],
  ['message', '市水务局', '', '福田河上游闸门开启预告', '通知沿河社区注意水位变化', '沿河社区', 'closed'],
  ['phone', '福田中学', '值班老师', '学校后门下穿通道积水，学生绕行', '通知交警设置绕行提示', '交警中队', 'open'],
];

/**
 * A street office in the middle of a rain event: a roster with one person on leave, this
 * month's rota with a swap, the log of the last days, a warning lifted and one in force,
 * a response level, an incident waiting for its first report, equipment checks with a fault
 * still open, and the last handovers. Everything through the contract, as a user would.
 */
export function seedDuty(ctx: SeedContext): void {
  const { nowMs } = ctx;
  const { general } = ctx.call<Settings>('settings.get', {});
  const today = dutyDayOf(nowMs, general.dutyDayStart, general.timeZone);
  const event = ctx.call<EventRecord[]>('events.list', { includeEnded: false })[0] ?? null;

  const people = PEOPLE.map(([name, roles, unit, phone]) => ctx.call<DutyPersonRecord>('duty.savePerson', { name, roles, unit, phone }));
  const byName = new Map(people.map((p) => [p.name, p]));
  ctx.call('duty.addLeave', { personId: byName.get('吴婷')!.id, from: addDays(today, -3), to: addDays(today, 4), reason: '年休假' });

  // This month, and the next one too when this one is nearly over, so the rota always runs ahead of today.
  const monthEnd = (date: string) => {
    const [y, m] = date.split('-').map(Number);
    return `${date.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  const from = `${today.slice(0, 7)}-01`;
  const to = monthEnd(addDays(today, 10));
  const proposal = ctx.call<RotaProposal>('duty.generateRota', { from, to });
  ctx.call('duty.saveRota', { days: proposal.days, source: 'generated', reason: '月度值班表', allowIncomplete: true });
  // A swap next week between two officers who are free on each other's day (after the leave above).
  const later = proposal.days.filter((d) => d.date > addDays(today, 5));
  const onDay = (d: DutyDay) => [d.leaderId, ...d.officerIds, d.backupId];
  const pair = later
    .flatMap((a, i) => later.slice(i + 2, i + 6).map((b) => [a, b] as const))
    .find(([a, b]) => a.officerIds[0] && b.officerIds[0] && !onDay(b).includes(a.officerIds[0]) && !onDay(a).includes(b.officerIds[0]));
  if (pair) {
    const [a, b] = pair;
    ctx.call('duty.swap', {
      first: { date: a.date, personId: a.officerIds[0] },
      second: { date: b.date, personId: b.officerIds[0] },
      reason: '家中老人住院，申请调班',
    });
  }

  const eventId = event?.id ?? null;
  const lifted = ctx.call<WarningRecord>('duty.issueWarning', {
    type: 'rainstorm', colour: 'yellow', issuedBy: '深圳市气象台', issuedAtMs: nowMs - 30 * HOUR, eventId,
    content: '预计未来6小时福田区降雨量将达50毫米以上',
  });
  ctx.call('duty.declareResponse', { level: 4, declaredBy: '福田区三防指挥部', declaredAtMs: nowMs - 29 * HOUR, content: '启动防暴雨Ⅳ级应急响应', eventId });
  ctx.call('duty.liftWarning', { id: lifted.id, liftedAtMs: nowMs - 20 * HOUR, liftedBy: '深圳市气象台', note: '降雨减弱' });
  ctx.call('duty.issueWarning', {
    type: 'geological', colour: 'blue', issuedBy: '福田区规划和自然资源局', issuedAtMs: nowMs - 6 * HOUR, eventId,
    content: '地质灾害气象风险预警，注意边坡及挡墙',
  });

  const entries = CALLS.map(([channel, fromUnit, fromName, content, actionTaken, forwardedTo, status], i) =>
    ctx.call<LogEntry>('duty.logEntry', {
      receivedAtMs: nowMs - (60 - i * 4.5) * HOUR,
      channel, fromUnit, fromName, content, actionTaken, forwardedTo, status, eventId,
      recordedBy: people[4 + (i % 8)].name,
    }),
  );
  ctx.call('duty.logEntry', {
    receivedAtMs: entries[4].receivedAtMs + 2 * HOUR, channel: 'phone', fromUnit: '执法队', fromName: '何俊',
    content: '田面村围墙已拉警戒线，明早安排加固', followUpOf: entries[4].entryId, recordedBy: '李明', eventId,
  });
  ctx.call('duty.correctLog', { entryId: entries[2].entryId, version: 1, patch: { content: '莲花一村12栋地下车库入口积水约20厘米' }, reason: '来电人更正积水深度' });

  ctx.call<IncidentView>('duty.openIncident', {
    title: '田面村东门围墙局部倒塌', location: '田面村东门', summary: '围墙约5米倒塌，无人员伤亡，已设警戒', receivedAtMs: nowMs - 20 * MIN, eventId,
  });
  const closed = ctx.call<IncidentView>('duty.openIncident', {
    title: '笋岗西路树木倒伏', location: '笋岗西路与华富路交叉口', summary: '一棵榕树倒伏，压住一辆停放车辆', receivedAtMs: nowMs - 26 * HOUR, eventId,
  });
  const report = (stage: string, mode: string, at: number) =>
    ctx.call('duty.addReport', { incidentId: closed.id, stage, mode, atMs: at, reportedTo: '福田区应急管理局', reportedBy: '王芳' });
  report('initial', 'verbal', nowMs - 25.7 * HOUR);
  report('followup', 'written', nowMs - 25.2 * HOUR);
  report('final', 'written', nowMs - 22 * HOUR);

  for (let back = 3; back >= 1; back--) {
    const day = addDays(today, -back);
    const atMs = zonedToUtc(day, '08:30', general.timeZone);
    const fax = back === 3 ? { status: 'ok' } : { status: 'fault', note: back === 2 ? '传真机卡纸，已报修' : '仍在等待维修' };
    ctx.call('duty.recordCheck', {
      atMs, checkedBy: people[4 + back].name,
      items: [
        { key: 'phone', status: 'ok' }, { key: 'fax', ...fax }, { key: 'video_conference', status: 'ok' },
        { key: 'radio_satellite_phone', status: 'ok' }, { key: 'backup_power', status: 'ok' }, { key: 'flashlights', status: 'ok' },
        { key: 'rain_gear', status: back === 1 ? 'not_checked' : 'ok' },
      ],
    });
  }

  for (const back of [2, 1]) {
    const day = addDays(today, -back);
    const view = ctx.call<HandoverView>('duty.handover', { outgoingDay: day });
    // The first after the leader: an officer of each team signs, as the four-eyes rule wants two real people.
    const [signer, acker] = [view.outgoingTeam[1], view.incomingTeam[1]];
    if (!signer || !acker) continue;
    const record = ctx.call<HandoverRecord>('duty.signHandover', { outgoingDay: day, text: view.draft.text.zh, signedBy: signer });
    ctx.call('duty.acknowledgeHandover', { id: record.id, acknowledgedBy: acker });
    if (back === 2 && view.leaderName) ctx.call('duty.leaderSignOff', { id: record.id, leaderName: view.leaderName });
  }
}

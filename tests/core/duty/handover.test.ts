import { describe, expect, it } from 'vitest';
import { draftHandover, isHandoverDue, type HandoverInput } from '../../../core/domain/duty/handover';
import { zonedToUtc } from '../../../core/time';

const TZ = 'Asia/Shanghai';

const input: HandoverInput = {
  outgoingDay: '2024-07-04',
  incomingDay: '2024-07-05',
  outgoingTeam: ['张伟', '李娜'],
  openItems: [
    { id: 'log-2', receivedAtMs: zonedToUtc('2024-07-05', '02:10'), summary: '文昌路下穿通道积水 30 厘米，已通知市政' },
    { id: 'log-1', receivedAtMs: zonedToUtc('2024-07-04', '21:15'), summary: '幸福小区树木倒伏，待园林处理' },
  ],
  activeWarnings: [
    { id: 'w-blue', type: 'geological', colour: 'blue', issuedBy: '区自然资源局', issuedAtMs: zonedToUtc('2024-07-04', '10:00'), liftedAtMs: null },
    { id: 'w-red', type: 'rainstorm', colour: 'red', issuedBy: '市气象台', issuedAtMs: zonedToUtc('2024-07-04', '18:00'), liftedAtMs: null },
  ],
  stillEvacuated: {
    people: 126,
    households: 45,
    byShelter: [
      { shelterName: '文昌路小学', people: 60 },
      { shelterName: '锦江宾馆', people: 20 },
      { shelterName: '社区活动中心', people: 0 },
    ],
  },
  overdueRectifications: [{ id: 'r-1', pointName: '阳光花园地下车库', summary: '挡水板未安装', deadline: '2024-07-01' }],
  openFaults: [{ key: 'fax', sinceMs: zonedToUtc('2024-07-03', '08:30'), firstCheckId: 'c1', lastSeenAtMs: zonedToUtc('2024-07-04', '08:30'), note: '卡纸' }],
};

describe('draftHandover', () => {
  const draft = draftHandover(input);

  it('builds the five sections with their counts', () => {
    expect(draft.sections.map((s) => [s.key, s.count, s.items.length])).toEqual([
      ['open_items', 2, 2],
      ['warnings', 2, 2],
      // 126 people: 60 + 20 in shelters, the empty shelter left out, 46 with relatives.
      ['evacuated', 126, 3],
      ['rectifications', 1, 1],
      ['equipment', 1, 1],
    ]);
  });

  it('orders open items by time received and warnings by severity, linking back to records', () => {
    expect(draft.sections[0].items.map((i) => i.ref)).toEqual(['log-1', 'log-2']);
    expect(draft.sections[1].items.map((i) => i.ref)).toEqual(['w-red', 'w-blue']);
  });

  it('writes a Chinese text with counts, local times and the dispersed remainder', () => {
    const zh = draft.text.zh;
    expect(zh).toContain('交班值班日：2024-07-04　接班值班日：2024-07-05');
    expect(zh).toContain('交班人：张伟、李娜');
    expect(zh).toContain('一、未办结事项（2 项）');
    expect(zh).toContain('1. 07-04 21:15 幸福小区树木倒伏，待园林处理');
    expect(zh).toContain('暴雨红色预警（市气象台，07-04 18:00 发布）');
    expect(zh).toContain('三、仍在转移安置人员：共 126 人（45 户）');
    expect(zh).toContain('文昌路小学 60 人');
    expect(zh).toContain('分散安置（投亲靠友）46 人');
    expect(zh).not.toContain('社区活动中心');
    expect(zh).toContain('阳光花园地下车库：挡水板未安装（整改期限 2024-07-01）');
    expect(zh).toContain('传真机：卡纸（自 07-03 08:30 起）');
  });

  it('writes the English text with the same facts', () => {
    const en = draft.text.en;
    expect(en).toContain('1. Open items (2)');
    expect(en).toContain('Rainstorm red warning (市气象台, issued 07-04 18:00)');
    expect(en).toContain('3. People still evacuated: 126 people (45 households)');
    expect(en).toContain('Dispersed (with relatives or friends): 46');
    expect(en).toContain('Fax machine: 卡纸 (since 07-03 08:30)');
  });

  it('says "none" for empty sections rather than leaving them out', () => {
    const empty = draftHandover({
      ...input,
      openItems: [],
      activeWarnings: [],
      stillEvacuated: { people: 0, byShelter: [] },
      overdueRectifications: [],
      openFaults: [],
    });
    expect(empty.sections.every((s) => s.items.length === 0)).toBe(true);
    expect(empty.text.zh).toContain('三、仍在转移安置人员：共 0 人\n无');
    expect(empty.text.zh.match(/\n无/g)).toHaveLength(5);
    expect(empty.text.en.match(/\n {2}None/g)).toHaveLength(5);
  });

  it('shows times in the office zone it is given', () => {
    const utc = draftHandover({ ...input, timeZone: 'UTC' });
    expect(utc.text.en).toContain('07-04 13:15 幸福小区树木倒伏');
  });
});

describe('isHandoverDue', () => {
  it('is not due at 03:00, which still belongs to the duty day being worked', () => {
    const threeAm = zonedToUtc('2024-07-05', '03:00');
    expect(isHandoverDue(threeAm, '08:00', TZ, '2024-07-03')).toBe(false);
  });

  it('becomes due at the boundary until the outgoing day has been handed over', () => {
    expect(isHandoverDue(zonedToUtc('2024-07-05', '07:59'), '08:00', TZ, '2024-07-03')).toBe(false);
    expect(isHandoverDue(zonedToUtc('2024-07-05', '08:00'), '08:00', TZ, '2024-07-03')).toBe(true);
    expect(isHandoverDue(zonedToUtc('2024-07-05', '08:05'), '08:00', TZ, '2024-07-04')).toBe(false);
  });

  it('can open early for offices that write the handover before the boundary', () => {
    expect(isHandoverDue(zonedToUtc('2024-07-05', '07:40'), '08:00', TZ, '2024-07-03', 30)).toBe(true);
    expect(isHandoverDue(zonedToUtc('2024-07-05', '07:20'), '08:00', TZ, '2024-07-03', 30)).toBe(false);
  });

  it('follows a 09:00 boundary, and is due when there has never been a handover', () => {
    expect(isHandoverDue(zonedToUtc('2024-07-05', '08:30'), '09:00', TZ, '2024-07-03')).toBe(false);
    expect(isHandoverDue(zonedToUtc('2024-07-05', '09:00'), '09:00', TZ, '2024-07-03')).toBe(true);
    expect(isHandoverDue(zonedToUtc('2024-07-05', '03:00'), '08:00', TZ, null)).toBe(true);
  });
});

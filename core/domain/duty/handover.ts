import { DEFAULT_TIME_ZONE, addDays, dutyDayOf, formatLocal, type LocalDate, type LocalTime } from '../../time';
import { DEFAULT_EQUIPMENT_CHECKLIST, equipmentLabel, type EquipmentItem, type OpenFault } from './equipment';
import type { Label } from './types';
import { WARNING_COLOUR_LABELS, WARNING_TYPE_LABELS, colourRank, type Warning } from './warnings';

/**
 * Handover (交接班): what the outgoing shift must pass on so nothing is dropped at 08:00.
 * The draft is built from records and then edited by the officer; the text is a
 * document, which is why it is written here in both languages rather than through
 * the UI translation table.
 */

export interface OpenLogItem {
  id: string;
  receivedAtMs: number;
  summary: string;
}

export interface ShelterHeadcount {
  shelterName: string;
  people: number;
}

export interface EvacuationSnapshot {
  /** Everyone not yet home, in shelters or staying with relatives (投亲靠友). */
  people: number;
  households?: number;
  byShelter: ShelterHeadcount[];
}

export interface OverdueRectification {
  id: string;
  pointName: string;
  summary: string;
  deadline: LocalDate;
}

export interface HandoverInput {
  outgoingDay: LocalDate;
  incomingDay: LocalDate;
  /** Names as printed on the form; the signature line stays blank for the incoming officer. */
  outgoingTeam?: string[];
  incomingTeam?: string[];
  openItems: OpenLogItem[];
  activeWarnings: Warning[];
  stillEvacuated: EvacuationSnapshot;
  overdueRectifications: OverdueRectification[];
  openFaults: OpenFault[];
  checklist?: readonly EquipmentItem[];
  timeZone?: string;
}

export type HandoverSectionKey = 'open_items' | 'warnings' | 'evacuated' | 'rectifications' | 'equipment';

export interface HandoverItem {
  /** Id of the record the line came from, so the UI can link back to it. */
  ref?: string;
  text: Label;
}

export interface HandoverSection {
  key: HandoverSectionKey;
  title: Label;
  /** Items for most sections; people for `evacuated`, where the headcount is what matters. */
  count: number;
  items: HandoverItem[];
}

export interface HandoverDraft {
  outgoingDay: LocalDate;
  incomingDay: LocalDate;
  sections: HandoverSection[];
  text: Label;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五'];

export function draftHandover(input: HandoverInput): HandoverDraft {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const when = (ms: number) => formatLocal(ms, 'MM-dd HH:mm', tz);
  const checklist = input.checklist ?? DEFAULT_EQUIPMENT_CHECKLIST;

  const openItems = [...input.openItems].sort((a, b) => a.receivedAtMs - b.receivedAtMs);
  const warnings = [...input.activeWarnings].sort((a, b) => colourRank(b.colour) - colourRank(a.colour) || a.issuedAtMs - b.issuedAtMs);
  const rectifications = [...input.overdueRectifications].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));

  const sections: HandoverSection[] = [
    section('open_items', { zh: '未办结事项', en: 'Open items' }, openItems.length, openItems.map((item) => ({
      ref: item.id,
      text: both(`${when(item.receivedAtMs)} ${item.summary}`),
    }))),
    section('warnings', { zh: '生效中的预警', en: 'Active warnings' }, warnings.length, warnings.map((w) => ({
      ref: w.id,
      text: {
        zh: `${WARNING_TYPE_LABELS[w.type].zh}${WARNING_COLOUR_LABELS[w.colour].zh}预警（${w.issuedBy}，${when(w.issuedAtMs)} 发布）`,
        en: `${WARNING_TYPE_LABELS[w.type].en} ${WARNING_COLOUR_LABELS[w.colour].en} warning (${w.issuedBy}, issued ${when(w.issuedAtMs)})`,
      },
    }))),
    evacuationSection(input.stillEvacuated),
    section('rectifications', { zh: '逾期未整改隐患', en: 'Overdue rectifications' }, rectifications.length, rectifications.map((r) => ({
      ref: r.id,
      text: {
        zh: `${r.pointName}：${r.summary}（整改期限 ${r.deadline}）`,
        en: `${r.pointName}: ${r.summary} (deadline ${r.deadline})`,
      },
    }))),
    section('equipment', { zh: '设备故障', en: 'Open equipment faults' }, input.openFaults.length, input.openFaults.map((f) => {
      const label = equipmentLabel(f.key, checklist);
      return {
        ref: f.key,
        text: {
          zh: `${label.zh}${f.note ? `：${f.note}` : ''}（自 ${when(f.sinceMs)} 起）`,
          en: `${label.en}${f.note ? `: ${f.note}` : ''} (since ${when(f.sinceMs)})`,
        },
      };
    })),
  ];

  return {
    outgoingDay: input.outgoingDay,
    incomingDay: input.incomingDay,
    sections,
    text: { zh: renderZh(input, sections), en: renderEn(input, sections) },
  };
}

/**
 * True once the outgoing duty day has ended (less `leadMinutes`, for offices that write
 * the handover before 08:00) and it has not been handed over. `lastHandedOverDay` is the
 * outgoing day of the latest handover, null if there has never been one.
 */
export function isHandoverDue(
  nowMs: number,
  boundary: LocalTime,
  timeZone: string,
  lastHandedOverDay: LocalDate | null,
  leadMinutes = 0,
): boolean {
  const dayToHandOver = addDays(dutyDayOf(nowMs + leadMinutes * 60_000, boundary, timeZone), -1);
  return lastHandedOverDay === null || lastHandedOverDay < dayToHandOver;
}

function evacuationSection(snapshot: EvacuationSnapshot): HandoverSection {
  const items: HandoverItem[] = snapshot.byShelter
    .filter((s) => s.people > 0)
    .map((s) => ({ text: { zh: `${s.shelterName} ${s.people} 人`, en: `${s.shelterName}: ${s.people}` } }));
  // The shelters' lists do not include people staying with relatives; the difference is
  // shown so the per-shelter lines add up to the total the leader will quote.
  const dispersed = snapshot.people - snapshot.byShelter.reduce((sum, s) => sum + s.people, 0);
  if (dispersed > 0) {
    items.push({ text: { zh: `分散安置（投亲靠友）${dispersed} 人`, en: `Dispersed (with relatives or friends): ${dispersed}` } });
  }
  return section('evacuated', { zh: '仍在转移安置人员', en: 'People still evacuated' }, snapshot.people, items);
}

function renderZh(input: HandoverInput, sections: HandoverSection[]): string {
  const lines = ['交接班记录', `交班值班日：${input.outgoingDay}　接班值班日：${input.incomingDay}`];
  if (input.outgoingTeam?.length) lines.push(`交班人：${input.outgoingTeam.join('、')}`);
  if (input.incomingTeam?.length) lines.push(`接班人：${input.incomingTeam.join('、')}`);
  sections.forEach((s, i) => {
    const households = s.key === 'evacuated' && input.stillEvacuated.households ? `（${input.stillEvacuated.households} 户）` : '';
    const heading = s.key === 'evacuated' ? `共 ${s.count} 人${households}` : `（${s.count} 项）`;
    lines.push('', `${ZH_NUMERALS[i]}、${s.title.zh}${s.key === 'evacuated' ? '：' : ''}${heading}`);
    lines.push(...(s.items.length ? s.items.map((item, n) => `${n + 1}. ${item.text.zh}`) : ['无']));
  });
  lines.push('', '交班人签字：____________　接班人签字：____________');
  return lines.join('\n');
}

function renderEn(input: HandoverInput, sections: HandoverSection[]): string {
  const lines = ['Shift handover', `Outgoing duty day: ${input.outgoingDay}  Incoming duty day: ${input.incomingDay}`];
  if (input.outgoingTeam?.length) lines.push(`Handed over by: ${input.outgoingTeam.join(', ')}`);
  if (input.incomingTeam?.length) lines.push(`Taken over by: ${input.incomingTeam.join(', ')}`);
  sections.forEach((s, i) => {
    const households = s.key === 'evacuated' && input.stillEvacuated.households ? ` (${input.stillEvacuated.households} households)` : '';
    const heading = s.key === 'evacuated' ? `: ${s.count} people${households}` : ` (${s.count})`;
    lines.push('', `${i + 1}. ${s.title.en}${heading}`);
    lines.push(...(s.items.length ? s.items.map((item, n) => `  ${n + 1}. ${item.text.en}`) : ['  None']));
  });
  lines.push('', 'Outgoing signature: ____________  Incoming signature: ____________');
  return lines.join('\n');
}

function section(key: HandoverSectionKey, title: Label, count: number, items: HandoverItem[]): HandoverSection {
  return { key, title, count, items };
}

/** Text the officer typed is kept as written in both renderings. */
function both(text: string): Label {
  return { zh: text, en: text };
}

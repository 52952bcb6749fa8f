import { formatLocal } from '../../time';
import type { StatRowId } from './statReport';

/** A row's figure as a version states it; null is "to be entered", never a zero. */
export type StatValues = Partial<Record<StatRowId, number | null>>;

type Lang = 'zh' | 'en';

const num = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

function houses(values: StatValues, lang: Lang): string[] {
  const kinds: [StatRowId, StatRowId, string, string][] = [
    ['collapsed_households', 'collapsed_rooms', '倒塌房屋', 'houses collapsed'],
    ['severe_households', 'severe_rooms', '严重损坏房屋', 'houses severely damaged'],
    ['slight_households', 'slight_rooms', '一般损坏房屋', 'houses slightly damaged'],
  ];
  return kinds.flatMap(([h, r, zh, en]) => {
    const households = values[h] ?? 0;
    const rooms = values[r] ?? 0;
    if (!households && !rooms) return [];
    return [lang === 'zh' ? `${zh}${households}户${rooms}间` : `${en}: ${households} households, ${rooms} rooms`];
  });
}

/**
 * The damage in one paragraph, from the figures of one version (or the draft): the statistics
 * quick report's description and the post-storm summary both quote it, so the two never disagree.
 * 紧急转移安置 and 转移避险 are named as what they are. Hand-entered rows still empty are said to
 * be outstanding rather than quoted as 0.
 */
export function statSentence(values: StatValues, lang: Lang): string {
  const parts: string[] = [];
  const dead = values.dead ?? 0;
  const missing = values.missing ?? 0;
  const affected = num(values.affected_people);
  const aid = num(values.needing_aid);
  if (lang === 'zh') {
    if (affected !== null) parts.push(`受灾人口${affected}人`);
    parts.push(dead || missing ? `因灾死亡${dead}人、失踪${missing}人` : '无人员因灾死亡或失踪');
    parts.push(`紧急转移安置${values.relocated ?? 0}人（防汛口径转移避险${values.moved_precaution ?? 0}人）`);
    if (aid !== null) parts.push(`需紧急生活救助${aid}人`);
    parts.push(...houses(values, lang));
    if (values.crops_affected_ha) parts.push(`农作物受灾面积${values.crops_affected_ha}公顷，其中绝收${values.crops_lost_ha ?? 0}公顷`);
    parts.push(`直接经济损失${values.direct_loss_wan ?? 0}万元`);
    const pending = [affected === null ? '受灾人口' : '', aid === null ? '需紧急生活救助人口' : ''].filter(Boolean);
    if (pending.length) parts.push(`${pending.join('、')}待统计填报`);
    return `${parts.join('；')}。`;
  }
  if (affected !== null) parts.push(`${affected} people affected`);
  parts.push(dead || missing ? `${dead} dead and ${missing} missing` : 'no one dead or missing');
  parts.push(`${values.relocated ?? 0} relocated and resettled (flood-control count of people moved out of danger: ${values.moved_precaution ?? 0})`);
  if (aid !== null) parts.push(`${aid} needing emergency living aid`);
  parts.push(...houses(values, lang));
  if (values.crops_affected_ha) parts.push(`crops affected on ${values.crops_affected_ha} ha, ${values.crops_lost_ha ?? 0} ha lost`);
  parts.push(`direct economic loss ${values.direct_loss_wan ?? 0} (10k yuan)`);
  const pending = [affected === null ? 'people affected' : '', aid === null ? 'people needing emergency living aid' : ''].filter(Boolean);
  if (pending.length) parts.push(`${pending.join(' and ')} still to be entered`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface StatDescriptionFacts {
  eventName: string;
  eventStartMs: number;
  asOfMs: number;
  records: number;
  shelters: string[];
  values: StatValues;
  timeZone: string;
}

/**
 * The report's text as drafted from the records, in the order the statistics system asks for:
 * background, course, damage, what was done, needs. The needs are the desk's to write.
 */
export function statDescription(f: StatDescriptionFacts, lang: Lang): string {
  const at = (ms: number) => formatLocal(ms, lang === 'zh' ? 'yyyy年M月d日HH:mm' : 'yyyy-MM-dd HH:mm', f.timeZone);
  const relocated = f.values.relocated ?? 0;
  const moved = f.values.moved_precaution ?? 0;
  if (lang === 'zh') {
    const shelters = f.shelters.length ? `，启用${f.shelters.join('、')}等${f.shelters.length}处安置点` : '';
    return [
      `一、灾害基本情况：${f.eventName}自${at(f.eventStartMs)}起影响我辖区。`,
      `二、灾害过程：截至${at(f.asOfMs)}，共登记灾情${f.records}宗。`,
      `三、灾害损失：${statSentence(f.values, 'zh')}`,
      `四、应对措施：共转移避险${moved}人，其中紧急转移安置${relocated}人${shelters}。`,
      '五、需求：（待填写）',
    ].join('\n');
  }
  const shelters = f.shelters.length ? `; ${f.shelters.length} shelter(s) opened: ${f.shelters.join(', ')}` : '';
  return [
    `1. Background: ${f.eventName} has affected the area since ${at(f.eventStartMs)}.`,
    `2. Course: by ${at(f.asOfMs)}, ${f.records} damage record(s) were registered.`,
    `3. Damage: ${statSentence(f.values, 'en')}`,
    `4. Response: ${moved} people moved out of danger, of whom ${relocated} relocated and resettled${shelters}.`,
    '5. Needs: (to be written)',
  ].join('\n');
}


/** The description of a statistics draft as the desk has it: the draft's context with the figures as edited. */
export function draftDescription(
  draft: { asOfMs: number; records: number; context: { eventName: { zh: string; en: string }; eventStartMs: number; shelters: string[]; timeZone: string } },
  values: StatValues,
  lang: Lang,
): string {
  const { eventName, ...context } = draft.context;
  return statDescription({ ...context, eventName: eventName[lang], asOfMs: draft.asOfMs, records: draft.records, values }, lang);
}

import { DEFAULT_TIME_ZONE, formatLocal } from '../../time';
import type { Shelter, ShelterType } from './model';
import type { EvacTotals } from './totals';

/**
 * The leader's line, drafted from the totals, e.g.
 * 共转移 126 人（其中老幼病残孕 31 人），就近宾馆安置 46 人，文昌路小学安置 80 人；目前已返回 110 人，仍在安置点 16 人。
 * Clauses with zero people are left out.
 */

export type SummaryTotals = Pick<
  EvacTotals,
  'atMs' | 'movedPeople' | 'movedHouseholds' | 'vulnerablePeople' | 'byStatus' | 'byDestination' | 'currentByShelter'
>;

export interface SummaryOptions {
  /** Shelters in the order they should be named; unknown ids follow, sorted. */
  shelters?: readonly Pick<Shelter, 'id' | 'name' | 'nameEn' | 'type'>[];
  /** Say "共转移 40 户 126 人" instead of "共转移 126 人". */
  households?: boolean;
  /** Start with "截至 9月3日 18:00，" (the instant of the totals). */
  asOf?: boolean;
  timeZone?: string;
}

export interface EvacSummary {
  zh: string;
  en: string;
}

const TYPE_ZH: Record<ShelterType, string> = { school: '学校', community_centre: '社区活动中心', hotel: '宾馆', gym: '体育馆', other: '安置点' };
const TYPE_EN: Record<ShelterType, string> = { school: 'school', community_centre: 'community centre', hotel: 'hotel', gym: 'gym', other: 'shelter' };

type ShelterInfo = Pick<Shelter, 'id' | 'name' | 'nameEn' | 'type'>;

function shelterNames(id: string, info: ShelterInfo | undefined): { zh: string; en: string } {
  const zh = info?.name?.trim() || (info?.type ? TYPE_ZH[info.type] : `安置点 ${id}`);
  const en = info?.nameEn?.trim() || info?.name?.trim() || (info?.type ? TYPE_EN[info.type] : `shelter ${id}`);
  return { zh, en };
}

/** Shelter ids with a count, in the caller's order first, then any others sorted. */
function orderedShelters(counts: Readonly<Record<string, number>>, shelters: readonly ShelterInfo[]): { id: string; n: number; info?: ShelterInfo }[] {
  const listed = shelters.filter((s) => (counts[s.id] ?? 0) > 0).map((s) => ({ id: s.id, n: counts[s.id], info: s }));
  const known = new Set(shelters.map((s) => s.id));
  const others = Object.keys(counts)
    .filter((id) => !known.has(id) && counts[id] > 0)
    .sort()
    .map((id) => ({ id, n: counts[id] }));
  return [...listed, ...others];
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
const have = (n: number) => (n === 1 ? 'has' : 'have');
const are = (n: number) => (n === 1 ? 'is' : 'are');

export function evacSummary(totals: SummaryTotals, options: SummaryOptions = {}): EvacSummary {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const shelters = options.shelters ?? [];
  const prefixZh = options.asOf ? `截至 ${formatLocal(totals.atMs, 'M月d日 HH:mm', tz)}，` : '';
  const prefixEn = options.asOf ? `As of ${formatLocal(totals.atMs, 'yyyy-MM-dd HH:mm', tz)}, ` : '';
  const n = totals.movedPeople;
  if (n === 0) {
    return { zh: `${prefixZh}未转移人员。`, en: `${prefixEn}${options.asOf ? 'no one has' : 'No one has'} been evacuated.` };
  }

  const hh = options.households && totals.movedHouseholds > 0 ? totals.movedHouseholds : null;
  const v = totals.vulnerablePeople;
  let headZh = `共转移 ${hh !== null ? `${hh} 户 ` : ''}${n} 人`;
  let headEn = `${people(n)}${hh !== null ? ` from ${hh} household${hh === 1 ? '' : 's'}` : ''} ${n === 1 ? 'was' : 'were'} evacuated`;
  if (v > 0) {
    headZh += `（其中老幼病残孕 ${v} 人）`;
    headEn += ` (${v} of them elderly, children, sick, disabled or pregnant)`;
  }

  const d = totals.byDestination;
  const placedZh: string[] = [];
  const placedEn: string[] = [];
  for (const { id, n: count, info } of orderedShelters(d.shelters, shelters)) {
    const name = shelterNames(id, info);
    placedZh.push(`${name.zh}安置 ${count} 人`);
    placedEn.push(`${count} sheltered at ${name.en}`);
  }
  if (d.dispersed > 0) {
    placedZh.push(`投亲靠友 ${d.dispersed} 人`);
    placedEn.push(`${d.dispersed} stayed with relatives or friends`);
  }
  if (d.elsewhere > 0) {
    placedZh.push(`自行转移他处 ${d.elsewhere} 人`);
    placedEn.push(`${d.elsewhere} went elsewhere`);
  }
  if (d.unplaced > 0) {
    placedZh.push(`未登记安置去向 ${d.unplaced} 人`);
    placedEn.push(`${d.unplaced} with no placement recorded`);
  }

  const s = totals.byStatus;
  let nowZh: string;
  let nowEn: string;
  if (s.returned === n) {
    nowZh = '目前已全部返回';
    nowEn = n === 1 ? 'they have now returned home' : 'all have now returned home';
  } else {
    const zh: string[] = [];
    const en: string[] = [];
    if (s.returned > 0) {
      zh.push(`已返回 ${s.returned} 人`);
      en.push(`${s.returned} ${have(s.returned)} returned home`);
    }
    if (s.in_shelter > 0) {
      const occupied = orderedShelters(totals.currentByShelter, shelters);
      // Naming each shelter only helps when there is more than one.
      const detailZh = occupied.length > 1 ? `（${occupied.map((o) => `${shelterNames(o.id, o.info).zh} ${o.n} 人`).join('，')}）` : '';
      const detailEn = occupied.length > 1 ? ` (${occupied.map((o) => `${o.n} at ${shelterNames(o.id, o.info).en}`).join(', ')})` : '';
      zh.push(`仍在安置点 ${s.in_shelter} 人${detailZh}`);
      en.push(`${s.in_shelter} ${are(s.in_shelter)} still in shelters${detailEn}`);
    }
    if (s.dispersed > 0) {
      zh.push(`仍投亲靠友 ${s.dispersed} 人`);
      en.push(`${s.dispersed} ${are(s.dispersed)} still with relatives or friends`);
    }
    if (s.elsewhere > 0) {
      zh.push(`在他处 ${s.elsewhere} 人`);
      en.push(`${s.elsewhere} ${are(s.elsewhere)} elsewhere`);
    }
    if (s.moved > 0) {
      zh.push(`已转出待安置 ${s.moved} 人`);
      en.push(`${s.moved} ${are(s.moved)} moved out and awaiting placement`);
    }
    if (s.unknown > 0) {
      zh.push(`去向不明 ${s.unknown} 人`);
      en.push(`${s.unknown} ${are(s.unknown)} unaccounted for`);
    }
    nowZh = `目前${zh.join('，')}`;
    nowEn = `now ${joinEn(en)}`;
  }

  const zh = `${prefixZh}${[headZh, ...placedZh].join('，')}；${nowZh}。`;
  const en = `${prefixEn}${headEn}${placedEn.length ? `: ${placedEn.join(', ')}` : ''}; ${nowEn}.`;
  return { zh, en };
}

function joinEn(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

import type { LocalDate } from '../../time';
import { departureFromNormal } from './sums';

/**
 * The season or event sentence leaders put at the top of a summary, in Chinese and
 * English, built only from the figures given: a part whose figure is absent (undefined
 * or null) is left out rather than printed as 0 or "NaN".
 *
 *   梅雨期 23 天，雨日 12 天，降水量 194.1 毫米，比常年同期偏多 6%；最大降雨日 7 月 6 日，
 *   最大降雨站点长阳站；最高水位 8.72 米，超警戒 4 天。
 */
export interface SummaryFigures {
  /** name of the period, e.g. { zh: '梅雨期', en: 'Plum-rain season' } */
  periodName?: { zh: string; en: string } | null;
  /** length of the period in days */
  days?: number | null;
  rainDays?: number | null;
  totalMm?: number | null;
  /** the total has gaps behind it: printed as "at least", and no departure is claimed */
  totalIsLowerBound?: boolean;
  /** normal for the same period; the departure is computed from totalMm */
  normalMm?: number | null;
  wettestDay?: LocalDate | null;
  wettestStation?: { zh: string; en?: string } | null;
  peakLevelM?: number | null;
  daysAboveWarning?: number | null;
  /**
   * The period's last day has not ended: the figures run to this local day and time. Said in
   * the sentence, so a report does not pass a day still raining off as complete, and no
   * departure from a whole period's normal is claimed.
   */
  lastDayUntil?: { day: LocalDate; time: string } | null;
}

export interface SummarySentence {
  zh: string;
  en: string;
}

const has = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined && (typeof x !== 'number' || Number.isFinite(x));

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayZh(day: LocalDate): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m} 月 ${d} 日`;
}

function dayEn(day: LocalDate): string {
  const [, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS_EN[m - 1]}`;
}

function stationZh(name: string): string {
  return /站$/.test(name) ? name : `${name}站`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function rainSummarySentence(f: SummaryFigures): SummarySentence {
  const zhGroups: string[][] = [[], [], []];
  const enGroups: string[][] = [[], [], []];
  const [zhRain, zhMax, zhWater] = zhGroups;
  const [enRain, enMax, enWater] = enGroups;

  if (has(f.days)) {
    zhRain.push(f.periodName ? `${f.periodName.zh} ${f.days} 天` : `共 ${f.days} 天`);
    enRain.push(f.periodName ? `${f.periodName.en}: ${plural(f.days, 'day', 'days')}` : plural(f.days, 'day', 'days'));
  } else if (f.periodName) {
    zhRain.push(f.periodName.zh);
    enRain.push(f.periodName.en);
  }
  if (has(f.rainDays)) {
    zhRain.push(`雨日 ${f.rainDays} 天`);
    enRain.push(plural(f.rainDays, 'rain day', 'rain days'));
  }
  if (has(f.totalMm)) {
    const mm = f.totalMm.toFixed(1);
    zhRain.push(f.totalIsLowerBound ? `降水量不少于 ${mm} 毫米（部分数据缺测）` : `降水量 ${mm} 毫米`);
    enRain.push(f.totalIsLowerBound ? `at least ${mm} mm of rain (some data missing)` : `${mm} mm of rain`);
    const dep = f.totalIsLowerBound || f.lastDayUntil ? null : departureFromNormal(f.totalMm, f.normalMm);
    if (dep) {
      const pct = Math.abs(Math.round(dep.percent));
      if (dep.direction === 'equal') {
        zhRain.push('与常年同期持平');
        enRain.push('about normal for the period');
      } else {
        zhRain.push(`比常年同期${dep.direction === 'above' ? '偏多' : '偏少'} ${pct}%`);
        enRain.push(`${pct}% ${dep.direction === 'above' ? 'above' : 'below'} normal`);
      }
    }
  }
  if (has(f.wettestDay)) {
    zhMax.push(`最大降雨日 ${dayZh(f.wettestDay)}`);
    enMax.push(`wettest day ${dayEn(f.wettestDay)}`);
  }
  if (has(f.wettestStation) && f.wettestStation.zh.trim() !== '') {
    zhMax.push(`最大降雨站点${stationZh(f.wettestStation.zh.trim())}`);
    enMax.push(`wettest station ${f.wettestStation.en?.trim() || f.wettestStation.zh.trim()}`);
  }
  if (has(f.peakLevelM)) {
    zhWater.push(`最高水位 ${f.peakLevelM.toFixed(2)} 米`);
    enWater.push(`peak water level ${f.peakLevelM.toFixed(2)} m`);
  }
  if (has(f.daysAboveWarning)) {
    zhWater.push(f.daysAboveWarning > 0 ? `超警戒 ${f.daysAboveWarning} 天` : '未超警戒');
    enWater.push(f.daysAboveWarning > 0 ? `above warning level on ${plural(f.daysAboveWarning, 'day', 'days')}` : 'never above warning level');
  }

  if (f.lastDayUntil) {
    zhGroups.push([`截至 ${dayZh(f.lastDayUntil.day)} ${f.lastDayUntil.time}，当日降雨尚未结束`]);
    enGroups.push([`the last day is incomplete (to ${f.lastDayUntil.time} on ${dayEn(f.lastDayUntil.day)})`]);
  }

  const zh = zhGroups.filter((g) => g.length > 0).map((g) => g.join('，')).join('；');
  const en = enGroups.filter((g) => g.length > 0).map((g) => g.join(', ')).join('; ');
  return { zh: zh ? `${zh}。` : '', en: en ? `${en.charAt(0).toUpperCase()}${en.slice(1)}.` : '' };
}

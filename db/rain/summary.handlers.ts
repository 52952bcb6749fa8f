import type { RainSummary, StationPeriodTotal, WaterPeriodFacts } from '../../core/contract/rain';
import { areaDailyTotals, countAreaRainDays, countRainDays, dailyTotals, daysWindow, FLOOD_DAY_RULE, MET_DAY_RULE, wettestDay, type DayRule } from '../../core/domain/rain/days';
import { windowSum } from '../../core/domain/rain/series';
import { rainSummarySentence } from '../../core/domain/rain/summary';
import { areaAverage, departureFromNormal, wettestStation } from '../../core/domain/rain/sums';
import { daysAboveLevel, peakLevel } from '../../core/domain/rain/water';
import { daysBetween, localParts } from '../../core/time';
import { ValidationError } from '../../core/errors';
import type { HandlerContext } from '../platform/context';
import { rainReadingsRepo, rainStationsRepo } from './rain.repo';
import { rainSignalsRepo } from './signals.repo';
import { loadSeries } from './compute';

export interface SummaryQuery {
  fromDay: string;
  toDay: string;
  dayRule: 'met' | 'flood';
  period: string;
  periodName?: { zh: string; en: string };
}

const MAX_DAYS = 400;
const HOUR = 3_600_000;

/**
 * Figures for a period of named days (a season, an event, a month): per gauge and for the
 * area, with the normal the users entered for `period`, and the sentence leaders quote.
 */
export function rainSummary(ctx: HandlerContext, q: SummaryQuery): RainSummary {
  const days = daysBetween(q.fromDay, q.toDay) + 1;
  if (days > MAX_DAYS) throw new ValidationError('errors.rain.rangeTooLong', `At most ${MAX_DAYS} days`, { max: MAX_DAYS });
  const { timeZone } = ctx.settings().general;
  const rule: DayRule = { ...(q.dayRule === 'met' ? MET_DAY_RULE : FLOOD_DAY_RULE), timeZone };
  const period = daysWindow(q.fromDay, q.toDay, rule);
  const { fromMs } = period;
  // A period ending later than now (a storm still going on) is read to the last whole hour, so the
  // known rain of the last day is counted as complete so far instead of dropped as a day with gaps.
  const lastDayUntilMs = period.toMs > ctx.nowMs ? Math.max(fromMs, Math.floor(ctx.nowMs / HOUR) * HOUR) : null;
  const toMs = lastDayUntilMs ?? period.toMs;
  const all = rainStationsRepo(ctx.db).list();
  const signals = rainSignalsRepo(ctx.db);

  const rainGauges = all.filter((s) => s.type === 'rain');
  const readings = rainReadingsRepo(ctx.db);
  const series = rainGauges.map((s) => loadSeries(ctx.db, s, fromMs, toMs, readings));
  const stations: StationPeriodTotal[] = rainGauges.map((s, i) => {
    const total = windowSum(series[i], fromMs, toMs);
    const daily = dailyTotals(series[i], q.fromDay, q.toDay, rule, toMs);
    const counted = countRainDays(daily);
    const wettest = wettestDay(daily, (d) => d.totalMm);
    const normalMm = signals.normal(s.id, q.period)?.normalMm ?? null;
    return {
      stationId: s.id,
      code: s.code,
      name: s.name,
      totalMm: total.totalMm,
      complete: total.complete,
      rainDays: counted.rainDays,
      unknownDays: counted.unknownDays,
      wettestDay: wettest?.day ?? null,
      wettestDayMm: wettest?.totalMm ?? null,
      normalMm,
      departurePercent: total.complete ? (departureFromNormal(total.totalMm, normalMm)?.percent ?? null) : null,
    };
  });

  const sums = series.map((s) => windowSum(s, fromMs, toMs));
  const area = areaAverage(sums);
  const areaDays = areaDailyTotals(series, q.fromDay, q.toDay, rule, toMs);
  const areaWettest = wettestDay(areaDays, (d) => d.meanMm);
  const wettest = wettestStation(sums);
  const wettestGauge = wettest ? rainGauges.find((s) => s.id === wettest.stationId) : undefined;
  // The area's normal: the mean of the normals of the gauges that entered the area mean.
  const usedNormals = stations.filter((s) => s.complete && s.normalMm !== null).map((s) => s.normalMm as number);
  const areaNormal = usedNormals.length === area.stationsUsed && usedNormals.length > 0 ? usedNormals.reduce((a, b) => a + b, 0) / usedNormals.length : null;

  const water: WaterPeriodFacts[] = all
    .filter((s) => s.type === 'water')
    .map((s) => {
      const levels = readings
        .window(s.key, fromMs, toMs)
        .filter((r) => r.value_milli !== null)
        .map((r) => ({ stationId: s.id, atMs: r.end_ms, levelM: (r.value_milli as number) / 1000 }));
      const peak = peakLevel(levels);
      const above = s.warningM === null ? null : daysAboveLevel(levels, s.warningM, q.fromDay, q.toDay, { boundary: rule.boundary, timeZone });
      return { stationId: s.id, name: s.name, peakM: peak?.levelM ?? null, peakAtMs: peak?.atMs ?? null, daysAboveWarning: above?.count ?? 0, daysWithData: above?.daysWithData ?? 0 };
    });
  const highest = water.reduce<WaterPeriodFacts | null>((best, w) => (w.peakM !== null && (best === null || w.peakM > (best.peakM as number)) ? w : best), null);
  const areaRainDays = countAreaRainDays(areaDays).rainDays;

  const periodName = q.periodName ?? null;
  const sentence = rainSummarySentence({
    periodName,
    days,
    rainDays: area.meanMm === null ? null : areaRainDays,
    totalMm: area.meanMm,
    normalMm: areaNormal,
    wettestDay: areaWettest?.day ?? null,
    wettestStation: wettestGauge ? { zh: wettestGauge.name, en: wettestGauge.nameEn || wettestGauge.name } : null,
    peakLevelM: highest?.peakM ?? null,
    daysAboveWarning: highest ? highest.daysAboveWarning : null,
    lastDayUntil: lastDayUntilMs === null ? null : { day: localParts(lastDayUntilMs, timeZone).date, time: localParts(lastDayUntilMs, timeZone).time },
  });

  return {
    fromDay: q.fromDay,
    toDay: q.toDay,
    dayRule: q.dayRule,
    stations,
    areaTotalMm: area.meanMm,
    areaRainDays,
    wettestDay: areaWettest && areaWettest.meanMm !== null ? { day: areaWettest.day, meanMm: areaWettest.meanMm } : null,
    wettestStation: wettest && wettestGauge ? { stationId: wettest.stationId, name: wettestGauge.name, totalMm: wettest.totalMm } : null,
    water,
    lastDayUntilMs,
    sentence,
  };
}

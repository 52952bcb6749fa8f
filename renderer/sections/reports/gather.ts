import type { InputOf, MethodName, OutputOf } from '../../../core/contract';
import { WARNING_COLOUR_LABELS, WARNING_TYPE_LABELS, type ResponseLevel } from '../../../core/domain/duty/warnings';
import { addDays, formatLocal, type LocalDate } from '../../../core/time';
import type { StatStage } from '../../../core/domain/damage/statReport';
import type { StatValues } from '../../../core/domain/damage/statText';
import { act } from '../../api/hooks';
import { pairLabels } from '../../format/safe';

export interface Bilingual {
  zh: string;
  en: string;
}

/** What the report covers: one event, or a run of local days. `toMs` is inclusive. */
export interface ReportScope {
  eventId: string | null;
  name: Bilingual;
  fromMs: number;
  toMs: number;
  fromDay: LocalDate;
  toDay: LocalDate;
  timeZone: string;
}

export interface RainFacts {
  sentence: Bilingual;
  /** False when no gauge has a reading in the period: the draft then says so instead of quoting a sentence. */
  hasData: boolean;
  days: number;
  rainDays: number;
  areaTotalMm: number | null;
  wettestDay: LocalDate | null;
  wettestStation: string | null;
  peakM: number | null;
  daysAboveWarning: number | null;
  /** The period is still under way: the figures run to this local time (yyyy-MM-dd HH:mm), which the sentence says too. */
  lastDayUntil: string | null;
}

export interface PrepFacts {
  inspections: number;
  inspectionsFailed: number;
  pointsInspected: number;
  patrolRuns: number;
  rectOpened: number;
  rectClosed: number;
  rectStillOpen: number;
}

export interface DutyFacts {
  days: number;
  rotaDays: number;
  leaderDays: number;
  logEntries: number;
  calls: number;
  warnings: Bilingual[];
  warningsLifted: number;
  responseLevels: ResponseLevel[];
  incidents: string[];
}

export interface ResponseFacts {
  sentence: Bilingual;
  movedPeople: number;
  movedHouseholds: number;
  vulnerablePeople: number;
  stillOut: number;
  shelters: Bilingual[];
}

/**
 * The damage figures the summary quotes: those of the event's latest kept statistics report, else
 * the statistics draft from the records; the same rows either way (core/domain/damage/statReport.ts).
 */
export interface DamageFacts {
  /** The kept version quoted, or null when the figures are the unsent draft. */
  sent: { seq: number; stage: StatStage } | null;
  asOfMs: number;
  values: StatValues;
}

/** Each part is null when its records could not be read (the error banner says why). */
export interface ReportFacts {
  rain: RainFacts | null;
  prep: PrepFacts | null;
  duty: DutyFacts | null;
  response: ResponseFacts | null;
  /** Undefined: the report covers days, not an event, and the statistics are kept per event. */
  damage?: DamageFacts | null;
}

export interface GatherControl {
  cancelled: boolean;
  onProgress(done: number, total: number): void;
}

export class GatherCancelled extends Error {}

const within = (ms: number | null, scope: ReportScope) => ms !== null && ms >= scope.fromMs && ms <= scope.toMs;

/** Months (YYYY-MM) touched by the days from..to, for the rota, which is read a month at a time. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let month = from.slice(0, 7);
  while (month <= to.slice(0, 7)) {
    months.push(month);
    month = addDays(`${month}-28`, 7).slice(0, 7);
  }
  return months;
}

export function dayCount(from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) n += 1;
  return n;
}

/**
 * Reads every figure the summary needs through the existing contract, one call at a time so
 * progress is honest and a cancel stops between calls. Hazard inspections are counted exactly:
 * only points whose latest inspection is on or after the start can have one in the period, so
 * only those points are opened.
 */
export async function gatherFacts(scope: ReportScope, control: GatherControl): Promise<ReportFacts> {
  const points = await step(control, 'hazards.exportPoints', { filter: { status: null } });
  const candidates = (points ?? []).filter((p) => p.lastInspectionMs !== null && p.lastInspectionMs >= scope.fromMs);
  const months = monthsBetween(scope.fromDay, scope.toDay);
  let done = 1;
  const total = 1 + candidates.length + months.length + 11;
  const tick = () => control.onProgress(++done, total);
  tick();

  let inspections = 0;
  let inspectionsFailed = 0;
  let pointsInspected = 0;
  let pointsOk = points !== undefined;
  for (const point of candidates) {
    const detail = await step(control, 'hazards.getPoint', { id: point.id });
    tick();
    if (!detail) {
      pointsOk = false;
      continue;
    }
    const inPeriod = detail.inspections.filter((i) => within(i.atMs, scope));
    inspections += inPeriod.length;
    inspectionsFailed += inPeriod.filter((i) => i.overall === 'fail').length;
    if (inPeriod.length) pointsInspected += 1;
  }
  const runs = await step(control, 'hazards.listRuns', { limit: 500 });
  tick();
  const rects = await allRectifications(control);
  tick();
  const prep: PrepFacts | null =
    pointsOk && runs && rects
      ? {
          inspections,
          inspectionsFailed,
          pointsInspected,
          patrolRuns: runs.filter((r) => within(r.startedAtMs, scope)).length,
          rectOpened: rects.filter((r) => within(r.createdAtMs, scope)).length,
          rectClosed: rects.filter((r) => within(r.closedAtMs, scope)).length,
          rectStillOpen: rects.filter((r) => within(r.createdAtMs, scope) && r.status !== 'closed').length,
        }
      : null;

  let rotaDays = 0;
  let leaderDays = 0;
  let rotaOk = true;
  for (const month of months) {
    const view = await step(control, 'duty.rotaMonth', { month });
    tick();
    if (!view) {
      rotaOk = false;
      continue;
    }
    for (const day of view.days.filter((d) => d.date >= scope.fromDay && d.date <= scope.toDay)) {
      if (day.leader || day.officers.length) rotaDays += 1;
      if (day.leader) leaderDays += 1;
    }
  }
  const logs = await step(control, 'duty.listLog', { fromDay: scope.fromDay, toDay: scope.toDay, limit: 1 });
  tick();
  const calls = await step(control, 'duty.listLog', { fromDay: scope.fromDay, toDay: scope.toDay, channel: 'phone', limit: 1 });
  tick();
  const warnings = await step(control, 'duty.warnings', { recentLimit: 500 });
  tick();
  const incidents = await step(control, 'duty.incidents', { includeClosed: true, limit: 500 });
  tick();
  let duty: DutyFacts | null = null;
  if (rotaOk && logs && calls && warnings && incidents) {
    const seen = new Map([...warnings.active, ...warnings.recent].map((w) => [w.id, w]));
    const issued = [...seen.values()].filter((w) => within(w.issuedAtMs, scope)).sort((a, b) => a.issuedAtMs - b.issuedAtMs);
    duty = {
      days: dayCount(scope.fromDay, scope.toDay),
      rotaDays,
      leaderDays,
      logEntries: logs.total,
      calls: calls.total,
      // The stored title is Chinese (暴雨黄色预警); the English one is built from the same type and colour.
      warnings: issued.map((w) => ({ zh: w.title, en: englishWarning(w.type, w.colour) ?? w.title })),
      warningsLifted: issued.filter((w) => w.liftedAtMs !== null).length,
      // A level this version does not know (another office's row) is left out rather than named wrongly.
      responseLevels: warnings.responses.filter((r) => within(r.declaredAtMs, scope) && RESPONSE_LEVELS.includes(r.level)).map((r) => r.level),
      incidents: incidents.incidents.filter((i) => within(i.receivedAtMs, scope)).map((i) => i.title),
    };
  }

  const rain = await step(control, 'rain.summary', {
    fromDay: scope.fromDay,
    toDay: scope.toDay,
    // A name no normal is stored under: an event's rain is not compared with a season's normal.
    period: 'report',
  });
  tick();
  const evac = await step(control, 'evac.dashboard', scope.eventId ? { eventIds: [scope.eventId] } : { fromMs: scope.fromMs, toMs: scope.toMs });
  tick();
  // The dashboard names shelters in Chinese only; the register has their English names.
  const shelters = await step(control, 'evac.listShelters', { includeClosed: true });
  tick();
  const shelterEn = new Map((shelters ?? []).map((s) => [s.id, s.nameEn || s.name]));
  const damage = scope.eventId ? await damageFacts(control, scope.eventId, scope.toMs) : undefined;
  tick();

  return {
    rain: rain
      ? {
          sentence: rain.sentence,
          hasData: rain.stations.some((s) => s.totalMm !== null || s.rainDays > 0) || rain.water.some((w) => w.peakM !== null),
          days: dayCount(scope.fromDay, scope.toDay),
          rainDays: rain.areaRainDays,
          areaTotalMm: rain.areaTotalMm,
          wettestDay: rain.wettestDay?.day ?? null,
          wettestStation: rain.wettestStation?.name ?? null,
          peakM: maxOf(rain.water.map((w) => w.peakM)),
          daysAboveWarning: rain.water.length ? Math.max(...rain.water.map((w) => w.daysAboveWarning)) : null,
          lastDayUntil: rain.lastDayUntilMs === null ? null : formatLocal(rain.lastDayUntilMs, 'yyyy-MM-dd HH:mm', scope.timeZone),
        }
      : null,
    prep,
    duty,
    response: evac
      ? {
          sentence: evac.summary,
          movedPeople: evac.movedPeople,
          movedHouseholds: evac.movedHouseholds,
          vulnerablePeople: evac.vulnerablePeople,
          stillOut: evac.stillOut,
          shelters: evac.shelters.filter((s) => s.firstPlaced > 0).map((s) => ({ zh: s.name, en: shelterEn.get(s.id) ?? s.name })),
        }
      : null,
    ...(damage === undefined ? {} : { damage }),
  };
}

/** The latest kept statistics report of the event, or the draft as of the end of the period when none was sent yet. */
async function damageFacts(control: GatherControl, eventId: string, toMs: number): Promise<DamageFacts | null> {
  const kept = await step(control, 'damage.statReports', { eventId });
  if (!kept) return null;
  const latest = kept.at(-1);
  if (latest) {
    const report = await step(control, 'damage.statReport', { id: latest.id });
    if (!report) return null;
    return { sent: { seq: latest.seq, stage: latest.stage }, asOfMs: latest.asOfMs, values: Object.fromEntries(report.rows.map((r) => [r.row, r.reported])) };
  }
  const draft = await step(control, 'damage.statDraft', { eventId, asOfMs: toMs });
  return draft ? { sent: null, asOfMs: draft.asOfMs, values: Object.fromEntries(draft.rows.map((r) => [r.row, r.computed])) } : null;
}

const RESPONSE_LEVELS: readonly unknown[] = [1, 2, 3, 4];

/** "Rainstorm Yellow warning" from the stored codes; undefined when either is one this version does not know. */
function englishWarning(type: string, colour: string): string | undefined {
  const typeName = pairLabels(WARNING_TYPE_LABELS, 'en')(type);
  const colourName = pairLabels(WARNING_COLOUR_LABELS, 'en')(colour);
  return typeName && colourName ? `${typeName} ${colourName} warning` : undefined;
}

function maxOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
}

async function step<M extends MethodName>(control: GatherControl, method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined> {
  if (control.cancelled) throw new GatherCancelled();
  const value = await act(method, input);
  if (control.cancelled) throw new GatherCancelled();
  return value;
}

/** Every rectification order, open or closed, a page at a time. */
async function allRectifications(control: GatherControl) {
  const rows: OutputOf<'hazards.listRectifications'>['rows'] = [];
  for (;;) {
    const page = await step(control, 'hazards.listRectifications', { status: null, limit: 1000, offset: rows.length });
    if (!page) return undefined;
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export function localDay(ms: number, timeZone: string): LocalDate {
  return formatLocal(ms, 'yyyy-MM-dd', timeZone);
}

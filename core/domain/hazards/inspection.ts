import { ValidationError } from '../../errors';
import { addDays, DEFAULT_TIME_ZONE, dutyDayOf, dutyDayWindow, type LocalTime } from '../../time';
import { gradeAtLeast, type LatLng, type SafetyGrade } from './points';
import type { RectificationDraft } from './rectification';
import type { ChecklistTemplate, TemplateItem, TemplateRef } from './templates';

/** One inspection of one hazard point against one exact template version. */

export type ItemResult = 'pass' | 'fail' | 'na';
export type OverallResult = 'pass' | 'fail' | 'incomplete';

export const ITEM_RESULT_LABELS: Record<ItemResult, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  na: { zh: '不适用', en: 'N/A' },
};

export const OVERALL_RESULT_LABELS: Record<OverallResult, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '存在隐患', en: 'Hazard found' },
  incomplete: { zh: '未完成', en: 'Incomplete' },
};

export interface ItemAnswer {
  itemKey: string;
  /** For `check` items. */
  result?: ItemResult;
  /** For `grade` items. */
  grade?: SafetyGrade;
  /** For `count` items. */
  count?: number;
  note?: string;
  photoIds?: readonly string[];
}

export interface Inspection {
  id: string;
  pointId: string;
  template: TemplateRef;
  inspector: string;
  atMs: number;
  answers: readonly ItemAnswer[];
  location?: LatLng & { accuracyM?: number };
}

/** any fail → fail; nothing but n/a (or nothing at all) → incomplete; otherwise pass. */
export function overallResult(results: readonly ItemResult[]): OverallResult {
  if (results.includes('fail')) return 'fail';
  return results.includes('pass') ? 'pass' : 'incomplete';
}

/** What an answer means for a pass/fail item; `undefined` when it is unanswered or only a count. */
export function itemResult(item: TemplateItem, answer: ItemAnswer | undefined): ItemResult | undefined {
  if (!answer || item.kind === 'count') return undefined;
  if (item.kind === 'grade') {
    if (answer.result === 'na') return 'na';
    if (!answer.grade) return undefined;
    return gradeAtLeast(answer.grade, item.failFromGrade ?? 'C') ? 'fail' : 'pass';
  }
  return answer.result;
}

export interface InspectionEvaluation {
  overall: OverallResult;
  failedItems: TemplateItem[];
  /** Required items left unanswered. */
  missingItems: TemplateItem[];
  /** Answers for keys the template does not have (an old form, a typo). */
  unknownKeys: string[];
}

/**
 * The overall result against the template. A fail is a fail even on an unfinished form
 * (the hazard is real); otherwise a missing required answer makes it incomplete.
 */
export function evaluateInspection(template: ChecklistTemplate, answers: readonly ItemAnswer[]): InspectionEvaluation {
  const byKey = new Map(answers.map((a) => [a.itemKey, a]));
  const results: ItemResult[] = [];
  const failedItems: TemplateItem[] = [];
  const missingItems: TemplateItem[] = [];
  for (const item of template.items) {
    const answer = byKey.get(item.key);
    if (item.kind === 'count') {
      if (item.required && (answer?.count === undefined || !Number.isFinite(answer.count))) missingItems.push(item);
      continue;
    }
    const result = itemResult(item, answer);
    if (result === undefined) {
      if (item.required) missingItems.push(item);
      continue;
    }
    results.push(result);
    if (result === 'fail') failedItems.push(item);
  }
  const keys = new Set(template.items.map((i) => i.key));
  const unknownKeys = answers.map((a) => a.itemKey).filter((k) => !keys.has(k));
  let overall = overallResult(results);
  if (overall === 'pass' && missingItems.length) overall = 'incomplete';
  return { overall, failedItems, missingItems, unknownKeys };
}

export interface DraftOptions {
  /** Days after the inspection's duty day that the fix is due (the 限期). */
  deadlineDays: number;
  dutyDayBoundary: LocalTime;
  timeZone: string;
  responsibleUnit?: string;
  responsiblePerson?: string;
}

export const DEFAULT_DRAFT_OPTIONS: DraftOptions = { deadlineDays: 3, dutyDayBoundary: '08:00', timeZone: DEFAULT_TIME_ZONE };

/** One rectification draft per failed item, for the inspector to confirm or edit. */
export function rectificationDrafts(inspection: Inspection, template: ChecklistTemplate, options: Partial<DraftOptions> = {}): RectificationDraft[] {
  const opts = { ...DEFAULT_DRAFT_OPTIONS, ...options };
  const deadline = addDays(dutyDayOf(inspection.atMs, opts.dutyDayBoundary, opts.timeZone), opts.deadlineDays);
  const byKey = new Map(inspection.answers.map((a) => [a.itemKey, a]));
  return evaluateInspection(template, inspection.answers).failedItems.map((item) => {
    const answer = byKey.get(item.key);
    const detail = [item.kind === 'grade' && answer?.grade ? `${answer.grade} 级` : '', answer?.note?.trim() ?? ''].filter(Boolean).join('，');
    return {
      pointId: inspection.pointId,
      inspectionId: inspection.id,
      itemKey: item.key,
      description: detail ? `${item.labelZh}：${detail}` : `${item.labelZh}不合格`,
      deadline,
      ...(opts.responsibleUnit ? { responsibleUnit: opts.responsibleUnit } : {}),
      ...(opts.responsiblePerson ? { responsiblePerson: opts.responsiblePerson } : {}),
    };
  });
}

/**
 * How often a point or route must be checked. `days` means once per duty day, every N duty
 * days (daily = 1, weekly = 7); `hours` means at most N hours apart.
 */
export type Frequency = { kind: 'days'; every: number } | { kind: 'hours'; every: number };

export const DAILY: Frequency = { kind: 'days', every: 1 };
export const WEEKLY: Frequency = { kind: 'days', every: 7 };

export function everyHours(hours: number): Frequency {
  return { kind: 'hours', every: hours };
}

export interface Schedule {
  normal: Frequency;
  /** Raised frequency while a warning is active; the settings' default when absent. */
  duringWarning?: Frequency;
}

export interface ScheduleSettings {
  dutyDayBoundary: LocalTime;
  timeZone: string;
  /** "专人巡视": during a warning, points without their own setting are checked this often. */
  defaultWarningFrequency: Frequency;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  dutyDayBoundary: '08:00',
  timeZone: DEFAULT_TIME_ZONE,
  defaultWarningFrequency: everyHours(2),
};

export function frequencyLabel(frequency: Frequency): { zh: string; en: string } {
  const n = frequency.every;
  if (frequency.kind === 'hours') return { zh: `每 ${n} 小时`, en: `Every ${n} h` };
  if (n === 1) return { zh: '每天', en: 'Daily' };
  if (n === 7) return { zh: '每周', en: 'Weekly' };
  return { zh: `每 ${n} 天`, en: `Every ${n} days` };
}

/** The instant by which the next check is due after one at `lastMs`. */
export function dueAfter(frequency: Frequency, lastMs: number, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS): number {
  const valid = Number.isFinite(frequency.every) && frequency.every > 0 && (frequency.kind === 'hours' || Number.isInteger(frequency.every));
  if (!valid) throw new ValidationError('errors.hazards.frequencyInvalid', 'The check frequency must be a positive number (whole days)', { every: String(frequency.every) });
  if (frequency.kind === 'hours') return lastMs + frequency.every * 3_600_000;
  const nextDay = addDays(dutyDayOf(lastMs, settings.dutyDayBoundary, settings.timeZone), frequency.every);
  return dutyDayWindow(nextDay, settings.dutyDayBoundary, settings.timeZone).endMs;
}

/**
 * When the next check is due. `null` means never checked: due at once. During a warning
 * the stricter of the normal and the raised frequency applies, so a point last seen the
 * day before the warning is already due when the warning is issued.
 */
export function nextDue(schedule: Schedule, lastMs: number | null, warningActive: boolean, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS): number | null {
  if (lastMs === null) return null;
  const normal = dueAfter(schedule.normal, lastMs, settings);
  if (!warningActive) return normal;
  return Math.min(normal, dueAfter(schedule.duringWarning ?? settings.defaultWarningFrequency, lastMs, settings));
}

export function nextInspectionDue(schedule: Schedule, lastInspectionMs: number | null, warningActive: boolean, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS): number | null {
  return nextDue(schedule, lastInspectionMs, warningActive, settings);
}

/** Past due at `nowMs` (never-checked counts as past due). */
export function isPastDue(dueMs: number | null, nowMs: number): boolean {
  return dueMs === null || nowMs >= dueMs;
}

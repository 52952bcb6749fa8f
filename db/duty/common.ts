import { ValidationError, type FieldIssue } from '../../core/errors';
import { addDays, dutyDayOf, dutyDayWindow, formatLocal, zonedToUtc, type LocalDate } from '../../core/time';
import type { Settings } from '../../core/settings';
import type { NamedConflict, ShiftKind } from '../../core/contract/dutyShared';
import { isHardConflict, type RotaConflict, type RotaConflictKind } from '../../core/domain/duty/conflicts';
import type { HandlerContext } from '../platform/context';

export type DutySettings = Settings['duty'] & { timeZone: string; dutyDayStart: string; operatorName: string };

export function dutySettings(ctx: HandlerContext): DutySettings {
  const { duty, general } = ctx.settings();
  return { ...duty, timeZone: general.timeZone, dutyDayStart: general.dutyDayStart, operatorName: general.operatorName };
}

export function dutyDayAt(ctx: HandlerContext, ms: number): LocalDate {
  const s = dutySettings(ctx);
  return dutyDayOf(ms, s.dutyDayStart, s.timeZone);
}

interface ShiftWindow {
  day: LocalDate;
  kind: ShiftKind;
  startMs: number;
  endMs: number;
}

/** The shift an instant falls in: the whole duty day, or its day or night half when shifts are split. */
export function shiftAt(ctx: HandlerContext, ms: number): ShiftWindow {
  const s = dutySettings(ctx);
  const day = dutyDayOf(ms, s.dutyDayStart, s.timeZone);
  const { startMs, endMs } = dutyDayWindow(day, s.dutyDayStart, s.timeZone);
  if (!s.shiftSplit) return { day, kind: 'full', startMs, endMs };
  let nightMs = zonedToUtc(day, s.nightShiftStart, s.timeZone);
  if (nightMs <= startMs) nightMs = zonedToUtc(addDays(day, 1), s.nightShiftStart, s.timeZone);
  return ms < nightMs ? { day, kind: 'day', startMs, endMs: nightMs } : { day, kind: 'night', startMs: nightMs, endMs };
}

/**
 * A time typed by hand may run a little ahead of this computer's clock, but an entry far in
 * the future is a typing mistake (wrong day or hour) that would sort above everything else.
 */
export function assertNotFuture(ctx: HandlerContext, ms: number, field: string): void {
  const { futureToleranceMinutes, timeZone } = dutySettings(ctx);
  if (ms > ctx.nowMs + futureToleranceMinutes * 60_000) {
    const when = formatLocal(ms, 'yyyy-MM-dd HH:mm', timeZone);
    throw new ValidationError('errors.duty.inFuture', `${field} ${when} is in the future (more than ${futureToleranceMinutes} min ahead)`, {
      when,
      minutes: futureToleranceMinutes,
    });
  }
}

export function assertOrdered(ctx: HandlerContext, startMs: number, endMs: number): void {
  if (endMs < startMs) {
    const { timeZone } = dutySettings(ctx);
    throw new ValidationError('errors.duty.timesReversed', 'The end is before the start', {
      start: formatLocal(startMs, 'yyyy-MM-dd HH:mm', timeZone),
      end: formatLocal(endMs, 'yyyy-MM-dd HH:mm', timeZone),
    });
  }
}

const CONFLICT_TEXT: Record<RotaConflictKind, { en: string; zh: string }> = {
  duplicate_person: { en: 'the same person twice', zh: '同一人重复排班' },
  on_leave: { en: 'on leave', zh: '休假中' },
  missing_leader: { en: 'no leader on duty', zh: '缺少带班领导' },
  understaffed: { en: 'too few duty officers', zh: '值班员人数不足' },
  consecutive: { en: 'on duty two days running', zh: '连续两天值班' },
  inactive_person: { en: 'not on the active roster', zh: '不在在岗人员名册中' },
};

export function nameConflicts(conflicts: RotaConflict[], names: Map<string, string>): NamedConflict[] {
  return conflicts.map((c) => (c.personId ? { ...c, personName: names.get(c.personId) ?? c.personId } : c));
}

/** Where a problem is, in both languages: a date, or a spreadsheet row. */
export interface Place {
  en: string;
  zh: string;
}

/**
 * A problem with a row or a day rather than an input field: the path stays empty and the
 * message says where, in each language, so the error banner reads naturally in both.
 */
export function lineIssue(en: string, zh: string): FieldIssue {
  return { path: '', message: en, messageZh: zh };
}

function conflictIssue(c: NamedConflict, where: Place = { en: c.date, zh: c.date }): FieldIssue {
  const text = CONFLICT_TEXT[c.kind];
  const who = c.personName ? ` ${c.personName}` : '';
  return lineIssue(`${where.en}: ${text.en}${who}`, `${where.zh}：${text.zh}${who}`);
}

/**
 * Refuses a rota with hard conflicts always, and with soft ones unless the caller accepted
 * them, listing every problem so the whole table can be fixed in one go.
 */
export function assertRotaAcceptable(conflicts: NamedConflict[], allowIncomplete: boolean, whereOf?: (c: NamedConflict) => Place): void {
  const issue = (c: NamedConflict) => conflictIssue(c, whereOf?.(c));
  const hard = conflicts.filter(isHardConflict);
  if (hard.length) {
    throw new ValidationError('errors.duty.rotaConflicts', `The rota has ${hard.length} conflict(s); nothing was saved`, { count: hard.length }, hard.map(issue));
  }
  if (!allowIncomplete && conflicts.length) {
    throw new ValidationError('errors.duty.rotaIncomplete', `The rota has ${conflicts.length} gap(s); confirm to save anyway`, { count: conflicts.length }, conflicts.map(issue));
  }
}

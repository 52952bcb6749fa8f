import { weekdayOf, type LocalDate } from '../../time';

/** Text the app writes into documents (handover, reports) in both languages. */
export interface Label {
  zh: string;
  en: string;
}

/** Roles a person may hold. Only leader, officer and backup are placed on the rota;
 * driver and rescue mark people listed as contacts, who are not rotated. */
export type PersonRole = 'leader' | 'officer' | 'backup' | 'driver' | 'rescue';

/** The three slots a rota day has. */
export type DutySlot = 'leader' | 'officer' | 'backup';

/** Inclusive on both ends, as leave is written on paper ("7/3–7/5"). */
export interface LeavePeriod {
  from: LocalDate;
  to: LocalDate;
}

export interface Person {
  id: string;
  name: string;
  roles: PersonRole[];
  active: boolean;
  leave: LeavePeriod[];
}

export interface DutyDay {
  date: LocalDate;
  /** null when nobody could be found; the generator reports that day as a problem. */
  leaderId: string | null;
  officerIds: string[];
  backupId?: string;
}

export interface RotaRules {
  officersPerDay: number;
  allowConsecutive: boolean;
}

export const DEFAULT_RULES: RotaRules = { officersPerDay: 2, allowConsecutive: false };

/**
 * Which days count as weekend/holiday duty. China moves working days around public
 * holidays (调休), so a Saturday can be a working day: list it in `workdays`.
 */
export interface DutyCalendar {
  holidays: ReadonlySet<LocalDate>;
  workdays: ReadonlySet<LocalDate>;
}

export function makeCalendar(holidays: readonly LocalDate[] = [], workdays: readonly LocalDate[] = []): DutyCalendar {
  return { holidays: new Set(holidays), workdays: new Set(workdays) };
}

export function isWeekendOrHoliday(date: LocalDate, calendar: DutyCalendar): boolean {
  if (calendar.holidays.has(date)) return true;
  if (calendar.workdays.has(date)) return false;
  return weekdayOf(date) >= 6;
}

export function isOnLeave(person: Person, date: LocalDate): boolean {
  // LocalDate strings compare correctly as text because they are zero-padded.
  return person.leave.some((period) => period.from <= date && date <= period.to);
}

/** Leader and officers keep the 24-hour watch; the backup only has to stay reachable,
 * which is why the no-consecutive-nights rule applies to the watch alone. */
export function watchIds(day: DutyDay): string[] {
  return day.leaderId ? [day.leaderId, ...day.officerIds] : [...day.officerIds];
}

/** Everyone named on the day in slot order, duplicates kept so callers can spot them. */
export function allIds(day: DutyDay): string[] {
  return day.backupId ? [...watchIds(day), day.backupId] : watchIds(day);
}

/** Code-unit order, not localeCompare: the rota must not change with the machine's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

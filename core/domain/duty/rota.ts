import { addDays, daysBetween, isLocalDate, type LocalDate } from '../../time';
import {
  DEFAULT_RULES,
  compareIds,
  isOnLeave,
  isWeekendOrHoliday,
  makeCalendar,
  watchIds,
  type DutyDay,
  type DutySlot,
  type Person,
  type PersonRole,
} from './types';

/**
 * A fixed choice for one day, made by a person (a leader who must be on duty for an
 * inspection, an officer who asked for a date). Pinned officers are kept and the
 * remaining officer slots are filled. One pin per date: a later pin replaces an earlier one.
 * Pins outside the range are ignored.
 */
export interface RotaPin {
  date: LocalDate;
  leaderId?: string;
  officerIds?: string[];
  backupId?: string;
}

export interface RotaInput {
  roster: Person[];
  /** First and last duty day, inclusive. */
  from: LocalDate;
  to: LocalDate;
  officersPerDay?: number;
  allowConsecutive?: boolean;
  holidays?: LocalDate[];
  /** Weekend days that are working days because of 调休. */
  workdays?: LocalDate[];
  /** Days already on earlier rotas, so fairness and the consecutive rule carry across months. */
  previous?: DutyDay[];
  pins?: RotaPin[];
}

export interface FairnessTotals {
  /** Watch duties (leader or officer), including those carried in from `previous`. */
  total: number;
  weekendOrHoliday: number;
  /** Backup days are counted apart: standing by is not a night awake. */
  backup: number;
}

/** `not_a_leader`: 领导带班 means the leader slot needs someone with the leader role;
 * officer and backup pins may name any active person, as offices lend staff around. */
export type PinRejectReason = 'unknown_person' | 'inactive' | 'on_leave' | 'not_a_leader' | 'consecutive' | 'duplicate';

export type RotaProblem =
  | { date: LocalDate; kind: 'no_leader' }
  | { date: LocalDate; kind: 'understaffed'; needed: number; assigned: number }
  | { date: LocalDate; kind: 'no_backup' }
  | { date: LocalDate; kind: 'pin_rejected'; slot: DutySlot; personId: string; reason: PinRejectReason };

export interface RotaResult {
  days: DutyDay[];
  /** Keyed by person id, every roster person present. */
  fairness: Record<string, FairnessTotals>;
  problems: RotaProblem[];
}

/**
 * Builds a rota greedily, day by day. For each slot the eligible person with the fewest
 * watch duties wins, which keeps totals within one of each other for an ordinary
 * roster. It does not look ahead: someone back from leave (or new to a roster carried
 * over with `previous`) is behind and is picked on every allowed day until level.
 * Ties are broken by weekend/holiday count in a direction that depends on the day:
 * a weekend day goes to whoever has had the fewest weekends, a weekday to whoever has
 * had the most, which keeps the weekend-poor in reserve for the next weekend. Without
 * the weekday half, a fixed roster falls into a weekly cycle where the same people get
 * every Saturday. Remaining ties fall to id order, so the output is deterministic.
 *
 * Leave and inactivity are never overridden, not even by a pin. Impossible days are
 * reported in `problems`, never thrown.
 */
export function generateRota(input: RotaInput): RotaResult {
  if (!isLocalDate(input.from) || !isLocalDate(input.to)) {
    throw new RangeError(`generateRota: invalid range ${input.from}..${input.to}`);
  }
  const officersPerDay = input.officersPerDay ?? DEFAULT_RULES.officersPerDay;
  if (!Number.isInteger(officersPerDay) || officersPerDay < 0) {
    throw new RangeError(`generateRota: officersPerDay must be a non-negative integer, got ${officersPerDay}`);
  }
  const allowConsecutive = input.allowConsecutive ?? DEFAULT_RULES.allowConsecutive;
  const calendar = makeCalendar(input.holidays, input.workdays);
  const roster = [...input.roster].sort((a, b) => compareIds(a.id, b.id));
  const byId = new Map(roster.map((p) => [p.id, p]));

  const tally = new Map<string, FairnessTotals>(roster.map((p) => [p.id, { total: 0, weekendOrHoliday: 0, backup: 0 }]));
  const watchOn = new Map<LocalDate, Set<string>>();
  for (const day of input.previous ?? []) {
    if (day.date >= input.from) continue;
    count(tally, day, isWeekendOrHoliday(day.date, calendar));
    addWatch(watchOn, day.date, watchIds(day));
  }

  const dates = dateRange(input.from, input.to);
  const problems: RotaProblem[] = [];
  const pinned = acceptPins(input.pins ?? [], dates, byId, watchOn, allowConsecutive, problems);

  const pools: Record<DutySlot, Person[]> = {
    leader: roster.filter((p) => p.active && hasRole(p, 'leader')),
    officer: roster.filter((p) => p.active && hasRole(p, 'officer')),
    backup: roster.filter((p) => p.active && hasRole(p, 'backup')),
  };

  const days: DutyDay[] = [];
  for (const date of dates) {
    const pin = pinned.get(date);
    const weekend = isWeekendOrHoliday(date, calendar);
    const taken = new Set<string>(pin ? pinIds(pin) : []);
    const blocked = allowConsecutive
      ? new Set<string>()
      : new Set([...(watchOn.get(addDays(date, -1)) ?? []), ...(watchOn.get(addDays(date, 1)) ?? [])]);
    const available = (p: Person, slot: DutySlot) =>
      !taken.has(p.id) && !isOnLeave(p, date) && (slot === 'backup' || !blocked.has(p.id));

    const choose = (slot: DutySlot, howMany: number): string[] => {
      const chosen = pools[slot]
        .filter((p) => available(p, slot))
        .sort(slot === 'backup' ? byBackupLoad(tally) : byWatchLoad(tally, weekend))
        .slice(0, howMany)
        .map((p) => p.id);
      chosen.forEach((id) => taken.add(id));
      return chosen;
    };

    const leaderId = pin?.leaderId ?? choose('leader', 1)[0] ?? null;
    const pinnedOfficers = pin?.officerIds ?? [];
    const officerIds = [...pinnedOfficers, ...choose('officer', Math.max(0, officersPerDay - pinnedOfficers.length))];
    const backupId = pin?.backupId ?? choose('backup', 1)[0];

    const day: DutyDay = { date, leaderId, officerIds, ...(backupId ? { backupId } : {}) };
    days.push(day);
    count(tally, day, weekend);
    addWatch(watchOn, date, watchIds(day));

    if (!leaderId) problems.push({ date, kind: 'no_leader' });
    if (officerIds.length < officersPerDay) {
      problems.push({ date, kind: 'understaffed', needed: officersPerDay, assigned: officerIds.length });
    }
    if (!backupId && pools.backup.length > 0) problems.push({ date, kind: 'no_backup' });
  }

  // Pin problems were found before generation; the caller reads them by date.
  problems.sort((a, b) => compareIds(a.date, b.date));
  return { days, fairness: Object.fromEntries(tally), problems };
}

type Comparator = (a: Person, b: Person) => number;

function byWatchLoad(tally: Map<string, FairnessTotals>, weekend: boolean): Comparator {
  const direction = weekend ? 1 : -1;
  return (a, b) => {
    const ta = tally.get(a.id)!;
    const tb = tally.get(b.id)!;
    return ta.total - tb.total || direction * (ta.weekendOrHoliday - tb.weekendOrHoliday) || compareIds(a.id, b.id);
  };
}

function byBackupLoad(tally: Map<string, FairnessTotals>): Comparator {
  return (a, b) => {
    const ta = tally.get(a.id)!;
    const tb = tally.get(b.id)!;
    return ta.backup - tb.backup || ta.total - tb.total || compareIds(a.id, b.id);
  };
}

/**
 * Validates pins in date order against the hard rules and the days before them, so a
 * pin on the 5th that follows a pin on the 4th for the same person is the one rejected.
 * Accepted watch people are recorded in `watchOn` so generated neighbours avoid them.
 */
function acceptPins(
  pins: RotaPin[],
  dates: LocalDate[],
  byId: Map<string, Person>,
  watchOn: Map<LocalDate, Set<string>>,
  allowConsecutive: boolean,
  problems: RotaProblem[],
): Map<LocalDate, RotaPin> {
  const inRange = new Set(dates);
  const latest = new Map<LocalDate, RotaPin>();
  for (const pin of pins) if (inRange.has(pin.date)) latest.set(pin.date, pin);

  const accepted = new Map<LocalDate, RotaPin>();
  for (const date of [...latest.keys()].sort()) {
    const pin = latest.get(date)!;
    const onDay = new Set<string>();
    const check = (slot: DutySlot, personId: string): boolean => {
      const yesterday = watchOn.get(addDays(date, -1));
      const reason = pinRejection(byId.get(personId), slot, date, onDay.has(personId), !allowConsecutive && !!yesterday?.has(personId));
      if (reason) {
        problems.push({ date, kind: 'pin_rejected', slot, personId, reason });
        return false;
      }
      onDay.add(personId);
      return true;
    };

    const kept: RotaPin = { date };
    if (pin.leaderId !== undefined && check('leader', pin.leaderId)) kept.leaderId = pin.leaderId;
    kept.officerIds = (pin.officerIds ?? []).filter((id) => check('officer', id));
    if (pin.backupId !== undefined && check('backup', pin.backupId)) kept.backupId = pin.backupId;
    accepted.set(date, kept);
    addWatch(watchOn, date, [...(kept.leaderId ? [kept.leaderId] : []), ...kept.officerIds]);
  }
  return accepted;
}

function pinRejection(
  person: Person | undefined,
  slot: DutySlot,
  date: LocalDate,
  alreadyOnDay: boolean,
  onWatchYesterday: boolean,
): PinRejectReason | null {
  if (!person) return 'unknown_person';
  if (!person.active) return 'inactive';
  if (isOnLeave(person, date)) return 'on_leave';
  if (slot === 'leader' && !hasRole(person, 'leader')) return 'not_a_leader';
  if (alreadyOnDay) return 'duplicate';
  if (slot !== 'backup' && onWatchYesterday) return 'consecutive';
  return null;
}

function pinIds(pin: RotaPin): string[] {
  return [...(pin.leaderId ? [pin.leaderId] : []), ...(pin.officerIds ?? []), ...(pin.backupId ? [pin.backupId] : [])];
}

function count(tally: Map<string, FairnessTotals>, day: DutyDay, weekend: boolean): void {
  // A person listed twice on an imported day still worked one day.
  for (const id of new Set(watchIds(day))) {
    const t = tally.get(id);
    if (!t) continue;
    t.total += 1;
    if (weekend) t.weekendOrHoliday += 1;
  }
  if (day.backupId) {
    const t = tally.get(day.backupId);
    if (t) t.backup += 1;
  }
}

function addWatch(watchOn: Map<LocalDate, Set<string>>, date: LocalDate, ids: string[]): void {
  const set = watchOn.get(date) ?? new Set<string>();
  ids.forEach((id) => set.add(id));
  watchOn.set(date, set);
}

function hasRole(person: Person, role: PersonRole): boolean {
  return person.roles.includes(role);
}

function dateRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const length = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, length) }, (_, i) => addDays(from, i));
}

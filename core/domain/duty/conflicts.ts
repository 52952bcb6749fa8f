import { addDays, type LocalDate } from '../../time';
import { DEFAULT_RULES, allIds, compareIds, isOnLeave, watchIds, type DutyDay, type Person, type RotaRules } from './types';

export type RotaConflictKind =
  | 'duplicate_person'
  | 'on_leave'
  | 'missing_leader'
  | 'understaffed'
  | 'consecutive'
  | 'inactive_person';

/** These never go on a rota; the others may be accepted when an office is short of people. */
const HARD_CONFLICTS: ReadonlySet<RotaConflictKind> = new Set(['duplicate_person', 'on_leave', 'inactive_person']);

export const isHardConflict = (conflict: { kind: RotaConflictKind }) => HARD_CONFLICTS.has(conflict.kind);

export interface RotaConflict {
  date: LocalDate;
  kind: RotaConflictKind;
  personId?: string;
}

/**
 * Checks a rota as it stands, whether generated, imported from a spreadsheet or edited
 * by hand. Someone not in the roster is reported as `inactive_person`: from the duty
 * desk's point of view they cannot be called either way.
 *
 * `consecutive` is reported on the later of the two days, and only for the watch
 * (leader, officers); see `watchIds`. Results are in date order.
 */
export function findRotaConflicts(
  days: readonly DutyDay[],
  roster: readonly Person[],
  rules: Partial<RotaRules> = {},
): RotaConflict[] {
  const { officersPerDay, allowConsecutive } = { ...DEFAULT_RULES, ...rules };
  const byId = new Map(roster.map((p) => [p.id, p]));
  const sorted = [...days].sort((a, b) => compareIds(a.date, b.date));
  const watchByDate = new Map<LocalDate, Set<string>>();
  for (const day of sorted) {
    const set = watchByDate.get(day.date) ?? new Set<string>();
    watchIds(day).forEach((id) => set.add(id));
    watchByDate.set(day.date, set);
  }

  const conflicts: RotaConflict[] = [];
  for (const day of sorted) {
    const { date } = day;
    if (!day.leaderId) conflicts.push({ date, kind: 'missing_leader' });
    const distinctOfficers = new Set(day.officerIds.filter((id) => id && id !== day.leaderId));
    if (distinctOfficers.size < officersPerDay) conflicts.push({ date, kind: 'understaffed' });

    const seen = new Set<string>();
    for (const id of allIds(day)) {
      if (seen.has(id)) {
        conflicts.push({ date, kind: 'duplicate_person', personId: id });
        continue;
      }
      seen.add(id);
      const person = byId.get(id);
      if (!person || !person.active) conflicts.push({ date, kind: 'inactive_person', personId: id });
      else if (isOnLeave(person, date)) conflicts.push({ date, kind: 'on_leave', personId: id });
    }

    if (!allowConsecutive) {
      const before = watchByDate.get(addDays(date, -1));
      for (const id of new Set(watchIds(day))) {
        if (before?.has(id)) conflicts.push({ date, kind: 'consecutive', personId: id });
      }
    }
  }
  return conflicts;
}

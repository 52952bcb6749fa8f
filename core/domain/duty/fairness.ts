import { isWeekendOrHoliday, watchIds, type DutyCalendar, type DutyDay } from './types';
import type { FairnessTotals } from './rota';

/**
 * The fairness totals of rota days as they stand (saved, swapped, imported), counted the way
 * generateRota counts them, so the month view's totals and the generator agree.
 */
export function fairnessOf(days: readonly DutyDay[], calendar: DutyCalendar): Map<string, FairnessTotals> {
  const tally = new Map<string, FairnessTotals>();
  const get = (id: string) => {
    let t = tally.get(id);
    if (!t) {
      t = { total: 0, weekendOrHoliday: 0, backup: 0 };
      tally.set(id, t);
    }
    return t;
  };
  for (const day of days) {
    const weekend = isWeekendOrHoliday(day.date, calendar);
    // Someone listed twice on a day still worked one day.
    for (const id of new Set(watchIds(day))) {
      const t = get(id);
      t.total += 1;
      if (weekend) t.weekendOrHoliday += 1;
    }
    if (day.backupId) get(day.backupId).backup += 1;
  }
  return tally;
}

import { ValidationError } from '../../core/errors';
import { addDays, daysBetween, type LocalDate } from '../../core/time';
import { findRotaConflicts } from '../../core/domain/duty/conflicts';
import { fairnessOf } from '../../core/domain/duty/fairness';
import { generateRota } from '../../core/domain/duty/rota';
import { isWeekendOrHoliday, makeCalendar, type DutyCalendar, type DutyDay, type Person } from '../../core/domain/duty/types';
import type { FairnessRow, NamedConflict, RotaDayView, RotaSlotView } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { dutyPeopleRepo } from './people.repo';
import { dutyRotaRepo, type AssignmentRow } from './rota.repo';
import { dutySettings, nameConflicts } from './common';

/** The longest range generated or saved at once: a whole flood season with room to spare. */
const MAX_RANGE_DAYS = 366;

function calendarOf(ctx: HandlerContext): DutyCalendar {
  const s = dutySettings(ctx);
  return makeCalendar(s.holidays, s.workdays);
}

/** Current assignments as the rota rules see them; extra people on an extended watch are not rota slots. */
export function toDutyDays(rows: AssignmentRow[]): Map<LocalDate, DutyDay> {
  const days = new Map<LocalDate, DutyDay>();
  for (const row of rows) {
    if (row.slot === 'extra') continue;
    const day = days.get(row.date) ?? { date: row.date, leaderId: null, officerIds: [] };
    if (row.slot === 'leader') day.leaderId = row.person_id;
    else if (row.slot === 'officer') day.officerIds[row.position] = row.person_id;
    else day.backupId = row.person_id;
    days.set(row.date, day);
  }
  // Positions may have gaps after a superseded slot; the rules want a plain list.
  for (const day of days.values()) day.officerIds = day.officerIds.filter(Boolean);
  return days;
}

export function assertRange(from: LocalDate, to: LocalDate): void {
  if (to < from) throw new ValidationError('errors.duty.rangeReversed', `The range ends (${to}) before it starts (${from})`, { from, to });
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new ValidationError('errors.duty.rangeTooLong', `At most ${MAX_RANGE_DAYS} days at once`, { max: MAX_RANGE_DAYS });
  }
}

/**
 * Conflicts of `days` as they would stand among the saved rota: the day before and after
 * each are read from the database, so back-to-back duty across the edge is caught, and only
 * conflicts on the given days (or on the day after, caused by them) are returned.
 */
export function conflictsInContext(ctx: HandlerContext, days: DutyDay[], roster: Person[]): NamedConflict[] {
  if (!days.length) return [];
  const dates = new Set(days.map((d) => d.date));
  const sorted = [...dates].sort();
  const saved = toDutyDays(dutyRotaRepo(ctx.db).current(addDays(sorted[0], -1), addDays(sorted[sorted.length - 1], 1)));
  const neighbours = [...saved.values()].filter((d) => !dates.has(d.date));
  const s = dutySettings(ctx);
  const all = findRotaConflicts([...neighbours, ...days], roster, { officersPerDay: s.officersPerDay, allowConsecutive: s.allowConsecutive });
  const relevant = all.filter((c) => dates.has(c.date) || (c.kind === 'consecutive' && dates.has(addDays(c.date, -1))));
  return nameConflicts(relevant, new Map(roster.map((p) => [p.id, p.name])));
}

function fairnessRows(ctx: HandlerContext, roster: Person[], days: DutyDay[], yearDays: DutyDay[]): FairnessRow[] {
  const calendar = calendarOf(ctx);
  const range = fairnessOf(days, calendar);
  const year = fairnessOf(yearDays, calendar);
  const onRota = (p: Person) => p.roles.some((r) => r === 'leader' || r === 'officer' || r === 'backup');
  return roster
    .filter((p) => (p.active && onRota(p)) || range.has(p.id))
    .map((p) => {
      const t = range.get(p.id) ?? { total: 0, weekendOrHoliday: 0, backup: 0 };
      return { personId: p.id, name: p.name, roles: p.roles, ...t, yearTotal: year.get(p.id)?.total ?? 0 };
    });
}

function slotView(row: AssignmentRow): RotaSlotView {
  return { assignmentId: row.id, personId: row.person_id, name: row.name, phone: row.phone, shift: row.shift, source: row.source };
}

function monthRange(month: string): { from: LocalDate; to: LocalDate } {
  const [y, m] = month.split('-').map(Number);
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(length).padStart(2, '0')}` };
}

type RotaReadMethods = 'duty.rotaMonth' | 'duty.generateRota' | 'duty.checkRota' | 'duty.rotaChanges';

export const dutyRotaReadHandlers = {
  'duty.rotaMonth': (ctx, { month }) => {
    const { from, to } = monthRange(month);
    const repo = dutyRotaRepo(ctx.db);
    const rows = repo.current(`${month.slice(0, 4)}-01-01`, to);
    const monthRows = rows.filter((r) => r.date >= from);
    const swapped = repo.swappedDates(from, to);
    const calendar = calendarOf(ctx);
    const holidays = new Set(dutySettings(ctx).holidays);
    const roster = dutyPeopleRepo(ctx.db).roster();

    const byDate = new Map<LocalDate, AssignmentRow[]>();
    for (const row of monthRows) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
    const days: RotaDayView[] = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
      const date = addDays(from, i);
      const slots = byDate.get(date) ?? [];
      const leader = slots.find((r) => r.slot === 'leader');
      const backup = slots.find((r) => r.slot === 'backup');
      return {
        date,
        weekendOrHoliday: isWeekendOrHoliday(date, calendar),
        holiday: holidays.has(date),
        leader: leader ? slotView(leader) : null,
        officers: slots.filter((r) => r.slot === 'officer').map(slotView),
        backup: backup ? slotView(backup) : null,
        extras: slots.filter((r) => r.slot === 'extra').map(slotView),
        changed: swapped.has(date),
      };
    });
    const rotaDays = [...toDutyDays(monthRows).values()];
    return {
      month,
      from,
      to,
      days,
      fairness: fairnessRows(ctx, roster, rotaDays, [...toDutyDays(rows).values()]),
      conflicts: conflictsInContext(ctx, rotaDays, roster),
    };
  },

  'duty.generateRota': (ctx, { from, to }) => {
    assertRange(from, to);
    const s = dutySettings(ctx);
    const roster = dutyPeopleRepo(ctx.db).roster();
    // The year so far, so totals and the rest day carry across months of the season.
    const previous = [...toDutyDays(dutyRotaRepo(ctx.db).current(`${from.slice(0, 4)}-01-01`, addDays(from, -1))).values()];
    const result = generateRota({
      roster,
      from,
      to,
      officersPerDay: s.officersPerDay,
      allowConsecutive: s.allowConsecutive,
      holidays: s.holidays,
      workdays: s.workdays,
      previous,
    });
    return {
      days: result.days,
      fairness: fairnessRows(ctx, roster, result.days, [...previous, ...result.days]),
      problems: result.problems,
      conflicts: conflictsInContext(ctx, result.days, roster),
    };
  },

  'duty.checkRota': (ctx, { days }) => {
    const dates = days.map((d) => d.date).sort();
    assertRange(dates[0], dates[dates.length - 1]);
    return conflictsInContext(ctx, days, dutyPeopleRepo(ctx.db).roster());
  },

  'duty.rotaChanges': (ctx, { from, to }) => {
    assertRange(from, to);
    return dutyRotaRepo(ctx.db).changes(from, to);
  },
} satisfies Pick<HandlerMap<'duty'>, RotaReadMethods>;

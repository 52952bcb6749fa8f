import { randomUUID } from 'node:crypto';
import { ValidationError, type FieldIssue } from '../../core/errors';
import { addDays, type LocalDate } from '../../core/time';
import { parseImportDate, personResolver } from '../../core/domain/duty/rotaImport';
import { replacePerson, swapDuties, type SwapResult } from '../../core/domain/duty/swap';
import type { DutyDay, DutySlot } from '../../core/domain/duty/types';
import type { RotaChangeRecord, ShiftKind } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { dutyPeopleRepo } from './people.repo';
import { dutyRotaRepo, type AssignmentRow } from './rota.repo';
import { assertRotaAcceptable, dutySettings, lineIssue, nameConflicts } from './common';
import { assertRange, conflictsInContext, toDutyDays } from './rota-read.handlers';

interface WantedSlot {
  slot: DutySlot;
  position: number;
  personId: string;
  shift: ShiftKind;
}

function wantedSlots(day: DutyDay, shiftSplit: boolean): WantedSlot[] {
  return [
    ...(day.leaderId ? [{ slot: 'leader' as const, position: 0, personId: day.leaderId, shift: 'full' as const }] : []),
    // With split shifts the officers alternate: the first takes the day, the second the night.
    ...day.officerIds.map((personId, position) => ({
      slot: 'officer' as const,
      position,
      personId,
      shift: (shiftSplit ? (position % 2 === 0 ? 'day' : 'night') : 'full') as ShiftKind,
    })),
    ...(day.backupId ? [{ slot: 'backup' as const, position: 0, personId: day.backupId, shift: 'full' as const }] : []),
  ];
}

/**
 * Writes whole days. A slot whose person is unchanged is left alone; any other saved slot is
 * superseded (kept, marked with what replaced it) and the change recorded, so regenerating
 * or importing a month never loses what was there.
 */
function writeDays(ctx: HandlerContext, days: DutyDay[], source: 'generated' | 'manual' | 'import', reason: string): number {
  const repo = dutyRotaRepo(ctx.db);
  const { shiftSplit } = dutySettings(ctx);
  const dates = days.map((d) => d.date).sort();
  const saved = repo.current(dates[0], dates[dates.length - 1]).filter((r) => r.slot !== 'extra');
  const savedDays = toDutyDays(saved);
  const batchId = randomUUID();
  for (const day of days) {
    const dayId = repo.ensureDay(day.date, randomUUID(), ctx.nowIso);
    const old = new Map(saved.filter((r) => r.date === day.date).map((r) => [`${r.slot}:${r.position}`, r]));
    const change = (slot: DutySlot, from: AssignmentRow | undefined, toPersonId: string | null, newId: string | null) => {
      if (!from) return;
      // Entering a day by hand needs no reason; changing one already on the rota does, for the history.
      // Throwing here rolls back the whole call (one transaction), so nothing is half-saved.
      if (source === 'manual' && !reason) {
        throw new ValidationError('errors.duty.editReason', `Changing the saved duty of ${day.date} needs a reason; nothing was saved`, { date: day.date });
      }
      repo.insertChange({
        id: randomUUID(),
        batchId,
        kind: source === 'import' ? 'import' : 'rota',
        date: day.date,
        slot,
        fromPersonId: from.person_id,
        toPersonId,
        reason,
        changedBy: ctx.actor.name,
        changedAtMs: ctx.nowMs,
        oldAssignmentId: from.id,
        newAssignmentId: newId,
        nowIso: ctx.nowIso,
      });
    };
    for (const wanted of wantedSlots(day, shiftSplit)) {
      const key = `${wanted.slot}:${wanted.position}`;
      const previous = old.get(key);
      old.delete(key);
      if (previous && previous.person_id === wanted.personId && previous.shift === wanted.shift) continue;
      const id = randomUUID();
      repo.insertAssignment({ id, dayId, date: day.date, ...wanted, source, extensionId: null, nowIso: ctx.nowIso });
      if (previous) repo.supersede(previous.id, id, ctx.nowMs, ctx.nowIso);
      change(wanted.slot, previous, wanted.personId, id);
    }
    for (const left of old.values()) {
      repo.supersede(left.id, null, ctx.nowMs, ctx.nowIso);
      change(left.slot as DutySlot, left, null, null);
    }
    ctx.audit({ entity: 'duty_day', entityId: dayId, before: savedDays.get(day.date) ?? null, after: day });
  }
  return days.length;
}

function assertDistinctDates(days: { date: LocalDate; row?: number }[]): void {
  const seen = new Set<LocalDate>();
  const issues: FieldIssue[] = [];
  for (const day of days) {
    if (seen.has(day.date)) {
      const at = day.row ? { en: `Row ${day.row}: `, zh: `第 ${day.row} 行：` } : { en: '', zh: '' };
      issues.push(lineIssue(`${at.en}${day.date} appears twice`, `${at.zh}${day.date} 重复出现`));
    }
    seen.add(day.date);
  }
  if (issues.length) throw new ValidationError('errors.duty.duplicateDates', 'A date appears twice; nothing was saved', { count: issues.length }, issues);
}

/** Applies a swap or replacement the rules accepted: new assignments in the same slots, the old ones superseded. */
function applySwap(ctx: HandlerContext, result: SwapResult, kind: 'swap' | 'replace', rows: AssignmentRow[]) {
  if (!result.ok) {
    const { kind: why, date = '', personId = '' } = result.error;
    const name = dutyPeopleRepo(ctx.db).get(personId)?.name ?? personId;
    throw new ValidationError(`errors.duty.swap.${why}`, `Swap refused (${why}) on ${date} for ${name}`, { date, name });
  }
  const repo = dutyRotaRepo(ctx.db);
  const names = new Map(dutyPeopleRepo(ctx.db).list().map((p) => [p.id, p.name]));
  const batchId = randomUUID();
  const taken = new Set<string>();
  const changes: RotaChangeRecord[] = [];
  for (const h of result.history) {
    const old = rows.find((r) => !taken.has(r.id) && r.date === h.date && r.slot === h.role && r.person_id === h.fromPersonId)!;
    taken.add(old.id);
    const id = randomUUID();
    repo.insertAssignment({
      id,
      dayId: old.day_id,
      date: old.date,
      slot: old.slot,
      position: old.position,
      personId: h.toPersonId,
      shift: old.shift,
      source: 'swap',
      extensionId: null,
      nowIso: ctx.nowIso,
    });
    repo.supersede(old.id, id, ctx.nowMs, ctx.nowIso);
    const change = {
      id: randomUUID(),
      batchId,
      kind,
      date: h.date,
      slot: h.role,
      fromPersonId: h.fromPersonId,
      toPersonId: h.toPersonId,
      reason: h.reason,
      changedBy: ctx.actor.name,
      changedAtMs: ctx.nowMs,
      oldAssignmentId: old.id,
      newAssignmentId: id,
      nowIso: ctx.nowIso,
    };
    repo.insertChange(change);
    ctx.audit({ entity: 'duty_assignment', entityId: id, before: { assignmentId: old.id, personId: h.fromPersonId }, after: change });
    const { oldAssignmentId: _old, newAssignmentId: _new, nowIso: _now, ...record } = change;
    changes.push({ ...record, fromName: names.get(h.fromPersonId) ?? null, toName: names.get(h.toPersonId) ?? null });
  }
  return { changes, warnings: nameConflicts(result.warnings, names) };
}

/** The saved days around the given dates, so the swap rules can see back-to-back duty. */
function rowsAround(ctx: HandlerContext, a: LocalDate, b: LocalDate): AssignmentRow[] {
  const [from, to] = a < b ? [a, b] : [b, a];
  return dutyRotaRepo(ctx.db).current(addDays(from, -1), addDays(to, 1)).filter((r) => r.slot !== 'extra');
}

type RotaWriteMethods = 'duty.saveRota' | 'duty.importRota' | 'duty.swap' | 'duty.replace';

export const dutyRotaWriteHandlers = {
  'duty.saveRota': (ctx, { days, source, reason, allowIncomplete }) => {
    assertDistinctDates(days);
    const dates = days.map((d) => d.date).sort();
    assertRange(dates[0], dates[dates.length - 1]);
    const conflicts = conflictsInContext(ctx, days, dutyPeopleRepo(ctx.db).roster());
    assertRotaAcceptable(conflicts, allowIncomplete);
    return { saved: writeDays(ctx, days, source, reason), conflicts };
  },

  'duty.importRota': (ctx, { rows, allowIncomplete }) => {
    const people = dutyPeopleRepo(ctx.db).list();
    const resolve = personResolver(people);
    const issues: FieldIssue[] = [];
    const bad = (row: number, en: string, zh: string) => issues.push(lineIssue(`Row ${row}: ${en}`, `第 ${row} 行：${zh}`));
    const person = (row: number, text: string): string | undefined => {
      const found = resolve(text);
      if (found.ok) return found.id;
      if (found.reason === 'ambiguous') bad(row, `"${text}" matches several people; add the phone number`, `“${text}”对应多人，请加上电话号码`);
      else bad(row, `"${text}" is not in the people register`, `“${text}”不在人员名册中`);
      return undefined;
    };
    const days: (DutyDay & { row: number })[] = [];
    for (const r of rows) {
      const date = parseImportDate(r.date);
      if (!date) bad(r.row, `date "${r.date}" is not a date like 2024-07-01`, `日期“${r.date}”无法识别，应为 2024-07-01 这样的格式`);
      const leaderId = r.leader ? (person(r.row, r.leader) ?? null) : null;
      const officerIds = r.officers.map((name) => person(r.row, name)).filter((id): id is string => id !== undefined);
      const backupId = r.backup ? person(r.row, r.backup) : undefined;
      if (date) days.push({ row: r.row, date, leaderId, officerIds, ...(backupId ? { backupId } : {}) });
    }
    if (!issues.length) assertDistinctDates(days);
    if (issues.length) {
      throw new ValidationError('errors.duty.importRows', `${issues.length} row problem(s); nothing was imported`, { count: issues.length }, issues);
    }
    const rowOf = new Map(days.map((d) => [d.date, d.row]));
    const plain = days.map(({ row: _row, ...day }) => day);
    const conflicts = conflictsInContext(ctx, plain, dutyPeopleRepo(ctx.db).roster());
    assertRotaAcceptable(conflicts, allowIncomplete, (c) => {
      // A back-to-back clash with the saved day after the import is the last imported row's doing.
      const row = rowOf.get(c.date) ?? rowOf.get(addDays(c.date, -1));
      return { en: `Row ${row} (${c.date})`, zh: `第 ${row} 行（${c.date}）` };
    });
    return { saved: writeDays(ctx, plain, 'import', ''), conflicts };
  },

  'duty.swap': (ctx, { first, second, reason }) => {
    const rows = rowsAround(ctx, first.date, second.date);
    const s = dutySettings(ctx);
    const result = swapDuties([...toDutyDays(rows).values()], { first, second, reason }, dutyPeopleRepo(ctx.db).roster(), {
      officersPerDay: s.officersPerDay,
      allowConsecutive: s.allowConsecutive,
    });
    return applySwap(ctx, result, 'swap', rows);
  },

  'duty.replace': (ctx, { date, fromPersonId, toPersonId, reason }) => {
    const rows = rowsAround(ctx, date, date);
    const s = dutySettings(ctx);
    const result = replacePerson([...toDutyDays(rows).values()], { date, fromPersonId, toPersonId, reason }, dutyPeopleRepo(ctx.db).roster(), {
      officersPerDay: s.officersPerDay,
      allowConsecutive: s.allowConsecutive,
    });
    return applySwap(ctx, result, 'replace', rows);
  },
} satisfies Pick<HandlerMap<'duty'>, RotaWriteMethods>;

import type { LocalDate } from '../../time';
import { findRotaConflicts, type RotaConflict } from './conflicts';
import { DEFAULT_RULES, allIds, isOnLeave, type DutyDay, type DutySlot, type Person, type RotaRules } from './types';

/** One line of 调班 history: on `date`, `role` passed from one person to another. */
export interface SwapRecord {
  date: LocalDate;
  role: DutySlot;
  fromPersonId: string;
  toPersonId: string;
  reason: string;
}

export type SwapErrorKind =
  | 'day_not_found'
  | 'not_on_duty'
  | 'same_person'
  | 'unknown_person'
  | 'inactive'
  | 'on_leave'
  | 'not_a_leader'
  | 'duplicate';

export interface SwapError {
  kind: SwapErrorKind;
  date?: LocalDate;
  personId?: string;
}

/**
 * Refusals cover what must never be on a rota (leave, inactive, the same person twice
 * in a day, a leader slot without a leader). A swap that makes someone work two days
 * running is allowed, because the people asking usually know, but comes back in
 * `warnings` so the screen can say so before it is saved.
 */
export type SwapResult =
  | { ok: true; days: DutyDay[]; history: SwapRecord[]; warnings: RotaConflict[] }
  | { ok: false; error: SwapError };

export interface DutyRef {
  date: LocalDate;
  personId: string;
}

/** Two people trade duties: `first` takes over `second`'s slot and vice versa.
 * Both dates may be the same day, which trades slots (e.g. leader and backup). */
export interface SwapRequest {
  first: DutyRef;
  second: DutyRef;
  reason: string;
}

export interface ReplaceRequest {
  date: LocalDate;
  fromPersonId: string;
  toPersonId: string;
  reason: string;
}

interface SlotRef {
  date: LocalDate;
  slot: DutySlot;
  /** Position in `officerIds`; 0 for leader and backup. */
  index: number;
}

export function swapDuties(
  days: readonly DutyDay[],
  request: SwapRequest,
  roster: readonly Person[],
  rules: Partial<RotaRules> = {},
): SwapResult {
  const { first, second, reason } = request;
  if (first.personId === second.personId) return refuse('same_person', first.date, first.personId);
  const slotA = locate(days, first);
  if ('kind' in slotA) return { ok: false, error: slotA };
  const slotB = locate(days, second);
  if ('kind' in slotB) return { ok: false, error: slotB };

  const moves: Move[] = [
    { at: slotA, from: first.personId, to: second.personId },
    { at: slotB, from: second.personId, to: first.personId },
  ];
  return applyMoves(days, moves, roster, rules, reason);
}

export function replacePerson(
  days: readonly DutyDay[],
  request: ReplaceRequest,
  roster: readonly Person[],
  rules: Partial<RotaRules> = {},
): SwapResult {
  const { date, fromPersonId, toPersonId, reason } = request;
  if (fromPersonId === toPersonId) return refuse('same_person', date, toPersonId);
  const slot = locate(days, { date, personId: fromPersonId });
  if ('kind' in slot) return { ok: false, error: slot };
  return applyMoves(days, [{ at: slot, from: fromPersonId, to: toPersonId }], roster, rules, reason);
}

interface Move {
  at: SlotRef;
  from: string;
  to: string;
}

function applyMoves(
  days: readonly DutyDay[],
  moves: Move[],
  roster: readonly Person[],
  rules: Partial<RotaRules>,
  reason: string,
): SwapResult {
  const byId = new Map(roster.map((p) => [p.id, p]));
  for (const { at, to } of moves) {
    const person = byId.get(to);
    if (!person) return refuse('unknown_person', at.date, to);
    if (!person.active) return refuse('inactive', at.date, to);
    if (isOnLeave(person, at.date)) return refuse('on_leave', at.date, to);
    if (at.slot === 'leader' && !person.roles.includes('leader')) return refuse('not_a_leader', at.date, to);
  }

  const touched = new Set(moves.map((m) => m.at.date));
  const next = days.map((day) => (touched.has(day.date) ? copyDay(day) : day));
  for (const { at, to } of moves) put(next.find((d) => d.date === at.date)!, at, to);

  // Only the people moved in are checked: a duplicate already on the day is someone
  // else's mistake and findRotaConflicts reports it; it must not block this swap.
  const people = new Set(moves.map((m) => m.to));
  for (const date of touched) {
    const ids = allIds(next.find((d) => d.date === date)!);
    const twice = ids.find((id, i) => people.has(id) && ids.indexOf(id) !== i);
    if (twice) return refuse('duplicate', date, twice);
  }

  const allowConsecutive = rules.allowConsecutive ?? DEFAULT_RULES.allowConsecutive;
  const consecutive = (list: readonly DutyDay[]) =>
    findRotaConflicts(list, roster, { ...rules, allowConsecutive }).filter(
      (c) => c.kind === 'consecutive' && people.has(c.personId!),
    );
  const before = new Set(consecutive(days).map(conflictKey));
  const warnings = consecutive(next).filter((c) => !before.has(conflictKey(c)));

  const history = moves.map(({ at, from, to }) => ({ date: at.date, role: at.slot, fromPersonId: from, toPersonId: to, reason }));
  return { ok: true, days: next, history, warnings };
}

function locate(days: readonly DutyDay[], ref: DutyRef): SlotRef | SwapError {
  const day = days.find((d) => d.date === ref.date);
  if (!day) return { kind: 'day_not_found', date: ref.date };
  if (day.leaderId === ref.personId) return { date: ref.date, slot: 'leader', index: 0 };
  const index = day.officerIds.indexOf(ref.personId);
  if (index >= 0) return { date: ref.date, slot: 'officer', index };
  if (day.backupId === ref.personId) return { date: ref.date, slot: 'backup', index: 0 };
  return { kind: 'not_on_duty', date: ref.date, personId: ref.personId };
}

function put(day: DutyDay, at: SlotRef, personId: string): void {
  if (at.slot === 'leader') day.leaderId = personId;
  else if (at.slot === 'backup') day.backupId = personId;
  else day.officerIds[at.index] = personId;
}

function copyDay(day: DutyDay): DutyDay {
  return { ...day, officerIds: [...day.officerIds] };
}

function conflictKey(c: RotaConflict): string {
  return `${c.date}|${c.personId}`;
}

function refuse(kind: SwapErrorKind, date: LocalDate, personId: string): SwapResult {
  return { ok: false, error: { kind, date, personId } };
}

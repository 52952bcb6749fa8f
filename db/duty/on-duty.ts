import type { DutyPerson } from '../../core/contract/system';
import type { HandlerContext } from '../platform/context';
import { LOCAL_ACTOR } from '../accounts';
import { dutyRotaRepo, type AssignmentRow } from './rota.repo';
import { shiftAt } from './common';
import { runningExtensions } from './extensions.handlers';

const person = (row: AssignmentRow): DutyPerson => ({ id: row.person_id, name: row.name, phone: row.phone });

/**
 * Who is on duty at this moment, from the rota. The duty day is the one that contains now, so at
 * 03:00 it is still yesterday's team; with split shifts only the officers of the current half; a
 * team kept on by an extended watch (在岗值守至预警解除) stays on until the watch ends.
 */
export function onDutyNow(ctx: HandlerContext): { leader: DutyPerson | null; officers: DutyPerson[] } {
  const shift = shiftAt(ctx, ctx.nowMs);
  const rota = dutyRotaRepo(ctx.db);
  const today = rota.current(shift.day, shift.day);
  const leader = today.find((r) => r.slot === 'leader');
  const onWatch = today.filter((r) => r.slot === 'extra' || (r.slot === 'officer' && (r.shift === 'full' || r.shift === shift.kind)));
  const kept = runningExtensions(ctx, ctx.nowMs)
    .filter((e) => e.date !== shift.day)
    .flatMap((e) => rota.current(e.date, e.date).filter((r) => r.slot !== 'backup' && (r.slot !== 'extra' || r.extension_id === e.id)));
  const seen = new Set(leader ? [leader.person_id] : []);
  const officers = [...onWatch, ...kept].filter((r) => !seen.has(r.person_id) && seen.add(r.person_id)).map(person);
  return { leader: leader ? person(leader) : null, officers };
}

/**
 * Who wrote it: the name typed on the form, else the signed-in person. On a one-PC desk without
 * sign-in the caller is only "本机值班员", which names nobody; the officer the rota has on duty now
 * is the one at the keyboard, so the record names them (the form shows it and it can be changed).
 */
export function recorder(ctx: HandlerContext, typed?: string): string {
  const name = typed?.trim();
  if (name) return name;
  if (ctx.actor.id !== LOCAL_ACTOR.id) return ctx.actor.name;
  return onDutyNow(ctx).officers[0]?.name ?? ctx.actor.name;
}

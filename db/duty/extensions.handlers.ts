import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import { isOnLeave } from '../../core/domain/duty/types';
import type { ExtensionView } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { dutyPeopleRepo } from './people.repo';
import { dutyRotaRepo, type ExtensionRow } from './rota.repo';
import { dutyWarningsRepo } from './warnings.repo';
import { assertOrdered, dutyDayAt } from './common';

export function extensionView(ctx: HandlerContext, row: ExtensionRow): ExtensionView {
  return {
    id: row.id,
    date: row.date,
    warningId: row.warning_id,
    untilMs: row.until_ms,
    note: row.note,
    endedAtMs: row.ended_at_ms,
    extraPeople: dutyRotaRepo(ctx.db).extras(row.id).map((r) => ({ personId: r.person_id, name: r.name, phone: r.phone })),
    createdAt: row.created_at,
  };
}

/** Watches still running at `nowMs`: not ended by hand, and neither their time nor their warning has run out. */
export function runningExtensions(ctx: HandlerContext, nowMs: number): ExtensionRow[] {
  const warnings = dutyWarningsRepo(ctx.db);
  return dutyRotaRepo(ctx.db)
    .openExtensions()
    .filter((e) => {
      if (e.until_ms !== null) return e.until_ms > nowMs;
      const warning = warnings.warning(e.warning_id!);
      return !!warning && (warning.liftedAtMs === null || warning.liftedAtMs > nowMs);
    });
}

type ExtensionMethods = 'duty.extendDuty' | 'duty.endExtension';

export const dutyExtensionHandlers = {
  'duty.extendDuty': (ctx, input) => {
    const date = input.date ?? dutyDayAt(ctx, ctx.nowMs);
    if (!input.warningId && input.untilMs === null) {
      throw new ValidationError('errors.duty.extensionNeedsEnd', 'Say until which warning is lifted or until when');
    }
    if (input.warningId) {
      const warning = dutyWarningsRepo(ctx.db).warning(input.warningId);
      if (!warning) throw new NotFound('duty_warning', input.warningId);
      if (warning.liftedAtMs !== null) throw new Conflict('errors.duty.warningLifted', `${warning.title} is already lifted`, { title: warning.title });
    }
    if (input.untilMs !== null) assertOrdered(ctx, ctx.nowMs, input.untilMs);

    const rota = dutyRotaRepo(ctx.db);
    const people = dutyPeopleRepo(ctx.db);
    const onDay = new Set(rota.current(date, date).map((r) => r.person_id));
    const extraIds = [...new Set(input.extraPersonIds)];
    for (const personId of extraIds) {
      const person = people.get(personId);
      if (!person) throw new NotFound('duty_person', personId);
      const away = !person.active || isOnLeave(person, date);
      if (away) throw new ValidationError('errors.duty.extraUnavailable', `${person.name} is on leave or inactive on ${date}`, { name: person.name, date });
      if (onDay.has(personId)) throw new ValidationError('errors.duty.extraAlreadyOnDuty', `${person.name} is already on duty on ${date}`, { name: person.name, date });
    }

    const id = randomUUID();
    const dayId = rota.ensureDay(date, randomUUID(), ctx.nowIso);
    rota.insertExtension({ id, dayId, warningId: input.warningId, untilMs: input.untilMs, note: input.note, nowIso: ctx.nowIso });
    const firstPosition = rota.current(date, date).filter((r) => r.slot === 'extra').length;
    extraIds.forEach((personId, i) => {
      const assignmentId = randomUUID();
      rota.insertAssignment({
        id: assignmentId,
        dayId,
        date,
        slot: 'extra',
        position: firstPosition + i,
        personId,
        shift: 'full',
        source: 'extension',
        extensionId: id,
        nowIso: ctx.nowIso,
      });
      rota.insertChange({
        id: randomUUID(),
        batchId: id,
        kind: 'extension',
        date,
        slot: 'extra',
        fromPersonId: null,
        toPersonId: personId,
        reason: input.note,
        changedBy: ctx.actor.name,
        changedAtMs: ctx.nowMs,
        oldAssignmentId: null,
        newAssignmentId: assignmentId,
        nowIso: ctx.nowIso,
      });
    });
    const view = extensionView(ctx, rota.extension(id)!);
    ctx.audit({ entity: 'duty_extension', entityId: id, before: null, after: view });
    return view;
  },

  'duty.endExtension': (ctx, { id }) => {
    const rota = dutyRotaRepo(ctx.db);
    const before = rota.extension(id);
    if (!before) throw new NotFound('duty_extension', id);
    if (!rota.endExtension(id, ctx.nowMs, ctx.nowIso)) throw new Conflict('errors.duty.extensionEnded', 'This watch has already ended');
    const after = extensionView(ctx, rota.extension(id)!);
    ctx.audit({ entity: 'duty_extension', entityId: id, before: extensionView(ctx, before), after });
    return after;
  },
} satisfies Pick<HandlerMap<'duty'>, ExtensionMethods>;

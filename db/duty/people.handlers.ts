import { randomUUID } from 'node:crypto';
import { NotFound, ValidationError } from '../../core/errors';
import type { HandlerMap } from '../platform/context';
import type { LeaveRecord } from '../../core/contract/dutyShared';
import { dutyPeopleRepo } from './people.repo';

type PeopleMethods = 'duty.listPeople' | 'duty.savePerson' | 'duty.addLeave' | 'duty.cancelLeave';

export const dutyPeopleHandlers = {
  'duty.listPeople': (ctx, { includeInactive }) => dutyPeopleRepo(ctx.db).list().filter((p) => includeInactive || p.active),

  'duty.savePerson': (ctx, { id, ...fields }) => {
    const repo = dutyPeopleRepo(ctx.db);
    const roles = [...new Set(fields.roles)];
    if (!id) {
      const created = { id: randomUUID(), ...fields, roles, createdAt: ctx.nowIso, updatedAt: ctx.nowIso };
      repo.insert(created);
      ctx.audit({ entity: 'duty_person', entityId: created.id, before: null, after: created });
      return repo.get(created.id)!;
    }
    const before = repo.get(id);
    if (!before) throw new NotFound('duty_person', id);
    const { leave: _leave, ...unchanged } = before;
    const after = { ...unchanged, ...fields, roles, updatedAt: ctx.nowIso };
    repo.update(after);
    ctx.audit({ entity: 'duty_person', entityId: id, before: unchanged, after });
    return repo.get(id)!;
  },

  'duty.addLeave': (ctx, { personId, from, to, reason }) => {
    const repo = dutyPeopleRepo(ctx.db);
    const person = repo.get(personId);
    if (!person) throw new NotFound('duty_person', personId);
    if (to < from) throw new ValidationError('errors.duty.leaveReversed', `Leave ends (${to}) before it starts (${from})`, { from, to });
    const overlap = repo.overlappingLeave(personId, from, to);
    if (overlap) {
      throw new ValidationError('errors.duty.leaveOverlap', `${person.name} already has leave ${overlap.from}–${overlap.to}`, {
        name: person.name,
        from: overlap.from,
        to: overlap.to,
      });
    }
    const leave: LeaveRecord = { id: randomUUID(), personId, from, to, reason };
    repo.insertLeave(leave, ctx.nowIso);
    ctx.audit({ entity: 'duty_leave', entityId: leave.id, before: null, after: leave });
    return leave;
  },

  'duty.cancelLeave': (ctx, { id }) => {
    const repo = dutyPeopleRepo(ctx.db);
    const leave = repo.getLeave(id);
    if (!leave) throw new NotFound('duty_leave', id);
    repo.cancelLeave(id, ctx.nowIso);
    ctx.audit({ entity: 'duty_leave', entityId: id, before: leave, after: null });
    return leave;
  },
} satisfies Pick<HandlerMap<'duty'>, PeopleMethods>;

import { randomUUID } from 'node:crypto';
import { NotFound, StaleRecord, ValidationError } from '../../core/errors';
import type { EventRecord } from '../../core/contract/system';
import type { HandlerMap } from '../platform/context';
import { eventsRepo } from './events.repo';

export const eventsHandlers = {
  'events.list': (ctx, { includeEnded }) => eventsRepo(ctx.db).list(includeEnded),
  'events.create': (ctx, input) => {
    const event: EventRecord = { id: randomUUID(), ...input, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso };
    eventsRepo(ctx.db).insert(event);
    ctx.audit({ entity: 'event', entityId: event.id, before: null, after: event });
    return event;
  },
  'events.update': (ctx, { id, patch, expectedVersion }) => {
    const repo = eventsRepo(ctx.db);
    const before = repo.get(id);
    if (!before) throw new NotFound('event', id);
    if (expectedVersion !== before.version) throw new StaleRecord('event', before);
    const after: EventRecord = { ...before, ...patch, updatedAt: ctx.nowIso };
    if (after.endedAtMs !== null && after.endedAtMs < after.startedAtMs) {
      throw new ValidationError('errors.events.endBeforeStart', 'The end must not be before the start');
    }
    // The version in the WHERE clause makes the check and the write one step.
    if (!repo.update(after)) throw new StaleRecord('event', repo.get(id));
    const saved = { ...after, version: before.version + 1 };
    ctx.audit({ entity: 'event', entityId: id, before, after: saved });
    return saved;
  },
} satisfies HandlerMap<'events'>;

import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, StaleRecord, ValidationError } from '../../core/errors';
import type { EventRecord } from '../../core/contract/system';
import { typhoonCode } from '../../core/domain/events/name';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from './events.repo';

/**
 * Checked on the whole record after a patch is applied, so a patch that changes only the kind
 * cannot leave a number on a rainstorm. The schema's triggers refuse the same, less kindly.
 */
function assertTyphoonNumber(ctx: HandlerContext, event: EventRecord): void {
  const { typhoonYear: year, typhoonNumber: number } = event;
  if ((year === null) !== (number === null)) {
    throw new ValidationError('errors.events.typhoonNumberPair', 'A typhoon number needs its year, and a year its number');
  }
  if (year === null || number === null) return;
  if (event.kind !== 'typhoon') throw new ValidationError('errors.events.numberNotTyphoon', 'Only a typhoon carries a typhoon number');
  const holder = eventsRepo(ctx.db).idOfTyphoon(year, number);
  if (holder !== null && holder !== event.id) {
    throw new Conflict('errors.events.typhoonTaken', `Typhoon ${typhoonCode(year, number)} is already recorded`, { year, number });
  }
}

export const eventsHandlers = {
  'events.list': (ctx, { includeEnded }) => eventsRepo(ctx.db).list(includeEnded),
  'events.create': (ctx, input) => {
    const event: EventRecord = { id: randomUUID(), ...input, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso };
    assertTyphoonNumber(ctx, event);
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
    assertTyphoonNumber(ctx, after);
    // The version in the WHERE clause makes the check and the write one step.
    if (!repo.update(after)) throw new StaleRecord('event', repo.get(id));
    const saved = { ...after, version: before.version + 1 };
    ctx.audit({ entity: 'event', entityId: id, before, after: saved });
    return saved;
  },
} satisfies HandlerMap<'events'>;

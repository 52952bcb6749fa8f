import { randomUUID } from 'node:crypto';
import { Conflict, NotFound } from '../../core/errors';
import type { LogEntry } from '../../core/contract/dutyShared';
import type { ParsedInputOf } from '../../core/contract';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { dutyLogRepo } from './log.repo';
import { assertNotFuture, dutyDayAt } from './common';
import { recorder } from './on-duty';

type LogInput = ParsedInputOf<'duty.logEntry'>;

function assertEvent(ctx: HandlerContext, eventId: string | null): void {
  if (eventId && !eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
}

/** Writes the first version of an entry; also used when warnings and reports log themselves. */
export function writeLogEntry(ctx: HandlerContext, input: LogInput): LogEntry {
  const receivedAtMs = input.receivedAtMs ?? ctx.nowMs;
  assertNotFuture(ctx, receivedAtMs, 'Time received');
  assertEvent(ctx, input.eventId);
  const repo = dutyLogRepo(ctx.db);
  if (input.followUpOf && !repo.current(input.followUpOf)) throw new NotFound('duty_log_entry', input.followUpOf);
  const id = randomUUID();
  const entry: LogEntry = {
    id,
    entryId: id,
    version: 1,
    receivedAtMs,
    dutyDay: dutyDayAt(ctx, receivedAtMs),
    channel: input.channel,
    fromName: input.fromName,
    fromUnit: input.fromUnit,
    content: input.content,
    actionTaken: input.actionTaken,
    forwardedTo: input.forwardedTo,
    result: input.result,
    recordedBy: recorder(ctx, input.recordedBy),
    status: input.status,
    followUpOf: input.followUpOf,
    eventId: input.eventId,
    correctionReason: '',
    createdAt: ctx.nowIso,
  };
  repo.insert(entry);
  ctx.audit({ entity: 'duty_log_entry', entityId: id, before: null, after: entry });
  return entry;
}

type LogMethods = 'duty.logEntry' | 'duty.listLog' | 'duty.correctLog' | 'duty.logHistory';

export const dutyLogHandlers = {
  'duty.logEntry': writeLogEntry,

  'duty.listLog': (ctx, { query, limit, offset, ...filters }) =>
    dutyLogRepo(ctx.db).search({ ...filters, terms: query.split(/\s+/).filter(Boolean), limit, offset }),

  'duty.correctLog': (ctx, { entryId, version, patch, reason }) => {
    const repo = dutyLogRepo(ctx.db);
    const before = repo.current(entryId);
    if (!before) throw new NotFound('duty_log_entry', entryId);
    // Two officers correcting the same entry: the second must see the first's version first.
    if (before.version !== version) {
      throw new Conflict('errors.duty.logStale', `Entry was corrected meanwhile (now version ${before.version})`, { version: before.version });
    }
    if (patch.receivedAtMs !== undefined) assertNotFuture(ctx, patch.receivedAtMs, 'Time received');
    if (patch.eventId !== undefined) assertEvent(ctx, patch.eventId);
    const receivedAtMs = patch.receivedAtMs ?? before.receivedAtMs;
    const after: LogEntry = {
      ...before,
      ...patch,
      id: randomUUID(),
      version: before.version + 1,
      receivedAtMs,
      dutyDay: dutyDayAt(ctx, receivedAtMs),
      recordedBy: ctx.actor.name,
      correctionReason: reason,
      createdAt: ctx.nowIso,
    };
    repo.retire(before.id, ctx.nowIso);
    repo.insert(after);
    ctx.audit({ entity: 'duty_log_entry', entityId: entryId, before, after });
    return after;
  },

  'duty.logHistory': (ctx, { entryId }) => {
    const versions = dutyLogRepo(ctx.db).history(entryId);
    if (!versions.length) throw new NotFound('duty_log_entry', entryId);
    return versions;
  },
} satisfies Pick<HandlerMap<'duty'>, LogMethods>;

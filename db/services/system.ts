import { randomUUID } from 'node:crypto';
import { NotFound, StaleRecord, ValidationError } from '../../core/errors';
import { sectionSchema } from '../../core/settings';
import { dutyDayOf } from '../../core/time';
import type { EventRecord, SystemStatus } from '../../core/contract/system';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { HandlerContext, HandlerMap } from '../context';
import { auditRepo } from '../repos/audit';
import { verifyAuditChain } from '../audit-verify';
import { assertBackupFolder } from './backup';
import { eventsRepo } from '../repos/events';
import { settingsRepo } from '../repos/settings';
import { dutyStatus } from './duty';
import { hazardsStatus } from './hazards';

function status(ctx: HandlerContext): SystemStatus {
  const { general } = ctx.settings();
  const openEvent = eventsRepo(ctx.db).latestOpen();
  return {
    nowMs: ctx.nowMs,
    timeZone: general.timeZone,
    dutyDay: dutyDayOf(ctx.nowMs, general.dutyDayStart, general.timeZone),
    dutyDayStart: general.dutyDayStart,
    unitName: general.unitName,
    operatorName: ctx.actor.name,
    openEvent: openEvent ? { id: openEvent.id, name: openEvent.name } : null,
    ...dutyStatus(ctx),
    ...hazardsStatus(ctx),
  };
}

export const systemHandlers = {
  'system.info': (ctx) => ({
    ...ctx.runtime,
    dataDir: ctx.dataDir,
    schemaVersion: LATEST_SCHEMA_VERSION,
  }),
  'system.status': status,
} satisfies HandlerMap<'system'>;

export const settingsHandlers = {
  'settings.get': (ctx) => ctx.settings(),
  'settings.update': (ctx, { section, values }) => {
    const current = ctx.settings();
    const merged = sectionSchema(section).safeParse({ ...current[section], ...values });
    if (!merged.success) {
      const issues = merged.error.issues.map((issue) => ({ path: [section, ...issue.path.map(String)].join('.'), message: issue.message, messageZh: issue.message }));
      throw new ValidationError('errors.validation', `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, undefined, issues);
    }
    if (section === 'general') assertTimeZone((merged.data as typeof current.general).timeZone);
    if (section === 'backup') assertBackupFolder((merged.data as typeof current.backup).folder);
    settingsRepo(ctx.db).write(section, merged.data, ctx.nowIso);
    ctx.audit({ entity: 'settings', entityId: section, before: current[section], after: merged.data });
    return settingsRepo(ctx.db).read();
  },
} satisfies HandlerMap<'settings'>;

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ValidationError('errors.badTimeZone', `Unknown time zone ${timeZone}`, { timeZone });
  }
}

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
      throw new ValidationError('errors.endBeforeStart', 'The end must not be before the start');
    }
    // The version in the WHERE clause makes the check and the write one step.
    if (!repo.update(after)) throw new StaleRecord('event', repo.get(id));
    const saved = { ...after, version: before.version + 1 };
    ctx.audit({ entity: 'event', entityId: id, before, after: saved });
    return saved;
  },
} satisfies HandlerMap<'events'>;

export const auditHandlers = {
  'audit.list': (ctx, filter) => auditRepo(ctx.db).list(filter),
  'audit.verify': (ctx) => verifyAuditChain(ctx.db),
} satisfies HandlerMap<'audit'>;


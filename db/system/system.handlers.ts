import { randomUUID } from 'node:crypto';
import { NotFound, StaleRecord, ValidationError } from '../../core/errors';
import { sectionSchema, type Settings } from '../../core/settings';
import { dutyDayOf } from '../../core/time';
import type { EventRecord, SystemStatus } from '../../core/contract/system';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { auditRepo } from '../audit/audit.repo';
import { verifyAuditChain } from '../audit/verify';
import { assertBackupFolder } from '../backup/backup.handlers';
import { redacted } from '../map/online.handlers';
import { eventsRepo } from './events.repo';
import { settingsRepo } from './settings.repo';
import { dutyStatus } from '../duty/duty.handlers';
import { hazardsStatus } from '../hazards/hazards.handlers';

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

/** Every role may read the settings; the online tile key is a credential, so readers only learn whether one is set. */
function withoutSecrets(settings: Settings): Settings {
  return { ...settings, map: redacted(settings.map) };
}

export const settingsHandlers = {
  'settings.get': (ctx) => withoutSecrets(ctx.settings()),
  'settings.update': (ctx, { section, values }) => {
    const current = ctx.settings();
    // The online tile key changes only through map.saveOnline: a settings form that sends back
    // what settings.get showed it ('(set)') must not overwrite the real key.
    const changes = { ...values };
    if (section === 'map') delete changes.onlineKey;
    const merged = sectionSchema(section).safeParse({ ...current[section], ...changes });
    if (!merged.success) {
      const issues = merged.error.issues.map((issue) => ({ path: [section, ...issue.path.map(String)].join('.'), message: issue.message, messageZh: issue.message }));
      throw new ValidationError('errors.validation', `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, undefined, issues);
    }
    if (section === 'general') assertTimeZone((merged.data as typeof current.general).timeZone);
    if (section === 'backup') assertBackupFolder((merged.data as typeof current.backup).folder);
    settingsRepo(ctx.db).write(section, merged.data, ctx.nowIso);
    const audited = (value: unknown) => (section === 'map' ? redacted(value as Settings['map']) : value);
    ctx.audit({ entity: 'settings', entityId: section, before: audited(current[section]), after: audited(merged.data) });
    return withoutSecrets(settingsRepo(ctx.db).read());
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


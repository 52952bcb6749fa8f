import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dutyDayOf } from '../../core/time';
import type { InputOf } from '../../core/contract';
import type { SystemStatus } from '../../core/contract/system';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { dutyStatus } from '../duty';
import { hazardsStatus } from '../hazards';
import { LOCAL_ACTOR, LOCAL_ACTOR_NAME_EN } from '../accounts';

function status(ctx: HandlerContext): SystemStatus {
  const { general } = ctx.settings();
  const openEvent = eventsRepo(ctx.db).latestOpen();
  return {
    nowMs: ctx.nowMs,
    timeZone: general.timeZone,
    dutyDay: dutyDayOf(ctx.nowMs, general.dutyDayStart, general.timeZone),
    dutyDayStart: general.dutyDayStart,
    unitName: general.unitName,
    unitNameEn: general.unitNameEn,
    operatorName: ctx.actor.name,
    operatorNameEn: ctx.actor.id === LOCAL_ACTOR.id ? LOCAL_ACTOR_NAME_EN : ctx.actor.name,
    openEvent: openEvent
      ? { id: openEvent.id, name: openEvent.name, nameEn: openEvent.nameEn, kind: openEvent.kind, typhoonYear: openEvent.typhoonYear, typhoonNumber: openEvent.typhoonNumber }
      : null,
    ...dutyStatus(ctx),
    ...hazardsStatus(ctx),
    integrity: ctx.ports.integrity.current(),
  };
}

/**
 * One line per part of the screen that failed to draw: when, who, and what the renderer sent, as
 * JSON so a stack's line breaks stay inside the line. Kept beside the data, where a support call
 * finds it; nothing is written to the database.
 */
function logClientError(ctx: HandlerContext, { section, message, stack, method, rowId }: InputOf<'system.logClientError'>): { ok: true } {
  const dir = join(ctx.dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const report = { section, message, stack, ...(method === undefined ? {} : { method }), ...(rowId === undefined ? {} : { rowId }) };
  appendFileSync(join(dir, 'renderer.log'), `${ctx.nowIso} ${ctx.actor.id} ${JSON.stringify(ctx.actor.name)} ${JSON.stringify(report)}\n`);
  return { ok: true };
}

export const systemHandlers = {
  'system.info': (ctx) => {
    // Paths tell where to copy the database from: only an administrator needs them.
    const admin = ctx.actor.role === 'admin';
    return { ...ctx.runtime, dataDir: admin ? ctx.dataDir : null, databaseFile: admin ? ctx.runtime.databaseFile : null, schemaVersion: LATEST_SCHEMA_VERSION };
  },
  'system.status': status,
  'system.checkIntegrity': (ctx) => ctx.ports.integrity.start('manual'),
  'system.logClientError': logClientError,
} satisfies HandlerMap<'system'>;

import { dutyDayOf } from '../../core/time';
import type { SystemStatus } from '../../core/contract/system';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { dutyStatus } from '../duty';
import { hazardsStatus } from '../hazards';

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

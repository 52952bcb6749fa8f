import { NotFound } from '../../core/errors';
import { dutyDayOf } from '../../core/time';
import type { PointWarnings, RectificationRecord } from '../../core/contract/hazards-types';
import { everyHours, type ScheduleSettings } from '../../core/domain/hazards/inspection';
import { daysOverdue, type RectificationSettings } from '../../core/domain/hazards/rectification';
import { findNearDuplicates, locationWarnings, normalizePointName } from '../../core/domain/hazards/points';
import { toWgs84, type CoordSystem } from '../../core/domain/geo/coords';
import type { HandlerContext } from '../platform/context';
import { pointsRepo, type NameKeys } from './points.repo';
import { pinyinSortKey } from '../../core/domain/hazards/pinyin';
import type { StoredOrder } from './records.repo';
import { dutyStatus } from '../duty';

/** Rules and settings every hazards handler shares. */

export function scheduleSettings(ctx: HandlerContext): ScheduleSettings {
  const { general, hazards } = ctx.settings();
  return { dutyDayBoundary: general.dutyDayStart, timeZone: general.timeZone, defaultWarningFrequency: everyHours(hazards.warningFrequencyHours) };
}

export function rectSettings(ctx: HandlerContext): RectificationSettings {
  const { general, hazards } = ctx.settings();
  return { recheckBySomeoneElse: hazards.recheckBySomeoneElse, dutyDayBoundary: general.dutyDayStart, timeZone: general.timeZone };
}

export function dutyDay(ctx: HandlerContext, atMs = ctx.nowMs): string {
  const { general } = ctx.settings();
  return dutyDayOf(atMs, general.dutyDayStart, general.timeZone);
}

/** Raised frequencies apply while the duty desk has any warning in force. */
export function warningActive(ctx: HandlerContext): boolean {
  return dutyStatus(ctx).activeWarnings.length > 0;
}

export function rectRecord(ctx: HandlerContext, stored: StoredOrder): RectificationRecord {
  const o = stored.order;
  const days = daysOverdue(o, ctx.nowMs, rectSettings(ctx));
  return {
    id: o.id,
    noticeNo: stored.noticeNo,
    pointId: o.pointId,
    pointName: stored.pointName,
    inspectionId: o.inspectionId ?? null,
    itemKey: o.itemKey ?? null,
    description: o.description,
    responsibleUnit: o.responsibleUnit ?? '',
    responsiblePerson: o.responsiblePerson ?? '',
    deadline: o.deadline,
    status: o.status,
    createdBy: o.createdBy,
    createdAtMs: o.createdAtMs,
    fixedBy: o.fixedBy ?? null,
    submittedAtMs: o.submittedAtMs ?? null,
    closedAtMs: o.closedAtMs ?? null,
    history: [...o.history],
    overdue: days > 0,
    daysOverdue: days,
  };
}

/**
 * A location converted to WGS-84 with its warnings: outside China or the unit's area, and
 * the same name already registered nearby. Invalid numbers throw; the rest only warn.
 */
export function pointWarnings(ctx: HandlerContext, input: { id: string | null; name: string; lat: number; lng: number; coordSystem: CoordSystem }): PointWarnings {
  const converted = toWgs84(input.lat, input.lng, input.coordSystem);
  const { hazards } = ctx.settings();
  const location = locationWarnings(converted.lat, converted.lng, hazards.area ?? undefined);
  const sameName = pointsRepo(ctx.db).sameName(normalizePointName(input.name));
  const duplicates = findNearDuplicates({ ...converted, name: input.name, ...(input.id ? { id: input.id } : {}) }, sameName, hazards.duplicateRadiusM).map((d) => ({
    id: d.point.id,
    name: d.point.name,
    distanceM: Math.round(d.distanceM),
  }));
  return { converted, location, duplicates };
}

/** What the register keeps derived from a point's name, recomputed on every write of the name. */
export function nameKeys(name: string): NameKeys {
  return { nameNorm: normalizePointName(name), namePinyin: pinyinSortKey(name) };
}

export function mustGet<T>(value: T | undefined, entity: string, id: string): T {
  if (value === undefined) throw new NotFound(entity, id);
  return value;
}

import { randomUUID } from 'node:crypto';
import { Conflict, StaleRecord, ValidationError } from '../../core/errors';
import type { HazardPoint, PointInput } from '../../core/contract/hazards-types';
import type { AuditRow } from '../../core/contract/system';
import { dueAfter } from '../../core/domain/hazards/inspection';
import type { Handler, HandlerContext } from '../platform/context';
import { auditRepo } from '../audit';
import { pointsRepo } from './points.repo';
import { inspectionsRepo, rectificationsRepo } from './records.repo';
import { photosRepo } from './photos.repo';
import { patrolsRepo } from './patrols.repo';
import { dutyDay, mustGet, nameKeys, pointWarnings, rectRecord, scheduleSettings } from './common';

/** The stored record for validated input whose location is already WGS-84. */
export function pointFromInput(ctx: HandlerContext, input: PointInput, id: string, wgs: { lat: number; lng: number }, existing?: HazardPoint): HazardPoint {
  if (input.letterSigned && !input.letterDate) {
    throw new ValidationError('errors.hazards.letterDateMissing', 'A signed responsibility letter needs its date', undefined, [
      { path: 'letterDate', message: 'Enter the date the letter was signed', messageZh: '请填写责任书签订日期' },
    ]);
  }
  const last = existing?.lastInspectionMs ?? null;
  const { coordSystem: _system, lat: _lat, lng: _lng, ...fields } = input;
  return {
    ...fields,
    id,
    // 1e-7 degrees is about 1 cm: finer digits are conversion noise.
    lat: Math.round(wgs.lat * 1e7) / 1e7,
    lng: Math.round(wgs.lng * 1e7) / 1e7,
    lastInspectionMs: last,
    lastResult: existing?.lastResult ?? null,
    nextDueMs: last === null ? null : dueAfter(input.frequency, last, scheduleSettings(ctx)),
    createdAt: existing?.createdAt ?? ctx.nowIso,
    updatedAt: ctx.nowIso,
    version: existing ? existing.version + 1 : 1,
  };
}

/** A point record from form input, converted to WGS-84, with the warnings the user should see. */
export function buildPoint(ctx: HandlerContext, input: PointInput, id: string, existing?: HazardPoint): { point: HazardPoint; warnings: ReturnType<typeof pointWarnings> } {
  const warnings = pointWarnings(ctx, { id: existing ? id : null, name: input.name, lat: input.lat, lng: input.lng, coordSystem: input.coordSystem });
  return { point: pointFromInput(ctx, input, id, warnings.converted, existing), warnings };
}

const createPoint: Handler<'hazards.createPoint'> = (ctx, input) => {
  const built = buildPoint(ctx, input, randomUUID());
  pointsRepo(ctx.db).insert(built.point, nameKeys(built.point.name));
  ctx.audit({ entity: 'hazard_point', entityId: built.point.id, before: null, after: built.point });
  return built;
};

const updatePoint: Handler<'hazards.updatePoint'> = (ctx, { id, point: input, expectedVersion }) => {
  const repo = pointsRepo(ctx.db);
  const before = mustGet(repo.get(id), 'hazard_point', id);
  if (expectedVersion !== before.version) throw new StaleRecord('hazard_point', before);
  const built = buildPoint(ctx, input, id, before);
  // The version in the WHERE clause makes the check and the write one step.
  if (!repo.update(built.point, nameKeys(built.point.name), expectedVersion)) throw new StaleRecord('hazard_point', repo.get(id));
  ctx.audit({ entity: 'hazard_point', entityId: id, before, after: built.point });
  return built;
};

/** The point's own audit rows, newest first, then the import that created it (without its list of every point's id). */
function pointHistory(ctx: HandlerContext, id: string): AuditRow[] {
  const audit = auditRepo(ctx.db);
  const own = audit.list({ entity: 'hazard_point', entityId: id, limit: 200, offset: 0 }).rows;
  const importId = pointsRepo(ctx.db).importOf(id);
  if (!importId) return own;
  const imported = audit.list({ entity: 'hazard_import', entityId: importId, limit: 1, offset: 0 }).rows.map((row) => {
    const { pointIds: _ids, ...after } = row.after as { pointIds: string[] };
    return { ...row, after };
  });
  return [...own, ...imported];
}

export const pointHandlers = {
  'hazards.checkPoint': (ctx, input) => pointWarnings(ctx, input),
  'hazards.createPoint': createPoint,
  'hazards.updatePoint': updatePoint,
  'hazards.deletePoint': (ctx, { id, reason }) => {
    const repo = pointsRepo(ctx.db);
    const before = mustGet(repo.get(id), 'hazard_point', id);
    repo.softDelete(id, ctx.nowIso);
    ctx.audit({ entity: 'hazard_point', entityId: id, before, after: { deletedAt: ctx.nowIso, reason } });
    return { id };
  },
  'hazards.restorePoint': (ctx, { id, reason }) => {
    const repo = pointsRepo(ctx.db);
    const deleted = repo.getDeleted(id);
    const before = deleted ?? mustGet(repo.get(id), 'hazard_point', id);
    if (!deleted && before.status === 'active') throw new Conflict('errors.hazards.notRestorable', 'The point is already active', { name: before.name });
    repo.restore(id, ctx.nowIso);
    const after = mustGet(repo.get(id), 'hazard_point', id);
    ctx.audit({ entity: 'hazard_point', entityId: id, before, after: { ...after, ...(deleted ? { deletedAt: null } : {}), ...(reason ? { reason } : {}) } });
    return after;
  },
  'hazards.getPoint': (ctx, { id }) => {
    const point = mustGet(pointsRepo(ctx.db).get(id), 'hazard_point', id);
    const rects = rectificationsRepo(ctx.db).list({ status: null, overdueOnly: false, pointId: id, today: dutyDay(ctx), limit: 200, offset: 0 });
    return {
      point,
      inspections: inspectionsRepo(ctx.db).forPoint(id, 100),
      rectifications: rects.rows.map((r) => rectRecord(ctx, r)),
      photos: photosRepo(ctx.db).forPoint(id),
      routes: patrolsRepo(ctx.db).routesWithPoint(id),
      history: pointHistory(ctx, id),
    };
  },
  'hazards.listPoints': (ctx, { filter, sort, desc, limit, offset }) => pointsRepo(ctx.db).list(filter, { today: dutyDay(ctx), nowMs: ctx.nowMs }, sort, desc, limit, offset),
  'hazards.exportPoints': (ctx, { filter }) => pointsRepo(ctx.db).all(filter, { today: dutyDay(ctx), nowMs: ctx.nowMs }),
} satisfies { [M in 'hazards.checkPoint' | 'hazards.createPoint' | 'hazards.updatePoint' | 'hazards.deletePoint' | 'hazards.restorePoint' | 'hazards.getPoint' | 'hazards.listPoints' | 'hazards.exportPoints']: Handler<M> };

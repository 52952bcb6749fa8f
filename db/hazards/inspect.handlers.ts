import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../core/errors';
import { formatLocal } from '../../core/time';
import type { InspectionRecord, RectificationRecord, TemplateRecord } from '../../core/contract/hazards-types';
import { defaultTemplateFor, reviseTemplate, type ChecklistTemplate, type HazardTypeId, HAZARD_TYPE_IDS } from '../../core/domain/hazards/templates';
import { dueAfter, evaluateInspection, rectificationDrafts } from '../../core/domain/hazards/inspection';
import { openRectification, refusalError, transition, type RectificationDraft } from '../../core/domain/hazards/rectification';
import type { Handler, HandlerContext } from '../platform/context';
import { eventsRepo } from '../events';
import { pointsRepo } from './points.repo';
import { inspectionsRepo, rectificationsRepo, templateRecord, templatesRepo } from './records.repo';
import { photosRepo } from './photos.repo';
import { dutyDay, mustGet, rectRecord, rectSettings, scheduleSettings } from './common';

/** A clock a little ahead on the inspector's phone is normal; a day ahead is a typing mistake. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

function currentTemplate(ctx: HandlerContext, type: HazardTypeId): { template: ChecklistTemplate; builtIn: boolean } {
  const [latest] = templatesRepo(ctx.db).history(type);
  return latest ? { template: latest, builtIn: false } : { template: defaultTemplateFor(type), builtIn: true };
}

/** The built-in version 1 is written down the first time anything depends on it. */
function storedTemplate(ctx: HandlerContext, type: HazardTypeId): ChecklistTemplate {
  const { template, builtIn } = currentTemplate(ctx, type);
  if (builtIn) templatesRepo(ctx.db).store(template, ctx.actor.name, ctx.nowIso);
  return template;
}

/** Attaches fresh uploads to a record; a photo that is unknown or already used elsewhere is refused. */
export function attachPhotos(ctx: HandlerContext, ids: readonly string[], kind: 'point' | 'inspection' | 'rectification', ownerId: string, itemKey: string | null, step: string | null): void {
  const repo = photosRepo(ctx.db);
  for (const id of ids) {
    if (!repo.attach(id, kind, ownerId, itemKey, step, ctx.nowIso)) {
      throw new ValidationError('errors.hazards.photoUnavailable', `Photo ${id} was not uploaded or is already attached elsewhere`, { id });
    }
  }
}

function openOrder(ctx: HandlerContext, draft: RectificationDraft): RectificationRecord {
  const repo = rectificationsRepo(ctx.db);
  const order = openRectification(draft, randomUUID(), ctx.actor.name, ctx.nowMs);
  repo.insert(order, repo.nextNoticeNo(formatLocal(ctx.nowMs, 'yyyy', ctx.settings().general.timeZone)), ctx.nowIso);
  const stored = mustGet(repo.get(order.id), 'hazard_rectification', order.id);
  ctx.audit({ entity: 'hazard_rectification', entityId: order.id, before: null, after: stored.order });
  return rectRecord(ctx, stored);
}

const recordInspection: Handler<'hazards.recordInspection'> = (ctx, input) => {
  const points = pointsRepo(ctx.db);
  const point = mustGet(points.get(input.pointId), 'hazard_point', input.pointId);
  if (point.status !== 'active') throw new ValidationError('errors.hazards.pointRetired', 'The point is retired; reactivate it before inspecting');
  if (input.atMs > ctx.nowMs + FUTURE_TOLERANCE_MS) throw new ValidationError('errors.hazards.futureTime', 'The inspection time is in the future');
  if (input.eventId) mustGet(eventsRepo(ctx.db).get(input.eventId), 'event', input.eventId);
  const template = storedTemplate(ctx, point.hazardType);
  const evaluation = evaluateInspection(template, input.answers);
  if (evaluation.unknownKeys.length) {
    throw new ValidationError('errors.hazards.unknownItems', `Answers for items not on the checklist: ${evaluation.unknownKeys.join(', ')}`, { keys: evaluation.unknownKeys.join(', ') });
  }
  const inspection: InspectionRecord = {
    id: randomUUID(),
    pointId: point.id,
    pointName: point.name,
    template: { templateId: template.id, version: template.version },
    inspectors: input.inspectors,
    atMs: input.atMs,
    dutyDay: dutyDay(ctx, input.atMs),
    overall: evaluation.overall,
    answers: input.answers,
    eventId: input.eventId,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
    notes: input.notes,
    createdAt: ctx.nowIso,
  };
  inspectionsRepo(ctx.db).insert(inspection);
  ctx.audit({ entity: 'hazard_inspection', entityId: inspection.id, before: null, after: inspection });
  attachPhotos(ctx, input.photoIds, 'inspection', inspection.id, null, null);
  for (const answer of input.answers) attachPhotos(ctx, answer.photoIds ?? [], 'inspection', inspection.id, answer.itemKey, null);
  if (points.setInspected({ id: point.id, atMs: input.atMs, result: evaluation.overall, nextDue: dueAfter(point.frequency, input.atMs, scheduleSettings(ctx)), updatedAt: ctx.nowIso })) {
    ctx.audit({ entity: 'hazard_point', entityId: point.id, before: { lastInspectionMs: point.lastInspectionMs, lastResult: point.lastResult }, after: { lastInspectionMs: input.atMs, lastResult: evaluation.overall, inspectionId: inspection.id } });
  }
  const { general, hazards } = ctx.settings();
  const rectifications = input.openRectifications
    ? rectificationDrafts({ ...inspection, inspector: input.inspectors.join('、'), template: inspection.template, ...(inspection.lat !== null && inspection.lng !== null ? { location: { lat: inspection.lat, lng: inspection.lng } } : {}) }, template, {
        deadlineDays: hazards.rectificationDays,
        dutyDayBoundary: general.dutyDayStart,
        timeZone: general.timeZone,
        ...(point.responsibleUnit ? { responsibleUnit: point.responsibleUnit } : {}),
        ...(point.responsiblePerson ? { responsiblePerson: point.responsiblePerson } : {}),
      }).map((draft) => openOrder(ctx, draft))
    : [];
  return { inspection, rectifications };
};

const actOnRectification: Handler<'hazards.actOnRectification'> = (ctx, { id, action, actor, note, photoIds }) => {
  const repo = rectificationsRepo(ctx.db);
  const stored = mustGet(repo.get(id), 'hazard_rectification', id);
  const result = transition(stored.order, { type: action, ...(note ? { note } : {}) }, actor, ctx.nowMs, rectSettings(ctx));
  if (!result.ok) throw refusalError(result);
  const next = result.order;
  repo.update(next, next.submittedAtMs !== undefined ? dutyDay(ctx, next.submittedAtMs) : null, ctx.nowIso);
  attachPhotos(ctx, photoIds, 'rectification', id, null, `${next.history.length}:${action}`);
  ctx.audit({ entity: 'hazard_rectification', entityId: id, before: stored.order, after: next });
  return rectRecord(ctx, mustGet(repo.get(id), 'hazard_rectification', id));
};

export const inspectHandlers = {
  'hazards.templates': (ctx) =>
    HAZARD_TYPE_IDS.map((type) => {
      const { template, builtIn } = currentTemplate(ctx, type);
      return templateRecord(template, builtIn);
    }),
  'hazards.templateHistory': (ctx, { hazardType }) => {
    const history = templatesRepo(ctx.db).history(hazardType);
    return history.length ? history.map((t) => templateRecord(t, false)) : [templateRecord(defaultTemplateFor(hazardType), true)];
  },
  'hazards.reviseTemplate': (ctx, { hazardType, ...changes }) => {
    const current = storedTemplate(ctx, hazardType);
    const next = reviseTemplate(current, changes);
    templatesRepo(ctx.db).store(next, ctx.actor.name, ctx.nowIso);
    ctx.audit({ entity: 'hazard_template', entityId: `${next.id}@${next.version}`, before: current, after: next });
    return templateRecord(next, false) satisfies TemplateRecord;
  },
  'hazards.recordInspection': recordInspection,
  'hazards.getInspection': (ctx, { id }) => {
    const inspection = mustGet(inspectionsRepo(ctx.db).get(id), 'hazard_inspection', id);
    const template = mustGet(templatesRepo(ctx.db).get(inspection.template.templateId, inspection.template.version), 'hazard_template', inspection.template.templateId);
    return { inspection, template: templateRecord(template, false), photos: photosRepo(ctx.db).byOwner('inspection', id) };
  },
  'hazards.listRectifications': (ctx, { status, overdueOnly, pointId, limit, offset }) => {
    const { rows, total } = rectificationsRepo(ctx.db).list({ status, overdueOnly, pointId, today: dutyDay(ctx), limit, offset });
    return { rows: rows.map((r) => rectRecord(ctx, r)), total };
  },
  'hazards.getRectification': (ctx, { id }) => {
    const stored = mustGet(rectificationsRepo(ctx.db).get(id), 'hazard_rectification', id);
    const point = mustGet(pointsRepo(ctx.db).get(stored.order.pointId), 'hazard_point', stored.order.pointId);
    const inspection = stored.order.inspectionId ? (inspectionsRepo(ctx.db).get(stored.order.inspectionId) ?? null) : null;
    const photos = photosRepo(ctx.db);
    // The notice shows what the inspector photographed for the failed item, not the later evidence of the fix.
    const hazardPhotos = inspection ? photos.byOwner('inspection', inspection.id).filter((p) => p.itemKey === null || p.itemKey === stored.order.itemKey) : [];
    return { order: rectRecord(ctx, stored), point, inspection, photos: photos.byOwner('rectification', id), hazardPhotos, unitName: ctx.settings().general.unitName };
  },
  'hazards.openRectification': (ctx, input) => {
    const point = mustGet(pointsRepo(ctx.db).get(input.pointId), 'hazard_point', input.pointId);
    if (input.deadline < dutyDay(ctx)) throw new ValidationError('errors.hazards.deadlinePast', 'The deadline is already past', { deadline: input.deadline });
    if (input.inspectionId) {
      const inspection = mustGet(inspectionsRepo(ctx.db).get(input.inspectionId), 'hazard_inspection', input.inspectionId);
      if (inspection.pointId !== point.id) throw new ValidationError('errors.hazards.inspectionOtherPoint', 'That inspection belongs to another point');
    }
    return openOrder(ctx, {
      pointId: point.id,
      ...(input.inspectionId ? { inspectionId: input.inspectionId } : {}),
      ...(input.itemKey ? { itemKey: input.itemKey } : {}),
      description: input.description,
      responsibleUnit: input.responsibleUnit ?? point.responsibleUnit,
      responsiblePerson: input.responsiblePerson ?? point.responsiblePerson,
      deadline: input.deadline,
    });
  },
  'hazards.actOnRectification': actOnRectification,
} satisfies {
  [M in
    | 'hazards.templates'
    | 'hazards.templateHistory'
    | 'hazards.reviseTemplate'
    | 'hazards.recordInspection'
    | 'hazards.getInspection'
    | 'hazards.listRectifications'
    | 'hazards.getRectification'
    | 'hazards.openRectification'
    | 'hazards.actOnRectification']: Handler<M>;
};

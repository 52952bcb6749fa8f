import { z } from 'zod';
import { read, write, type MethodDef } from './define';
import type { AuditRow } from './system';
import type { LocalDate } from '../time';
import type { HazardTypeId } from '../domain/hazards/templates';
import type { RiskLevel } from '../domain/hazards/points';
import {
  listSorts,
  photoMimes,
  pointFilter,
  pointInput,
  zAnswer,
  zFrequency,
  zHazardType,
  type HazardPoint,
  type ImportRowIssue,
  type InspectionRecord,
  type PatrolRunRecord,
  type PhotoMeta,
  type PointRow,
  type PointWarnings,
  type RectificationRecord,
  type RouteRecord,
  type SummaryRow,
  type TemplateRecord,
} from './hazards-types';
import { zCoordSystem, zDate, zId, zInstant, zLat, zLng, zText } from './fields';

export * from './hazards-types';

const MIB = 1024 * 1024;
/** A 15 MiB photo (the largest the settings allow) as base64, plus its thumbnail and the JSON around it. */
const PHOTO_BODY_BYTES = 22 * MIB;

const templateItem = z.object({
  key: zText(64),
  labelZh: zText(80),
  labelEn: zText(160),
  kind: z.enum(['check', 'grade', 'count']),
  required: z.boolean(),
  failFromGrade: z.enum(['A', 'B', 'C', 'D']).optional(),
});

const ruleInput = z.object({ pointId: zId, inspectionId: zId.nullable().default(null), itemKey: zText(64).nullable().default(null) });

export interface PointDetail {
  point: HazardPoint;
  inspections: InspectionRecord[];
  rectifications: RectificationRecord[];
  photos: PhotoMeta[];
  routes: { id: string; name: string }[];
  history: AuditRow[];
}

export interface TodayView {
  dutyDay: LocalDate;
  warningActive: boolean;
  inspectionsDue: { pointId: string; name: string; hazardType: HazardTypeId; riskLevel: RiskLevel; community: string; lastMs: number | null; dueMs: number | null }[];
  inspectionsDueTotal: number;
  patrolsDue: RouteRecord[];
  overdue: RectificationRecord[];
}

export const hazardsContract = {
  'hazards.templates': read<TemplateRecord[]>()(z.object({}), 'The current checklist of every hazard type'),
  'hazards.templateHistory': read<TemplateRecord[]>()(z.object({ hazardType: zHazardType }), 'Every stored version of one type’s checklist, newest first'),
  'hazards.reviseTemplate': write<TemplateRecord>()(
    z.object({ hazardType: zHazardType, nameZh: zText(80).optional(), nameEn: zText(160).optional(), items: z.array(templateItem).max(60).optional() }),
    'Save a new version of a checklist; inspections keep the version they were made with',
  ),

  'hazards.checkPoint': read<PointWarnings>()(
    z.object({ id: zId.nullable().default(null), name: zText(100), lat: z.number(), lng: z.number(), coordSystem: zCoordSystem.default('wgs84') }),
    'Warnings for a location before saving: outside China/the area, near-duplicates',
  ),
  'hazards.createPoint': write<{ point: HazardPoint; warnings: PointWarnings }>()(pointInput, 'Register a hazard point'),
  'hazards.updatePoint': write<{ point: HazardPoint; warnings: PointWarnings }>()(
    z.object({ id: zId, point: pointInput, expectedVersion: z.number().int().min(1) }),
    'Change a hazard point (all fields); refused with the current record if it changed since it was read',
  ),
  'hazards.deletePoint': write<{ id: string }>()(z.object({ id: zId, reason: zText(200).min(1) }), 'Remove a point entered by mistake (kept, marked deleted)'),
  'hazards.restorePoint': write<HazardPoint>()(
    z.object({ id: zId, reason: zText(200).default('') }),
    'Bring a deleted or retired point back into the active register',
  ),
  'hazards.getPoint': read<PointDetail>()(z.object({ id: zId }), 'A point with its inspections, rectifications, photos and history'),
  'hazards.listPoints': read<{ rows: PointRow[]; total: number }>()(
    z.object({
      filter: pointFilter.prefault({}),
      sort: z.enum(listSorts).default('name'),
      desc: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    'Search and filter the register (full-text, type, risk, status, overdue), one page',
  ),
  'hazards.exportPoints': read<HazardPoint[]>()(z.object({ filter: pointFilter.prefault({}) }), 'Every point matching the filter, for a spreadsheet'),

  'hazards.recordInspection': write<{ inspection: InspectionRecord; rectifications: RectificationRecord[] }>()(
    z.object({
      pointId: zId,
      inspectors: z.array(zText(50).min(1)).min(1).max(10),
      atMs: zInstant,
      answers: z.array(zAnswer).max(100),
      eventId: zId.nullable().default(null),
      location: z.object({ lat: z.number(), lng: z.number() }).nullable().default(null),
      notes: zText(2000).default(''),
      photoIds: z.array(zId).max(30).default([]),
      /** A failed item opens a rectification order in the same step. */
      openRectifications: z.boolean().default(true),
    }),
    'Record an inspection against the type’s current checklist',
  ),
  'hazards.getInspection': read<{ inspection: InspectionRecord; template: TemplateRecord; photos: PhotoMeta[] }>()(
    z.object({ id: zId }),
    'An inspection with the exact checklist version it was made with',
  ),

  'hazards.listRectifications': read<{ rows: RectificationRecord[]; total: number }>()(
    z.object({
      status: z.enum(['open', 'pending', 'in_progress', 'awaiting_recheck', 'closed']).nullable().default('open'),
      overdueOnly: z.boolean().default(false),
      pointId: zId.nullable().default(null),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    'Rectification orders, overdue first',
  ),
  'hazards.getRectification': read<{ order: RectificationRecord; point: HazardPoint; inspection: InspectionRecord | null; photos: PhotoMeta[]; hazardPhotos: PhotoMeta[]; unitName: string }>()(
    z.object({ id: zId }),
    'One order with its point and evidence, for the 限期整改通知书',
  ),
  'hazards.openRectification': write<RectificationRecord>()(
    ruleInput.extend({ description: zText(1000).min(1), deadline: zDate, responsibleUnit: zText(100).optional(), responsiblePerson: zText(50).optional() }),
    'Open a rectification order with a deadline',
  ),
  'hazards.actOnRectification': write<RectificationRecord>()(
    z.object({
      id: zId,
      action: z.enum(['start', 'submit', 'pass', 'fail']),
      actor: zText(50),
      note: zText(1000).default(''),
      photoIds: z.array(zId).max(20).default([]),
    }),
    'Move an order on: start, submit for re-check, pass (close) or fail',
  ),

  'hazards.uploadPhoto': write<{ photo: PhotoMeta; deduplicated: boolean }>()(
    z.object({
      dataBase64: z.string().min(1).max(21 * MIB),
      /** Made in the browser with a canvas, so the backend needs no image library. */
      thumbBase64: z.string().min(1).max(400_000),
      mime: z.enum(photoMimes),
      originalName: zText(200).default(''),
      width: z.number().int().min(1).max(100_000).nullable().default(null),
      height: z.number().int().min(1).max(100_000).nullable().default(null),
      takenAtMs: zInstant.nullable().default(null),
      lat: zLat.nullable().default(null),
      lng: zLng.nullable().default(null),
    }),
    'Store a photo under its content hash; attach it by id when saving a record',
    { maxBodyBytes: PHOTO_BODY_BYTES },
  ),
  'hazards.photo': read<{ id: string; dataUrl: string }>()(
    z.object({ id: zId, variant: z.enum(['thumb', 'full']).default('thumb') }),
    'A stored photo as a data URL',
  ),
  'hazards.attachPhotos': write<PhotoMeta[]>()(z.object({ pointId: zId, photoIds: z.array(zId).min(1).max(20) }), 'Attach uploaded photos to a point'),

  'hazards.listRoutes': read<RouteRecord[]>()(z.object({}), 'Patrol routes with when each is next due'),
  'hazards.saveRoute': write<RouteRecord>()(
    z.object({
      id: zId.nullable().default(null),
      name: zText(100).min(1),
      pointIds: z.array(zId).min(1).max(200),
      assignees: z.array(zText(50).min(1)).max(20).default([]),
      frequency: zFrequency,
      warningFrequency: zFrequency.nullable().default(null),
      notes: zText(1000).default(''),
      /** Required with `id`: the version that was read, so a save over a newer change is refused. */
      expectedVersion: z.number().int().min(1).nullable().default(null),
    })
    .refine((r) => r.id === null || r.expectedVersion !== null, { message: 'Send the version you read when changing a route', path: ['expectedVersion'] }),
    'Create or change a patrol route; a change is refused with the current route if it changed since it was read',
  ),
  'hazards.deleteRoute': write<{ id: string }>()(
    z.object({ id: zId, reason: zText(200).default('') }),
    'Remove a patrol route (kept, marked deleted); recorded runs keep the route as it was',
  ),
  'hazards.recordRun': write<PatrolRunRecord>()(
    z.object({
      routeId: zId,
      patroller: zText(50).min(1),
      startedAtMs: zInstant,
      endedAtMs: zInstant.nullable().default(null),
      visits: z.array(z.object({ pointId: zId, atMs: zInstant, finding: zText(500).optional() })).max(400),
      eventId: zId.nullable().default(null),
    }),
    'Record a patrol run: the time at each point and findings; missed points are flagged',
  ),
  'hazards.listRuns': read<PatrolRunRecord[]>()(z.object({ routeId: zId.nullable().default(null), limit: z.number().int().min(1).max(500).default(50) }), 'Recent patrol runs'),

  'hazards.today': read<TodayView>()(z.object({}), 'Inspections due, patrols due and overdue rectifications'),
  'hazards.summary': read<{ byType: SummaryRow[]; byCommunity: SummaryRow[]; total: SummaryRow }>()(z.object({}), 'Counts per hazard type and per community'),

  'hazards.importBegin': write<{ importId: string }>()(z.object({ fileName: zText(200).default('') }), 'Start a staged import'),
  'hazards.importChunk': write<{ issues: ImportRowIssue[] }>()(
    z.object({ importId: zId, startRow: z.number().int().min(1), rows: z.array(z.record(z.string(), z.unknown())).max(2000) }),
    'Check and stage rows; returns each row’s errors and warnings',
    { maxBodyBytes: 8 * MIB },
  ),
  'hazards.importCommit': write<{ created: number }>()(z.object({ importId: zId }), 'Save every staged row, or none if any row is bad'),
  'hazards.importCancel': write<{ importId: string }>()(z.object({ importId: zId }), 'Drop a staged import'),
} satisfies Record<string, MethodDef>;

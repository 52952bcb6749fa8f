import { z } from 'zod';
import type { LocalDate } from '../time';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS, type HazardTypeId, type TemplateItem } from '../domain/hazards/templates';
import { RISK_LEVELS, RISK_LEVEL_LABELS, SAFETY_GRADES, type LocationWarning, type RiskLevel } from '../domain/hazards/points';
import type { Frequency, ItemAnswer, OverallResult } from '../domain/hazards/inspection';
import type { RectificationEvent, RectificationStatus } from '../domain/hazards/rectification';
import type { RunSummary } from '../domain/hazards/patrol';
import { zCoordSystem, zDate, zId, zLat, zLng, zText } from './fields';

/** Records the hazards methods return, and the zod pieces their inputs share. */

const zPhone = zText(40).regex(/^[0-9+\-()\s转,，/]*$/, 'Digits, spaces, + - ( ) only');

export const zHazardType = z.enum(HAZARD_TYPE_IDS as [HazardTypeId, ...HazardTypeId[]]);
export const zRisk = z.enum(RISK_LEVELS as [RiskLevel, ...RiskLevel[]]);
export const pointStatuses = ['active', 'retired'] as const;
export type PointStatus = (typeof pointStatuses)[number];

export const zFrequency = z.object({
  kind: z.enum(['days', 'hours']),
  every: z.number().positive().max(365),
}).refine((f) => f.kind === 'hours' || Number.isInteger(f.every), { message: 'Whole days only', path: ['every'] });

export const pointInput = z.object({
  name: zText(100).min(1),
  hazardType: zHazardType,
  address: zText(200).default(''),
  community: zText(50).default(''),
  lat: z.number(),
  lng: z.number(),
  /** Coordinates copied from Gaode/Tencent (GCJ-02) or Baidu (BD-09) are converted to WGS-84 on save. */
  coordSystem: zCoordSystem.default('wgs84'),
  responsibleUnit: zText(100).default(''),
  unitPhone: zPhone.default(''),
  responsiblePerson: zText(50).default(''),
  personPhone: zPhone.default(''),
  letterSigned: z.boolean().default(false),
  letterDate: zDate.nullable().default(null),
  residents: z.number().int().min(0).max(100_000).default(0),
  vulnerable: z.number().int().min(0).max(100_000).default(0),
  riskLevel: zRisk.default('medium'),
  frequency: zFrequency.default({ kind: 'days', every: 7 }),
  notes: zText(2000).default(''),
  status: z.enum(pointStatuses).default('active'),
}).refine((p) => p.vulnerable <= p.residents || p.residents === 0, { message: 'Vulnerable people cannot outnumber residents', path: ['vulnerable'] });

export type PointInput = z.output<typeof pointInput>;

export interface HazardPoint {
  id: string;
  name: string;
  hazardType: HazardTypeId;
  address: string;
  community: string;
  lat: number;
  lng: number;
  responsibleUnit: string;
  unitPhone: string;
  responsiblePerson: string;
  personPhone: string;
  letterSigned: boolean;
  letterDate: LocalDate | null;
  residents: number;
  vulnerable: number;
  riskLevel: RiskLevel;
  frequency: Frequency;
  notes: string;
  status: PointStatus;
  lastInspectionMs: number | null;
  lastResult: OverallResult | null;
  nextDueMs: number | null;
  createdAt: string;
  updatedAt: string;
  /** Row version for optimistic concurrency: send it back as `expectedVersion` when updating. */
  version: number;
}

/** A list row: the point plus what needs attention. */
export interface PointRow extends HazardPoint {
  openRectifications: number;
  overdueRectifications: number;
  /** Set on rows of the deleted filter. */
  deletedAt: string | null;
}

export interface PointWarnings {
  converted: { lat: number; lng: number };
  location: LocationWarning[];
  duplicates: { id: string; name: string; distanceM: number }[];
}

export const listSorts = ['name', 'pinyin', 'risk', 'lastInspection', 'nextDue', 'updated'] as const;
export const overdueFilters = ['any', 'inspection', 'rectification'] as const;

export const pointFilter = z.object({
  q: zText(100).default(''),
  hazardType: zHazardType.nullable().default(null),
  riskLevel: zRisk.nullable().default(null),
  status: z.enum(pointStatuses).nullable().default('active'),
  community: zText(50).nullable().default(null),
  overdue: z.enum(overdueFilters).nullable().default(null),
  /** true: only points removed with hazards.deletePoint, to restore them. */
  deleted: z.boolean().optional(),
});
export type PointFilter = z.output<typeof pointFilter>;

export const zAnswer = z.object({
  itemKey: zText(64).min(1),
  result: z.enum(['pass', 'fail', 'na']).optional(),
  grade: z.enum(SAFETY_GRADES as ['A', 'B', 'C', 'D']).optional(),
  count: z.number().int().min(0).max(100_000).optional(),
  note: zText(500).optional(),
  photoIds: z.array(zId).max(10).optional(),
});

export interface InspectionRecord {
  id: string;
  pointId: string;
  pointName: string;
  template: { templateId: string; version: number };
  inspectors: string[];
  atMs: number;
  dutyDay: LocalDate;
  overall: OverallResult;
  answers: ItemAnswer[];
  eventId: string | null;
  lat: number | null;
  lng: number | null;
  notes: string;
  createdAt: string;
}

export interface RectificationRecord {
  id: string;
  noticeNo: string;
  pointId: string;
  pointName: string;
  inspectionId: string | null;
  itemKey: string | null;
  description: string;
  responsibleUnit: string;
  responsiblePerson: string;
  deadline: LocalDate;
  status: RectificationStatus;
  createdBy: string;
  createdAtMs: number;
  fixedBy: string | null;
  submittedAtMs: number | null;
  closedAtMs: number | null;
  history: RectificationEvent[];
  overdue: boolean;
  daysOverdue: number;
}

export const photoOwnerKinds = ['upload', 'point', 'inspection', 'rectification'] as const;
export type PhotoOwnerKind = (typeof photoOwnerKinds)[number];
export const photoMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof photoMimes)[number];

export interface PhotoMeta {
  id: string;
  sha256: string;
  mime: PhotoMime;
  bytes: number;
  ownerKind: PhotoOwnerKind;
  ownerId: string | null;
  itemKey: string | null;
  step: string | null;
  originalName: string;
  width: number | null;
  height: number | null;
  takenAtMs: number | null;
  lat: number | null;
  lng: number | null;
  createdAt: string;
}

export interface TemplateRecord {
  templateId: string;
  hazardType: HazardTypeId;
  version: number;
  nameZh: string;
  nameEn: string;
  items: TemplateItem[];
  /** True for the built-in version 1 that nobody has stored or changed yet. */
  builtIn: boolean;
}

export interface RouteRecord {
  id: string;
  name: string;
  pointIds: string[];
  pointNames: string[];
  assignees: string[];
  frequency: Frequency;
  warningFrequency: Frequency | null;
  notes: string;
  lastRunMs: number | null;
  nextDueMs: number | null;
  due: boolean;
  /** Row version for optimistic concurrency: send it back as `expectedVersion` when changing the route. */
  version: number;
}

export interface PatrolVisitRecord {
  pointId: string;
  atMs: number;
  finding?: string;
}

export interface PatrolRunRecord {
  id: string;
  routeId: string;
  routeName: string;
  patroller: string;
  startedAtMs: number;
  endedAtMs: number | null;
  visits: PatrolVisitRecord[];
  missed: string[];
  summary: RunSummary;
}

export interface SummaryRow {
  key: string;
  points: number;
  active: number;
  highRisk: number;
  residents: number;
  vulnerable: number;
  inspected7d: number;
  openRectifications: number;
  overdueRectifications: number;
  closedRectifications: number;
}

export interface ImportRowIssue {
  row: number;
  errors: { field: string; message: string; messageZh: string }[];
  warnings: { field: string; message: string; messageZh: string }[];
}

/** Spreadsheet cells arrive as text; these accept Chinese labels and the usual 是/否 spellings. */
const yes = new Set(['是', '已签', '已签订', 'y', 'yes', 'true', '1', '√']);
const no = new Set(['否', '未签', '未签订', 'n', 'no', 'false', '0', '', '×']);

function byLabel<T extends string>(ids: readonly T[], labels: Record<T, { zh: string; en: string }>) {
  return (value: unknown) => {
    const text = String(value ?? '').trim();
    const hit = ids.find((id) => id === text || labels[id].zh === text || labels[id].en.toLowerCase() === text.toLowerCase());
    return hit ?? text;
  };
}

const num = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value === '' || value == null ? undefined : value);
const boolCell = (value: unknown) => {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '').trim().toLowerCase();
  return yes.has(text) ? true : no.has(text) ? false : value;
};
const optionalText = (value: unknown) => (value == null ? undefined : String(value));
const dateCell = (value: unknown) => (value == null || String(value).trim() === '' ? null : String(value).trim().replace(/[/.]/g, '-').replace(/-(\d)(?=-|$)/g, '-0$1'));

/** One spreadsheet row after column mapping, normalised into a point input. */
export const importRow = z.object({
  name: z.preprocess(optionalText, zText(100).min(1)),
  hazardType: z.preprocess(byLabel(HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS), zHazardType),
  address: z.preprocess(optionalText, zText(200).default('')),
  community: z.preprocess(optionalText, zText(50).default('')),
  lat: z.preprocess(num, zLat),
  lng: z.preprocess(num, zLng),
  coordSystem: z.preprocess((v) => (v == null || v === '' ? undefined : String(v).toLowerCase().replace(/[^a-z0-9]/g, '')), zCoordSystem.default('wgs84')),
  responsibleUnit: z.preprocess(optionalText, zText(100).default('')),
  unitPhone: z.preprocess(optionalText, zPhone.default('')),
  responsiblePerson: z.preprocess(optionalText, zText(50).default('')),
  personPhone: z.preprocess(optionalText, zPhone.default('')),
  letterSigned: z.preprocess(boolCell, z.boolean().default(false)),
  letterDate: z.preprocess(dateCell, zDate.nullable().default(null)),
  residents: z.preprocess(num, z.number().int().min(0).max(100_000).default(0)),
  vulnerable: z.preprocess(num, z.number().int().min(0).max(100_000).default(0)),
  riskLevel: z.preprocess((v) => (v == null || v === '' ? undefined : byLabel(RISK_LEVELS, RISK_LEVEL_LABELS)(v)), zRisk.default('medium')),
  frequencyDays: z.preprocess(num, z.number().int().min(1).max(365).default(7)),
  notes: z.preprocess(optionalText, zText(2000).default('')),
});

/** Column headers of the export, also accepted on import (Chinese or English). */
export const IMPORT_COLUMNS: { key: keyof z.input<typeof importRow>; zh: string; en: string }[] = [
  { key: 'name', zh: '名称', en: 'Name' },
  { key: 'hazardType', zh: '类型', en: 'Type' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'community', zh: '社区', en: 'Community' },
  { key: 'lat', zh: '纬度', en: 'Latitude' },
  { key: 'lng', zh: '经度', en: 'Longitude' },
  { key: 'coordSystem', zh: '坐标系', en: 'Coordinate system' },
  { key: 'responsibleUnit', zh: '责任单位', en: 'Responsible unit' },
  { key: 'unitPhone', zh: '单位电话', en: 'Unit phone' },
  { key: 'responsiblePerson', zh: '责任人', en: 'Responsible person' },
  { key: 'personPhone', zh: '责任人电话', en: 'Person phone' },
  { key: 'letterSigned', zh: '责任书已签', en: 'Letter signed' },
  { key: 'letterDate', zh: '签订日期', en: 'Letter date' },
  { key: 'residents', zh: '居住人数', en: 'Residents' },
  { key: 'vulnerable', zh: '脆弱人群', en: 'Vulnerable people' },
  { key: 'riskLevel', zh: '风险等级', en: 'Risk level' },
  { key: 'frequencyDays', zh: '巡查周期（天）', en: 'Check every (days)' },
  { key: 'notes', zh: '备注', en: 'Notes' },
];

import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { InspectionRecord, TemplateRecord } from '../../core/contract/hazards-types';
import type { ChecklistTemplate, HazardTypeId, TemplateItem } from '../../core/domain/hazards/templates';
import type { ItemAnswer, OverallResult } from '../../core/domain/hazards/inspection';
import type { RectificationEvent, RectificationOrder, RectificationStatus } from '../../core/domain/hazards/rectification';
import { OVERDUE_SQL } from '../../core/domain/hazards/rectification';

interface TemplateDbRow {
  template_id: string;
  version: number;
  hazard_type: string;
  name_zh: string;
  name_en: string;
  items: string;
}

const toTemplate = (row: TemplateDbRow): ChecklistTemplate => ({
  id: row.template_id,
  version: row.version,
  hazardType: row.hazard_type as HazardTypeId,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  items: JSON.parse(row.items) as TemplateItem[],
});

export const templateRecord = (t: ChecklistTemplate, builtIn: boolean): TemplateRecord => ({
  templateId: t.id,
  hazardType: t.hazardType,
  version: t.version,
  nameZh: t.nameZh,
  nameEn: t.nameEn,
  items: t.items.map((item) => ({ ...item })),
  builtIn,
});

export const templatesRepo = perDb((db: Db) => {
  const history = db.prepare('SELECT * FROM hazard_templates WHERE hazard_type = ? ORDER BY version DESC');
  const one = db.prepare('SELECT * FROM hazard_templates WHERE template_id = ? AND version = ?');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO hazard_templates (template_id, version, hazard_type, name_zh, name_en, items, created_by, created_at)
     VALUES (@id, @version, @hazardType, @nameZh, @nameEn, @items, @createdBy, @createdAt)`,
  );
  return {
    history: (type: HazardTypeId) => (history.all(type) as TemplateDbRow[]).map(toTemplate),
    get(templateId: string, version: number): ChecklistTemplate | undefined {
      const row = one.get(templateId, version) as TemplateDbRow | undefined;
      return row ? toTemplate(row) : undefined;
    },
    /** Stored versions never change: storing one that exists is a no-op. */
    store: (t: ChecklistTemplate, createdBy: string, createdAt: string) =>
      insert.run({ id: t.id, version: t.version, hazardType: t.hazardType, nameZh: t.nameZh, nameEn: t.nameEn, items: JSON.stringify(t.items), createdBy, createdAt }).changes,
  };
});

interface InspectionDbRow {
  id: string;
  point_id: string;
  point_name: string;
  template_id: string;
  template_version: number;
  inspectors: string;
  at_ms: number;
  duty_day: string;
  overall: string;
  answers: string;
  event_id: string | null;
  lat: number | null;
  lng: number | null;
  notes: string;
  created_at: string;
}

const toInspection = (row: InspectionDbRow): InspectionRecord => ({
  id: row.id,
  pointId: row.point_id,
  pointName: row.point_name,
  template: { templateId: row.template_id, version: row.template_version },
  inspectors: JSON.parse(row.inspectors) as string[],
  atMs: row.at_ms,
  dutyDay: row.duty_day,
  overall: row.overall as OverallResult,
  answers: JSON.parse(row.answers) as ItemAnswer[],
  eventId: row.event_id,
  lat: row.lat,
  lng: row.lng,
  notes: row.notes,
  createdAt: row.created_at,
});

export const inspectionsRepo = perDb((db: Db) => {
  const insert = db.prepare(
    `INSERT INTO hazard_inspections (id, point_id, template_id, template_version, inspectors, at_ms, duty_day, overall, answers, event_id, lat, lng, notes, created_at, updated_at)
     VALUES (@id, @pointId, @templateId, @templateVersion, @inspectors, @atMs, @dutyDay, @overall, @answers, @eventId, @lat, @lng, @notes, @createdAt, @createdAt)`,
  );
  const select = 'SELECT i.*, p.name AS point_name FROM hazard_inspections i JOIN hazard_points p ON p.id = i.point_id';
  const byId = db.prepare(`${select} WHERE i.id = ? AND i.deleted_at IS NULL`);
  const byPoint = db.prepare(`${select} WHERE i.point_id = ? AND i.deleted_at IS NULL ORDER BY i.at_ms DESC LIMIT ?`);
  return {
    insert: (r: InspectionRecord) =>
      insert.run({
        id: r.id,
        pointId: r.pointId,
        templateId: r.template.templateId,
        templateVersion: r.template.version,
        inspectors: JSON.stringify(r.inspectors),
        atMs: r.atMs,
        dutyDay: r.dutyDay,
        overall: r.overall,
        answers: JSON.stringify(r.answers),
        eventId: r.eventId,
        lat: r.lat,
        lng: r.lng,
        notes: r.notes,
        createdAt: r.createdAt,
      }),
    get(id: string): InspectionRecord | undefined {
      const row = byId.get(id) as InspectionDbRow | undefined;
      return row ? toInspection(row) : undefined;
    },
    forPoint: (pointId: string, limit: number) => (byPoint.all(pointId, limit) as InspectionDbRow[]).map(toInspection),
  };
});

interface RectDbRow {
  id: string;
  notice_no: string;
  point_id: string;
  point_name: string;
  inspection_id: string | null;
  item_key: string | null;
  description: string;
  responsible_unit: string;
  responsible_person: string;
  deadline: string;
  status: string;
  created_by: string;
  created_at_ms: number;
  fixed_by: string | null;
  submitted_at_ms: number | null;
  closed_at_ms: number | null;
  history: string;
}

export interface StoredOrder {
  order: RectificationOrder;
  noticeNo: string;
  pointName: string;
}

const toStored = (row: RectDbRow): StoredOrder => ({
  noticeNo: row.notice_no,
  pointName: row.point_name,
  order: {
    id: row.id,
    pointId: row.point_id,
    ...(row.inspection_id ? { inspectionId: row.inspection_id } : {}),
    ...(row.item_key ? { itemKey: row.item_key } : {}),
    description: row.description,
    responsibleUnit: row.responsible_unit,
    responsiblePerson: row.responsible_person,
    deadline: row.deadline,
    status: row.status as RectificationStatus,
    createdBy: row.created_by,
    createdAtMs: row.created_at_ms,
    ...(row.fixed_by ? { fixedBy: row.fixed_by } : {}),
    ...(row.submitted_at_ms !== null ? { submittedAtMs: row.submitted_at_ms } : {}),
    ...(row.closed_at_ms !== null ? { closedAtMs: row.closed_at_ms } : {}),
    history: JSON.parse(row.history) as RectificationEvent[],
  },
});

export interface RectListFilter {
  status: string | null;
  overdueOnly: boolean;
  pointId: string | null;
  today: string;
  limit: number;
  offset: number;
}

export const rectificationsRepo = perDb((db: Db) => {
  const params = (o: RectificationOrder, submittedDay: string | null, at: string) => ({
    id: o.id,
    pointId: o.pointId,
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
    submittedDay,
    closedAtMs: o.closedAtMs ?? null,
    history: JSON.stringify(o.history),
    at,
  });
  const insert = db.prepare(
    `INSERT INTO hazard_rectifications (id, notice_no, point_id, inspection_id, item_key, description, responsible_unit, responsible_person, deadline, status,
       created_by, created_at_ms, fixed_by, submitted_at_ms, submitted_day, closed_at_ms, history, created_at, updated_at)
     VALUES (@id, @noticeNo, @pointId, @inspectionId, @itemKey, @description, @responsibleUnit, @responsiblePerson, @deadline, @status,
       @createdBy, @createdAtMs, @fixedBy, @submittedAtMs, @submittedDay, @closedAtMs, @history, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE hazard_rectifications SET status = @status, fixed_by = @fixedBy, submitted_at_ms = @submittedAtMs, submitted_day = @submittedDay,
       closed_at_ms = @closedAtMs, history = @history, updated_at = @at WHERE id = @id`,
  );
  const select = 'SELECT r.*, p.name AS point_name FROM hazard_rectifications r JOIN hazard_points p ON p.id = r.point_id';
  const byId = db.prepare(`${select} WHERE r.id = ?`);
  const countYear = db.prepare('SELECT count(*) FROM hazard_rectifications WHERE notice_no LIKE ?').pluck();
  const filterSql = `FROM hazard_rectifications r JOIN hazard_points p ON p.id = r.point_id
    WHERE p.deleted_at IS NULL
      AND (@status IS NULL OR (@status = 'open' AND r.status <> 'closed') OR r.status = @status)
      AND (@pointId IS NULL OR r.point_id = @pointId)
      AND (@overdueOnly = 0 OR (${OVERDUE_SQL}))`;
  const list = db.prepare(
    `SELECT r.*, p.name AS point_name ${filterSql}
     ORDER BY (CASE WHEN ${OVERDUE_SQL} THEN 0 ELSE 1 END), r.deadline, r.created_at_ms LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(`SELECT count(*) ${filterSql}`).pluck();
  const overdueCount = db.prepare(`SELECT count(*) FROM hazard_rectifications r JOIN hazard_points p ON p.id = r.point_id WHERE p.deleted_at IS NULL AND ${OVERDUE_SQL}`).pluck();
  return {
    insert: (o: RectificationOrder, noticeNo: string, at: string) => insert.run({ ...params(o, null, at), noticeNo }),
    update: (o: RectificationOrder, submittedDay: string | null, at: string) => update.run(params(o, submittedDay, at)),
    get(id: string): StoredOrder | undefined {
      const row = byId.get(id) as RectDbRow | undefined;
      return row ? toStored(row) : undefined;
    },
    /** The next number in the year's series: 2026-0001, 2026-0002, … */
    nextNoticeNo(year: string): string {
      const n = (countYear.get(`${year}-%`) as number) + 1;
      return `${year}-${String(n).padStart(4, '0')}`;
    },
    list(f: RectListFilter): { rows: StoredOrder[]; total: number } {
      const p = { status: f.status, pointId: f.pointId, overdueOnly: f.overdueOnly ? 1 : 0, today: f.today };
      return { rows: (list.all({ ...p, limit: f.limit, offset: f.offset }) as RectDbRow[]).map(toStored), total: count.get(p) as number };
    },
    overdueCount: (today: string) => overdueCount.get({ today }) as number,
  };
});

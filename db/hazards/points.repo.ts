import type { Statement } from 'better-sqlite3';
import type { Db } from '../platform/connection';
import { OVERDUE_SQL } from '../../core/domain/hazards/rectification';
import { perDb } from '../platform/per-db';
import { columnsOf, roundCoord, type PointColumns } from '../../core/contract/map-layers';
import type { HazardPoint, PointFilter, PointRow, PointStatus } from '../../core/contract/hazards-types';
import type { HazardTypeId } from '../../core/domain/hazards/templates';
import type { RiskLevel } from '../../core/domain/hazards/points';
import type { OverallResult } from '../../core/domain/hazards/inspection';

interface PointDbRow {
  id: string;
  name: string;
  hazard_type: string;
  address: string;
  community: string;
  lat: number;
  lng: number;
  responsible_unit: string;
  unit_phone: string;
  responsible_person: string;
  person_phone: string;
  letter_signed: number;
  letter_date: string | null;
  residents: number;
  vulnerable: number;
  risk_level: string;
  freq_kind: string;
  freq_every: number;
  notes: string;
  status: string;
  last_inspection_ms: number | null;
  last_result: string | null;
  next_due_ms: number | null;
  created_at: string;
  updated_at: string;
  open_rect?: number;
  overdue_rect?: number;
  deleted_at?: string | null;
  version: number;
}

export const toPoint = (row: PointDbRow): HazardPoint => ({
  id: row.id,
  name: row.name,
  hazardType: row.hazard_type as HazardTypeId,
  address: row.address,
  community: row.community,
  lat: row.lat,
  lng: row.lng,
  responsibleUnit: row.responsible_unit,
  unitPhone: row.unit_phone,
  responsiblePerson: row.responsible_person,
  personPhone: row.person_phone,
  letterSigned: row.letter_signed === 1,
  letterDate: row.letter_date,
  residents: row.residents,
  vulnerable: row.vulnerable,
  riskLevel: row.risk_level as RiskLevel,
  frequency: { kind: row.freq_kind as 'days' | 'hours', every: row.freq_every },
  notes: row.notes,
  status: row.status as PointStatus,
  lastInspectionMs: row.last_inspection_ms,
  lastResult: row.last_result as OverallResult | null,
  nextDueMs: row.next_due_ms,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/** Derived from the name by the service: folded for duplicate checks, and the pinyin sort key. */
export interface NameKeys {
  nameNorm: string;
  namePinyin: string;
}

const toParams = (p: HazardPoint, keys: NameKeys, importId: string | null = null) => ({
  id: p.id,
  name: p.name,
  name_norm: keys.nameNorm,
  name_pinyin: keys.namePinyin,
  import_id: importId,
  hazard_type: p.hazardType,
  address: p.address,
  community: p.community,
  lat: p.lat,
  lng: p.lng,
  responsible_unit: p.responsibleUnit,
  unit_phone: p.unitPhone,
  responsible_person: p.responsiblePerson,
  person_phone: p.personPhone,
  letter_signed: p.letterSigned ? 1 : 0,
  letter_date: p.letterDate,
  residents: p.residents,
  vulnerable: p.vulnerable,
  risk_level: p.riskLevel,
  freq_kind: p.frequency.kind,
  freq_every: p.frequency.every,
  notes: p.notes,
  status: p.status,
  last_inspection_ms: p.lastInspectionMs,
  last_result: p.lastResult,
  next_due_ms: p.nextDueMs,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const COLUMNS = Object.keys(toParams({ frequency: {} } as HazardPoint, { nameNorm: '', namePinyin: '' }));
/** Written once: an edit keeps when and from which import the point was created. */
const FIXED_COLUMNS = new Set(['id', 'created_at', 'import_id']);

/** Where-clause inputs: `today` is the current duty day, `nowMs` the call's instant. */
export interface ListContext {
  today: string;
  nowMs: number;
}

const SORTS: Record<string, string> = {
  name: 'p.name_norm',
  pinyin: 'p.name_pinyin',
  risk: "CASE p.risk_level WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END",
  lastInspection: 'coalesce(p.last_inspection_ms, -1)',
  nextDue: 'coalesce(p.next_due_ms, -1)',
  updated: 'p.updated_at',
};


/** LIKE wildcards in the user's text are literal. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Migration 12's code step: points (deleted ones too) whose pinyin key was never computed. Its
 * own statements, not pointsRepo's: a migration step runs against the schema as it was then,
 * and the full repository names columns later migrations add.
 */
export const pinyinBackfillRepo = perDb((db: Db) => {
  const missing = db.prepare('SELECT seq, name FROM hazard_points WHERE name_pinyin IS NULL');
  const set = db.prepare('UPDATE hazard_points SET name_pinyin = ? WHERE seq = ?');
  return {
    missing: () => missing.all() as { seq: number; name: string }[],
    set: (seq: number, key: string) => set.run(key, seq),
  };
});

export const pointsRepo = perDb((db: Db) => {
  const insert = db.prepare(`INSERT INTO hazard_points (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const update = db.prepare(
    `UPDATE hazard_points SET ${COLUMNS.filter((c) => !FIXED_COLUMNS.has(c)).map((c) => `${c} = @${c}`).join(', ')}, version = version + 1 WHERE id = @id AND deleted_at IS NULL AND version = @expectedVersion`,
  );
  const byId = db.prepare('SELECT * FROM hazard_points WHERE id = ? AND deleted_at IS NULL');
  const importOf = db.prepare('SELECT import_id FROM hazard_points WHERE id = ?').pluck();
  const byNameNorm = db.prepare('SELECT id, name, lat, lng FROM hazard_points WHERE name_norm = ? AND deleted_at IS NULL');
  const deletedById = db.prepare('SELECT * FROM hazard_points WHERE id = ? AND deleted_at IS NOT NULL');
  const mapRows = db
    .prepare(
      `SELECT p.id, p.name, p.lat, p.lng, p.hazard_type, p.risk_level,
         EXISTS (SELECT 1 FROM hazard_rectifications r WHERE r.point_id = p.id AND ${OVERDUE_SQL})
       FROM hazard_points p WHERE p.deleted_at IS NULL AND p.status = 'active' ORDER BY p.name_norm, p.seq`,
    )
    .raw();
  const restore = db.prepare("UPDATE hazard_points SET deleted_at = NULL, status = 'active', updated_at = @at, version = version + 1 WHERE id = @id");
  const softDelete = db.prepare('UPDATE hazard_points SET deleted_at = @at, updated_at = @at, version = version + 1 WHERE id = @id AND deleted_at IS NULL');
  const namesFor = db.prepare("SELECT id, name FROM hazard_points WHERE id IN (SELECT value FROM json_each(?))");
  // During a warning a point is also due once the raised interval since its last check has passed.
  const dueWhere = `FROM hazard_points p WHERE p.deleted_at IS NULL AND p.status = 'active'
    AND (p.next_due_ms IS NULL OR p.next_due_ms <= @nowMs OR (@windowMs IS NOT NULL AND p.last_inspection_ms + @windowMs <= @nowMs))`;
  const dueMs = 'CASE WHEN p.next_due_ms IS NULL THEN NULL WHEN @windowMs IS NULL THEN p.next_due_ms ELSE min(p.next_due_ms, p.last_inspection_ms + @windowMs) END';
  const due = db.prepare(
    `SELECT p.*, ${dueMs} AS due_ms ${dueWhere}
     ORDER BY CASE p.risk_level WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, due_ms IS NOT NULL, due_ms LIMIT @limit`,
  );
  const dueCount = db.prepare(`SELECT count(*) ${dueWhere}`).pluck();
  const setInspected = db.prepare(
    `UPDATE hazard_points SET last_inspection_ms = @atMs, last_result = @result, next_due_ms = @nextDue, updated_at = @updatedAt
     WHERE id = @id AND (last_inspection_ms IS NULL OR last_inspection_ms <= @atMs)`,
  );
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  /** The WHERE clause for a filter: fixed fragments only, every value bound. */
  function where(filter: PointFilter, at: ListContext): { sql: string; params: Record<string, unknown> } {
    const parts = [filter.deleted ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL'];
    const params: Record<string, unknown> = { today: at.today, nowMs: at.nowMs };
    const terms = filter.q.split(/\s+/).filter(Boolean).slice(0, 8);
    const long = terms.filter((t) => [...t].length >= 3);
    // Trigram needs three characters; one- and two-character terms (姓, 街名) fall back to LIKE.
    if (long.length) {
      parts.push('p.seq IN (SELECT rowid FROM hazard_points_fts WHERE hazard_points_fts MATCH @match)');
      params.match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    }
    terms
      .filter((t) => [...t].length < 3)
      .forEach((t, i) => {
        parts.push(`(p.name LIKE @like${i} ESCAPE '\\' OR p.address LIKE @like${i} ESCAPE '\\' OR p.community LIKE @like${i} ESCAPE '\\' OR p.responsible_unit LIKE @like${i} ESCAPE '\\' OR p.responsible_person LIKE @like${i} ESCAPE '\\')`);
        params[`like${i}`] = likePattern(t);
      });
    if (filter.hazardType) (parts.push('p.hazard_type = @hazardType'), (params.hazardType = filter.hazardType));
    if (filter.riskLevel) (parts.push('p.risk_level = @riskLevel'), (params.riskLevel = filter.riskLevel));
    if (filter.status) (parts.push('p.status = @status'), (params.status = filter.status));
    if (filter.community) (parts.push('p.community = @community'), (params.community = filter.community));
    const inspectionDue = "(p.status = 'active' AND (p.next_due_ms IS NULL OR p.next_due_ms <= @nowMs))";
    const rectOverdue = `EXISTS (SELECT 1 FROM hazard_rectifications r WHERE r.point_id = p.id AND ${OVERDUE_SQL})`;
    if (filter.overdue === 'inspection') parts.push(inspectionDue);
    if (filter.overdue === 'rectification') parts.push(rectOverdue);
    if (filter.overdue === 'any') parts.push(`(${inspectionDue} OR ${rectOverdue})`);
    return { sql: parts.join(' AND '), params };
  }

  return {
    insert: (point: HazardPoint, keys: NameKeys, importId: string | null = null) => insert.run(toParams(point, keys, importId)),
    /** False when the stored version is not `expectedVersion`: someone else saved first. */
    update: (point: HazardPoint, keys: NameKeys, expectedVersion: number) => update.run({ ...toParams(point, keys), expectedVersion }).changes === 1,
    get(id: string): HazardPoint | undefined {
      const row = byId.get(id) as PointDbRow | undefined;
      return row ? toPoint(row) : undefined;
    },
    /** The staged import that created the point, if any. */
    importOf: (id: string) => (importOf.get(id) as string | null | undefined) ?? null,
    /** A point removed with deletePoint (get() does not see those). */
    getDeleted(id: string): (HazardPoint & { deletedAt: string }) | undefined {
      const row = deletedById.get(id) as PointDbRow | undefined;
      return row ? { ...toPoint(row), deletedAt: row.deleted_at! } : undefined;
    },
    restore: (id: string, at: string) => restore.run({ id, at }).changes,
    sameName: (nameNorm: string) => byNameNorm.all(nameNorm) as { id: string; name: string; lat: number; lng: number }[],
    softDelete: (id: string, at: string) => softDelete.run({ id, at }).changes,
    names(ids: string[]): Map<string, string> {
      return new Map((namesFor.all(JSON.stringify(ids)) as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    },
    /** Active points due for a check at `nowMs`, riskiest and longest-due first; `windowMs` is the raised interval during a warning. */
    due(nowMs: number, windowMs: number | null, limit: number): { rows: (HazardPoint & { dueMs: number | null })[]; total: number } {
      const params = { nowMs, windowMs };
      const rows = (due.all({ ...params, limit }) as (PointDbRow & { due_ms: number | null })[]).map((r) => ({ ...toPoint(r), dueMs: r.due_ms }));
      return { rows, total: dueCount.get(params) as number };
    },
    /**
     * What the map draws of every active point, straight into columns: no record objects and only
     * one existence test per point, so a large register reaches the map as fast as its markers do.
     */
    mapColumns(today: string): PointColumns {
      const ids: string[] = [];
      const names: string[] = [];
      const lat: number[] = [];
      const lng: number[] = [];
      const kind: string[] = [];
      const level: string[] = [];
      const alerts: number[] = [];
      for (const [id, name, y, x, type, risk, overdue] of mapRows.iterate({ today }) as Iterable<[string, string, number, number, string, string, number]>) {
        if (overdue === 1) alerts.push(ids.length);
        ids.push(id);
        names.push(name);
        lat.push(roundCoord(y));
        lng.push(roundCoord(x));
        kind.push(type);
        level.push(risk);
      }
      return columnsOf('hazards', { ids, names, lat, lng, kind, level, alerts });
    },
    list(filter: PointFilter, at: ListContext, sort: string, desc: boolean, limit: number, offset: number): { rows: PointRow[]; total: number } {
      const w = where(filter, at);
      const order = `${SORTS[sort] ?? SORTS.name} ${desc ? 'DESC' : 'ASC'}, p.seq`;
      const rows = prepared(
        `SELECT p.*,
           (SELECT count(*) FROM hazard_rectifications r WHERE r.point_id = p.id AND r.status <> 'closed') AS open_rect,
           (SELECT count(*) FROM hazard_rectifications r WHERE r.point_id = p.id AND ${OVERDUE_SQL}) AS overdue_rect
         FROM hazard_points p WHERE ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      ).all({ ...w.params, limit, offset }) as PointDbRow[];
      const total = prepared(`SELECT count(*) FROM hazard_points p WHERE ${w.sql}`).pluck().get(w.params) as number;
      return { rows: rows.map((r) => ({ ...toPoint(r), openRectifications: r.open_rect ?? 0, overdueRectifications: r.overdue_rect ?? 0, deletedAt: r.deleted_at ?? null })), total };
    },
    all(filter: PointFilter, at: ListContext): HazardPoint[] {
      const w = where(filter, at);
      return (prepared(`SELECT p.* FROM hazard_points p WHERE ${w.sql} ORDER BY p.name_norm, p.seq`).all(w.params) as PointDbRow[]).map(toPoint);
    },
    /** A late-entered older inspection does not replace the newest one as "last". */
    setInspected: (values: { id: string; atMs: number; result: string; nextDue: number; updatedAt: string }) => setInspected.run(values).changes,
  };
});

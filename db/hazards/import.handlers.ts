import { randomUUID } from 'node:crypto';
import { NotFound, ValidationError } from '../../core/errors';
import { importRow, type ImportRowIssue, type PointInput } from '../../core/contract/hazards-types';
import { distanceMeters, normalizePointName } from '../../core/domain/hazards/points';
import { fieldMessages, ROW_RULES, rowMessage, type RowMessage } from '../../core/domain/hazards/importMessages';
import type { Handler, HandlerContext } from '../platform/context';
import { importsRepo } from './import.repo';
import { pointsRepo } from './points.repo';
import { nameKeys, pointWarnings } from './common';
import { pointFromInput } from './points.handlers';

interface CheckedRow {
  data: PointInput | null;
  errors: RowMessage[];
  warnings: RowMessage[];
}

const refused = (...errors: RowMessage[]): CheckedRow => ({ data: null, errors, warnings: [] });

/**
 * One row checked the way a form entry is: unreadable cells block; the location, a registered
 * point of the same name nearby, and an earlier row of the same file with the same name
 * nearby only warn, as duplicates are warned on the form.
 */
function checkRow(ctx: HandlerContext, importId: string, row: number, raw: Record<string, unknown>): CheckedRow {
  const parsed = importRow.safeParse(raw);
  if (!parsed.success) return refused(...fieldMessages(row, parsed.error.issues.map((issue) => issue.path), raw));
  const { frequencyDays, ...rest } = parsed.data;
  const input: PointInput = { ...rest, frequency: { kind: 'days', every: frequencyDays }, status: 'active' };
  if (input.letterSigned && !input.letterDate) return refused(rowMessage(row, 'letterDate', ROW_RULES.letterDate));
  if (input.vulnerable > input.residents && input.residents > 0) return refused(rowMessage(row, 'vulnerable', ROW_RULES.vulnerable));
  const found = pointWarnings(ctx, { id: null, name: input.name, lat: input.lat, lng: input.lng, coordSystem: input.coordSystem });
  const radiusM = ctx.settings().hazards.duplicateRadiusM;
  const inFile = importsRepo(ctx.db)
    .sameName(importId, normalizePointName(input.name), row)
    .map((other) => ({ rowNo: other.rowNo, distanceM: Math.round(distanceMeters(found.converted, other)) }))
    .filter((other) => other.distanceM <= radiusM);
  const warnings = [
    ...found.location.map((w) => rowMessage(row, 'lat', { zh: w.messageZh, en: w.message })),
    ...found.duplicates.map((d) => rowMessage(row, 'name', ROW_RULES.duplicateExisting(d.distanceM))),
    ...inFile.map((other) => rowMessage(row, 'name', ROW_RULES.duplicateInFile(other.rowNo, other.distanceM))),
  ];
  // Staged already converted, so the commit does not convert (or warn) a second time.
  return { data: { ...input, ...found.converted, coordSystem: 'wgs84' }, errors: [], warnings };
}

const importChunk: Handler<'hazards.importChunk'> = (ctx, { importId, startRow, rows }) => {
  const repo = importsRepo(ctx.db);
  if (repo.fileName(importId) === undefined) throw new NotFound('hazard_import', importId);
  const issues: ImportRowIssue[] = [];
  rows.forEach((raw, i) => {
    const row = startRow + i;
    const checked = checkRow(ctx, importId, row, raw);
    repo.putRow(importId, row, checked.data, checked.errors, checked.data ? normalizePointName(checked.data.name) : null);
    if (checked.errors.length || checked.warnings.length) issues.push({ row, errors: checked.errors, warnings: checked.warnings });
  });
  return { issues };
};

/**
 * All staged rows in one go, audited as one row for the import (file name and every new point's
 * id; each point's import_id leads back to it) rather than one row per point: per-row audit rows
 * were most of a 10k-row import's time. A point's imported values stay in the record itself and
 * in the `before` of its first audited change.
 */
const importCommit: Handler<'hazards.importCommit'> = (ctx, { importId }) => {
  const repo = importsRepo(ctx.db);
  const fileName = repo.fileName(importId);
  if (fileName === undefined) throw new NotFound('hazard_import', importId);
  const bad = repo.badRows(importId);
  if (bad.length) {
    throw new ValidationError('errors.hazards.importHasErrors', `${bad.length} row(s) have errors; nothing was imported`, {
      count: bad.length,
      rows: bad.slice(0, 20).join(', ') + (bad.length > 20 ? '…' : ''),
    });
  }
  const rows = repo.rows<PointInput>(importId);
  if (!rows.length) throw new ValidationError('errors.hazards.importEmpty', 'The file has no rows to import');
  const points = pointsRepo(ctx.db);
  const pointIds = rows.map(({ data }) => {
    // Staged rows were validated and converted to WGS-84 by importChunk.
    const point = pointFromInput(ctx, data!, randomUUID(), data!);
    points.insert(point, nameKeys(point.name), importId);
    return point.id;
  });
  repo.drop(importId);
  ctx.audit({ entity: 'hazard_import', entityId: importId, before: null, after: { fileName, created: pointIds.length, pointIds } });
  return { created: pointIds.length };
};

export const importHandlers = {
  'hazards.importBegin': (ctx, { fileName }) => {
    const importId = randomUUID();
    importsRepo(ctx.db).begin(importId, fileName, ctx.nowIso);
    return { importId };
  },
  'hazards.importChunk': importChunk,
  'hazards.importCommit': importCommit,
  'hazards.importCancel': (ctx, { importId }) => {
    importsRepo(ctx.db).drop(importId);
    return { importId };
  },
} satisfies { [M in 'hazards.importBegin' | 'hazards.importChunk' | 'hazards.importCommit' | 'hazards.importCancel']: Handler<M> };

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, NotFound, ValidationError } from '../../core/errors';
import { importRow, type ImportRowIssue, type PointInput } from '../../core/contract/hazards-types';
import { normalizePointName } from '../../core/domain/hazards/points';
import type { Handler, HandlerContext } from '../context';
import { importsRepo } from '../repos/hazards-import';
import { pointsRepo } from '../repos/hazards-points';
import { pointWarnings } from './hazards-common';
import { pointFromInput } from './hazards-points';

const zhCN = z.locales.zhCN();

type Issue = ImportRowIssue['errors'][number];

/** One row checked the way a form entry is: parse errors block, location and duplicate findings only warn. */
function checkRow(ctx: HandlerContext, raw: Record<string, unknown>): { data: PointInput | null; errors: Issue[]; warnings: Issue[] } {
  const parsed = importRow.safeParse(raw);
  if (!parsed.success) {
    const zh = importRow.safeParse(raw, { error: zhCN.localeError });
    const zhIssues = zh.success ? [] : zh.error.issues;
    return {
      data: null,
      errors: parsed.error.issues.map((issue, i) => ({ field: issue.path.map(String).join('.'), message: issue.message, messageZh: zhIssues[i]?.message ?? issue.message })),
      warnings: [],
    };
  }
  const { frequencyDays, ...rest } = parsed.data;
  const input: PointInput = { ...rest, frequency: { kind: 'days', every: frequencyDays }, status: 'active' };
  if (input.letterSigned && !input.letterDate) {
    return { data: null, errors: [{ field: 'letterDate', message: 'A signed responsibility letter needs its date', messageZh: '责任书已签，须填写签订日期' }], warnings: [] };
  }
  if (input.vulnerable > input.residents && input.residents > 0) {
    return { data: null, errors: [{ field: 'vulnerable', message: 'Vulnerable people cannot outnumber residents', messageZh: '脆弱人群人数不能多于居住人数' }], warnings: [] };
  }
  try {
    const found = pointWarnings(ctx, { id: null, name: input.name, lat: input.lat, lng: input.lng, coordSystem: input.coordSystem });
    const warnings: Issue[] = [
      ...found.location.map((w) => ({ field: 'lat', message: w.message, messageZh: w.messageZh })),
      ...found.duplicates.map((d) => ({ field: 'name', message: `Same name already registered ${d.distanceM} m away`, messageZh: `${d.distanceM} 米内已有同名点位` })),
    ];
    // Staged already converted, so the commit does not convert (or warn) a second time.
    return { data: { ...input, ...found.converted, coordSystem: 'wgs84' }, errors: [], warnings };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { data: null, errors: [{ field: 'lat', message: error.message, messageZh: '经纬度超出范围（纬度 ±90，经度 ±180）' }], warnings: [] };
  }
}

const importChunk: Handler<'hazards.importChunk'> = (ctx, { importId, startRow, rows }) => {
  const repo = importsRepo(ctx.db);
  if (!repo.exists(importId)) throw new NotFound('hazard_import', importId);
  const issues: ImportRowIssue[] = [];
  rows.forEach((raw, i) => {
    const row = startRow + i;
    const checked = checkRow(ctx, raw);
    repo.putRow(importId, row, checked.data, checked.errors);
    if (checked.errors.length || checked.warnings.length) issues.push({ row, errors: checked.errors, warnings: checked.warnings });
  });
  return { issues };
};

const importCommit: Handler<'hazards.importCommit'> = (ctx, { importId }) => {
  const repo = importsRepo(ctx.db);
  if (!repo.exists(importId)) throw new NotFound('hazard_import', importId);
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
  for (const { data } of rows) {
    const point = pointFromInput(ctx, data!, randomUUID(), data!);
    points.insert(point, normalizePointName(point.name));
    ctx.audit({ entity: 'hazard_point', entityId: point.id, before: null, after: { ...point, importId } });
  }
  repo.drop(importId);
  ctx.audit({ entity: 'hazard_import', entityId: importId, before: null, after: { created: rows.length } });
  return { created: rows.length };
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

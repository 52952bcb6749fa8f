import { randomUUID } from 'node:crypto';
import type { ImportBatch } from '../../core/contract/rain';
import { mappingProblems, parseRainRows, rowError, type RainCsvMapping, type RowError } from '../../core/domain/rain/csv';
import { mergeDuplicates } from '../../core/domain/rain/readings';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import type { HandlerContext, HandlerMap } from '../context';
import { qualityCode, rainReadingsRepo, rainStationsRepo, type ReadingRow } from '../repos/rain';
import { publicBatch, rainImportRepo, type StoredBatch } from '../repos/rainImport';
import { rowToReading, settleSlot, toMilli } from './rainStore';

/**
 * Staged import: the renderer streams a file (papaparse / exceljs) and sends raw rows in
 * chunks; each chunk is parsed here by the same rules as the preview and stored packed,
 * and commit writes the whole file in one transaction, so a file lands entirely or not at all.
 *
 * Packed reading: six float64 per reading, [station key, end ms, interval s, value in
 * thousandths (NaN = missing), quality code, flags (1 trace, 2 from a row with an error)].
 */
const FIELDS = 6;
const TRACE = 1;
const BAD = 2;

function openBatch(ctx: HandlerContext, importId: string): StoredBatch {
  const batch = rainImportRepo(ctx.db).get(importId);
  if (!batch || batch.kind !== 'file') throw new NotFound('rain_import', importId);
  if (batch.status !== 'staging') throw new Conflict('rain.errors.importClosed', `Import ${importId} is already ${batch.status}`, { status: batch.status });
  return batch;
}

function stageChunk(ctx: HandlerContext, input: { importId: string; seq: number; firstRow: number; rows: string[][] }) {
  const batch = openBatch(ctx, input.importId);
  const mapping = { ...(batch.mapping as RainCsvMapping), sentinels: ctx.settings().rain.sentinels, source: batch.source };
  const parsed = parseRainRows(input.rows, mapping, input.firstRow);
  const stations = rainStationsRepo(ctx.db);
  const known = new Map<string, { key: number; water: boolean } | null>();
  const errors: RowError[] = [...parsed.errors];
  const badRows = new Set(errors.filter((e) => e.severity === 'error').map((e) => e.row));
  const packed = new Float64Array(parsed.readings.length * FIELDS);
  parsed.readings.forEach((r, i) => {
    let station = known.get(r.stationId);
    if (station === undefined) {
      const found = stations.byCode(r.stationId);
      station = found ? { key: found.key, water: found.type === 'water' } : null;
      known.set(r.stationId, station);
    }
    const row = parsed.readingRows[i];
    if (station === null) {
      errors.push(rowError(row, 'station_unknown', mapping.station ?? null, r.stationId));
      badRows.add(row);
    }
    const o = i * FIELDS;
    packed[o] = station?.key ?? 0;
    packed[o + 1] = r.endMs;
    // A water level is an instant, not an amount over an interval.
    packed[o + 2] = station?.water ? 0 : Math.round(r.intervalMinutes * 60);
    packed[o + 3] = r.value === null ? Number.NaN : (toMilli(r.value) as number);
    packed[o + 4] = qualityCode(r.quality);
    packed[o + 5] = (r.trace ? TRACE : 0) | (badRows.has(row) || station === null ? BAD : 0);
  });
  const codes = [...known.keys()];
  rainImportRepo(ctx.db).putChunk(batch.key, input.seq, input.firstRow, input.rows.length, codes, Buffer.from(packed.buffer), errors);
  return { readings: parsed.readings.length, errors: errors.length };
}

interface CommitCounts {
  readings: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
}

/** All staged readings of a batch as one array, in file order. */
function loadStaged(ctx: HandlerContext, batchKey: number): { data: Float64Array; rowsRead: number } {
  const parts: Float64Array[] = [];
  let rowsRead = 0;
  let length = 0;
  for (const chunk of rainImportRepo(ctx.db).chunks(batchKey)) {
    const copy = new Float64Array(chunk.data.byteLength / 8);
    new Uint8Array(copy.buffer).set(chunk.data);
    parts.push(copy);
    length += copy.length;
    rowsRead += chunk.row_count;
  }
  const data = new Float64Array(length);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { data, rowsRead };
}

const rowAt = (d: Float64Array, i: number, batchKey: number): ReadingRow => {
  const o = i * FIELDS;
  return {
    station_key: d[o],
    end_ms: d[o + 1],
    interval_s: d[o + 2],
    value_milli: Number.isNaN(d[o + 3]) ? null : d[o + 3],
    quality: d[o + 4],
    trace: d[o + 5] & TRACE,
    batch_key: batchKey,
  };
};

/**
 * Copies of one slot inside the file are merged first, by the stated rule, so that what
 * meets the database is one reading per slot and a second import of the file finds every
 * slot identical. Returns the indexes to drop.
 */
function mergeWithinFile(ctx: HandlerContext, d: Float64Array, n: number, batchKey: number, skip: Uint8Array): number {
  const repo = rainImportRepo(ctx.db);
  const firstAt = new Map<number, Map<number, number>>();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    const o = i * FIELDS;
    let byEnd = firstAt.get(d[o]);
    if (!byEnd) firstAt.set(d[o], (byEnd = new Map()));
    const first = byEnd.get(d[o + 1]);
    if (first === undefined) byEnd.set(d[o + 1], i);
    else if (d[first * FIELDS + 2] === d[o + 2]) groups.set(first, [...(groups.get(first) ?? [first]), i]);
  }
  let reported = 0;
  for (const indexes of groups.values()) {
    const rows = indexes.map((i) => rowAt(d, i, batchKey));
    const { duplicates } = mergeDuplicates(rows.map((r) => rowToReading('', r)));
    const group = duplicates[0];
    const winner = group.keptIndex;
    for (const [k, i] of indexes.entries()) {
      if (k === winner) continue;
      skip[i] = 1;
      repo.insertDuplicate({
        id: randomUUID(),
        batchKey,
        stationKey: rows[k].station_key,
        endMs: rows[k].end_ms,
        intervalS: rows[k].interval_s,
        keptMilli: rows[winner].value_milli,
        droppedMilli: rows[k].value_milli,
        kept: 'incoming',
        rule: group.rule,
        conflict: group.conflict,
        createdAt: ctx.nowIso,
      });
      reported += 1;
    }
  }
  return reported;
}

function commit(ctx: HandlerContext, importId: string, skipBadRows: boolean): ImportBatch {
  const imports = rainImportRepo(ctx.db);
  const batch = openBatch(ctx, importId);
  const badRows = imports.badRows(batch.key);
  if (badRows.size > 0 && !skipBadRows) {
    throw new ValidationError('rain.errors.importHasErrors', `${badRows.size} rows have errors; fix the file or choose to skip them`, { rows: badRows.size });
  }
  const { data, rowsRead } = loadStaged(ctx, batch.key);
  const n = data.length / FIELDS;
  const skip = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (data[i * FIELDS + 5] & BAD) skip[i] = 1;
  const counts: CommitCounts = { readings: 0, inserted: 0, replaced: 0, unchanged: 0, duplicates: 0 };
  counts.duplicates += mergeWithinFile(ctx, data, n, batch.key, skip);

  const readings = rainReadingsRepo(ctx.db);
  const insert = readings.insertNewStatement;
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    counts.readings += 1;
    const o = i * FIELDS;
    const value = Number.isNaN(data[o + 3]) ? null : data[o + 3];
    if (insert.run(data[o], data[o + 1], data[o + 2], value, data[o + 4], data[o + 5] & TRACE, batch.key).changes === 1) {
      counts.inserted += 1;
      continue;
    }
    const incoming = rowAt(data, i, batch.key);
    const existing = readings.slot(incoming.station_key, incoming.end_ms, incoming.interval_s) as ReadingRow;
    const settled = settleSlot(readings, existing, incoming, ctx.nowIso);
    if (settled.outcome === 'replaced') counts.replaced += 1;
    else counts.unchanged += 1;
    if (settled.duplicate) {
      imports.insertDuplicate(settled.duplicate);
      counts.duplicates += 1;
    }
  }
  imports.dropChunks(batch.key);
  imports.finish(batch.key, { status: 'committed', rowsRead, ...counts, skippedRows: skipBadRows ? badRows.size : 0, committedAt: ctx.nowIso, updatedAt: ctx.nowIso });
  const after = publicBatch(imports.get(importId) as StoredBatch);
  ctx.audit({ entity: 'rain_import', entityId: importId, before: publicBatch(batch), after });
  return after;
}

export const rainImportHandlers = {
  'rain.importBegin': (ctx, { fileName, fileHash, mapping }) => {
    const problems = mappingProblems(mapping as RainCsvMapping);
    if (problems.length) throw new ValidationError('rain.errors.badMapping', problems.map((p) => p.en).join('; '), { problemsZh: problems.map((p) => p.zh).join('；'), problemsEn: problems.map((p) => p.en).join('; ') });
    try {
      new Intl.DateTimeFormat('en', { timeZone: mapping.timeZone });
    } catch {
      throw new ValidationError('errors.badTimeZone', `Unknown time zone ${mapping.timeZone}`, { timeZone: mapping.timeZone });
    }
    const imports = rainImportRepo(ctx.db);
    const id = randomUUID();
    imports.insert({ id, key: imports.nextKey(), kind: 'file', source: fileName, fileHash, mapping, status: 'staging', actorName: ctx.actor.name, createdAt: ctx.nowIso, updatedAt: ctx.nowIso });
    const batch = publicBatch(imports.get(id) as StoredBatch);
    ctx.audit({ entity: 'rain_import', entityId: id, before: null, after: { ...batch, mapping } });
    return batch;
  },
  'rain.importChunk': (ctx, input) => stageChunk(ctx, input),
  'rain.importCommit': (ctx, { importId, skipBadRows }) => commit(ctx, importId, skipBadRows),
  'rain.importCancel': (ctx, { importId }) => {
    const imports = rainImportRepo(ctx.db);
    const batch = openBatch(ctx, importId);
    const { rows } = imports.chunkStats(batch.key);
    imports.dropChunks(batch.key);
    imports.finish(batch.key, { status: 'cancelled', rowsRead: rows, readings: 0, inserted: 0, replaced: 0, unchanged: 0, duplicates: 0, skippedRows: 0, committedAt: null, updatedAt: ctx.nowIso });
    const after = publicBatch(imports.get(importId) as StoredBatch);
    ctx.audit({ entity: 'rain_import', entityId: importId, before: publicBatch(batch), after });
    return after;
  },
  'rain.imports': (ctx, { limit }) => rainImportRepo(ctx.db).recent(limit).map(publicBatch),
  'rain.importErrors': (ctx, { importId, limit, offset }) => {
    const batch = rainImportRepo(ctx.db).get(importId);
    if (!batch) throw new NotFound('rain_import', importId);
    return rainImportRepo(ctx.db).errors(batch.key, limit, offset);
  },
  'rain.duplicates': (ctx, { importId, limit }) => {
    const imports = rainImportRepo(ctx.db);
    let key: number | null = null;
    if (importId) {
      const batch = imports.get(importId);
      if (!batch) throw new NotFound('rain_import', importId);
      key = batch.key;
    }
    return imports.duplicates(key, limit);
  },
} satisfies Partial<HandlerMap<'rain'>>;

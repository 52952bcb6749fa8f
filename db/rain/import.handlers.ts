import { randomUUID } from 'node:crypto';
import type { ImportBatch } from '../../core/contract/rain';
import { mappingProblems, rowError, type RainCsvMapping, type RowError } from '../../core/domain/rain/csv';
import { PACKED_FIELDS, packedProblem, packRainRows, type PackedRows } from '../../core/domain/rain/packed';
import { isImplausibleRain, mergeDuplicates } from '../../core/domain/rain/readings';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { rainReadingsRepo, rainStationsRepo, type ReadingRow } from './rain.repo';
import { publicBatch, rainImportRepo, type StoredBatch } from './import.repo';
import { BAD, IMPLAUSIBLE, decodeStagedInto, encodeStaged, newStaged, QUALITY_MASK, rowAt, slotGroups, stationOrder, TRACE, type Staged } from './staged';
import { checkSignals } from './signals.handlers';
import { rowToReading, settleSlot } from './store';

/**
 * Staged import: the renderer reads a file (papaparse / exceljs), parses it with the rules of
 * core/domain/rain/csv.ts and sends each chunk packed (core/domain/rain/packed.ts), checked here
 * record by record; raw rows of text are still accepted and parsed here by the same rules.
 * Each chunk is stored in the staged form of rainStaged.ts, and commit writes the whole file in
 * one transaction, so a file lands entirely or not at all.
 */

function openBatch(ctx: HandlerContext, importId: string): StoredBatch {
  const batch = rainImportRepo(ctx.db).get(importId);
  if (!batch || batch.kind !== 'file') throw new NotFound('rain_import', importId);
  if (batch.status !== 'staging') throw new Conflict('errors.rain.importClosed', `Import ${importId} is already ${batch.status}`, { status: batch.status });
  return batch;
}

interface ChunkHead {
  importId: string;
  seq: number;
  firstRow: number;
  rowCount: number;
}

/** Resolves the chunk's station codes, marks readings of bad rows, and stores the chunk. */
function stagePacked(ctx: HandlerContext, batch: StoredBatch, head: ChunkHead, packed: PackedRows) {
  const stations = rainStationsRepo(ctx.db);
  const known = packed.stations.map((code) => {
    const found = stations.byCode(code);
    return found ? { key: found.key, water: found.type === 'water' } : null;
  });
  const errors: RowError[] = [...packed.errors];
  const badRows = new Set(errors.filter((e) => e.severity === 'error').map((e) => e.row));
  const mapping = batch.mapping as RainCsvMapping;
  const { implausibleMmPerHour } = ctx.settings().rain;
  const { data, count } = packed;
  const staged = newStaged(count);
  for (let i = 0; i < count; i++) {
    const p = i * PACKED_FIELDS;
    const station = known[data[p]];
    const row = data[p + 6];
    if (station === null) {
      errors.push(rowError(row, 'station_unknown', mapping.station ?? null, packed.stations[data[p]]));
      badRows.add(row);
    }
    const mm = Number.isNaN(data[p + 3]) ? null : data[p + 3] / 1000;
    const implausible = station !== null && !station.water && isImplausibleRain(mm, data[p + 2] / 60, implausibleMmPerHour);
    if (implausible) errors.push(rowError(row, 'value_implausible', mapping.value, String(mm)));
    staged.station[i] = station?.key ?? 0;
    staged.end[i] = data[p + 1];
    // A water level is an instant, not an amount over an interval.
    staged.interval[i] = station?.water ? 0 : data[p + 2];
    staged.value[i] = data[p + 3];
    staged.flags[i] = data[p + 4] | (data[p + 5] ? TRACE : 0) | (station === null || badRows.has(row) ? BAD : 0) | (implausible ? IMPLAUSIBLE : 0);
  }
  rainImportRepo(ctx.db).putChunk(batch.key, head.seq, head.firstRow, head.rowCount, packed.stations, encodeStaged(staged), errors);
  return { readings: count, errors: errors.length };
}

function stageRows(ctx: HandlerContext, input: { importId: string; seq: number; firstRow: number; rows: string[][] }) {
  const batch = openBatch(ctx, input.importId);
  const mapping = { ...(batch.mapping as RainCsvMapping), sentinels: ctx.settings().rain.sentinels, source: batch.source };
  return stagePacked(ctx, batch, { ...input, rowCount: input.rows.length }, packRainRows(input.rows, mapping, input.firstRow));
}

function stageParsed(ctx: HandlerContext, input: ChunkHead & { stations: string[]; data: string; errors: RowError[] }) {
  const batch = openBatch(ctx, input.importId);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length % (8 * PACKED_FIELDS) !== 0) throw new ValidationError('errors.rain.badPacked', 'The packed readings are cut short', { record: bytes.length / (8 * PACKED_FIELDS), field: 'length' });
  // Copied into an aligned buffer of its own: Buffer.from may hand back a slice of a shared pool.
  const data = new Float64Array(bytes.length / 8);
  new Uint8Array(data.buffer).set(bytes);
  const problem = packedProblem(data, input.stations.length, input.firstRow, input.rowCount);
  if (problem) throw new ValidationError('errors.rain.badPacked', `Packed reading ${problem.record} has a bad ${problem.field}`, problem);
  return stagePacked(ctx, batch, input, { stations: input.stations, data, count: data.length / PACKED_FIELDS, errors: input.errors });
}

interface CommitCounts {
  readings: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
}

/** All staged readings of a batch, in file order, copied once. */
function loadStaged(ctx: HandlerContext, batchKey: number): { staged: Staged; rowsRead: number } {
  const imports = rainImportRepo(ctx.db);
  // A row gives at most one reading, so the rows read bound the space needed.
  const { rows } = imports.chunkStats(batchKey);
  const staged = newStaged(rows);
  let n = 0;
  for (const chunk of imports.chunks(batchKey)) n += decodeStagedInto(staged, n, chunk.data);
  staged.n = n;
  return { staged, rowsRead: rows };
}

/**
 * Copies of one slot inside the file are merged first, by the stated rule, so that what
 * meets the database is one reading per slot and a second import of the file finds every
 * slot identical. Marks the losers in `skip` and returns how many were reported.
 */
function mergeWithinFile(ctx: HandlerContext, s: Staged, batchKey: number, skip: Uint8Array): number {
  const repo = rainImportRepo(ctx.db);
  let reported = 0;
  for (const indexes of slotGroups(s, skip)) {
    const rows = indexes.map((i) => rowAt(s, i, batchKey));
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

/** Rows per multi-row INSERT: one statement call per row cost more than the row's own work. */
const BLOCK = 128;

/**
 * Inserts the readings in `order`, a block of rows per statement. A block that finds some slots
 * taken is looked at row by row: a slot this batch now holds was filled by the block (copies
 * within the file were merged before), any other meets a stored reading and is settled by the rule.
 */
function writeStaged(ctx: HandlerContext, staged: Staged, order: Int32Array, batchKey: number, counts: CommitCounts): void {
  const readings = rainReadingsRepo(ctx.db);
  const imports = rainImportRepo(ctx.db);
  const { station, end, interval, value, flags } = staged;
  const args: (number | null)[] = [];
  const put = (i: number, o: number) => {
    args[o] = station[i];
    args[o + 1] = end[i];
    args[o + 2] = interval[i];
    args[o + 3] = Number.isNaN(value[i]) ? null : value[i];
    args[o + 4] = flags[i] & QUALITY_MASK;
    args[o + 5] = flags[i] & TRACE ? 1 : 0;
    args[o + 6] = batchKey;
  };
  const settle = (i: number) => {
    const incoming = rowAt(staged, i, batchKey);
    const existing = readings.slot(incoming.station_key, incoming.end_ms, incoming.interval_s) as ReadingRow;
    if (existing.batch_key === batchKey) {
      counts.inserted += 1;
      return;
    }
    const settled = settleSlot(readings, existing, incoming, ctx.nowIso);
    if (settled.outcome === 'replaced') counts.replaced += 1;
    else counts.unchanged += 1;
    if (settled.duplicate) {
      imports.insertDuplicate(settled.duplicate);
      counts.duplicates += 1;
    }
  };
  const block = readings.insertBlockStatement(BLOCK);
  let j = 0;
  for (; j + BLOCK <= order.length; j += BLOCK) {
    for (let b = 0; b < BLOCK; b++) put(order[j + b], b * 7);
    counts.readings += BLOCK;
    if (block.run(args).changes === BLOCK) counts.inserted += BLOCK;
    else for (let b = 0; b < BLOCK; b++) settle(order[j + b]);
  }
  const one = readings.insertNewStatement;
  for (; j < order.length; j++) {
    put(order[j], 0);
    counts.readings += 1;
    if (one.run(args.slice(0, 7)).changes === 1) counts.inserted += 1;
    else settle(order[j]);
  }
}

function commit(ctx: HandlerContext, importId: string, skipBadRows: boolean, confirmedImplausible: boolean): ImportBatch {
  const imports = rainImportRepo(ctx.db);
  const batch = openBatch(ctx, importId);
  const badRows = imports.badRows(batch.key, confirmedImplausible);
  if (badRows.size > 0 && !skipBadRows) {
    throw new ValidationError('errors.rain.importHasErrors', `${badRows.size} rows have errors; fix the file or choose to skip them`, { rows: badRows.size });
  }
  const { staged, rowsRead } = loadStaged(ctx, batch.key);
  const skip = new Uint8Array(staged.n);
  const refused = confirmedImplausible ? BAD : BAD | IMPLAUSIBLE;
  for (let i = 0; i < staged.n; i++) if (staged.flags[i] & refused) skip[i] = 1;
  const counts: CommitCounts = { readings: 0, inserted: 0, replaced: 0, unchanged: 0, duplicates: 0 };
  counts.duplicates += mergeWithinFile(ctx, staged, batch.key, skip);

  writeStaged(ctx, staged, stationOrder(staged, skip), batch.key, counts);
  imports.dropChunks(batch.key);
  imports.finish(batch.key, { status: 'committed', rowsRead, ...counts, skippedRows: skipBadRows ? badRows.size : 0, committedAt: ctx.nowIso, updatedAt: ctx.nowIso });
  const after = publicBatch(imports.get(importId) as StoredBatch);
  ctx.audit({ entity: 'rain_import', entityId: importId, before: publicBatch(batch), after });
  checkSignals(ctx, ctx.nowMs);
  return after;
}

export const rainImportHandlers = {
  'rain.importBegin': (ctx, { fileName, fileHash, mapping }) => {
    const problems = mappingProblems(mapping as RainCsvMapping);
    if (problems.length) throw new ValidationError('errors.rain.badMapping', problems.map((p) => p.en).join('; '), { problemsZh: problems.map((p) => p.zh).join('；'), problemsEn: problems.map((p) => p.en).join('; ') });
    try {
      new Intl.DateTimeFormat('en', { timeZone: mapping.timeZone });
    } catch {
      throw new ValidationError('errors.settings.badTimeZone', `Unknown time zone ${mapping.timeZone}`, { timeZone: mapping.timeZone });
    }
    const imports = rainImportRepo(ctx.db);
    const id = randomUUID();
    imports.insert({ id, key: imports.nextKey(), kind: 'file', source: fileName, fileHash, mapping, status: 'staging', actorName: ctx.actor.name, createdAt: ctx.nowIso, updatedAt: ctx.nowIso });
    const batch = publicBatch(imports.get(id) as StoredBatch);
    ctx.audit({ entity: 'rain_import', entityId: id, before: null, after: { ...batch, mapping } });
    return batch;
  },
  'rain.importChunk': (ctx, input) => stageRows(ctx, input),
  'rain.importParsed': (ctx, input) => stageParsed(ctx, input),
  'rain.importCommit': (ctx, { importId, skipBadRows, confirmedImplausible }) => commit(ctx, importId, skipBadRows, confirmedImplausible),
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

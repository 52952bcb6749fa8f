import type { Db } from '../platform/connection';
import type { DuplicateRecord, ImportBatch } from '../../core/contract/rain';
import type { RowError } from '../../core/domain/rain/csv';
import { perDb } from '../platform/per-db';

interface BatchRow {
  id: string;
  key: number;
  kind: string;
  source: string;
  file_hash: string;
  mapping: string | null;
  status: string;
  rows_read: number;
  readings: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
  skipped_rows: number;
  actor_name: string;
  committed_at: string | null;
  created_at: string;
  updated_at: string;
  error_rows: number;
  warning_rows: number;
}

export interface StoredBatch extends ImportBatch {
  key: number;
  mapping: unknown;
}

const toBatch = (row: BatchRow): StoredBatch => ({
  id: row.id,
  key: row.key,
  kind: row.kind as ImportBatch['kind'],
  source: row.source,
  fileHash: row.file_hash,
  mapping: row.mapping === null ? null : JSON.parse(row.mapping),
  status: row.status as ImportBatch['status'],
  rowsRead: row.rows_read,
  readings: row.readings,
  inserted: row.inserted,
  replaced: row.replaced,
  unchanged: row.unchanged,
  duplicates: row.duplicates,
  skippedRows: row.skipped_rows,
  errorRows: row.error_rows,
  warningRows: row.warning_rows,
  actorName: row.actor_name,
  createdAt: row.created_at,
  committedAt: row.committed_at,
});

export function publicBatch(b: StoredBatch): ImportBatch {
  const { key: _key, mapping: _mapping, ...rest } = b;
  return rest;
}

export interface ChunkRow {
  seq: number;
  first_row: number;
  row_count: number;
  stations: string;
  data: Buffer;
}

export interface DuplicateInsert {
  id: string;
  batchKey: number;
  stationKey: number;
  endMs: number;
  intervalS: number;
  keptMilli: number | null;
  droppedMilli: number | null;
  kept: 'existing' | 'incoming';
  rule: string;
  conflict: boolean;
  createdAt: string;
}

const BATCH_SELECT = `SELECT b.*,
  (SELECT count(DISTINCT row) FROM rain_import_errors e WHERE e.batch_key = b.key AND e.severity = 'error') AS error_rows,
  (SELECT count(DISTINCT row) FROM rain_import_errors e WHERE e.batch_key = b.key AND e.severity = 'warning') AS warning_rows
  FROM rain_batches b`;

export const rainImportRepo = perDb((db: Db) => {
  const byId = db.prepare(`${BATCH_SELECT} WHERE b.id = ?`);
  const recent = db.prepare(`${BATCH_SELECT} WHERE b.status <> 'cancelled' ORDER BY b.created_at DESC, b.key DESC LIMIT ?`);
  const nextKey = db.prepare('SELECT coalesce(max(key), 0) + 1 FROM rain_batches').pluck();
  const insertBatch = db.prepare(
    `INSERT INTO rain_batches (id, key, kind, source, file_hash, mapping, status, actor_name, created_at, updated_at)
     VALUES (@id, @key, @kind, @source, @fileHash, @mapping, @status, @actorName, @createdAt, @updatedAt)`,
  );
  const finish = db.prepare(
    `UPDATE rain_batches SET status = @status, rows_read = @rowsRead, readings = @readings, inserted = @inserted, replaced = @replaced,
       unchanged = @unchanged, duplicates = @duplicates, skipped_rows = @skippedRows, committed_at = @committedAt, updated_at = @updatedAt WHERE key = @key`,
  );
  const upsertChunk = db.prepare(
    `INSERT INTO rain_import_chunks (batch_key, seq, first_row, row_count, stations, data) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (batch_key, seq) DO UPDATE SET first_row = excluded.first_row, row_count = excluded.row_count, stations = excluded.stations, data = excluded.data`,
  );
  const chunks = db.prepare('SELECT seq, first_row, row_count, stations, data FROM rain_import_chunks WHERE batch_key = ? ORDER BY seq');
  const chunkStats = db.prepare('SELECT count(*) AS chunks, coalesce(sum(row_count), 0) AS rows FROM rain_import_chunks WHERE batch_key = ?');
  const dropChunks = db.prepare('DELETE FROM rain_import_chunks WHERE batch_key = ?');
  const dropChunkErrors = db.prepare('DELETE FROM rain_import_errors WHERE batch_key = ? AND chunk_seq = ?');
  const insertError = db.prepare(
    'INSERT INTO rain_import_errors (batch_key, chunk_seq, row, col, code, severity, message_zh, message_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const errors = db.prepare('SELECT row, col AS "column", code, severity, message_zh, message_en FROM rain_import_errors WHERE batch_key = ? ORDER BY row, rowid LIMIT ? OFFSET ?');
  const errorCount = db.prepare('SELECT count(*) FROM rain_import_errors WHERE batch_key = ?').pluck();
  const badRows = db
    .prepare("SELECT DISTINCT row FROM rain_import_errors WHERE batch_key = ? AND severity = 'error' AND (? = 0 OR code <> 'value_implausible')")
    .pluck();
  const insertDuplicate = db.prepare(
    `INSERT INTO rain_duplicates (id, batch_key, station_key, end_ms, interval_s, kept_milli, dropped_milli, kept, rule, conflict, created_at)
     VALUES (@id, @batchKey, @stationKey, @endMs, @intervalS, @keptMilli, @droppedMilli, @kept, @rule, @conflict, @createdAt)`,
  );
  const duplicates = db.prepare(
    `SELECT s.code AS stationCode, d.end_ms AS endMs, d.interval_s AS intervalS, d.kept_milli AS keptMilli, d.dropped_milli AS droppedMilli,
       d.kept, d.rule, d.conflict FROM rain_duplicates d JOIN rain_stations s ON s.key = d.station_key
     WHERE (@batchKey IS NULL OR d.batch_key = @batchKey) ORDER BY d.created_at DESC, d.rowid DESC LIMIT @limit`,
  );
  const duplicateCount = db.prepare('SELECT count(*) FROM rain_duplicates WHERE (@batchKey IS NULL OR batch_key = @batchKey)').pluck();

  return {
    get: (id: string) => {
      const row = byId.get(id) as BatchRow | undefined;
      return row ? toBatch(row) : undefined;
    },
    recent: (limit: number) => (recent.all(limit) as BatchRow[]).map(toBatch),
    nextKey: () => nextKey.get() as number,
    insert: (b: { id: string; key: number; kind: 'file' | 'manual'; source: string; fileHash: string; mapping: unknown; status: ImportBatch['status']; actorName: string; createdAt: string; updatedAt: string }) =>
      insertBatch.run({ ...b, mapping: b.mapping === null ? null : JSON.stringify(b.mapping) }),
    finish: (key: number, f: Pick<ImportBatch, 'status' | 'rowsRead' | 'readings' | 'inserted' | 'replaced' | 'unchanged' | 'duplicates' | 'skippedRows' | 'committedAt'> & { updatedAt: string }) =>
      finish.run({ key, ...f }),
    putChunk: (batchKey: number, seq: number, firstRow: number, rowCount: number, stations: string[], data: Buffer, rowErrors: RowError[]) => {
      // A chunk sent again (a retry after a dropped connection) replaces itself and its errors.
      dropChunkErrors.run(batchKey, seq);
      upsertChunk.run(batchKey, seq, firstRow, rowCount, JSON.stringify(stations), data);
      for (const e of rowErrors) insertError.run(batchKey, seq, e.row, e.column, e.code, e.severity, e.message_zh, e.message_en);
    },
    chunks: (batchKey: number) => chunks.iterate(batchKey) as IterableIterator<ChunkRow>,
    chunkStats: (batchKey: number) => chunkStats.get(batchKey) as { chunks: number; rows: number },
    dropChunks: (batchKey: number) => dropChunks.run(batchKey),
    errors: (batchKey: number, limit: number, offset: number) => ({
      rows: errors.all(batchKey, limit, offset) as RowError[],
      total: errorCount.get(batchKey) as number,
    }),
    /** Rows with an error; with `implausibleConfirmed`, a value above the plausible limit alone no longer makes a row bad. */
    badRows: (batchKey: number, implausibleConfirmed = false) => new Set(badRows.all(batchKey, implausibleConfirmed ? 1 : 0) as number[]),
    insertDuplicate: (d: DuplicateInsert) => insertDuplicate.run({ ...d, conflict: d.conflict ? 1 : 0 }),
    duplicates: (batchKey: number | null, limit: number): { rows: DuplicateRecord[]; total: number } => {
      const rows = duplicates.all({ batchKey, limit }) as { stationCode: string; endMs: number; intervalS: number; keptMilli: number | null; droppedMilli: number | null; kept: string; rule: string; conflict: number }[];
      return {
        rows: rows.map((r) => ({
          stationCode: r.stationCode,
          endMs: r.endMs,
          intervalMinutes: r.intervalS / 60,
          keptValue: r.keptMilli === null ? null : r.keptMilli / 1000,
          droppedValue: r.droppedMilli === null ? null : r.droppedMilli / 1000,
          kept: r.kept as DuplicateRecord['kept'],
          rule: r.rule,
          conflict: r.conflict === 1,
        })),
        total: duplicateCount.get({ batchKey }) as number,
      };
    },
  };
});

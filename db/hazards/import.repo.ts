import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { ImportRowIssue } from '../../core/contract/hazards-types';

type Issue = ImportRowIssue['errors'][number];

export const importsRepo = perDb((db: Db) => {
  const begin = db.prepare('INSERT INTO hazard_imports (id, file_name, created_at) VALUES (?, ?, ?)');
  const fileName = db.prepare('SELECT file_name FROM hazard_imports WHERE id = ?').pluck();
  const putRow = db.prepare('INSERT OR REPLACE INTO hazard_import_rows (import_id, row_no, data, errors, name_norm) VALUES (?, ?, ?, ?, ?)');
  // Without statistics the planner would take the primary key's row_no range, a scan of the whole file per row.
  const sameName = db.prepare(
    `SELECT row_no, json_extract(data, '$.lat') AS lat, json_extract(data, '$.lng') AS lng
     FROM hazard_import_rows INDEXED BY hazard_import_rows_by_import_name
     WHERE import_id = ? AND name_norm = ? AND row_no < ? ORDER BY row_no`,
  );
  const badRows = db.prepare("SELECT row_no FROM hazard_import_rows WHERE import_id = ? AND errors <> '[]' ORDER BY row_no").pluck();
  const goodRows = db.prepare('SELECT row_no, data FROM hazard_import_rows WHERE import_id = ? ORDER BY row_no');
  const drop = db.prepare('DELETE FROM hazard_imports WHERE id = ?');
  const dropRows = db.prepare('DELETE FROM hazard_import_rows WHERE import_id = ?');
  return {
    begin: (id: string, fileName: string, at: string) => begin.run(id, fileName, at),
    /** The staged import's file name, or undefined when there is no such import. */
    fileName: (id: string) => fileName.get(id) as string | undefined,
    /** `nameNorm` only for a good row: rows with errors are not compared for duplicates. */
    putRow: (importId: string, rowNo: number, data: unknown, errors: Issue[], nameNorm: string | null) =>
      putRow.run(importId, rowNo, data === null ? null : JSON.stringify(data), JSON.stringify(errors), nameNorm),
    /** Staged good rows above `beforeRow` with this folded name, with their WGS-84 locations. */
    sameName: (importId: string, nameNorm: string, beforeRow: number) =>
      (sameName.all(importId, nameNorm, beforeRow) as { row_no: number; lat: number; lng: number }[]).map((r) => ({ rowNo: r.row_no, lat: r.lat, lng: r.lng })),
    badRows: (importId: string) => badRows.all(importId) as number[],
    rows: <T>(importId: string) => (goodRows.all(importId) as { row_no: number; data: string | null }[]).map((r) => ({ rowNo: r.row_no, data: r.data === null ? null : (JSON.parse(r.data) as T) })),
    drop(importId: string): void {
      dropRows.run(importId);
      drop.run(importId);
    },
  };
});

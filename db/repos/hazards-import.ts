import type { Db } from '../connection';
import { perDb } from './hazards-cache';
import type { ImportRowIssue } from '../../core/contract/hazards-types';

type Issue = ImportRowIssue['errors'][number];

export const importsRepo = perDb((db: Db) => {
  const begin = db.prepare('INSERT INTO hazard_imports (id, file_name, created_at) VALUES (?, ?, ?)');
  const exists = db.prepare('SELECT 1 FROM hazard_imports WHERE id = ?').pluck();
  const putRow = db.prepare('INSERT OR REPLACE INTO hazard_import_rows (import_id, row_no, data, errors) VALUES (?, ?, ?, ?)');
  const badRows = db.prepare("SELECT row_no FROM hazard_import_rows WHERE import_id = ? AND errors <> '[]' ORDER BY row_no").pluck();
  const goodRows = db.prepare('SELECT row_no, data FROM hazard_import_rows WHERE import_id = ? ORDER BY row_no');
  const drop = db.prepare('DELETE FROM hazard_imports WHERE id = ?');
  const dropRows = db.prepare('DELETE FROM hazard_import_rows WHERE import_id = ?');
  return {
    begin: (id: string, fileName: string, at: string) => begin.run(id, fileName, at),
    exists: (id: string) => exists.get(id) === 1,
    putRow: (importId: string, rowNo: number, data: unknown, errors: Issue[]) => putRow.run(importId, rowNo, data === null ? null : JSON.stringify(data), JSON.stringify(errors)),
    badRows: (importId: string) => badRows.all(importId) as number[],
    rows: <T>(importId: string) => (goodRows.all(importId) as { row_no: number; data: string | null }[]).map((r) => ({ rowNo: r.row_no, data: r.data === null ? null : (JSON.parse(r.data) as T) })),
    drop(importId: string): void {
      dropRows.run(importId);
      drop.run(importId);
    },
  };
});

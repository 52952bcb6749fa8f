import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrites one table's root page, as a failing disk would. Opening the file reads only the
 * header and the schema, so the damage is found by the full check, not at open.
 */
export function damageTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const rootPage = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) || 4096;
  bytes.fill(0x5a, (rootPage - 1) * pageSize, rootPage * pageSize);
  writeFileSync(file, bytes);
}

import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { createDb, migrateTo } from './helpers';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

interface TableListRow {
  schema: string;
  name: string;
  type: 'table' | 'view' | 'virtual' | 'shadow';
  strict: 0 | 1;
}

describe('the schema a fresh database gets', () => {
  it('is the committed snapshot: a schema change shows up in review as a change of this file', async () => {
    const db = createDb();
    migrateTo(db, LATEST_SCHEMA_VERSION);
    const rows = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY tbl_name, type <> 'table', type, name`).all() as SchemaRow[];
    // Automatic indexes (UNIQUE, PRIMARY KEY) have no SQL of their own: their table's statement says it.
    const text = rows.map((row) => `-- ${row.type} ${row.name}${row.sql === null ? '' : `\n${row.sql};`}\n`).join('\n');
    await expect(text).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it('has STRICT tables only, apart from full-text indexes, which SQLite cannot make STRICT', () => {
    const db = createDb();
    migrateTo(db, LATEST_SCHEMA_VERSION);
    const tables = (db.pragma('table_list') as TableListRow[]).filter(
      // Virtual FTS5 tables and their shadow tables are SQLite's own format; sqlite_* are its catalogue.
      (table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_'),
    );
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((table) => table.strict !== 1).map((table) => table.name)).toEqual([]);
  });
});

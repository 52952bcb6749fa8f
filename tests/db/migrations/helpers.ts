import { onTestFinished } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../db/platform/connection';
import { migrate } from '../../../db/platform/migrate';
import { migrations } from '../../../db/migrations';
import { tempDir } from '../../support/tempdir';

/**
 * Small tools for testing one migration at a time: build a file at schema N with the rows an
 * older app would have written there, migrate it, and look at what came out.
 */

/**
 * An empty database in a temp file, removed when the test ends. Opened by the app's connection
 * module with no migrations, so its pragmas (WAL, foreign keys) are the ones real files get.
 */
export function createDb(): Db {
  const dir = tempDir();
  const db = openDatabase(join(dir.path, 'flooddesk.sqlite'), { migrations: [] });
  onTestFinished(() => {
    db.close();
    dir.remove();
  });
  return db;
}

/** Applies the app's migrations numbered up to `version` that the file does not have yet, with the app's runner. */
export function migrateTo(db: Db, version: number): void {
  migrate(db, migrations.filter((migration) => migration.version <= version));
}

type Row = Record<string, unknown>;

/** Table and column names come from the test itself; checked so a typo fails loudly rather than as odd SQL. */
function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not a plain SQL name: ${name}`);
  return name;
}

/** Inserts rows as written, column by column: no repository, whose statements may name later columns. */
export function insertRows(db: Db, table: string, rows: readonly Row[]): void {
  db.transaction(() => {
    for (const row of rows) {
      const columns = Object.keys(row).map(identifier);
      db.prepare(`INSERT INTO ${identifier(table)} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    }
  })();
}

/** Every row; without `orderBy` (comma-separated columns) in storage order, which WITHOUT ROWID tables keep by primary key. */
export function readTable(db: Db, table: string, orderBy?: string): Row[] {
  const order = orderBy === undefined ? '' : ` ORDER BY ${orderBy.split(',').map((column) => identifier(column.trim())).join(', ')}`;
  return db.prepare(`SELECT * FROM ${identifier(table)}${order}`).all() as Row[];
}

/** The plan as the lines tests match (`SEARCH t USING INDEX …`); the other columns only shape the tree. */
export function explain(db: Db, sql: string, params: readonly unknown[] | Row = []): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = Array.isArray(params) ? statement.all(...params) : statement.all(params);
  return (rows as { detail: string }[]).map((row) => row.detail);
}

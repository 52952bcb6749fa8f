import type { Db } from './connection';

/**
 * One schema step: a plain SQL file and, where SQL alone cannot do it (SHA-256, pinyin), a code
 * step that runs right after the SQL in the same transaction, so the schema change and the data
 * it needs land together or not at all. The runner owns the transaction and PRAGMA user_version;
 * neither the file nor the step touches them.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  step?: (db: Db) => void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The runner applies every migration numbered above the file's user_version, so a list out of
 * order, or with a repeated number, would skip or repeat one silently: it is refused instead.
 */
export function assertRising(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    const previous = list[index - 1];
    if (previous && migration.version <= previous.version) {
      throw new Error(`Migrations must be numbered in rising order: ${previous.version}_${previous.name} is followed by ${migration.version}_${migration.name}`);
    }
  });
}

export function latestVersion(list: readonly Migration[]): number {
  return list.length ? list[list.length - 1].version : 0;
}

export function migrate(db: Db, list: readonly Migration[]): void {
  assertRising(list);
  const current = schemaVersion(db);
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.step?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

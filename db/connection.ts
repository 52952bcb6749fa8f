import Database from 'better-sqlite3';
import { StorageError } from '../core/errors';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Called with the schema version about to be upgraded, before any migration runs. */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
  migrationList?: Migration[];
}

/**
 * Opens (or creates) the database file with the pragmas every connection needs, refuses
 * files that are not ours or are newer than this app, and migrates to the latest schema.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const list = options.migrationList ?? migrations;
  let db: Db;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw translateOpenError(error, file);
  }
  try {
    applyPragmas(db);
    const fromVersion = schemaVersion(db);
    const latest = list.length ? list[list.length - 1].version : 0;
    if (fromVersion > latest) {
      throw new StorageError(
        'errors.dbTooNew',
        `The database ${file} has schema version ${fromVersion}, newer than this app understands (${latest}). Install the newer FloodDesk; the file was not changed.`,
        { file, found: fromVersion, supported: latest },
      );
    }
    if (fromVersion < latest) {
      if (fromVersion > 0) options.beforeMigrate?.(db, fromVersion);
      migrate(db, list);
    }
    db.pragma('optimize');
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error, file);
  }
}

function applyPragmas(db: Db): void {
  db.pragma('busy_timeout = 5000');
  // Reading the header first makes "file is not a database" fail here, with a clear message.
  db.pragma('schema_version');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StorageError('errors.dbNoWal', `Could not switch the database to WAL mode (got ${String(mode)})`);
  // FULL: a committed duty record survives a power cut, at the cost of one more fsync.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, list: Migration[] = migrations): void {
  const current = schemaVersion(db);
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function translateOpenError(error: unknown, file: string): Error {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new StorageError('errors.dbCorrupt', `${file} is not a readable FloodDesk database (${message}). It was not changed; restore a backup or choose another data folder.`, { file });
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || /readonly|unable to open/i.test(message)) {
    return new StorageError('errors.dbReadOnly', `Cannot open ${file} for writing (${message}). Check the folder's permissions or free space.`, { file });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StorageError('errors.dbLocked', `${file} is locked by another program. Close the other FloodDesk window or process and try again.`, { file });
  }
  return error instanceof Error ? error : new Error(message);
}

export { LATEST_SCHEMA_VERSION };

import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError, type ErrorBody } from '../../core/errors';
import { latestVersion, migrate, schemaVersion, type Migration } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Called with the schema version about to be upgraded, before any migration runs. */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
  /** The schema this file must reach, in order (the app's is db/migrations). */
  migrations: readonly Migration[];
  /** Names the newest backup known to be good, for the message when the file turns out damaged. */
  newestGoodBackup?: () => GoodBackup | null;
}

export interface GoodBackup {
  path: string;
  createdAtMs: number;
}

/**
 * Opens (or creates) the database file with the pragmas every connection needs, refuses
 * files that are not ours or are newer than this app, and migrates to the latest schema. It
 * reads only the header and the schema, so it takes the same time for any size of file; the
 * full check of every page runs afterwards in the background (integrity.ts).
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const list = options.migrations;
  let db: Db;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw translateOpenError(error, file);
  }
  try {
    applyPragmas(db, file);
    const fromVersion = schemaVersion(db);
    const latest = latestVersion(list);
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
    if (db.pragma('application_id', { simple: true }) !== FLOODDESK_APPLICATION_ID) db.pragma(`application_id = ${FLOODDESK_APPLICATION_ID}`);
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error, file, options.newestGoodBackup);
  }
}

/**
 * Closes the connection after refreshing the planner's statistics. SQLite suggests optimize at
 * open or at close; at open it would ANALYZE a table that grew (after a large import, reading
 * every page to count its rows) while the duty officer waits, so it runs here instead.
 */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('analysis_limit = 400');
    db.pragma('optimize');
  } finally {
    db.close();
  }
}

/** 'FDK1' in the file header's application_id: what makes a SQLite file a FloodDesk database. */
export const FLOODDESK_APPLICATION_ID = 0x46444b31;

/** Tables every FloodDesk database has had since its first schema. */
const KERNEL_TABLES = ['settings', 'audit_log', 'events'];

/**
 * A file is ours if its header says so, or if it is empty (a new database), or if it was written
 * before the header said so and holds the kernel's tables. Anything else — another program's
 * SQLite file, restored or pointed at by mistake — is refused before a single byte is written,
 * instead of being "migrated" into an empty FloodDesk database.
 */
function assertFloodDeskFile(db: Db, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === FLOODDESK_APPLICATION_ID) return;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const empty = tables.length === 0 && schemaVersion(db) === 0;
  const olderFloodDesk = schemaVersion(db) > 0 && KERNEL_TABLES.every((name) => tables.includes(name));
  if (applicationId === 0 && (empty || olderFloodDesk)) return;
  throw new StorageError(
    'errors.dbForeign',
    `${file} is not a FloodDesk database (application id ${applicationId}, ${tables.length} tables of another program). It was not changed. Point --data at a FloodDesk data folder.`,
    { file },
  );
}

function applyPragmas(db: Db, file: string): void {
  db.pragma('busy_timeout = 5000');
  // Reading the header first makes "file is not a database" fail here, with a clear message.
  db.pragma('schema_version');
  // Before anything below writes to the file (WAL mode changes its header).
  assertFloodDeskFile(db, file);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StorageError('errors.dbNoWal', `Could not switch the database to WAL mode (got ${String(mode)})`);
  // FULL: a committed duty record survives a power cut, at the cost of one more fsync.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export function corruptError(file: string, problem: string, backup: GoodBackup | null): StorageError {
  const folder = dirname(file);
  const offer = backup
    ? [
        `Newest good backup: ${backup.path} (made ${new Date(backup.createdAtMs).toISOString()}).`,
        `To use it, move the damaged ${basename(file)} out of ${folder}, then copy ${basename(file)} and files/ from the backup folder into ${folder}.`,
      ]
    : ['No good backup was found. Keep the damaged file for recovery and start FloodDesk with another data folder (--data DIR) to carry on.'];
  return new StorageError(
    'errors.dbCorrupt',
    [`The database ${file} is damaged (${problem}).`, 'It has not been changed.', ...offer].join('\n'),
    { file, backup: backup?.path ?? '—' },
  );
}

/** The answer to every change once the background check found the open file damaged. */
export function damagedNoWrites(file: string, problem: string, backup: GoodBackup | null): ErrorBody {
  const offer = backup ? `Restore the newest good backup, ${backup.path} (made ${new Date(backup.createdAtMs).toISOString()}), in Settings → Backups.` : 'No good backup was found: keep this file for recovery.';
  return new StorageError('errors.dbDamagedNoWrites', `The database ${file} is damaged (${problem}); nothing was saved and no change will be until it is replaced. ${offer}`, {
    file,
    backup: backup?.path ?? '—',
  }).toBody();
}

const errorCode = (error: unknown): string => String((error as { code?: unknown }).code ?? '');
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const isCorruption = (error: unknown): boolean =>
  /^SQLITE_(NOTADB|CORRUPT)/.test(errorCode(error)) || /not a database|malformed/i.test(errorText(error));

function translateOpenError(error: unknown, file: string, newestGoodBackup?: OpenOptions['newestGoodBackup']): Error {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (isCorruption(error)) return corruptError(file, message, newestGoodBackup?.() ?? null);
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || /readonly|unable to open/i.test(message)) {
    return new StorageError('errors.dbReadOnly', `Cannot open ${file} for writing (${message}). Check the folder's permissions or free space.`, { file });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StorageError('errors.dbLocked', `${file} is locked by another program. Close the other FloodDesk window or process and try again.`, { file });
  }
  return error instanceof Error ? error : new Error(message);
}

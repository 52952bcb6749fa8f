import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from '../../core/errors';
import { BACKUP_NAME, type BackupInfo } from '../../core/contract/backup';
import { backupsToDelete, type BackupReason, type RotationPolicy } from '../../core/domain/backup/rotation';
import type { Db, GoodBackup } from '../platform/connection';
import type { DataPaths } from '../platform/paths';
import { copyTree, writeFileDurably } from './files';

/**
 * Backups: one folder per backup, `<name>/flooddesk.sqlite` + `<name>/files/` + `<name>/manifest.json`.
 * The database copy is a single self-contained file (rollback journal, no -wal beside it), verified
 * with integrity_check before the manifest is written; a folder is built under a `.partial-` name
 * and renamed into place only when complete, so a half-made backup is never listed or restored.
 */

export const BACKUP_DB_FILE = 'flooddesk.sqlite';
export const BACKUP_FILES_DIR = 'files';
const MANIFEST_FILE = 'manifest.json';
const PARTIAL_PREFIX = '.partial-';

export interface BackupManifest {
  format: 1;
  name: string;
  reason: BackupReason;
  createdAtMs: number;
  appVersion: string;
  schemaVersion: number;
  dbBytes: number;
  fileCount: number;
  filesBytes: number;
  counts: Record<string, number>;
  /** Newest audit seq in the copy: an unchanged database needs no new timer backup. */
  auditHead: number | null;
}

export interface BackupFolder {
  dir: string;
  location: BackupInfo['location'];
}

export interface CreateOptions {
  dir: string;
  reason: BackupReason;
  nowMs: number;
  appVersion: string;
  filesDir: string;
  onProgress?: (phase: 'database' | 'verify' | 'files', progress: number) => void;
}

/** The chosen folder first (when set), then the data folder's own; both are listed and restorable. */
export function backupFolders(paths: DataPaths, chosen: string): BackupFolder[] {
  const folders: BackupFolder[] = [];
  if (chosen && chosen !== paths.backupsDir) folders.push({ dir: chosen, location: 'chosen' });
  folders.push({ dir: paths.backupsDir, location: 'default' });
  return folders;
}

/** Online backup with SQLite's backup API: the app keeps working while pages are copied. */
export async function createBackup(db: Db, options: CreateOptions): Promise<BackupManifest> {
  const { name, partial } = startFolder(options.dir, options.reason, options.nowMs);
  try {
    await db.backup(join(partial, BACKUP_DB_FILE), {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.('database', totalPages ? 1 - remainingPages / totalPages : 1);
        return 256;
      },
    });
    options.onProgress?.('verify', 1);
    const facts = verifyCopy(join(partial, BACKUP_DB_FILE));
    options.onProgress?.('files', 1);
    const previous = newestBackupDir(options.dir);
    const files = await copyTree(options.filesDir, join(partial, BACKUP_FILES_DIR), previous && join(previous, BACKUP_FILES_DIR));
    const manifest = writeManifest(partial, name, options, facts, files);
    await rename(partial, join(options.dir, name));
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw asBackupError(error, options.dir);
  }
}

/**
 * The synchronous variant for the moment before a migration, when nothing else may run yet:
 * VACUUM INTO writes a consistent copy in one statement, WAL or not.
 */
export function createBackupSync(db: Db, options: CreateOptions): BackupManifest {
  const { name, partial } = startFolder(options.dir, options.reason, options.nowMs);
  try {
    db.prepare('VACUUM INTO ?').run(join(partial, BACKUP_DB_FILE));
    const facts = verifyCopy(join(partial, BACKUP_DB_FILE));
    mkdirSync(join(partial, BACKUP_FILES_DIR));
    if (existsSync(options.filesDir)) cpSync(options.filesDir, join(partial, BACKUP_FILES_DIR), { recursive: true, preserveTimestamps: true });
    const manifest = writeManifest(partial, name, options, facts, treeSize(join(partial, BACKUP_FILES_DIR)));
    renameSync(partial, join(options.dir, name));
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw asBackupError(error, options.dir);
  }
}

interface CopyFacts {
  schemaVersion: number;
  counts: Record<string, number>;
  auditHead: number | null;
}

/**
 * Makes a copy self-contained (rollback journal instead of WAL) and proves it readable with a full
 * integrity_check; a copy that fails is reported and never kept.
 */
export function verifyCopy(file: string): CopyFacts {
  let copy: Db | undefined;
  try {
    copy = new Database(file, { fileMustExist: true, timeout: 5000 });
    copy.pragma('journal_mode = DELETE');
    const lines = (copy.pragma('integrity_check(5)') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok') throw verifyFailed(lines.join('; '));
    return readFacts(copy);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    // Damage bad enough that SQLite stops reading is the same verdict as a failed check.
    throw /^SQLITE_(CORRUPT|NOTADB)/.test(code) ? verifyFailed(error instanceof Error ? error.message : code) : error;
  } finally {
    copy?.close();
  }
}

function verifyFailed(problem: string): StorageError {
  return new StorageError('errors.backup.verifyFailed', `The backup copy failed its integrity check (${problem}); it was not kept.`, { problem });
}

function readFacts(db: Db): CopyFacts {
  const tables = db
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number]));
  const auditHead = tables.includes('audit_log') ? (db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) : null;
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, counts, auditHead };
}

function startFolder(dir: string, reason: BackupReason, nowMs: number): { name: string; partial: string } {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw asBackupError(error, dir);
  }
  const base = `${new Date(nowMs).toISOString().replaceAll(':', '-').replace('.', '-')}_${reason}`;
  let name = base;
  for (let n = 2; existsSync(join(dir, name)) || existsSync(join(dir, PARTIAL_PREFIX + name)); n++) name = `${base}-${n}`;
  const partial = join(dir, PARTIAL_PREFIX + name);
  mkdirSync(partial);
  return { name, partial };
}

function writeManifest(partial: string, name: string, options: CreateOptions, facts: CopyFacts, files: { count: number; bytes: number }): BackupManifest {
  const manifest: BackupManifest = {
    format: 1,
    name,
    reason: options.reason,
    createdAtMs: options.nowMs,
    appVersion: options.appVersion,
    schemaVersion: facts.schemaVersion,
    dbBytes: statSync(join(partial, BACKUP_DB_FILE)).size,
    fileCount: files.count,
    filesBytes: files.bytes,
    counts: facts.counts,
    auditHead: facts.auditHead,
  };
  writeFileDurably(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return manifest;
}

function treeSize(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    count += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { count, bytes };
}

/** Completed backups in one folder, newest first; anything without a readable manifest is not ours. */
export function readBackups(folder: BackupFolder): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder.dir).filter((name) => BACKUP_NAME.test(name));
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const manifest = readManifest(join(folder.dir, name));
    if (manifest?.name !== name) continue;
    const { format: _format, auditHead: _auditHead, ...info } = manifest;
    found.push({ ...info, path: join(folder.dir, name), location: folder.location });
  }
  return found.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.name < b.name ? 1 : -1));
}

export function readManifest(dir: string): BackupManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch {
    return null;
  }
}

/** Both folders merged; a name found in both (a copied folder) is shown once, the chosen folder's. */
export function listBackups(folders: BackupFolder[]): BackupInfo[] {
  const byName = new Map<string, BackupInfo>();
  for (const backup of folders.flatMap(readBackups)) if (!byName.has(backup.name)) byName.set(backup.name, backup);
  return [...byName.values()].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.name < b.name ? 1 : -1));
}

function newestBackupDir(dir: string): string | null {
  const [newest] = readBackups({ dir, location: 'default' });
  return newest ? newest.path : null;
}

/** Deletes the timer backups the rotation no longer keeps; returns their names. */
export async function rotateBackups(dir: string, policy: RotationPolicy, timeZone: string): Promise<string[]> {
  const doomed = backupsToDelete(readBackups({ dir, location: 'default' }), policy, timeZone);
  for (const backup of doomed) await rm(backup.path, { recursive: true, force: true });
  return doomed.map((b) => b.name);
}

/** Leftovers of a backup interrupted by a crash or a pulled USB drive. */
export function removePartials(dir: string): void {
  try {
    for (const name of readdirSync(dir)) if (name.startsWith(PARTIAL_PREFIX)) rmSync(join(dir, name), { recursive: true, force: true });
  } catch {
    // A missing or unplugged folder has nothing to clean.
  }
}

/** Newest backup whose copy passes quick_check now, for the message about a damaged database. */
export function newestGoodBackup(folders: BackupFolder[]): GoodBackup | null {
  for (const backup of listBackups(folders)) {
    let copy: Db | undefined;
    try {
      copy = new Database(join(backup.path, BACKUP_DB_FILE), { readonly: true, fileMustExist: true });
      if (copy.pragma('quick_check', { simple: true }) === 'ok') return { path: backup.path, createdAtMs: backup.createdAtMs };
    } catch {
      // Unreadable: try the next older one.
    } finally {
      copy?.close();
    }
  }
  return null;
}

/** The backup folder setting, read without trusting the file: it may be the damaged one. */
export function chosenFolderOf(databaseFile: string): string {
  let db: Db | undefined;
  try {
    db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    const value = db.prepare("SELECT json_extract(value, '$.folder') FROM settings WHERE section = 'backup'").pluck().get();
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  } finally {
    db?.close();
  }
}

function asBackupError(error: unknown, dir: string): unknown {
  if (error instanceof StorageError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new StorageError('errors.backup.diskFull', `The backup folder ${dir} is full; no backup was made.`, { folder: dir });
  if (['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EIO', 'ENODEV'].includes(code) || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    return new StorageError('errors.backup.folderUnavailable', `The backup folder ${dir} cannot be written (${code}); no backup was made. Check that the drive is connected.`, { folder: dir });
  }
  return error;
}

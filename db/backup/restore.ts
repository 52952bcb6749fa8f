import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from '../../core/errors';
import type { DataPaths } from '../platform/paths';
import { BACKUP_DB_FILE, BACKUP_FILES_DIR, verifyCopy } from './snapshots';
import { copyTree, syncFile } from './files';

/**
 * Puts a backup's database and files in place of the live ones. Every connection to the live file
 * must already be closed, and the caller has already made a backup of what is being replaced.
 *
 * The database copy is staged next to the live file and verified there, then renamed over it in
 * one atomic step; the files folder is moved aside first and moved back if anything fails before
 * that rename. So at every moment the data folder holds either the old pair or the new one.
 */
export async function swapInBackup(backupDir: string, paths: DataPaths, nowMs: number): Promise<void> {
  // The last connection to close deletes the WAL; one still there belongs to another program
  // (a second FloodDesk), and replacing the file under it would corrupt both.
  if (existsSync(`${paths.databaseFile}-wal`)) {
    throw new StorageError('errors.dbInUse', `Another program still has ${paths.databaseFile} open; close it and restore again. Nothing was changed.`, { file: paths.databaseFile });
  }
  const staged = `${paths.databaseFile}.restoring`;
  const asideFiles = `${paths.filesDir}.replaced-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
  let filesMoved = false;
  try {
    await copyFile(join(backupDir, BACKUP_DB_FILE), staged);
    syncFile(staged);
    verifyCopy(staged);
    if (existsSync(paths.filesDir)) await rename(paths.filesDir, asideFiles);
    filesMoved = true;
    await copyTree(join(backupDir, BACKUP_FILES_DIR), paths.filesDir);
    // A shared-memory index left from the old file must not be mistaken for the new one's.
    await rm(`${paths.databaseFile}-shm`, { force: true });
    await rename(staged, paths.databaseFile);
  } catch (error) {
    await rm(staged, { force: true });
    if (filesMoved) {
      await rm(paths.filesDir, { recursive: true, force: true });
      if (existsSync(asideFiles)) await rename(asideFiles, paths.filesDir);
    }
    throw error;
  }
  // What was replaced lives on in the pre-restore backup.
  await rm(asideFiles, { recursive: true, force: true });
}

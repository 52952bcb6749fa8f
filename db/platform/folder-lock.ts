import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../../core/errors';

export const LOCK_FILE = 'flooddesk.lock';

/**
 * One process per data folder: two (a second serve, or serve beside the desktop app) would race
 * each other's migrations, backups and restores. The lock names its owner; a lock whose process
 * is gone (a crash, a power cut) is taken over.
 */
export function lockDataFolder(dataDir: string, nowMs: number): () => void {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAtMs: nowMs }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(file);
      if (owner !== null && isRunning(owner)) {
        throw new StorageError(
          'errors.dataFolderInUse',
          `Another FloodDesk (process ${owner}) is using ${dataDir}. Use that one, or close it first. If no FloodDesk is running, delete ${file}.`,
          { folder: dataDir, pid: owner },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new StorageError('errors.dataFolderInUse', `Could not lock ${dataDir}: another FloodDesk is starting at the same moment.`, { folder: dataDir, pid: '?' });
}

function lockOwner(file: string): number | null {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user — still a running owner.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

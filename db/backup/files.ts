import { closeSync, fsyncSync, openSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

export interface TreeCopy {
  count: number;
  bytes: number;
}

/**
 * Copies the attachments folder (photos, documents) into a backup. A file unchanged since the
 * previous backup (same size and modification time) is hard-linked to that backup's copy
 * instead, so every backup folder is complete on its own while unchanged photos take no extra
 * space; where links are not supported (FAT/exFAT USB drives) it is copied. Links only ever point
 * between backups, never at the live files, so editing a live file cannot change a backup.
 * Symbolic links are skipped: a backup never follows a link out of the data folder.
 */
export async function copyTree(source: string, target: string, previous: string | null = null): Promise<TreeCopy> {
  const total: TreeCopy = { count: 0, bytes: 0 };
  await mkdir(target, { recursive: true });
  let entries;
  try {
    entries = await readdir(source, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return total;
    throw error;
  }
  for (const entry of entries) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    const before = previous ? join(previous, entry.name) : null;
    if (entry.isDirectory()) {
      const sub = await copyTree(from, to, before);
      total.count += sub.count;
      total.bytes += sub.bytes;
    } else if (entry.isFile()) {
      const info = await stat(from);
      if (!(before && (await linkIfUnchanged(before, to, info.size, info.mtimeMs)))) {
        await copyFile(from, to);
        // The copy keeps the original's time, so the next backup can tell the file is unchanged.
        await utimes(to, info.atime, info.mtime);
      }
      total.count += 1;
      total.bytes += info.size;
    }
  }
  return total;
}

async function linkIfUnchanged(previousCopy: string, to: string, size: number, mtimeMs: number): Promise<boolean> {
  try {
    const old = await stat(previousCopy);
    // Within a millisecond: setting a time goes through floating-point seconds and may round.
    if (old.size !== size || Math.abs(old.mtimeMs - mtimeMs) >= 1) return false;
    await link(previousCopy, to);
    return true;
  } catch {
    return false;
  }
}

/** Written and flushed to the disk before returning: a manifest is the backup's seal. */
export function writeFileDurably(file: string, text: string): void {
  writeFileSync(file, text);
  syncFile(file);
}

/** Flushes a file the OS may still hold in memory, before it is renamed into place. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

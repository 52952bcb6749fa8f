import { z } from 'zod';
import { read, write } from './define';
import type { ErrorBody } from '../errors';
import type { BackupReason } from '../domain/backup/rotation';

/** `2026-07-01T04-00-00-000Z_hourly`: sortable, safe on every file system, never a path. */
export const BACKUP_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_(hourly|manual|pre-migration|pre-restore)(-\d{1,3})?$/;

export interface BackupInfo {
  name: string;
  reason: BackupReason;
  createdAtMs: number;
  /** The folder holding this backup's database copy and its files/ folder. */
  path: string;
  /** In the folder chosen in settings, or the data folder's own backups/. */
  location: 'chosen' | 'default';
  appVersion: string;
  schemaVersion: number;
  dbBytes: number;
  fileCount: number;
  filesBytes: number;
  /** Rows per table, read from the copy when it was verified. */
  counts: Record<string, number>;
}

export type BackupJobPhase = 'queued' | 'database' | 'verify' | 'files' | 'swap' | 'reopen';

/** A backup or restore runs outside any request; clients follow it through backup.list. */
export interface BackupJob {
  id: string;
  kind: 'create' | 'restore';
  reason: BackupReason;
  state: 'running' | 'done' | 'failed';
  phase: BackupJobPhase;
  /** 0..1 within the database copy, the longest step. */
  progress: number;
  startedAtMs: number;
  finishedAtMs: number | null;
  /** The backup made (create) or restored from (restore). */
  backupName: string | null;
  /** For a restore: the backup holding what was replaced. */
  preRestoreName: string | null;
  error: ErrorBody | null;
}

export interface BackupList {
  folder: string;
  defaultFolder: string;
  backups: BackupInfo[];
  /** The job running now, or the last one to finish since the app started. */
  job: BackupJob | null;
}

export const backupContract = {
  'backup.list': read<BackupList>()(
    z.object({}),
    'Backups in the chosen and the default folder, newest first, and the current backup job; administrators only (file paths)',
    { access: ['admin'] },
  ),
  'backup.create': write<BackupJob>()(z.object({}), 'Start a verified backup of the database and files now; follow it with backup.list'),
  'backup.restore': write<BackupJob>()(
    z.object({ name: z.string().regex(BACKUP_NAME, 'Not a backup name') }),
    'Replace the database and files with a backup, after backing up the current ones',
  ),
};

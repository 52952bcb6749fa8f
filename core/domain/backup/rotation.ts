import { localParts } from '../../time';

/** Why a backup was made; only the timer's own copies are rotated away. */
export const backupReasons = ['hourly', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface RotationPolicy {
  keepHourly: number;
  keepDaily: number;
}

export interface Rotatable {
  name: string;
  reason: BackupReason;
  createdAtMs: number;
}

/**
 * The timer's backups to delete: walking from newest to oldest, the newest backup of each of the
 * last `keepHourly` hours that have one is kept, and likewise for the last `keepDaily` local days.
 * Counting buckets that hold a backup (not the last N hours of the clock) means a computer that
 * was off for a week still keeps its older history instead of losing all of it at once.
 * Manual and pre-migration/pre-restore copies are the user's and the upgrade's safety nets: kept.
 */
export function backupsToDelete<T extends Rotatable>(backups: readonly T[], policy: RotationPolicy, timeZone: string): T[] {
  const automatic = backups.filter((b) => b.reason === 'hourly').sort((a, b) => b.createdAtMs - a.createdAtMs || (a.name < b.name ? 1 : -1));
  const keep = new Set<T>();
  const keepNewestPerBucket = (limit: number, bucketOf: (b: T) => string) => {
    const seen = new Set<string>();
    for (const backup of automatic) {
      const bucket = bucketOf(backup);
      if (seen.has(bucket)) continue;
      if (seen.size === limit) break;
      seen.add(bucket);
      keep.add(backup);
    }
  };
  keepNewestPerBucket(policy.keepHourly, (b) => {
    const parts = localParts(b.createdAtMs, timeZone);
    return `${parts.date} ${parts.hour}`;
  });
  keepNewestPerBucket(policy.keepDaily, (b) => localParts(b.createdAtMs, timeZone).date);
  return automatic.filter((b) => !keep.has(b));
}

/**
 * A damage record is never edited in place: every change writes a new version that supersedes
 * the one before, so a figure reported up the chain at 08:00 can always be shown as it was.
 *
 *   record  → reported
 *   correct → corrected   (new figures, with a reason; from any status, they must be checked again)
 *   verify  → verified    (same figures, who checked and when; only from reported or corrected)
 *
 * Removal is not a status: a removed record keeps its versions and drops out of every total.
 */

export const DAMAGE_STATUSES = ['reported', 'verified', 'corrected'] as const;
export type DamageStatus = (typeof DAMAGE_STATUSES)[number];

export const VERSION_CHANGES = ['record', 'correct', 'verify'] as const;
export type VersionChange = (typeof VERSION_CHANGES)[number];

export type StatusStep = { ok: true; status: DamageStatus } | { ok: false; reason: 'alreadyRecorded' | 'notRecorded' | 'alreadyVerified' };

/** The status the version written by `change` gets, given the current version's status (null before the first). */
export function statusAfter(change: VersionChange, current: DamageStatus | null): StatusStep {
  if (change === 'record') return current === null ? { ok: true, status: 'reported' } : { ok: false, reason: 'alreadyRecorded' };
  if (current === null) return { ok: false, reason: 'notRecorded' };
  if (change === 'correct') return { ok: true, status: 'corrected' };
  return current === 'verified' ? { ok: false, reason: 'alreadyVerified' } : { ok: true, status: 'verified' };
}

import type { Db } from '../platform/connection';
import { sealUnchainedAudit } from '../audit';
import { fillMissingPinyin } from '../hazards';

/**
 * Code steps, by migration number: each runs right after its file's SQL, in the same transaction,
 * against the schema as it was at that number (so it uses its own narrow statements, never a full
 * repository that names columns added later).
 */
export const MIGRATION_STEPS: Readonly<Record<number, (db: Db) => void>> = {
  7: sealUnchainedAudit,
  12: fillMissingPinyin,
};

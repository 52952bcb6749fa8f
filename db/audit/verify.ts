import type { Db } from '../platform/connection';
import type { AuditVerifyResult } from '../../core/contract/system';
import { auditRepo, chainHash, GENESIS_HASH } from './audit.repo';

/**
 * Walks the audit trail in order and recomputes every link. The first row whose stored hashes
 * disagree with its content or with the row before it is where tampering (or damage) begins;
 * everything before it is as written. Deleting the newest rows cannot be seen from inside the
 * file, which is why the result carries the head hash: written down at handover or printed in a
 * report, it anchors the chain outside the database.
 */
export function verifyAuditChain(db: Db): AuditVerifyResult {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let headSeq: number | null = null;
  for (const row of auditRepo(db).chainRows()) {
    const reason = row.hash === null || row.prev_hash === null ? 'unsealed' : row.prev_hash !== prevHash ? 'link' : row.hash !== chainHash(prevHash, row) ? 'hash' : null;
    if (reason) return { ok: false, rows, brokenSeq: row.seq, reason };
    prevHash = row.hash as string;
    headSeq = row.seq;
    rows += 1;
  }
  return { ok: true, rows, headSeq, headHash: prevHash };
}

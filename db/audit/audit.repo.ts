import { createHash } from 'node:crypto';
import type { Db } from '../platform/connection';
import type { AuditRow } from '../../core/contract/system';
import { perDb } from '../platform/per-db';

export interface AuditInsert {
  atMs: number;
  actorId: string;
  actorName: string;
  method: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  method?: string;
  limit: number;
  offset: number;
}

interface AuditDbRow {
  seq: number;
  at_ms: number;
  actor_id: string;
  actor_name: string;
  method: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** One audit row as stored, with its place in the hash chain. */
export interface ChainRow extends AuditDbRow {
  prev_hash: string | null;
  hash: string | null;
}

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** The `prev_hash` of the first row: there is nothing before it to point at. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256(prev_hash || canonical JSON of the row). The canonical form is a fixed-order array of the
 * stored column values, with before/after as the exact JSON text stored, so re-reading a row
 * yields the same bytes on any machine and in any later version. The seq is included so that
 * deleting or reordering rows breaks the chain, not only editing them.
 */
export function chainHash(prevHash: string, row: AuditDbRow): string {
  const canonical = JSON.stringify([row.seq, row.at_ms, row.actor_id, row.actor_name, row.method, row.entity, row.entity_id, row.before, row.after]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export const auditRepo = perDb((db: Db) => {
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at_ms, actor_id, actor_name, method, entity, entity_id, before, after, prev_hash, hash)
     VALUES (@seq, @at_ms, @actor_id, @actor_name, @method, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
  );
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const inOrder = db.prepare('SELECT * FROM audit_log ORDER BY seq');
  const unsealed = db.prepare('SELECT * FROM audit_log WHERE hash IS NULL ORDER BY seq');
  const seal = db.prepare('UPDATE audit_log SET prev_hash = @prev_hash, hash = @hash WHERE seq = @seq AND hash IS NULL');
  const filterSql = `FROM audit_log
     WHERE (@entity IS NULL OR entity = @entity)
       AND (@entityId IS NULL OR entity_id = @entityId)
       AND (@method IS NULL OR method = @method)`;
  const list = db.prepare(`SELECT * ${filterSql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) AS n ${filterSql}`).pluck();

  return {
    insert(entry: AuditInsert): void {
      // Reading the head and appending must be one step, or two writers could fork the chain;
      // inside the dispatcher's transaction this is a savepoint, alone it takes the write lock first.
      db.transaction(() => {
        const last = head.get() as { seq: number; hash: string | null } | undefined;
        const row: AuditDbRow = {
          seq: (last?.seq ?? 0) + 1,
          at_ms: entry.atMs,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          method: entry.method,
          entity: entry.entity,
          entity_id: entry.entityId,
          before: toJson(entry.before),
          after: toJson(entry.after),
        };
        // An unsealed head means someone tampered; chaining on keeps the desk working and verify reports it.
        const prevHash = last?.hash ?? GENESIS_HASH;
        insert.run({ ...row, prev_hash: prevHash, hash: chainHash(prevHash, row) });
      }).immediate();
    },
    /** Every row in chain order, streamed so a long trail does not sit in memory. */
    chainRows(): IterableIterator<ChainRow> {
      return inOrder.iterate() as IterableIterator<ChainRow>;
    },
    /**
     * Gives rows written before the chain existed their hashes, once, inside the migration that
     * adds the chain, when every row is unsealed. Read in full first: SQLite cannot update a
     * table while a statement is still stepping through it on the same connection.
     */
    sealUnchained(): number {
      let prevHash = GENESIS_HASH;
      let count = 0;
      for (const row of unsealed.all() as ChainRow[]) {
        const hash = chainHash(prevHash, row);
        seal.run({ seq: row.seq, prev_hash: prevHash, hash });
        prevHash = hash;
        count += 1;
      }
      return count;
    },
    list(filter: AuditFilter): { rows: AuditRow[]; total: number } {
      const params = { entity: filter.entity ?? null, entityId: filter.entityId ?? null, method: filter.method ?? null };
      const rows = (list.all({ ...params, limit: filter.limit, offset: filter.offset }) as AuditDbRow[]).map((row) => ({
        seq: row.seq,
        atMs: row.at_ms,
        actorId: row.actor_id,
        actorName: row.actor_name,
        method: row.method,
        entity: row.entity,
        entityId: row.entity_id,
        before: row.before === null ? null : JSON.parse(row.before),
        after: row.after === null ? null : JSON.parse(row.after),
      }));
      return { rows, total: count.get(params) as number };
    },
  };
});

/** Migration 7's code step: seals the rows written before the chain existed. */
export function sealUnchainedAudit(db: Db): void {
  auditRepo(db).sealUnchained();
}

import type { Db } from '../connection';
import type { AuditRow } from '../../core/contract/system';

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

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export function auditRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at_ms, actor_id, actor_name, method, entity, entity_id, before, after)
     VALUES (@atMs, @actorId, @actorName, @method, @entity, @entityId, @before, @after)`,
  );
  const filterSql = `FROM audit_log
     WHERE (@entity IS NULL OR entity = @entity)
       AND (@entityId IS NULL OR entity_id = @entityId)
       AND (@method IS NULL OR method = @method)`;
  const list = db.prepare(`SELECT * ${filterSql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) AS n ${filterSql}`).pluck();

  return {
    insert(entry: AuditInsert): void {
      insert.run({ ...entry, before: toJson(entry.before), after: toJson(entry.after) });
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
}

import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { verifyAuditChain } from '../../../db/audit/verify';
import { auditRepo } from '../../../db/audit/audit.repo';
import { createDb, insertRows, migrateTo } from './helpers';

describe('migration 0007 (audit hash chain)', () => {
  it('seals rows written before the chain existed, in the migration that adds it', () => {
    const db = createDb();
    migrateTo(db, 6);
    insertRows(
      db,
      'audit_log',
      [1, 2, 3, 4].map((i) => ({
        at_ms: 1_600_000_000_000 + i,
        actor_id: 'u',
        actor_name: '老用户',
        method: 'events.create',
        entity: 'event',
        entity_id: `e${i}`,
        before: null,
        after: JSON.stringify({ name: `旧事件${i}` }),
      })),
    );

    migrateTo(db, LATEST_SCHEMA_VERSION);
    const first = verifyAuditChain(db);
    expect(first).toMatchObject({ ok: true, rows: 4, headSeq: 4 });
    auditRepo(db).insert({ atMs: 1, actorId: 'a', actorName: 'a', method: 'm', entity: 'e', entityId: 'i', before: null, after: { x: 1 } });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5, headSeq: 5 });
    expect(db.prepare('SELECT prev_hash FROM audit_log WHERE seq = 5').pluck().get()).toBe(first.ok && first.headHash);
    expect(() => db.prepare("UPDATE audit_log SET after = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
  });
});

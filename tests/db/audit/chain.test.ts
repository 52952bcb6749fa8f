import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/audit/verify';
import { chainHash, GENESIS_HASH, type ChainRow } from '../../../db/audit/audit.repo';
import { createTestDb, type TestDb } from '../../support/db';
import type { AuditVerifyResult } from '../../../core/contract/system';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function testDbWithEvents(count: number): TestDb {
  const t = createTestDb();
  cleanups.push(t.close);
  for (let i = 0; i < count; i++) t.call('events.create', { name: `事件${i}`, startedAtMs: 1_700_000_000_000 + i });
  return t;
}

describe('audit hash chain', () => {
  it('links every row to the one before and verifies through the contract', () => {
    const t = testDbWithEvents(5);
    const rows = t.db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows).toHaveLength(5);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i].hash));
    expect(t.call<AuditVerifyResult>('audit.verify')).toEqual({ ok: true, rows: 5, headSeq: 5, headHash: rows[4].hash });
  });

  it('verifies an empty trail', () => {
    const t = testDbWithEvents(0);
    expect(verifyAuditChain(t.db)).toEqual({ ok: true, rows: 0, headSeq: null, headHash: GENESIS_HASH });
  });

  it('finds a row edited behind the triggers', () => {
    const t = testDbWithEvents(6);
    t.db.exec('DROP TRIGGER audit_log_no_update');
    t.db.prepare(`UPDATE audit_log SET after = json_set(after, '$.name', '篡改') WHERE seq = 4`).run();
    expect(t.call('audit.verify')).toEqual({ ok: false, rows: 3, brokenSeq: 4, reason: 'hash' });
  });

  it('finds a row edited with its own hash recomputed: the next link breaks', () => {
    const t = testDbWithEvents(6);
    t.db.exec('DROP TRIGGER audit_log_no_update');
    const row = t.db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as ChainRow;
    const forged = { ...row, actor_name: 'someone else' };
    t.db.prepare('UPDATE audit_log SET actor_name = ?, hash = ? WHERE seq = 2').run(forged.actor_name, chainHash(row.prev_hash as string, forged));
    expect(verifyAuditChain(t.db)).toEqual({ ok: false, rows: 2, brokenSeq: 3, reason: 'link' });
  });

  it('finds a deleted row and an unsealed one', () => {
    const t = testDbWithEvents(6);
    t.db.exec('DROP TRIGGER audit_log_no_delete');
    t.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(verifyAuditChain(t.db)).toEqual({ ok: false, rows: 2, brokenSeq: 4, reason: 'link' });

    const u = testDbWithEvents(3);
    u.db.exec('DROP TRIGGER audit_log_no_update');
    u.db.prepare('UPDATE audit_log SET hash = NULL WHERE seq = 2').run();
    expect(verifyAuditChain(u.db)).toMatchObject({ ok: false, brokenSeq: 2, reason: 'unsealed' });
  });

  it('refuses unchained inserts and any edit of a sealed row, hash included', () => {
    const t = testDbWithEvents(2);
    expect(() =>
      t.db.prepare("INSERT INTO audit_log (at_ms, actor_id, actor_name, method, entity, entity_id) VALUES (1, 'x', 'x', 'm', 'e', 'i')").run(),
    ).toThrow(/chain/);
    expect(() => t.db.prepare('UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => t.db.prepare(`UPDATE audit_log SET hash = '${'a'.repeat(64)}' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(verifyAuditChain(t.db).ok).toBe(true);
  });
});

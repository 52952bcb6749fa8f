import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db';
import { verifyAuditChain } from '../../db/audit/verify';

let t: TestDb;
afterEach(() => t?.close());

const counts = (db: TestDb['db']) => ({
  events: db.prepare('SELECT count(*) FROM events').pluck().get(),
  audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
});

describe('disk full', () => {
  it('answers a clear storage error and leaves no partial record', () => {
    t = createTestDb();
    t.call('events.create', { name: '满盘前', startedAtMs: 1 });
    // The database may not grow by a single page: SQLite answers SQLITE_FULL as a full disk would.
    t.db.pragma(`max_page_count = ${t.db.pragma('page_count', { simple: true }) as number}`);
    let failure;
    for (let i = 0; i < 500 && !failure; i++) {
      const before = counts(t.db);
      const result = t.dispatcher.call('events.create', { name: `事件${i}`, startedAtMs: 1, notes: '长'.repeat(4000) }, { id: 't', name: 't', role: 'admin' });
      if (!result.ok) {
        failure = result.error;
        expect(counts(t.db)).toEqual(before);
      }
    }
    expect(failure).toEqual({ code: 'storage', key: 'errors.diskFull', message: 'The disk or database is full; nothing was saved' });
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(t.db).ok).toBe(true);

    // Once there is room again, work simply continues.
    t.db.pragma('max_page_count = 1073741823');
    t.call('events.create', { name: '清理后', startedAtMs: 1 });
    expect(verifyAuditChain(t.db).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { LogChannel } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { dutyLogRepo } from '../../../db/duty/log.repo';
import { createDb, insertRows, migrateTo } from './helpers';

const NOW = zonedToUtc('2026-07-05', '03:00');
const CREATED = new Date(NOW).toISOString();

/** A log row as the app wrote it before 0011: every column duty_log_entries had then. */
function logRow(id: string, minute: number, channel: LogChannel, status: 'open' | 'closed', texts: string[]) {
  const [from_name, from_unit, content, action_taken, forwarded_to, result] = texts;
  return {
    id, entry_id: id, version: 1, is_current: 1, received_at_ms: NOW - minute * 60_000, duty_day: '2026-07-04', channel,
    from_name, from_unit, content, action_taken, forwarded_to, result, recorded_by: '测试员', status,
    follow_up_of: null, event_id: null, correction_reason: '', created_at: CREATED, updated_at: CREATED,
  };
}

describe('migration 0011 (character and pair index of the duty log)', () => {
  it('indexes the current versions of a log written before it, and not the retired ones', () => {
    const db = createDb();
    migrateTo(db, 10);
    const corrected = logRow('log-2', 20, 'fax', 'closed', ['', 'PMS', '车库进水', 'Done', '', '']);
    insertRows(db, 'duty_log_entries', [logRow('log-1', 10, 'phone', 'open', ['王阿姨', '', '路灯不亮', '', '', '']), corrected]);
    // A correction as duty.correctLog wrote it: the old version retired, a new one current.
    db.prepare('UPDATE duty_log_entries SET is_current = 0, updated_at = ? WHERE id = ?').run(CREATED, corrected.id);
    insertRows(db, 'duty_log_entries', [{ ...corrected, id: 'log-2-v2', version: 2, content: '车库已抽干', correction_reason: '更正' }]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'duty_log_fts_grams'").pluck().get()).toBe(0);

    migrateTo(db, LATEST_SCHEMA_VERSION);
    const contents = (term: string) => dutyLogRepo(db).search({ terms: [term], limit: 10, offset: 0 }).rows.map((r) => r.content);
    expect(contents('灯')).toEqual(['路灯不亮']);
    expect(contents('pm')).toEqual(['车库已抽干']);
    expect(contents('抽干')).toEqual(['车库已抽干']);
    expect(contents('进水')).toEqual([]);
    expect(contents('车')).toEqual(['车库已抽干']);
    // Status and channel tokens are backfilled too, so filters counted in the index agree.
    const filtered = (status: 'open' | 'closed', channel: LogChannel) =>
      dutyLogRepo(db).search({ terms: ['车'], status, channel, limit: 10, offset: 0 });
    expect(filtered('closed', 'fax')).toMatchObject({ total: 1, rows: [{ content: '车库已抽干' }] });
    expect(filtered('open', 'fax').total).toBe(0);
    expect(filtered('closed', 'phone').total).toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry, LogPage } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { dutyLogRepo } from '../../../db/duty/log.repo';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts } from '../../support/dutyFixtures';
import { explain } from '../migrations/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const NOW = zonedToUtc('2026-07-05', '03:00');

function setup(): TestDb {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  return t;
}

const call = (content: string, extra: Record<string, unknown> = {}) => ({ channel: 'phone', fromName: '李主任', fromUnit: '区防汛办', content, ...extra });

describe('the duty log', () => {
  it('records a phone call at now on the duty day that began yesterday, recorded by the operator', () => {
    const t = setup();
    const entry = t.call<LogEntry>('duty.logEntry', call('通知今晚22时起启动防暴雨Ⅳ级应急响应'));
    expect(entry).toMatchObject({ receivedAtMs: NOW, dutyDay: '2026-07-04', version: 1, status: 'open', recordedBy: '测试员' });
    expect(entry.entryId).toBe(entry.id);
    const { rows } = t.call<{ rows: { entity: string; entityId: string }[] }>('audit.list', { entity: 'duty_log_entry' });
    expect(rows[0].entityId).toBe(entry.id);
  });

  it('keeps every version of a corrected entry and refuses a stale correction', () => {
    const t = setup();
    const first = t.call<LogEntry>('duty.logEntry', call('文昌路积水约20厘米'));
    const second = t.call<LogEntry>('duty.correctLog', { entryId: first.entryId, version: 1, patch: { content: '文昌路积水约30厘米' }, reason: '来电人更正' });
    t.call('duty.correctLog', { entryId: first.entryId, version: 2, patch: { status: 'closed', result: '市政已抽排' }, reason: '办结' });
    expect(second).toMatchObject({ entryId: first.entryId, version: 2, content: '文昌路积水约30厘米', correctionReason: '来电人更正' });
    const history = t.call<LogEntry[]>('duty.logHistory', { entryId: first.entryId });
    expect(history.map((v) => [v.version, v.content, v.status])).toEqual([
      [1, '文昌路积水约20厘米', 'open'],
      [2, '文昌路积水约30厘米', 'open'],
      [3, '文昌路积水约30厘米', 'closed'],
    ]);
    expect(t.fail('duty.correctLog', { entryId: first.entryId, version: 2, patch: { content: 'x' }, reason: '再改' })).toMatchObject({
      code: 'conflict',
      key: 'errors.duty.logStale',
      params: { version: 3 },
    });
    const page = t.call<LogPage>('duty.listLog', {});
    expect(page.total).toBe(1);
    expect(page.rows[0].version).toBe(3);
  });

  it('never deletes or edits a log row in place, even through SQL', () => {
    const t = setup();
    t.call('duty.logEntry', call('测试记录内容'));
    expect(() => t.db.prepare('DELETE FROM duty_log_entries').run()).toThrow(/never deleted/);
    expect(() => t.db.prepare("UPDATE duty_log_entries SET content = 'changed'").run()).toThrow(/never edited/);
  });

  it('refuses an entry far in the future, a bad channel and empty content, saving nothing', () => {
    const t = setup();
    const counts = dutyCounts(t);
    expect(t.fail('duty.logEntry', call('未来的记录', { receivedAtMs: NOW + 60 * 60_000 }))).toMatchObject({
      key: 'errors.duty.inFuture',
      params: { when: '2026-07-05 04:00', minutes: 5 },
    });
    expect(t.fail('duty.logEntry', call('x', { channel: 'pigeon' })).issues![0].path).toBe('channel');
    expect(t.fail('duty.logEntry', call('   ')).issues![0].path).toBe('content');
    expect(dutyCounts(t)).toEqual(counts);
    // Within the tolerance, a clock a little ahead is accepted.
    expect(t.call<LogEntry>('duty.logEntry', call('时钟略快', { receivedAtMs: NOW + 2 * 60_000 })).receivedAtMs).toBe(NOW + 120_000);
  });

  it('links a follow-up to the original and refuses one to nothing', () => {
    const t = setup();
    const original = t.call<LogEntry>('duty.logEntry', call('幸福小区树木倒伏'));
    t.call('duty.logEntry', call('园林队已到场处置', { followUpOf: original.entryId }));
    const follow = t.call<LogPage>('duty.listLog', { followUpOf: original.entryId });
    expect(follow.rows.map((r) => r.content)).toEqual(['园林队已到场处置']);
    expect(t.fail('duty.logEntry', call('x', { followUpOf: crypto.randomUUID() })).code).toBe('not_found');
  });
});

describe('searching the log in Chinese', () => {
  function seedLog(t: TestDb): void {
    const entries: [string, Record<string, unknown>][] = [
      ['文昌路下穿通道积水30厘米，已通知市政抽排', { receivedAtMs: zonedToUtc('2026-07-04', '21:15'), channel: 'phone' }],
      ['阳光花园地下车库挡水板已安装', { receivedAtMs: zonedToUtc('2026-07-04', '10:00'), channel: 'message', status: 'closed' }],
      ['区气象台发布暴雨黄色预警', { receivedAtMs: zonedToUtc('2026-07-03', '16:00'), channel: 'fax' }],
      ['群众来访反映路灯不亮', { receivedAtMs: zonedToUtc('2026-07-05', '01:00'), channel: 'walk_in', fromName: '王阿姨', fromUnit: '' }],
    ];
    for (const [content, extra] of entries) t.call('duty.logEntry', call(content, extra));
  }
  const search = (t: TestDb, input: Record<string, unknown>) => t.call<LogPage>('duty.listLog', input).rows.map((r) => r.content.slice(0, 6));

  it('finds words of three or more characters with the trigram index', () => {
    const t = setup();
    seedLog(t);
    expect(search(t, { query: '下穿通道' })).toEqual(['文昌路下穿通']);
    expect(search(t, { query: '暴雨黄色' })).toEqual(['区气象台发布']);
    expect(search(t, { query: '区防汛办' })).toHaveLength(3);
    expect(search(t, { query: '王阿姨' })).toEqual(['群众来访反映']);
    expect(search(t, { query: '挡水板 阳光' })).toEqual(['阳光花园地下']);
    expect(search(t, { query: '"OR' })).toEqual([]);
  });

  it('finds one- and two-character words too, which trigrams cannot', () => {
    const t = setup();
    seedLog(t);
    expect(search(t, { query: '积水' })).toEqual(['文昌路下穿通']);
    expect(search(t, { query: '灯' })).toEqual(['群众来访反映']);
    expect(search(t, { query: '100%' })).toEqual([]);
  });

  it('filters by duty day, channel and open/closed, newest first', () => {
    const t = setup();
    seedLog(t);
    expect(search(t, { fromDay: '2026-07-04', toDay: '2026-07-04' })).toEqual(['群众来访反映', '文昌路下穿通', '阳光花园地下']);
    expect(search(t, { channel: 'fax' })).toEqual(['区气象台发布']);
    expect(search(t, { status: 'closed' })).toEqual(['阳光花园地下']);
    const page = t.call<LogPage>('duty.listLog', { limit: 2, offset: 0 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.rows).toHaveLength(2);
  });

  it('searches only the current version of corrected entries', () => {
    const t = setup();
    const entry = t.call<LogEntry>('duty.logEntry', call('红旗路倒树一棵'));
    t.call('duty.correctLog', { entryId: entry.entryId, version: 1, patch: { content: '黄旗路倒树一棵' }, reason: '路名记错' });
    expect(search(t, { query: '红旗路' })).toEqual([]);
    expect(search(t, { query: '黄旗路' })).toEqual(['黄旗路倒树一']);
  });

  it('keeps only current versions in the full-text index', () => {
    const t = setup();
    const entry = t.call<LogEntry>('duty.logEntry', call('白石路倒树一棵'));
    t.call('duty.correctLog', { entryId: entry.entryId, version: 1, patch: { content: '白石路倒树两棵' }, reason: '数量更正' });
    const count = (q: string) => t.db.prepare('SELECT count(*) FROM duty_log_fts WHERE duty_log_fts MATCH ?').pluck().get(q);
    expect(count('"白石路"')).toBe(1);
    expect(count('"倒树一棵"')).toBe(0);
  });

  it('pages through thousands of matches newest first, and counts short terms exactly', () => {
    const t = setup();
    const repo = dutyLogRepo(t.db);
    t.db.transaction(() => {
      for (let i = 0; i < 2500; i++) {
        const id = crypto.randomUUID();
        const receivedAtMs = NOW - i * 60_000;
        repo.insert({
          id, entryId: id, version: 1, receivedAtMs, dutyDay: '2026-07-04', channel: 'phone', fromName: '', fromUnit: '社区',
          content: `第${i}次报告：彩田路积水`, actionTaken: '', forwardedTo: '', result: '', recordedBy: '测试员', status: 'closed',
          followUpOf: null, eventId: null, correctionReason: '', createdAt: new Date(receivedAtMs).toISOString(),
        });
      }
    })();
    const page = t.call<LogPage>('duty.listLog', { query: '彩田路', limit: 50 });
    expect(page.total).toBe(2500);
    expect(page.rows.map((r) => r.content.slice(0, 4))).toEqual(Array.from({ length: 50 }, (_, i) => `第${i}次报`.slice(0, 4)));
    expect(t.call<LogPage>('duty.listLog', { query: '彩田路', limit: 50, offset: 2480 }).rows).toHaveLength(20);
    const pair = t.call<LogPage>('duty.listLog', { query: '积水', limit: 50 });
    expect(pair.total).toBe(2500);
    expect(pair.rows.map((r) => r.content.slice(0, 4))).toEqual(page.rows.map((r) => r.content.slice(0, 4)));
    expect(t.call<LogPage>('duty.listLog', { query: '报 彩田路', limit: 50, offset: 2490 }).rows).toHaveLength(10);
    expect(t.call<LogPage>('duty.listLog', { query: '彩田路', status: 'closed', limit: 50 }).total).toBe(2500);
  });

  it('uses the indexes for the hot queries', () => {
    const t = setup();
    const plan = (sql: string) => explain(t.db, sql).join(' | ');
    expect(plan("SELECT * FROM duty_log_entries e WHERE e.is_current = 1 AND e.duty_day >= '2026-07-01' AND e.duty_day <= '2026-07-02' ORDER BY e.received_at_ms DESC")).toMatch(
      /duty_log_entries_by_day_received/,
    );
    expect(plan("SELECT * FROM duty_log_entries e WHERE e.is_current = 1 AND e.rowid IN (SELECT rowid FROM duty_log_fts WHERE duty_log_fts MATCH '\"积水路\"')")).toMatch(
      /VIRTUAL TABLE INDEX/,
    );
    expect(plan("SELECT * FROM duty_assignments WHERE date BETWEEN '2026-07-01' AND '2026-07-31' AND superseded_at_ms IS NULL")).toMatch(
      /duty_assignments_by_date_current/,
    );
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../support/db';

const VIEWER = { id: 'viewer-1', name: '查看员 "夜班"', role: 'viewer' as const };
const STACK = '\n    at ImportPanel\n    at RainSection\n    at ErrorBoundary';

describe('system.logClientError: a screen part that failed to draw goes to logs/renderer.log', () => {
  let t: TestDb;
  afterEach(() => t.close());
  const logFile = () => join(t.dir, 'logs', 'renderer.log');
  const lines = () => readFileSync(logFile(), 'utf8').split('\n').filter(Boolean);
  const auditRows = () => t.db.prepare('SELECT count(*) FROM audit_log').pluck().get();

  it('appends one line per report: ISO time, actor, and the fields as JSON, creating the folder', () => {
    t = createTestDb(Date.UTC(2026, 6, 1, 4, 0));
    expect(existsSync(join(t.dir, 'logs'))).toBe(false);
    t.call('system.logClientError', { section: 'rain', message: 'RangeError: Invalid time value', stack: STACK, method: 'rain.imports', rowId: 'b-1' });
    t.setNow(Date.UTC(2026, 6, 1, 4, 5));
    t.call('system.logClientError', { section: 'evac/override-dialog', message: 'TypeError: x', stack: '' }, VIEWER);

    const [first, second] = lines();
    expect(lines()).toHaveLength(2);
    expect(first).toBe(
      `2026-07-01T04:00:00.000Z tester "测试员" ${JSON.stringify({ section: 'rain', message: 'RangeError: Invalid time value', stack: STACK.trim(), method: 'rain.imports', rowId: 'b-1' })}`,
    );
    // A name with quotes or spaces cannot split the line; a report without a row has no row fields.
    expect(second).toBe(`2026-07-01T04:05:00.000Z viewer-1 "查看员 \\"夜班\\"" {"section":"evac/override-dialog","message":"TypeError: x","stack":""}`);
  });

  it('is open to every role, and writes no record', () => {
    t = createTestDb();
    const before = auditRows();
    for (const role of ['admin', 'leader', 'duty_officer', 'safety_staff', 'viewer'] as const) {
      t.call('system.logClientError', { section: 'map', message: role, stack: '' }, { id: role, name: role, role });
    }
    expect(lines()).toHaveLength(5);
    expect(auditRows()).toBe(before);
  });

  it('refuses a report past its bounds, or without a section, and writes nothing', () => {
    t = createTestDb();
    const refusals = [
      { section: '', message: 'm', stack: '' },
      { section: 's'.repeat(101), message: 'm', stack: '' },
      { section: 's', message: 'm'.repeat(2001), stack: '' },
      { section: 's', message: 'm', stack: 'x'.repeat(16_001) },
      { section: 's', message: 'm', stack: '', method: 'm'.repeat(101) },
      { section: 's', message: 'm', stack: '', rowId: 'r'.repeat(201) },
      { section: 's', message: 42, stack: '' },
    ];
    for (const input of refusals) expect(t.fail('system.logClientError', input).key, JSON.stringify(input).slice(0, 60)).toBe('errors.validation');
    expect(existsSync(logFile())).toBe(false);
  });

  it('keeps a stack on its one line', () => {
    t = createTestDb();
    t.call('system.logClientError', { section: 'duty', message: 'Error: two\nlines', stack: 'a\nb\r\nc' });
    expect(lines()).toHaveLength(1);
    expect(JSON.parse(lines()[0].slice(lines()[0].indexOf('{')))).toEqual({ section: 'duty', message: 'Error: two\nlines', stack: 'a\nb\r\nc' });
  });
});

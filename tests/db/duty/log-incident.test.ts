import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentView, IncidentsOverview, LogEntry } from '../../../core/contract/dutyShared';
import { incidentFromLogEntry } from '../../../core/domain/duty/incidents';
import { zonedToUtc } from '../../../core/time';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const CALL_AT = zonedToUtc('2026-07-04', '21:05');

function setup(): { t: TestDb; entry: LogEntry } {
  const t = createTestDb(zonedToUtc('2026-07-04', '21:20'));
  cleanups.push(t.close);
  const entry = t.call<LogEntry>('duty.logEntry', {
    channel: 'phone',
    receivedAtMs: CALL_AT,
    fromName: '张站长',
    fromUnit: '笋岗社区',
    content: '笋岗西路下穿通道积水约40厘米，一辆小车熄火',
    actionTaken: '已通知交警封闭通道',
  });
  return { t, entry };
}

describe('an incident opened from a log entry', () => {
  it('is linked to the entry, prefilled from it, and its first-report clock runs from the call', () => {
    const { t, entry } = setup();
    expect(t.call<IncidentView[]>('duty.logEntryIncidents', { entryId: entry.entryId })).toEqual([]);
    const prefill = incidentFromLogEntry(entry, { from: '来电：', action: '已采取措施：' });
    const incident = t.call<IncidentView>('duty.openIncident', prefill);
    expect(incident).toMatchObject({ title: '笋岗西路下穿通道积水约40厘米', logEntryId: entry.entryId, receivedAtMs: CALL_AT, dutyDay: '2026-07-04' });
    // Default deadline: 初报 within 30 minutes of the call, 15 of which have passed.
    expect(incident.due).toMatchObject({ stage: 'initial', dueMs: CALL_AT + 30 * 60_000 });
    expect(t.call<IncidentView[]>('duty.logEntryIncidents', { entryId: entry.entryId }).map((i) => i.id)).toEqual([incident.id]);
    expect(t.call<IncidentsOverview>('duty.incidents', {}).incidents.map((i) => i.id)).toEqual([incident.id]);
  });

  it('stays linked when the entry is corrected, by the entry’s stable id', () => {
    const { t, entry } = setup();
    const incident = t.call<IncidentView>('duty.openIncident', incidentFromLogEntry(entry, { from: '', action: '' }));
    t.call('duty.correctLog', { entryId: entry.entryId, version: 1, patch: { content: '笋岗西路下穿通道积水约50厘米' }, reason: '更正水深' });
    expect(t.call<IncidentView[]>('duty.logEntryIncidents', { entryId: entry.entryId }).map((i) => i.id)).toEqual([incident.id]);
  });

  it('refuses a second incident from the same entry and one from an unknown entry, saving nothing', () => {
    const { t, entry } = setup();
    const prefill = incidentFromLogEntry(entry, { from: '', action: '' });
    t.call('duty.openIncident', prefill);
    const counts = dutyCounts(t);
    expect(t.fail('duty.openIncident', prefill)).toMatchObject({ code: 'conflict', key: 'errors.duty.incidentExists', params: { title: prefill.title } });
    expect(t.fail('duty.openIncident', { ...prefill, logEntryId: crypto.randomUUID() }).code).toBe('not_found');
    expect(dutyCounts(t)).toEqual(counts);
  });
});

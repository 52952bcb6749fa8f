import { afterEach, describe, expect, it } from 'vitest';
import type { WarningRecord, ResponseRecord } from '../../../core/contract/dutyShared';
import type { EventRecord, SystemStatus } from '../../../core/contract/system';
import { createTestDb, type TestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function testDb(): TestDb {
  const t = createTestDb();
  cleanups.push(t.close);
  return t;
}

const START = Date.UTC(2026, 5, 30, 0, 0);
const saola = { name: '苏拉', nameEn: 'Saola', kind: 'typhoon', typhoonYear: 2023, typhoonNumber: 9, startedAtMs: START };

describe('events with a typhoon number', () => {
  it('creates, renumbers, re-dates and closes a typhoon, each save bumping the version', () => {
    const t = testDb();
    const created = t.call<EventRecord>('events.create', saola);
    expect(created).toMatchObject({ typhoonYear: 2023, typhoonNumber: 9, version: 1, endedAtMs: null });
    const edited = t.call<EventRecord>('events.update', { id: created.id, patch: { typhoonNumber: 11, name: '海葵', startedAtMs: START - 3_600_000 }, expectedVersion: 1 });
    expect(edited).toMatchObject({ typhoonNumber: 11, name: '海葵', startedAtMs: START - 3_600_000, version: 2 });
    const closed = t.call<EventRecord>('events.update', { id: created.id, patch: { endedAtMs: START + 86_400_000 }, expectedVersion: 2 });
    expect(closed.endedAtMs).toBe(START + 86_400_000);
    expect(t.call<EventRecord[]>('events.list', { includeEnded: true }).find((e) => e.id === created.id)).toEqual(closed);
    expect(t.call<EventRecord[]>('events.list', { includeEnded: false }).some((e) => e.id === created.id)).toBe(false);
  });

  it('refuses a half number, a number on another kind, and a number already recorded', () => {
    const t = testDb();
    expect(t.fail('events.create', { ...saola, typhoonNumber: null }).key).toBe('errors.events.typhoonNumberPair');
    expect(t.fail('events.create', { ...saola, kind: 'rainstorm' }).key).toBe('errors.events.numberNotTyphoon');
    const first = t.call<EventRecord>('events.create', saola);
    const taken = t.fail('events.create', { ...saola, name: '苏拉2' });
    expect(taken).toMatchObject({ code: 'conflict', key: 'errors.events.typhoonTaken', params: { year: 2023, number: 9 } });
    // Saving the same event with its own number is not a clash with itself.
    t.call('events.update', { id: first.id, patch: { notes: '第二次会商' }, expectedVersion: 1 });
    expect(t.fail('events.update', { id: first.id, patch: { kind: 'rainstorm' }, expectedVersion: 2 }).key).toBe('errors.events.numberNotTyphoon');
    t.call('events.update', { id: first.id, patch: { kind: 'rainstorm', typhoonYear: null, typhoonNumber: null }, expectedVersion: 2 });
  });

  it('answers a stale version with the stored record and writes nothing', () => {
    const t = testDb();
    const created = t.call<EventRecord>('events.create', saola);
    t.call('events.update', { id: created.id, patch: { nameEn: 'SAOLA' }, expectedVersion: 1 });
    const error = t.fail('events.update', { id: created.id, patch: { notes: '我的修改' }, expectedVersion: 1 });
    expect(error).toMatchObject({ key: 'errors.conflict', current: { nameEn: 'SAOLA', version: 2, notes: '' } });
  });

  it('puts the open event’s name parts in the status bar', () => {
    const t = testDb();
    const created = t.call<EventRecord>('events.create', saola);
    expect(t.call<SystemStatus>('system.status').openEvent).toEqual({ id: created.id, name: '苏拉', nameEn: 'Saola', kind: 'typhoon', typhoonYear: 2023, typhoonNumber: 9 });
  });
});

describe('what is linked to an event', () => {
  it('lists the warnings and responses recorded under the event, oldest first, and nothing of other events', () => {
    const t = testDb();
    const event = t.call<EventRecord>('events.create', saola);
    const other = t.call<EventRecord>('events.create', { name: '强降雨', kind: 'rainstorm', startedAtMs: START });
    const blue = t.call<WarningRecord>('duty.issueWarning', { type: 'typhoon', colour: 'blue', issuedBy: '区气象台', issuedAtMs: START + 1000, eventId: event.id });
    const yellow = t.call<WarningRecord>('duty.issueWarning', { type: 'typhoon', colour: 'yellow', issuedBy: '区气象台', issuedAtMs: START + 2000, eventId: event.id });
    t.call('duty.issueWarning', { type: 'rainstorm', colour: 'blue', issuedBy: '区气象台', issuedAtMs: START + 3000, eventId: other.id });
    t.call('duty.issueWarning', { type: 'rainstorm', colour: 'blue', issuedBy: '区气象台', issuedAtMs: START + 4000 });
    const level = t.call<ResponseRecord>('duty.declareResponse', { level: 4, declaredBy: '区防指', declaredAtMs: START + 5000, eventId: event.id });
    const links = t.call<{ warnings: WarningRecord[]; responses: ResponseRecord[] }>('duty.eventLinks', { eventId: event.id });
    expect(links.warnings.map((w) => w.id)).toEqual([blue.id, yellow.id]);
    expect(links.responses.map((r) => r.id)).toEqual([level.id]);
  });

  it('says so when the event does not exist', () => {
    const t = testDb();
    expect(t.fail('duty.eventLinks', { eventId: '00000000-0000-4000-8000-000000000000' }).code).toBe('not_found');
  });
});

import { createTestDb, type TestDb } from '../../support/db';
import type { DamageRecord } from '../../../core/contract/damage';
import type { EventRecord } from '../../../core/contract/system';
import type { LogEntry } from '../../../core/contract/dutyShared';

/** Builders shared by the damage database tests. */

export const NOW = Date.UTC(2026, 6, 1, 4, 0);
export const HOUR = 3_600_000;
export const HUAFU = { lat: 22.5533, lng: 114.0719 };

export function testDb(cleanups: (() => void)[]): TestDb {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  return t;
}

export function openEvent(t: TestDb, name = '台风“苏拉”'): EventRecord {
  return t.call<EventRecord>('events.create', { name, kind: 'typhoon', startedAtMs: NOW - 24 * HOUR });
}

export function collapsed(t: TestDb, eventId: string, overrides: Record<string, unknown> = {}): DamageRecord {
  return t.call<DamageRecord>('damage.record', {
    eventId,
    type: 'house_collapsed',
    occurredAtMs: NOW - 2 * HOUR,
    quantities: { houses_collapsed_households: 2, houses_collapsed_rooms: 5 },
    lossWan: 12.5,
    place: { name: '华富村旧楼12栋', ...HUAFU },
    description: '两户房屋倒塌',
    ...overrides,
  });
}

export function logCall(t: TestDb, eventId: string | null, content = '莲花一村12栋地下车库入口积水约20厘米'): LogEntry {
  return t.call<LogEntry>('duty.logEntry', { channel: 'phone', fromUnit: '莲花一村社区', content, receivedAtMs: NOW - HOUR, eventId });
}

/** Row counts of the damage tables and the audit trail: what a refused call must not move. */
export function counts(t: TestDb): Record<string, number> {
  const tables = ['damage_records', 'damage_versions', 'damage_quantities', 'damage_photos', 'audit_log'];
  return Object.fromEntries(tables.map((name) => [name, t.db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number]));
}

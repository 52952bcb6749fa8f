import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverView, IncidentsOverview, LogPage, RotaChangeRecord, RotaMonthView } from '../../../core/contract/dutyShared';
import type { SystemStatus } from '../../../core/contract/system';
import { addDays, zonedToUtc } from '../../../core/time';
import { DEMO_ACTOR, type SeedContext } from '../../../db/platform/seed';
import { seedDuty } from '../../../db/duty/demo';
import { seedFoundation } from '../../../db/system/demo';
import { createTestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('duty demo data', () => {
  // 03:00 on the first of a month: the duty day began yesterday, in the previous month.
  for (const at of [zonedToUtc('2026-08-01', '03:00'), zonedToUtc('2026-07-15', '14:00')]) {
    it(`seeds a working duty desk through the contract (${new Date(at).toISOString()})`, () => {
      const t = createTestDb(at);
      cleanups.push(t.close);
      const ctx: SeedContext = { db: t.db, nowMs: at, call: (method, input) => t.call(method, input, DEMO_ACTOR) };
      seedFoundation(ctx);
      seedDuty(ctx);
      const status = t.call<SystemStatus>('system.status');
      expect(status.leaderOnDuty).not.toBeNull();
      expect(status.officersOnDuty.length).toBeGreaterThanOrEqual(2);
      expect(status.activeWarnings.map((w) => w.title)).toEqual(['地质灾害蓝色预警']);
      expect(status.responseLevel).toBe(4);
      const month = t.call<RotaMonthView>('duty.rotaMonth', { month: status.dutyDay.slice(0, 7) });
      expect(month.days.filter((d) => d.leader).length).toBe(month.days.length);
      const changes = t.call<RotaChangeRecord[]>('duty.rotaChanges', { from: status.dutyDay, to: addDays(status.dutyDay, 45) });
      expect(changes.map((c) => c.kind)).toEqual(['swap', 'swap']);
      expect(t.call<LogPage>('duty.listLog', {}).total).toBeGreaterThan(15);
      expect(t.call<IncidentsOverview>('duty.incidents', {}).incidents[0].due).toMatchObject({ stage: 'initial', overdue: false });
      expect(t.call<HandoverView>('duty.handover', {})).toMatchObject({ outgoingDay: status.dutyDay, due: false });
    });
  }
});

import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACTOR, type SeedContext } from '../../../db/platform/seed';
import { seedFoundation } from '../../../db/system/demo';
import { seedHazards } from '../../../db/hazards/demo';
import { testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('hazards demo data', () => {
  it('seeds through the contract with overdue orders, due patrols and a run with a missed point', () => {
    const nowMs = Date.UTC(2026, 10, 20, 2, 0);
    const t = testDb(cleanups, nowMs);
    const ctx: SeedContext = { db: t.db, nowMs, call: <T>(method: string, input: unknown) => t.call<T>(method, input, DEMO_ACTOR) };
    seedFoundation(ctx);
    seedHazards(ctx);
    const status = t.call<{ overdueRectifications: number }>('system.status');
    expect(status.overdueRectifications).toBeGreaterThan(0);
    const today = t.call<{ overdue: unknown[]; inspectionsDueTotal: number; patrolsDue: unknown[] }>('hazards.today');
    expect(today.overdue).toHaveLength(status.overdueRectifications);
    expect(today.inspectionsDueTotal).toBeGreaterThan(0);
    const [run] = t.call<{ missed: string[] }[]>('hazards.listRuns', {});
    expect(run.missed).toHaveLength(1);
  });
});

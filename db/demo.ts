import type { Dispatcher } from './platform/dispatch';
import type { Db } from './platform/connection';
import { DEMO_ACTOR, type SeedContext } from './platform/seed';
import { seedFoundation } from './system/demo';
import { seedEvac } from './evac/demo';
import { seedDuty } from './duty/demo';
import { seedMap } from './map/demo';
import { seedRain } from './rain/demo';
import { seedHazards } from './hazards/demo';
import { seedDamage } from './damage/demo';

/** True when the database holds no records yet (settings alone do not count). */
export function isEmptyDatabase(db: Db): boolean {
  return (db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number) === 0;
}

/**
 * A realistic street office to explore: every record goes through the contract, so the
 * demo data obeys the same rules and lands in the audit trail like anything a user types.
 */
export function seedDemo(db: Db, dispatcher: Dispatcher, nowMs: number): void {
  const ctx: SeedContext = {
    db,
    nowMs,
    call: <T>(method: string, input: unknown) => {
      const result = dispatcher.call(method, input, DEMO_ACTOR);
      if (!result.ok) throw new Error(`Demo seed failed at ${method}: ${result.error.message}`);
      return result.value as T;
    },
  };
  seedFoundation(ctx);
  seedHazards(ctx);
  seedDuty(ctx);
  seedRain(ctx);
  seedMap(ctx);
  seedEvac(ctx);
  seedDamage(ctx);
}

import type { Db } from '../platform/connection';
import type { MoveStep } from '../../core/domain/damage/statReport';
import { perDb } from '../platform/per-db';

/**
 * The movement log of one event up to an instant, narrowed to what the disaster statistics count
 * (core/domain/damage/statReport.ts): who, which kind of step, when, and the shelter a step placed
 * them in. People removed from the register are left out, as every evacuation total leaves them.
 */
export const evacStepsRepo = perDb((db: Db) => {
  const steps = db.prepare(
    `SELECT m.person_id AS personId, m.kind, m.at_ms AS atMs, s.name AS shelterName
       FROM evac_movements m JOIN evac_persons p ON p.id = m.person_id LEFT JOIN evac_shelters s ON s.id = m.shelter_id
      WHERE m.event_id = ? AND m.at_ms <= ? AND p.deleted_at IS NULL
      ORDER BY m.at_ms, m.seq`,
  );
  return {
    stepsUntil: (eventId: string, asOfMs: number) => steps.all(eventId, asOfMs) as (MoveStep & { shelterName: string | null })[],
  };
});

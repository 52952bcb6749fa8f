import { ValidationError } from '../../errors';
import { DEFAULT_EVAC_SETTINGS, type EvacSettings, type Shelter } from './model';

/**
 * Shelter capacity. Occupancy may exceed capacity only through an explicit, recorded
 * override: `checkCapacity` never answers "ok" when the result would be over capacity
 * or when the capacity is not known.
 */

// Areas like 4.5 m² / 1.5 m² divide to 2.9999999999999996 in floating point; a person
// must not be lost to rounding.
const EPSILON = 1e-9;

function assertSettings(settings: EvacSettings): void {
  if (!Number.isFinite(settings.m2PerPerson) || settings.m2PerPerson <= 0) {
    throw new ValidationError('errors.evac.m2PerPerson', 'The area per person must be a positive number', {
      m2PerPerson: String(settings.m2PerPerson),
    });
  }
}

/** floor(usable area / m² per person); null when the area is not a usable number. */
export function defaultCapacity(usableAreaM2: number | null | undefined, settings: EvacSettings = DEFAULT_EVAC_SETTINGS): number | null {
  assertSettings(settings);
  if (typeof usableAreaM2 !== 'number' || !Number.isFinite(usableAreaM2) || usableAreaM2 < 0) return null;
  return Math.floor(usableAreaM2 / settings.m2PerPerson + EPSILON);
}

/** A capacity set by hand wins over the area-based default; null when neither is known. */
export function shelterCapacity(shelter: Pick<Shelter, 'capacity' | 'usableAreaM2'>, settings: EvacSettings = DEFAULT_EVAC_SETTINGS): number | null {
  const set = shelter.capacity;
  if (typeof set === 'number' && Number.isInteger(set) && set >= 0) return set;
  return defaultCapacity(shelter.usableAreaM2, settings);
}

export type CapacityCheck =
  | { ok: true; capacity: number | null; current: number; adding: number; after: number; remaining: number | null }
  | {
      ok: false;
      reason: 'over_capacity';
      needsOverride: true;
      capacity: number;
      current: number;
      adding: number;
      after: number;
      /** How many people beyond capacity the change would put in the shelter. */
      excess: number;
      message: string;
      messageZh: string;
    }
  | {
      ok: false;
      reason: 'capacity_unknown';
      needsOverride: true;
      capacity: null;
      current: number;
      adding: number;
      after: number;
      message: string;
      messageZh: string;
    }
  | { ok: false; reason: 'invalid_count'; needsOverride: false; message: string; messageZh: string };

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/**
 * May `adding` more people go into the shelter that now holds `currentOccupancy`?
 * A negative `adding` (people leaving) is always fine.
 */
export function checkCapacity(
  shelter: Pick<Shelter, 'id' | 'name' | 'capacity' | 'usableAreaM2'>,
  currentOccupancy: number,
  adding: number,
  settings: EvacSettings = DEFAULT_EVAC_SETTINGS,
): CapacityCheck {
  if (!isCount(currentOccupancy) || !Number.isInteger(adding) || currentOccupancy + adding < 0) {
    return { ok: false, reason: 'invalid_count', needsOverride: false, message: 'The number of people is not valid', messageZh: '人数无效' };
  }
  const capacity = shelterCapacity(shelter, settings);
  const after = currentOccupancy + adding;
  if (adding <= 0) {
    return { ok: true, capacity, current: currentOccupancy, adding, after, remaining: capacity === null ? null : capacity - after };
  }
  if (capacity === null) {
    return {
      ok: false,
      reason: 'capacity_unknown',
      needsOverride: true,
      capacity: null,
      current: currentOccupancy,
      adding,
      after,
      message: `The capacity of ${shelter.name} is not set; confirm to place ${adding} more (${after} in total)`,
      messageZh: `${shelter.name}未设定容量，确认后再安置 ${adding} 人（共 ${after} 人）`,
    };
  }
  if (after > capacity) {
    return {
      ok: false,
      reason: 'over_capacity',
      needsOverride: true,
      capacity,
      current: currentOccupancy,
      adding,
      after,
      excess: after - capacity,
      message: `${shelter.name} holds ${capacity}; ${currentOccupancy} there now, adding ${adding} makes ${after}, ${after - capacity} over capacity`,
      messageZh: `${shelter.name}容量 ${capacity} 人，现有 ${currentOccupancy} 人，再安置 ${adding} 人将达 ${after} 人，超出 ${after - capacity} 人`,
    };
  }
  return { ok: true, capacity, current: currentOccupancy, adding, after, remaining: capacity - after };
}

export interface ShelterLoad {
  shelterId: string;
  capacity: number | null;
  occupancy: number;
  /** null when capacity is unknown; negative when over capacity. */
  free: number | null;
  overCapacity: boolean;
}

/** Load of every listed shelter plus any shelter id that holds people but is not listed. */
export function shelterLoads(
  shelters: readonly Pick<Shelter, 'id' | 'capacity' | 'usableAreaM2'>[],
  currentByShelter: Readonly<Record<string, number>>,
  settings: EvacSettings = DEFAULT_EVAC_SETTINGS,
): ShelterLoad[] {
  const known = new Set(shelters.map((s) => s.id));
  const unlisted = Object.keys(currentByShelter)
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, capacity: null, usableAreaM2: null }));
  return [...shelters, ...unlisted].map((shelter) => {
    const capacity = shelterCapacity(shelter, settings);
    const occupancy = currentByShelter[shelter.id] ?? 0;
    return {
      shelterId: shelter.id,
      capacity,
      occupancy,
      free: capacity === null ? null : capacity - occupancy,
      overCapacity: capacity !== null && occupancy > capacity,
    };
  });
}

/**
 * Evacuation (转移) and sheltering (安置) records.
 *
 * A person's evacuation within one event (typhoon, rainstorm) is an ordered list of
 * movements; the person's status at any instant is derived from that list, never
 * stored, so the leader's numbers always come from the records themselves.
 * Instants are UTC epoch ms (see core/time.ts).
 */

export type VulnerableFlag = 'elderly' | 'child' | 'sick' | 'disabled' | 'pregnant';

export const VULNERABLE_FLAGS: readonly VulnerableFlag[] = ['elderly', 'child', 'sick', 'disabled', 'pregnant'];

/** 老、幼、病、残、孕: a person may carry several flags but is one vulnerable person. */
export type VulnerableFlags = Partial<Record<VulnerableFlag, boolean>>;

export interface Household {
  id: string;
  headName?: string | null;
  address?: string | null;
  community?: string | null;
  phone?: string | null;
}

export interface Person {
  id: string;
  name: string;
  /** 居民身份证号 (18 or legacy 15 characters), when known. */
  idNumber?: string | null;
  phone?: string | null;
  householdId?: string | null;
  vulnerable?: VulnerableFlags;
}

/** Where a person was moved from: a registered hazard point or a plain address. */
export type MovementSource =
  | { kind: 'hazard_point'; hazardPointId: string }
  | { kind: 'address'; address: string; community?: string | null };

interface MovementBase {
  /** Record id, when the movement comes from the database. */
  id?: string;
  eventId: string;
  personId: string;
  at: number;
  /** Who recorded or carried out the step (staff name or id). */
  by?: string | null;
  note?: string | null;
}

/** Taken out of the source place; starts (or restarts, after a return) an evacuation. */
export interface MovedMovement extends MovementBase {
  kind: 'moved';
  from: MovementSource;
}

/** Arrived at a concentrated shelter (集中安置). */
export interface CheckInMovement extends MovementBase {
  kind: 'check_in';
  shelterId: string;
}

/** Moved from the current shelter to another one. */
export interface TransferMovement extends MovementBase {
  kind: 'transfer';
  toShelterId: string;
}

/** Dispersed placement: staying with relatives or friends (投亲靠友). */
export interface DispersedMovement extends MovementBase {
  kind: 'dispersed';
  where?: string | null;
}

/** Left on their own for somewhere else (自行转移他处). */
export interface ElsewhereMovement extends MovementBase {
  kind: 'elsewhere';
  where?: string | null;
}

/** Back home; the evacuation is over unless a new `moved` follows. */
export interface ReturnedMovement extends MovementBase {
  kind: 'returned';
}

/** Contact lost: whereabouts unknown (去向不明). */
export interface UnknownMovement extends MovementBase {
  kind: 'unknown';
}

export type Movement =
  | MovedMovement
  | CheckInMovement
  | TransferMovement
  | DispersedMovement
  | ElsewhereMovement
  | ReturnedMovement
  | UnknownMovement;

export type MovementKind = Movement['kind'];

/**
 * 'moved' means taken out but not yet placed anywhere (on the way, waiting).
 * A person with no accepted `moved` in an event has no status there (null).
 */
export type PersonStatus = 'moved' | 'in_shelter' | 'dispersed' | 'returned' | 'elsewhere' | 'unknown';

export const PERSON_STATUSES: readonly PersonStatus[] = ['moved', 'in_shelter', 'dispersed', 'returned', 'elsewhere', 'unknown'];

/** Where a person was first placed after being moved: the basis of "X 安置 N 人". */
export type Placement = { kind: 'shelter'; shelterId: string } | { kind: 'dispersed' } | { kind: 'elsewhere' };

export type ShelterType = 'school' | 'community_centre' | 'hotel' | 'gym' | 'other';

export interface Shelter {
  id: string;
  name: string;
  nameEn?: string | null;
  type?: ShelterType | null;
  /** Usable floor area in m²; the default capacity is derived from it. */
  usableAreaM2?: number | null;
  /** Capacity set by hand; overrides the area-based default. */
  capacity?: number | null;
}

export interface EvacSettings {
  /** National guideline: at least 1.5 m² of usable floor area per sheltered person. */
  m2PerPerson: number;
}

export const DEFAULT_EVAC_SETTINGS: EvacSettings = { m2PerPerson: 1.5 };

export function isVulnerable(person: Pick<Person, 'vulnerable'> | undefined): boolean {
  const flags = person?.vulnerable;
  return !!flags && VULNERABLE_FLAGS.some((flag) => flags[flag] === true);
}

/** A stable key for grouping by source, e.g. `hazard:<id>` or `address:<community>|<address>`. */
export function sourceKey(source: MovementSource): string {
  return source.kind === 'hazard_point'
    ? `hazard:${source.hazardPointId}`
    : `address:${(source.community ?? '').trim()}|${source.address.trim()}`;
}

import { ValidationError } from '../../errors';
import { DEFAULT_TIME_ZONE, formatLocal, localParts, zonedToUtc } from '../../time';
import { groupSamePerson, type DuplicateGroup } from './identity';
import { isVulnerable, PERSON_STATUSES, sourceKey, type Movement, type MovementSource, type Person, type PersonStatus } from './model';
import { replayPerson, stateAt, type PersonEvacState, type PersonTimeline, type RefusedMovement, type StateOptions } from './state';

/**
 * The leader's numbers: how many moved, where they went, where they are now.
 *
 * The counting unit is one human in one event. Several person records for the same
 * human (see identity.ts) count once; at each instant that human's status is taken
 * from the record with the most recent step, so the newest information wins. Across
 * several events (a date range) the per-event counts are added, as season reports do.
 *
 * Invariant, per event and overall, at every instant:
 *   movedPeople = moved(not yet placed) + in_shelter + dispersed + returned + elsewhere + unknown
 */

export interface EvacRecords {
  persons: readonly Person[];
  movements: readonly Movement[];
}

export interface EvacScope {
  /** Only these events; all events when omitted. */
  eventIds?: readonly string[];
  /** Only evacuations whose first move is in [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
}

interface HumanInEvent {
  eventId: string;
  /** Timelines of every record for this human, sorted by person id. */
  members: PersonTimeline[];
  vulnerable: boolean;
}

export interface PreparedEvac {
  humans: HumanInEvent[];
  persons: ReadonlyMap<string, Person>;
  duplicates: DuplicateGroup[];
  refused: RefusedMovement[];
}

export type StatusCounts = Record<PersonStatus, number>;

export interface EventTotals {
  movedHouseholds: number;
  movedPeople: number;
  vulnerablePeople: number;
  byStatus: StatusCounts;
}

export interface SourceTotals extends EventTotals {
  key: string;
  source: MovementSource;
}

export interface DestinationCounts {
  /** First placement per shelter id (a later transfer does not move the count). */
  shelters: Record<string, number>;
  dispersed: number;
  elsewhere: number;
  /** Moved but never placed: still on the way, or returned / lost before placement. */
  unplaced: number;
}

export interface EvacTotals extends EventTotals {
  atMs: number;
  /** Everyone not back home: movedPeople − returned. */
  stillOut: number;
  byDestination: DestinationCounts;
  /** People in each shelter right now. */
  currentByShelter: Record<string, number>;
  bySource: SourceTotals[];
  byEvent: Record<string, EventTotals>;
  duplicates: DuplicateGroup[];
  refused: RefusedMovement[];
}

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(PERSON_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Replays every record once; reuse the result for totals at many instants. */
export function prepareEvac(records: EvacRecords, scope: EvacScope = {}, options: StateOptions = {}): PreparedEvac {
  const persons = new Map(records.persons.map((p) => [p.id, p]));
  const events = scope.eventIds ? new Set(scope.eventIds) : null;
  const byEventPerson = new Map<string, Map<string, Movement[]>>();
  for (const m of records.movements) {
    if (events && !events.has(m.eventId)) continue;
    const perPerson = byEventPerson.get(m.eventId) ?? new Map<string, Movement[]>();
    byEventPerson.set(m.eventId, perPerson);
    const list = perPerson.get(m.personId) ?? [];
    list.push(m);
    perPerson.set(m.personId, list);
  }
  const prepared: PreparedEvac = { humans: [], persons, duplicates: [], refused: [] };
  for (const eventId of [...byEventPerson.keys()].sort()) {
    const timelines = new Map<string, PersonTimeline>();
    for (const [personId, list] of byEventPerson.get(eventId)!) {
      const timeline = replayPerson(list, options);
      prepared.refused.push(...timeline.refused);
      const first = timeline.final.firstMovedAt;
      if (first === null) continue;
      if (scope.fromMs !== undefined && first < scope.fromMs) continue;
      if (scope.toMs !== undefined && first >= scope.toMs) continue;
      timelines.set(personId, timeline);
    }
    for (const group of groupSamePerson([...timelines.keys()], persons)) {
      prepared.humans.push({
        eventId,
        members: group.members.map((id) => timelines.get(id)!),
        vulnerable: group.members.some((id) => isVulnerable(persons.get(id))),
      });
      if (group.members.length > 1) prepared.duplicates.push({ eventId, personIds: group.members, basis: group.basis });
    }
  }
  return prepared;
}

/** The record that speaks for a human at `atMs`: the one with the latest step so far. */
function representative(human: HumanInEvent, atMs: number): PersonEvacState | null {
  let best: PersonEvacState | null = null;
  for (const timeline of human.members) {
    const state = stateAt(timeline, atMs);
    if (state && (best === null || state.lastAt! > best.lastAt!)) best = state;
  }
  return best;
}

function emptyEventTotals(): EventTotals {
  return { movedHouseholds: 0, movedPeople: 0, vulnerablePeople: 0, byStatus: emptyStatusCounts() };
}

class Tally {
  readonly totals = emptyEventTotals();
  private readonly households = new Set<string>();

  add(household: string, vulnerable: boolean, status: PersonStatus): void {
    this.households.add(household);
    this.totals.movedHouseholds = this.households.size;
    this.totals.movedPeople += 1;
    if (vulnerable) this.totals.vulnerablePeople += 1;
    this.totals.byStatus[status] += 1;
  }
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function totalsAt(prepared: PreparedEvac, atMs: number): EvacTotals {
  const all = new Tally();
  const perEvent = new Map<string, Tally>();
  const perSource = new Map<string, { source: MovementSource; tally: Tally }>();
  const destination: DestinationCounts = { shelters: {}, dispersed: 0, elsewhere: 0, unplaced: 0 };
  const currentByShelter: Record<string, number> = {};

  for (const human of prepared.humans) {
    const state = representative(human, atMs);
    if (!state || state.status === null) continue;
    const person = prepared.persons.get(state.personId);
    // A person without a household record was moved as a household of one.
    const household = `${human.eventId}\u0000${person?.householdId?.trim() || `person:${state.personId}`}`;
    const status = state.status;
    all.add(household, human.vulnerable, status);
    const eventTally = perEvent.get(human.eventId) ?? new Tally();
    perEvent.set(human.eventId, eventTally);
    eventTally.add(household, human.vulnerable, status);
    const key = sourceKey(state.source!);
    const sourceEntry = perSource.get(key) ?? { source: state.source!, tally: new Tally() };
    perSource.set(key, sourceEntry);
    sourceEntry.tally.add(household, human.vulnerable, status);

    const placement = state.firstPlacement;
    if (placement === null) destination.unplaced += 1;
    else if (placement.kind === 'shelter') bump(destination.shelters, placement.shelterId);
    else destination[placement.kind] += 1;
    if (status === 'in_shelter') bump(currentByShelter, state.shelterId!);
  }

  return {
    atMs,
    ...all.totals,
    stillOut: all.totals.movedPeople - all.totals.byStatus.returned,
    byDestination: { ...destination, shelters: sortedRecord(destination.shelters) },
    currentByShelter: sortedRecord(currentByShelter),
    bySource: [...perSource.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, { source, tally }]) => ({ key, source, ...tally.totals })),
    byEvent: Object.fromEntries([...perEvent.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => [id, t.totals])),
    duplicates: prepared.duplicates,
    refused: prepared.refused,
  };
}

/** One-shot totals for a scope at an instant. */
export function evacTotals(records: EvacRecords, scope: EvacScope, atMs: number, options: StateOptions = {}): EvacTotals {
  return totalsAt(prepareEvac(records, scope, options), atMs);
}

export interface SeriesOptions {
  fromMs: number;
  toMs: number;
  bucketMinutes: number;
  timeZone?: string;
}

/** Upper bound on chart points, so a typo in the range cannot freeze the UI. */
export const MAX_SERIES_POINTS = 5000;

/**
 * Sample instants on the office's wall clock (with 60-minute buckets: 08:00, 09:00, …),
 * from the boundary at or before `fromMs` to the boundary at or after `toMs`, so the
 * whole requested range is covered.
 */
export function sampleInstants(options: SeriesOptions): number[] {
  const { fromMs, toMs, bucketMinutes } = options;
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!Number.isFinite(bucketMinutes) || bucketMinutes <= 0 || !Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new ValidationError('errors.evac.seriesRange', 'The chart range or bucket size is not valid', { bucketMinutes });
  }
  const step = Math.round(bucketMinutes * 60_000);
  if (step <= 0) throw new ValidationError('errors.evac.seriesRange', 'The bucket size is too small', { bucketMinutes });
  const midnight = zonedToUtc(localParts(fromMs, tz).date, '00:00', tz);
  const start = midnight + Math.floor((fromMs - midnight) / step) * step;
  const count = Math.ceil((toMs - start) / step) + 1;
  if (count > MAX_SERIES_POINTS) {
    throw new ValidationError('errors.evac.seriesTooLong', 'Too many chart points; choose larger buckets or a shorter range', {
      count,
      max: MAX_SERIES_POINTS,
    });
  }
  return Array.from({ length: count }, (_, i) => start + i * step);
}

export interface OutPoint {
  atMs: number;
  label: string;
  movedPeople: number;
  stillOut: number;
  inShelters: number;
  returned: number;
}

export function peopleOutOverTime(prepared: PreparedEvac, options: SeriesOptions): OutPoint[] {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  return sampleInstants(options).map((atMs) => {
    const t = totalsAt(prepared, atMs);
    return {
      atMs,
      label: formatLocal(atMs, 'MM-dd HH:mm', tz),
      movedPeople: t.movedPeople,
      stillOut: t.stillOut,
      inShelters: t.byStatus.in_shelter,
      returned: t.byStatus.returned,
    };
  });
}

export interface OccupancySeries {
  instants: number[];
  labels: string[];
  /** One series per shelter occupied at any sample; values align with `instants`. */
  series: { shelterId: string; values: number[] }[];
}

export function shelterOccupancyOverTime(prepared: PreparedEvac, options: SeriesOptions): OccupancySeries {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const instants = sampleInstants(options);
  const samples = instants.map((atMs) => totalsAt(prepared, atMs).currentByShelter);
  const shelterIds = [...new Set(samples.flatMap((s) => Object.keys(s)))].sort();
  return {
    instants,
    labels: instants.map((atMs) => formatLocal(atMs, 'MM-dd HH:mm', tz)),
    series: shelterIds.map((shelterId) => ({ shelterId, values: samples.map((s) => s[shelterId] ?? 0) })),
  };
}

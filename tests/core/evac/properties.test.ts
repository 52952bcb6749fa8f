import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VULNERABLE_FLAGS, type Movement, type MovementSource, type Person, type PersonStatus, type VulnerableFlag } from '../../../core/domain/evac/model';
import { applyMovement, initialState, statusAt, type PersonEvacState } from '../../../core/domain/evac/state';
import { prepareEvac, totalsAt, type EventTotals, type EvacTotals } from '../../../core/domain/evac/totals';

/**
 * Random storms: humans (some registered two or three times), random steps (many of
 * them illegal) applied one by one, then totals checked against a small independent
 * model at random instants.
 */

const BASE = Date.UTC(2023, 8, 1, 0, 0); // 08:00 in Shanghai
const MIN = 60_000;
const STEP = 10 * MIN;
const EVENTS = ['saola', 'haikui'];
const SHELTERS = ['s-school', 's-hotel', 's-gym'];
const SOURCES: MovementSource[] = [
  { kind: 'hazard_point', hazardPointId: 'hp-1' },
  { kind: 'hazard_point', hazardPointId: 'hp-2' },
  { kind: 'address', address: '文昌路 12 号', community: '文昌社区' },
];

type Kind = Movement['kind'];
type Match = 'id' | 'name_phone' | 'name_household';

interface HumanSpec {
  clones: number;
  match: Match;
  household: number | null;
  flags: VulnerableFlag[];
  flaggedClones: boolean[];
}

interface OpSpec {
  event: number;
  human: number;
  clone: number;
  kind: Kind;
  target: number;
  source: number;
  start: number;
  delta: number;
}

const humanArb: fc.Arbitrary<HumanSpec> = fc.record({
  clones: fc.integer({ min: 1, max: 3 }),
  match: fc.constantFrom<Match>('id', 'name_phone', 'name_household'),
  household: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  flags: fc.uniqueArray(fc.constantFrom(...VULNERABLE_FLAGS), { maxLength: 3 }),
  flaggedClones: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});

const kindArb = fc.oneof(
  { arbitrary: fc.constant<Kind>('moved'), weight: 4 },
  { arbitrary: fc.constant<Kind>('check_in'), weight: 3 },
  { arbitrary: fc.constant<Kind>('transfer'), weight: 2 },
  { arbitrary: fc.constant<Kind>('dispersed'), weight: 1 },
  { arbitrary: fc.constant<Kind>('elsewhere'), weight: 1 },
  { arbitrary: fc.constant<Kind>('returned'), weight: 2 },
  { arbitrary: fc.constant<Kind>('unknown'), weight: 1 },
);

const opArb: fc.Arbitrary<OpSpec> = fc.record({
  event: fc.integer({ min: 0, max: EVENTS.length - 1 }),
  human: fc.integer({ min: 0, max: 4 }),
  clone: fc.integer({ min: 0, max: 2 }),
  kind: kindArb,
  target: fc.integer({ min: 0, max: SHELTERS.length - 1 }),
  source: fc.integer({ min: 0, max: SOURCES.length - 1 }),
  // In ten-minute steps, so that records often share an instant.
  start: fc.integer({ min: 0, max: 12 }),
  // Mostly forward in time, sometimes backwards (which must be refused).
  delta: fc.integer({ min: -3, max: 12 }),
});

const stormArb = fc.record({
  humans: fc.array(humanArb, { minLength: 1, maxLength: 5 }),
  ops: fc.array(opArb, { maxLength: 150, size: 'max' }),
  probes: fc.array(fc.integer({ min: -60, max: 2000 }), { minLength: 1, maxLength: 8 }),
});

function buildPersons(humans: HumanSpec[]): { persons: Person[]; clonesOf: string[][] } {
  const persons: Person[] = [];
  const clonesOf = humans.map((spec, h) =>
    Array.from({ length: spec.clones }, (_, c) => {
      const id = `h${h}c${c}`;
      const household = spec.household !== null ? `hh${spec.household}` : spec.match === 'name_household' ? `own${h}` : null;
      const idNumber = `1101011990${String(h).padStart(7, '0')}X`;
      const phone = `139${String(h).padStart(8, '0')}`;
      persons.push({
        id,
        // Clones are spelled differently on purpose; normalisation must still match them.
        name: c % 2 === 0 ? `居民${h}` : ` 居民 ${h} `,
        idNumber: spec.match === 'id' ? (c % 2 === 0 ? idNumber : idNumber.toLowerCase()) : null,
        phone: spec.match === 'name_phone' ? (c % 2 === 0 ? phone : `+86 ${phone.slice(0, 3)} ${phone.slice(3)}`) : null,
        householdId: household,
        vulnerable: spec.flaggedClones[c] ? Object.fromEntries(spec.flags.map((f) => [f, true])) : {},
      });
      return id;
    }),
  );
  return { persons, clonesOf };
}

/** The model: what a record's status should be, written independently of state.ts. */
interface ModelRecord {
  status: PersonStatus | null;
  shelter: string | null;
  movedAt: number;
  lastAt: number;
  history: { at: number; status: PersonStatus; shelter: string | null; placement: string | null; sourceIdx: number }[];
}

const STATUS_OF: Record<Kind, PersonStatus> = {
  moved: 'moved',
  check_in: 'in_shelter',
  transfer: 'in_shelter',
  dispersed: 'dispersed',
  elsewhere: 'elsewhere',
  returned: 'returned',
  unknown: 'unknown',
};

function expectedReason(r: ModelRecord, kind: Kind, at: number, target: string): string | null {
  if (r.status === null) return kind === 'moved' ? null : 'not_moved';
  if (kind !== 'moved' && at < r.movedAt) return 'time_before_move';
  if (at < r.lastAt) return 'time_backwards';
  if (kind === 'moved') return r.status === 'returned' ? null : 'already_out';
  if (r.status === 'returned') return 'already_returned';
  if (kind === 'check_in') return r.status === 'in_shelter' ? 'already_in_shelter' : null;
  if (kind === 'transfer') return r.status !== 'in_shelter' ? 'not_in_shelter' : r.shelter === target ? 'same_shelter' : null;
  return r.status === STATUS_OF[kind] ? 'already_in_status' : null;
}

function toMovement(eventId: string, personId: string, op: OpSpec, at: number): Movement {
  const shelterId = SHELTERS[op.target];
  const common = { eventId, personId, at };
  switch (op.kind) {
    case 'moved': return { ...common, kind: 'moved', from: SOURCES[op.source] };
    case 'check_in': return { ...common, kind: 'check_in', shelterId };
    case 'transfer': return { ...common, kind: 'transfer', toShelterId: shelterId };
    case 'dispersed': return { ...common, kind: 'dispersed', where: '亲戚家' };
    case 'elsewhere': return { ...common, kind: 'elsewhere' };
    case 'returned': return { ...common, kind: 'returned' };
    case 'unknown': return { ...common, kind: 'unknown' };
  }
}

interface Storm {
  persons: Person[];
  clonesOf: string[][];
  humans: HumanSpec[];
  accepted: Movement[];
  model: Map<string, ModelRecord>;
}

/** Applies ops one by one, checking each answer of the state machine against the model. */
function playStorm(humans: HumanSpec[], ops: OpSpec[]): Storm {
  const { persons, clonesOf } = buildPersons(humans);
  const states = new Map<string, PersonEvacState>();
  const model = new Map<string, ModelRecord>();
  const accepted: Movement[] = [];
  for (const op of ops) {
    const eventId = EVENTS[op.event];
    const clones = clonesOf[op.human % clonesOf.length];
    const personId = clones[op.clone % clones.length];
    const key = `${eventId}/${personId}`;
    const record = model.get(key) ?? { status: null, shelter: null, movedAt: 0, lastAt: 0, history: [] };
    const at = (record.status === null ? BASE + op.start * STEP : record.lastAt) + op.delta * STEP;
    const movement = toMovement(eventId, personId, op, at);
    const result = applyMovement(states.get(key) ?? initialState(eventId, personId), movement);
    const reason = expectedReason(record, op.kind, at, SHELTERS[op.target]);
    expect(result.ok ? null : result.reason).toBe(reason);
    if (!result.ok) continue;
    const status = STATUS_OF[op.kind];
    const shelter = status === 'in_shelter' ? SHELTERS[op.target] : null;
    const placement = op.kind === 'check_in' ? shelter : op.kind === 'dispersed' || op.kind === 'elsewhere' ? op.kind : null;
    const first = record.history[0];
    record.history.push({ at, status, shelter, placement, sourceIdx: first ? first.sourceIdx : op.source });
    Object.assign(record, { status, shelter, lastAt: at, movedAt: op.kind === 'moved' ? at : record.movedAt });
    model.set(key, record);
    states.set(key, result.state);
    expect(result.state.status).toBe(status);
    expect(result.state.shelterId).toBe(shelter);
    accepted.push(movement);
  }
  return { persons, clonesOf, humans, accepted, model };
}

function recordAt(record: ModelRecord | undefined, t: number) {
  const seen = record?.history.filter((h) => h.at <= t) ?? [];
  if (seen.length === 0) return null;
  return { ...seen[seen.length - 1], placement: seen.find((h) => h.placement !== null)?.placement ?? null };
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function checkInvariant(t: EventTotals): void {
  expect(sum(t.byStatus)).toBe(t.movedPeople);
  for (const n of [t.movedPeople, t.movedHouseholds, t.vulnerablePeople, ...Object.values(t.byStatus)]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  expect(t.vulnerablePeople).toBeLessThanOrEqual(t.movedPeople);
  expect(t.movedHouseholds).toBeLessThanOrEqual(t.movedPeople);
  expect(t.movedHouseholds > 0).toBe(t.movedPeople > 0);
}

/** What the model says the totals should be at `t`: one count per human per event. */
function modelTotals(storm: Storm, t: number) {
  const statuses: Record<string, number> = {};
  const inShelter: Record<string, number> = {};
  const destination: Record<string, number> = {};
  const households = new Set<string>();
  let people = 0;
  let vulnerable = 0;
  for (const eventId of EVENTS) {
    storm.clonesOf.forEach((clones, h) => {
      // The record with the latest step so far speaks for the human; ties go to the first record.
      let best: { id: string; at: ReturnType<typeof recordAt> } | null = null;
      for (const id of clones) {
        const now = recordAt(storm.model.get(`${eventId}/${id}`), t);
        if (now && (!best || now.at > best.at!.at)) best = { id, at: now };
      }
      if (!best) return;
      const now = best.at!;
      people += 1;
      statuses[now.status] = (statuses[now.status] ?? 0) + 1;
      if (now.shelter) inShelter[now.shelter] = (inShelter[now.shelter] ?? 0) + 1;
      const dest = now.placement ?? 'unplaced';
      destination[dest] = (destination[dest] ?? 0) + 1;
      const person = storm.persons.find((p) => p.id === best!.id)!;
      households.add(`${eventId}/${person.householdId ?? `person:${person.id}`}`);
      const spec = storm.humans[h];
      const flaggedMover = clones.some((id, c) => spec.flaggedClones[c] && spec.flags.length > 0 && storm.model.has(`${eventId}/${id}`));
      if (flaggedMover) vulnerable += 1;
    });
  }
  return { people, statuses, inShelter, destination, households: households.size, vulnerable };
}

function destinationOf(totals: EvacTotals): Record<string, number> {
  const d = totals.byDestination;
  const flat: Record<string, number> = { ...d.shelters, dispersed: d.dispersed, elsewhere: d.elsewhere, unplaced: d.unplaced };
  return Object.fromEntries(Object.entries(flat).filter(([, n]) => n > 0));
}

describe('evacuation properties', () => {
  it('accepts exactly the legal steps, and replaying the accepted log refuses nothing', () => {
    fc.assert(
      fc.property(stormArb, ({ humans, ops }) => {
        const storm = playStorm(humans, ops);
        expect(prepareEvac({ persons: storm.persons, movements: storm.accepted }).refused).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('totals match the model and keep the invariant at any instant, per event and per source', () => {
    fc.assert(
      fc.property(stormArb, ({ humans, ops, probes }) => {
        const storm = playStorm(humans, ops);
        const prepared = prepareEvac({ persons: storm.persons, movements: storm.accepted });
        const instants = [...probes.map((m) => BASE + m * MIN), ...storm.accepted.flatMap((m) => [m.at - 1, m.at])].sort((a, b) => a - b);
        let previousMoved = 0;
        for (const t of instants) {
          const totals = totalsAt(prepared, t);
          checkInvariant(totals);
          for (const e of Object.values(totals.byEvent)) checkInvariant(e);
          for (const s of totals.bySource) checkInvariant(s);
          expect(Object.values(totals.byEvent).reduce((a, e) => a + e.movedPeople, 0)).toBe(totals.movedPeople);
          expect(totals.bySource.reduce((a, s) => a + s.movedPeople, 0)).toBe(totals.movedPeople);
          expect(sum(totals.currentByShelter)).toBe(totals.byStatus.in_shelter);
          expect(totals.stillOut).toBe(totals.movedPeople - totals.byStatus.returned);
          expect(totals.movedPeople).toBeGreaterThanOrEqual(previousMoved);
          previousMoved = totals.movedPeople;

          const expected = modelTotals(storm, t);
          expect(totals.movedPeople).toBe(expected.people);
          expect(Object.fromEntries(Object.entries(totals.byStatus).filter(([, n]) => n > 0))).toEqual(expected.statuses);
          expect(totals.currentByShelter).toEqual(expected.inShelter);
          expect(destinationOf(totals)).toEqual(expected.destination);
          expect(totals.movedHouseholds).toBe(expected.households);
          expect(totals.vulnerablePeople).toBe(expected.vulnerable);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('statusAt of each record agrees with the model at any instant', () => {
    fc.assert(
      fc.property(stormArb, ({ humans, ops, probes }) => {
        const storm = playStorm(humans, ops);
        for (const [key, record] of storm.model) {
          const [eventId, personId] = key.split('/');
          const mine = storm.accepted.filter((m) => m.eventId === eventId && m.personId === personId);
          for (const t of [...probes.map((m) => BASE + m * MIN), ...mine.map((m) => m.at)]) {
            expect(statusAt(mine, t)).toBe(recordAt(record, t)?.status ?? null);
          }
        }
      }),
    );
  });

  it('flags each registered-twice human once per event and never double counts them', () => {
    fc.assert(
      fc.property(stormArb, ({ humans, ops }) => {
        const storm = playStorm(humans, ops);
        const totals = totalsAt(prepareEvac({ persons: storm.persons, movements: storm.accepted }), Number.MAX_SAFE_INTEGER);
        const expectedGroups = EVENTS.flatMap((eventId) =>
          storm.clonesOf
            .map((clones) => clones.filter((id) => storm.model.has(`${eventId}/${id}`)))
            .filter((ids) => ids.length > 1)
            .map((ids) => `${eventId}:${ids.join(',')}`),
        ).sort();
        expect(totals.duplicates.map((d) => `${d.eventId}:${d.personIds.join(',')}`).sort()).toEqual(expectedGroups);
        const humansMoved = EVENTS.reduce((n, eventId) => n + storm.clonesOf.filter((clones) => clones.some((id) => storm.model.has(`${eventId}/${id}`))).length, 0);
        expect(totals.movedPeople).toBe(humansMoved);
      }),
    );
  });
});

import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import { checkCapacity } from '../../core/domain/evac/capacity';
import { identityKeys } from '../../core/domain/evac/identity';
import { sourceKey, type Movement } from '../../core/domain/evac/model';
import { applyMovement, initialState, type PersonEvacState } from '../../core/domain/evac/state';
import type { EvacSource, MoveResult, StepResult } from '../../core/contract/evac';
import type { ParsedInputOf } from '../../core/contract';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { sheltersRepo } from './shelters.repo';
import { domainSource, evacPeopleRepo, toDomainPerson, type PersonRecord } from './people.repo';
import { timeOrderedUuid } from './ids';
import { evacSettings, openForEvent, requireEvent, syncFullStatus } from './shelters.handlers';

type Step = { kind: 'dispersed' | 'elsewhere'; where: string | null; by: string } | { kind: 'returned' | 'unknown'; by: string };

/**
 * Applies one step through the pure state machine and writes the new current state and the
 * log row together; a refused step throws, and the dispatcher's transaction undoes the batch.
 */
function apply(ctx: HandlerContext, person: PersonRecord, movement: Movement, extra: { source?: EvacSource; overrideId?: string | null } = {}): PersonEvacState {
  const timeZone = ctx.settings().general.timeZone;
  const result = applyMovement(person.state, movement, { timeZone });
  if (!result.ok) {
    const shelterId = result.params.shelterId;
    const shelter = shelterId ? (sheltersRepo(ctx.db).get(shelterId)?.name ?? shelterId) : '';
    throw new ValidationError(`errors.evac.${result.reason}`, `${person.name}: ${result.message}`, { ...result.params, name: person.name, shelter });
  }
  const id = timeOrderedUuid();
  const repo = evacPeopleRepo(ctx.db);
  repo.insertMovement({ ...movement, id }, { ...extra, now: ctx.nowIso });
  repo.updateState(person.id, result.state, ctx.nowIso);
  person.state = result.state;
  return result.state;
}

function assertNotFuture(ctx: HandlerContext, atMs: number): void {
  const tolerance = evacSettings(ctx).futureToleranceMinutes * 60_000;
  if (atMs > ctx.nowMs + tolerance) {
    throw new ValidationError('errors.evac.future', 'The time is in the future', { minutes: evacSettings(ctx).futureToleranceMinutes });
  }
}

function loadPeople(ctx: HandlerContext, eventId: string, ids: readonly string[]): PersonRecord[] {
  const unique = [...new Set(ids)];
  const people = evacPeopleRepo(ctx.db).forSteps(unique);
  if (people.length !== unique.length) {
    const found = new Set(people.map((p) => p.id));
    throw new NotFound('evac_person', unique.find((id) => !found.has(id))!);
  }
  const other = people.find((p) => p.eventId !== eventId);
  if (other) throw new ValidationError('errors.evac.wrong_event', `${other.name} belongs to another event`, { name: other.name });
  return people;
}

/** Capacity is asked before anyone arrives; beyond it, an override with a reason is required and recorded. */
function admit(ctx: HandlerContext, eventId: string, shelterId: string, adding: number, atMs: number, override: { reason: string } | null): string | null {
  const shelters = sheltersRepo(ctx.db);
  const shelter = shelters.get(shelterId);
  if (!shelter) throw new NotFound('shelter', shelterId);
  if (shelter.status === 'closed') throw new Conflict('errors.evac.shelterClosed', `${shelter.name} is closed`, { name: shelter.name });
  const current = shelters.occupancy(shelterId);
  const check = checkCapacity({ id: shelter.id, name: shelter.name, capacity: shelter.capacitySet, usableAreaM2: shelter.usableAreaM2 }, current, adding, evacSettings(ctx));
  if (shelter.status === 'ready') {
    shelters.update({ ...shelter, status: 'open', updatedAt: ctx.nowIso });
    ctx.audit({ entity: 'evac_shelter', entityId: shelterId, before: { status: 'ready' }, after: { status: 'open' } });
  }
  openForEvent(ctx, shelterId, eventId, atMs);
  if (check.ok) return null;
  if (!check.needsOverride) throw new ValidationError('errors.evac.badCount', check.message);
  const params = { name: shelter.name, capacity: check.capacity ?? '—', current: check.current, adding: check.adding, after: check.after };
  if (!override) {
    const key = check.reason === 'over_capacity' ? 'errors.evac.overCapacity' : 'errors.evac.capacityUnknown';
    throw new Conflict(key, check.message, check.reason === 'over_capacity' ? { ...params, excess: check.excess } : params);
  }
  const row = {
    id: randomUUID(),
    shelterId,
    eventId,
    atMs,
    reason: override.reason,
    capacity: check.capacity,
    occupancyBefore: current,
    adding,
    actorName: ctx.actor.name,
    now: ctx.nowIso,
  };
  evacPeopleRepo(ctx.db).insertOverride(row);
  ctx.audit({ entity: 'evac_capacity_override', entityId: row.id, before: null, after: row });
  return row.id;
}

/** One audit row per batch: who changed from what to what, compactly, so a 5,000-person return stays one record. */
function auditBatch(ctx: HandlerContext, kind: string, people: PersonRecord[], before: Map<string, string>, detail: Record<string, unknown>): void {
  ctx.audit({
    entity: 'evac_batch',
    entityId: randomUUID(),
    before: Object.fromEntries(people.map((p) => [p.id, before.get(p.id) ?? null])),
    after: { kind, ...detail, people: Object.fromEntries(people.map((p) => [p.id, `${p.state.status}${p.state.shelterId ? `@${p.state.shelterId}` : ''}`])) },
  });
}

const snapshot = (people: PersonRecord[]) => new Map(people.map((p) => [p.id, `${p.state.status}${p.state.shelterId ? `@${p.state.shelterId}` : ''}`]));

function shelterLeavers(people: PersonRecord[]): Set<string> {
  return new Set(people.flatMap((p) => (p.state.status === 'in_shelter' && p.state.shelterId ? [p.state.shelterId] : [])));
}

function checkInAll(ctx: HandlerContext, eventId: string, people: PersonRecord[], shelterId: string, atMs: number, by: string, override: { reason: string } | null): string | null {
  const overrideId = admit(ctx, eventId, shelterId, people.length, atMs, override);
  const left = shelterLeavers(people);
  for (const person of people) {
    const base = { eventId, personId: person.id, at: atMs, by };
    const movement: Movement =
      person.state.status === 'in_shelter' ? { ...base, kind: 'transfer', toShelterId: shelterId } : { ...base, kind: 'check_in', shelterId };
    apply(ctx, person, movement, { overrideId });
  }
  for (const id of [...left, shelterId]) syncFullStatus(ctx, id);
  return overrideId;
}

function stepAll(ctx: HandlerContext, eventId: string, people: PersonRecord[], step: Step, atMs: number): void {
  const left = shelterLeavers(people);
  for (const person of people) apply(ctx, person, { ...step, eventId, personId: person.id, at: atMs } as Movement);
  for (const id of left) syncFullStatus(ctx, id);
}

function moveGroup(ctx: HandlerContext, input: ParsedInputOf<'evac.moveGroup'>): MoveResult {
  const { eventId, source, atMs, by, households, destination } = input;
  requireEvent(ctx, eventId);
  assertNotFuture(ctx, atMs);
  const limits = evacSettings(ctx);
  const count = households.reduce((n, h) => n + h.members.length, 0);
  if (count > limits.maxPeoplePerMove) throw new ValidationError('errors.evac.tooManyPeople', `${count} people in one form; at most ${limits.maxPeoplePerMove}`, { count, max: limits.maxPeoplePerMove });
  const big = households.find((h) => h.members.length > limits.maxHouseholdSize);
  if (big) throw new ValidationError('errors.evac.householdTooBig', `A household of ${big.members.length}; at most ${limits.maxHouseholdSize}`, { count: big.members.length, max: limits.maxHouseholdSize });
  if ((source.lat === null) !== (source.lng === null)) throw new ValidationError('errors.evac.halfLocation', 'Give both latitude and longitude, or neither');

  const repo = evacPeopleRepo(ctx.db);
  const result: MoveResult = { householdIds: [], moved: [], movedAgain: [], duplicates: [] };
  const from = domainSource(source);
  const key = sourceKey(from);
  const placed: PersonRecord[] = [];
  const seenInForm = new Set<string>();
  for (const household of households) {
    const householdId = timeOrderedUuid();
    let householdWritten = false;
    for (const member of household.members) {
      const keys = identityKeys(toDomainPerson({ id: '', householdId, ...member }));
      const repeated = keys.find((k) => seenInForm.has(k.key));
      if (repeated) throw new ValidationError('errors.evac.repeatedInForm', `${member.name} is entered twice in this form`, { name: member.name });
      keys.forEach((k) => seenInForm.add(k.key));
      const idKey = keys.find((k) => k.basis === 'id_number')?.key ?? null;
      const npKey = keys.find((k) => k.basis === 'name_phone')?.key ?? null;
      const match = (idKey ? repo.byIdKey(eventId, idKey)[0] : undefined) ?? (npKey ? repo.byNpKey(eventId, npKey)[0] : undefined);
      if (match && match.state.status !== 'returned') {
        const basis = match.idKey === idKey && idKey ? 'id_number' : 'name_phone';
        repo.insertFlag({ id: randomUUID(), eventId, existingPersonId: match.id, name: member.name, basis, atMs, now: ctx.nowIso });
        result.duplicates.push({ existingPersonId: match.id, name: member.name, basis });
        continue;
      }
      const moved: Movement = { eventId, personId: match?.id ?? timeOrderedUuid(), kind: 'moved', at: atMs, by, from };
      if (match) {
        apply(ctx, match, moved, { source });
        result.movedAgain.push({ personId: match.id, name: match.name, householdId: match.householdId });
        placed.push(match);
        continue;
      }
      if (!householdWritten) {
        repo.insertHousehold({ id: householdId, eventId, headName: household.headName || member.name, address: household.address, phone: household.phone, now: ctx.nowIso });
        result.householdIds.push(householdId);
        householdWritten = true;
      }
      const person: PersonRecord = {
        id: moved.personId,
        eventId,
        householdId,
        householdHead: household.headName || member.name,
        name: member.name,
        idNumber: member.idNumber,
        phone: member.phone,
        flags: [...new Set(member.flags)],
        idKey,
        npKey,
        source,
        sourceKey: key,
        shelterName: null,
        state: initialState(eventId, moved.personId),
      };
      const state = applyMovement(person.state, moved);
      if (!state.ok) throw new ValidationError(`errors.evac.${state.reason}`, state.message, { name: member.name });
      person.state = state.state;
      repo.insertPerson(person, ctx.nowIso);
      repo.insertMovement({ ...moved, id: timeOrderedUuid() }, { source, now: ctx.nowIso });
      result.moved.push({ personId: person.id, name: person.name, householdId });
      placed.push(person);
    }
  }
  const before = snapshot(placed);
  if (destination && placed.length) {
    if (destination.kind === 'shelter') checkInAll(ctx, eventId, placed, destination.shelterId, atMs, by, destination.override);
    else stepAll(ctx, eventId, placed, { kind: destination.kind, where: destination.where || null, by }, atMs);
  }
  auditBatch(ctx, 'moveGroup', placed, before, { eventId, atMs, source, destination, duplicates: result.duplicates });
  return result;
}

export const moveHandlers = {
  'evac.moveGroup': (ctx, input) => moveGroup(ctx, input),
  'evac.checkIn': (ctx, { eventId, personIds, shelterId, atMs, by, override }): StepResult => {
    assertNotFuture(ctx, atMs);
    const people = loadPeople(ctx, eventId, personIds);
    const before = snapshot(people);
    const overrideId = checkInAll(ctx, eventId, people, shelterId, atMs, by, override);
    auditBatch(ctx, 'checkIn', people, before, { eventId, atMs, shelterId, overrideId });
    return { count: people.length, overrideId };
  },
  'evac.place': (ctx, { eventId, personIds, kind, where, atMs, by }): StepResult => {
    assertNotFuture(ctx, atMs);
    const people = loadPeople(ctx, eventId, personIds);
    const before = snapshot(people);
    stepAll(ctx, eventId, people, kind === 'unknown' ? { kind, by } : { kind, where: where || null, by }, atMs);
    auditBatch(ctx, 'place', people, before, { eventId, atMs, kind, where });
    return { count: people.length, overrideId: null };
  },
  'evac.returnPeople': (ctx, { eventId, personIds, sourceKey: key, shelterId, atMs, by }): StepResult => {
    requireEvent(ctx, eventId);
    assertNotFuture(ctx, atMs);
    const ids = personIds ?? evacPeopleRepo(ctx.db).outIds(eventId, key, shelterId);
    if (ids.length === 0) throw new ValidationError('errors.evac.nobodyToReturn', 'Nobody matching is still out');
    const people = loadPeople(ctx, eventId, ids);
    const before = snapshot(people);
    stepAll(ctx, eventId, people, { kind: 'returned', by }, atMs);
    auditBatch(ctx, 'returnPeople', people, before, { eventId, atMs, sourceKey: key, shelterId });
    return { count: people.length, overrideId: null };
  },
} satisfies Partial<HandlerMap<'evac'>>;

import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../core/errors';
import { shelterCapacity } from '../../core/domain/evac/capacity';
import type { ShelterView } from '../../core/contract/evac';
import { maySeePersonalData } from '../../core/permissions';
import type { Actor, HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { sheltersRepo, type ShelterPeriod, type ShelterRecord } from './shelters.repo';

/** Every method that can return evacuees' ID numbers and phones unmasked asks here (roles: core/permissions.ts). */
export function assertPersonalDataAllowed(actor: Actor): void {
  if (!maySeePersonalData(actor.role)) {
    throw new Forbidden('errors.evac.personalData', 'Your role may not see evacuees’ ID numbers and phones', { role: actor.role });
  }
}

export const evacSettings = (ctx: HandlerContext) => ctx.settings().evac;

export function toView(ctx: HandlerContext, record: ShelterRecord, occupancy: number, periods: ShelterPeriod[]): ShelterView {
  return {
    ...record,
    capacity: shelterCapacity({ capacity: record.capacitySet, usableAreaM2: record.usableAreaM2 }, evacSettings(ctx)),
    occupancy,
    periods: periods.filter((p) => p.shelterId === record.id).map(({ eventId, openedAtMs, closedAtMs }) => ({ eventId, openedAtMs, closedAtMs })),
  };
}

export function shelterView(ctx: HandlerContext, id: string): ShelterView {
  const repo = sheltersRepo(ctx.db);
  const record = repo.get(id);
  if (!record) throw new NotFound('shelter', id);
  return toView(ctx, record, repo.occupancy(id), repo.periods());
}

export function requireEvent(ctx: HandlerContext, eventId: string): void {
  if (!eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
}

/** Occupancy must never silently exceed capacity, so a capacity below the people present is refused. */
function assertCapacityHolds(ctx: HandlerContext, view: ShelterView): void {
  if (view.capacity !== null && view.occupancy > view.capacity) {
    throw new ValidationError('errors.evac.capacityBelowOccupancy', `Capacity ${view.capacity} is below the ${view.occupancy} people now in ${view.name}`, {
      name: view.name,
      capacity: view.capacity,
      occupancy: view.occupancy,
    });
  }
}

/** Records the opening of a shelter for an event, once; a closed shelter is reopened. */
export function openForEvent(ctx: HandlerContext, shelterId: string, eventId: string, atMs: number): void {
  const repo = sheltersRepo(ctx.db);
  if (repo.openPeriod(shelterId, eventId)) return;
  const period = { id: randomUUID(), shelterId, eventId, openedAtMs: atMs, now: ctx.nowIso };
  repo.insertPeriod(period);
  ctx.audit({ entity: 'evac_shelter_period', entityId: period.id, before: null, after: period });
}

/** Keeps the full/open status in step with occupancy after people arrive or leave. */
export function syncFullStatus(ctx: HandlerContext, shelterId: string): void {
  const repo = sheltersRepo(ctx.db);
  const before = repo.get(shelterId);
  if (!before || before.status === 'closed' || before.status === 'ready') return;
  const capacity = shelterCapacity({ capacity: before.capacitySet, usableAreaM2: before.usableAreaM2 }, evacSettings(ctx));
  const full = capacity !== null && repo.occupancy(shelterId) >= capacity;
  const status = full ? 'full' : 'open';
  if (status === before.status) return;
  const after = { ...before, status, updatedAt: ctx.nowIso } as ShelterRecord;
  repo.update(after);
  ctx.audit({ entity: 'evac_shelter', entityId: shelterId, before: { status: before.status }, after: { status } });
}

export const shelterHandlers = {
  'evac.listShelters': (ctx, { includeClosed }) => {
    const repo = sheltersRepo(ctx.db);
    const occupancy = repo.occupancyAll();
    const periods = repo.periods();
    return repo.list(includeClosed).map((r) => toView(ctx, r, occupancy.get(r.id) ?? 0, periods));
  },
  'evac.createShelter': (ctx, input) => {
    const record: ShelterRecord = {
      id: randomUUID(),
      name: input.name,
      nameEn: input.nameEn,
      type: input.type,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      usableAreaM2: input.usableAreaM2,
      capacitySet: input.capacity,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      status: 'ready',
      supplies: input.supplies,
      notes: input.notes,
      createdAt: ctx.nowIso,
      updatedAt: ctx.nowIso,
    };
    if ((record.lat === null) !== (record.lng === null)) throw new ValidationError('errors.evac.halfLocation', 'Give both latitude and longitude, or neither');
    sheltersRepo(ctx.db).insert(record);
    ctx.audit({ entity: 'evac_shelter', entityId: record.id, before: null, after: record });
    return shelterView(ctx, record.id);
  },
  'evac.updateShelter': (ctx, { id, patch }) => {
    const repo = sheltersRepo(ctx.db);
    const before = repo.get(id);
    if (!before) throw new NotFound('shelter', id);
    const { capacity, ...rest } = patch;
    const after: ShelterRecord = { ...before, ...stripUndefined(rest), ...(capacity !== undefined ? { capacitySet: capacity } : {}), updatedAt: ctx.nowIso };
    if ((after.lat === null) !== (after.lng === null)) throw new ValidationError('errors.evac.halfLocation', 'Give both latitude and longitude, or neither');
    repo.update(after);
    const view = shelterView(ctx, id);
    assertCapacityHolds(ctx, view);
    ctx.audit({ entity: 'evac_shelter', entityId: id, before, after });
    syncFullStatus(ctx, id);
    return shelterView(ctx, id);
  },
  'evac.setShelterStatus': (ctx, { id, status, eventId, atMs }) => {
    const repo = sheltersRepo(ctx.db);
    const before = repo.get(id);
    if (!before) throw new NotFound('shelter', id);
    const occupancy = repo.occupancy(id);
    if ((status === 'closed' || status === 'ready') && occupancy > 0) {
      throw new Conflict('errors.evac.shelterOccupied', `${before.name} still holds ${occupancy} people; return or transfer them first`, { name: before.name, occupancy });
    }
    if (eventId) requireEvent(ctx, eventId);
    if (status === 'open' && eventId) openForEvent(ctx, id, eventId, atMs);
    if (status === 'closed') repo.closePeriods(id, atMs, ctx.nowIso);
    const after: ShelterRecord = { ...before, status, updatedAt: ctx.nowIso };
    repo.update(after);
    ctx.audit({ entity: 'evac_shelter', entityId: id, before: { status: before.status }, after: { status, eventId, atMs } });
    return shelterView(ctx, id);
  },
  'evac.deleteShelter': (ctx, { id }) => {
    const repo = sheltersRepo(ctx.db);
    const before = repo.get(id);
    if (!before) throw new NotFound('shelter', id);
    const occupancy = repo.occupancy(id);
    if (occupancy > 0) {
      throw new Conflict('errors.evac.shelterOccupied', `${before.name} still holds ${occupancy} people; return or transfer them first`, { name: before.name, occupancy });
    }
    repo.softDelete(id, ctx.nowIso);
    ctx.audit({ entity: 'evac_shelter', entityId: id, before, after: null });
    return { id };
  },
} satisfies Partial<HandlerMap<'evac'>>;

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

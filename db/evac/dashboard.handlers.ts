import { shelterCapacity } from '../../core/domain/evac/capacity';
import { maskIdNumber, maskPhone } from '../../core/domain/evac/mask';
import type { MovementSource, ShelterType } from '../../core/domain/evac/model';
import { evacSummary } from '../../core/domain/evac/summary';
import {
  emptyStatusCounts,
  evacTotals,
  peopleOutOverTime,
  prepareEvac,
  shelterOccupancyOverTime,
  type DestinationCounts,
  type EventTotals,
} from '../../core/domain/evac/totals';
import type { DashboardSourceRow, EvacDashboard, EvacExport, PersonRow } from '../../core/contract/evac';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { sheltersRepo } from './shelters.repo';
import { evacPeopleRepo, toDomainPerson, toMovement, type PersonRecord } from './people.repo';
import { evacTotalsRepo, type TotalsScope } from './totals.repo';
import { assertPersonalDataAllowed, evacSettings, requireEvent, shelterHandlers } from './shelters.handlers';

type Core = Omit<EvacDashboard, 'atMs' | 'basis' | 'shelters' | 'duplicatesFlagged' | 'overrides' | 'summary'>;

const emptyTotals = (): EventTotals => ({ movedHouseholds: 0, movedPeople: 0, vulnerablePeople: 0, byStatus: emptyStatusCounts() });

function addTo(t: EventTotals, status: keyof EventTotals['byStatus'], n: number, v: number): void {
  t.movedPeople += n;
  t.vulnerablePeople += v;
  t.byStatus[status] += n;
}

const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** "Now" from the current-state columns: the fast path the dashboard opens with. */
export function sqlTotals(ctx: HandlerContext, scope: TotalsScope): Core {
  const repo = evacTotalsRepo(ctx.db);
  const all = emptyTotals();
  const byEvent = new Map<string, EventTotals>();
  const bySource = new Map<string, EventTotals>();
  const destination: DestinationCounts = { shelters: {}, dispersed: 0, elsewhere: 0, unplaced: 0 };
  const currentByShelter: Record<string, number> = {};
  for (const g of repo.groups(scope)) {
    addTo(all, g.status, g.n, g.v);
    for (const [map, key] of [[byEvent, g.event_id], [bySource, g.source_key]] as const) {
      const t = map.get(key) ?? emptyTotals();
      map.set(key, t);
      addTo(t, g.status, g.n, g.v);
    }
    if (g.first_kind === null) destination.unplaced += g.n;
    else if (g.first_kind === 'shelter') destination.shelters[g.first_shelter_id!] = (destination.shelters[g.first_shelter_id!] ?? 0) + g.n;
    else destination[g.first_kind] += g.n;
    if (g.status === 'in_shelter') currentByShelter[g.shelter_id!] = (currentByShelter[g.shelter_id!] ?? 0) + g.n;
  }
  const hhEvent = repo.householdsByEvent(scope);
  const hhSource = repo.householdsBySource(scope);
  byEvent.forEach((t, id) => (t.movedHouseholds = hhEvent.get(id) ?? 0));
  bySource.forEach((t, key) => (t.movedHouseholds = hhSource.get(key) ?? 0));
  all.movedHouseholds = [...hhEvent.values()].reduce((a, b) => a + b, 0);
  const names = repo.sourceNames(scope);
  return {
    ...all,
    stillOut: all.movedPeople - all.byStatus.returned,
    byDestination: { ...destination, shelters: sorted(destination.shelters) },
    currentByShelter: sorted(currentByShelter),
    bySource: [...bySource.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, t]) => ({ key, name: names.get(key) ?? key, ...t })),
    byEvent: Object.fromEntries([...byEvent.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** Everything needed to replay the log: the pure rules' view of the records in scope. */
function records(ctx: HandlerContext, eventIds: readonly string[] | null) {
  const repo = evacPeopleRepo(ctx.db);
  const people = repo.scopePersons(eventIds);
  return { people, persons: people.map(toDomainPerson), movements: repo.scopeMovements(eventIds).map(toMovement) };
}

/** As of a past instant, by replaying the movement log (the truth) with the pure rules. */
export function replayTotals(ctx: HandlerContext, scope: TotalsScope, atMs: number): Core {
  const { people, persons, movements } = records(ctx, scope.eventIds);
  const t = evacTotals(
    { persons, movements },
    { ...(scope.eventIds ? { eventIds: scope.eventIds } : {}), ...(scope.fromMs !== null ? { fromMs: scope.fromMs } : {}), ...(scope.toMs !== null ? { toMs: scope.toMs } : {}) },
    atMs,
    { timeZone: ctx.settings().general.timeZone },
  );
  const names = new Map(people.map((p) => [p.sourceKey, p.source.kind === 'hazard_point' ? p.source.name : p.source.address]));
  const bySource: DashboardSourceRow[] = t.bySource.map(({ key, source, ...rest }: { key: string; source: MovementSource } & EventTotals) => ({
    key,
    name: names.get(key) ?? key,
    ...rest,
  }));
  return {
    movedHouseholds: t.movedHouseholds,
    movedPeople: t.movedPeople,
    vulnerablePeople: t.vulnerablePeople,
    byStatus: t.byStatus,
    stillOut: t.stillOut,
    byDestination: t.byDestination,
    currentByShelter: t.currentByShelter,
    bySource,
    byEvent: t.byEvent,
  };
}

function dashboard(ctx: HandlerContext, input: TotalsScope & { atMs: number | null }): EvacDashboard {
  const scope: TotalsScope = { eventIds: input.eventIds, fromMs: input.fromMs, toMs: input.toMs };
  const core = input.atMs === null ? sqlTotals(ctx, scope) : replayTotals(ctx, scope, input.atMs);
  const atMs = input.atMs ?? ctx.nowMs;
  const all = sheltersRepo(ctx.db).allNames();
  const settings = evacSettings(ctx);
  const shelters = all
    .filter((s) => !s.deleted || core.byDestination.shelters[s.id] || core.currentByShelter[s.id])
    .map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type as ShelterType,
      capacity: shelterCapacity(s, settings),
      occupancy: core.currentByShelter[s.id] ?? 0,
      firstPlaced: core.byDestination.shelters[s.id] ?? 0,
    }));
  const totals = evacTotalsRepo(ctx.db);
  return {
    ...core,
    atMs,
    basis: input.atMs === null ? 'sql' : 'replay',
    shelters,
    duplicatesFlagged: totals.flagged(scope),
    overrides: totals.overrides(scope),
    summary: evacSummary({ ...core, atMs }, { shelters: all, asOf: input.atMs !== null, timeZone: ctx.settings().general.timeZone }),
  };
}

export function toPersonRow(p: PersonRecord, personal: boolean): PersonRow {
  return {
    id: p.id,
    eventId: p.eventId,
    householdId: p.householdId,
    householdHead: p.householdHead,
    name: p.name,
    idNumber: personal ? p.idNumber : maskIdNumber(p.idNumber),
    phone: personal ? p.phone : maskPhone(p.phone),
    flags: p.flags,
    sourceKey: p.sourceKey,
    sourceName: p.source.kind === 'hazard_point' ? p.source.name : p.source.address,
    status: p.state.status!,
    shelterId: p.state.shelterId,
    shelterName: p.shelterName,
    where: p.state.where,
    firstMovedAtMs: p.state.firstMovedAt!,
    lastAtMs: p.state.lastAt!,
  };
}

export const dashboardHandlers = {
  'evac.dashboard': (ctx, input) => dashboard(ctx, input),
  'evac.series': (ctx, input) => {
    const { persons, movements } = records(ctx, input.eventIds);
    const timeZone = ctx.settings().general.timeZone;
    const prepared = prepareEvac(
      { persons, movements },
      { ...(input.eventIds ? { eventIds: input.eventIds } : {}), ...(input.fromMs !== null ? { fromMs: input.fromMs } : {}), ...(input.toMs !== null ? { toMs: input.toMs } : {}) },
      { timeZone },
    );
    const options = { fromMs: input.seriesFromMs, toMs: input.seriesToMs, bucketMinutes: input.bucketMinutes, timeZone };
    const settings = evacSettings(ctx);
    const all = sheltersRepo(ctx.db).allNames();
    return {
      out: peopleOutOverTime(prepared, options),
      occupancy: shelterOccupancyOverTime(prepared, options),
      capacities: Object.fromEntries(all.map((s) => [s.id, shelterCapacity(s, settings)])),
      names: Object.fromEntries(all.map((s) => [s.id, s.name])),
    };
  },
  'evac.listPeople': (ctx, { includePersonal, ...filter }) => {
    if (includePersonal) assertPersonalDataAllowed(ctx.actor);
    const { rows, total } = evacPeopleRepo(ctx.db).list(filter);
    return { rows: rows.map((p) => toPersonRow(p, includePersonal)), total };
  },
  'evac.listSources': (ctx, { eventId }) => evacPeopleRepo(ctx.db).sources(eventId),
  'evac.exportData': (ctx, { eventId, includePersonal }): EvacExport => {
    if (includePersonal) assertPersonalDataAllowed(ctx.actor);
    requireEvent(ctx, eventId);
    const repo = evacPeopleRepo(ctx.db);
    const people = repo.scopePersons([eventId]);
    return {
      shelters: shelterHandlers['evac.listShelters'](ctx, { includeClosed: true }),
      people: people.map((p) => toPersonRow(p, includePersonal)),
      movements: repo.eventMovements(eventId).map((m) => ({
        personId: m.person_id as string,
        name: m.name as string,
        kind: m.kind as string,
        atMs: m.at_ms as number,
        by: m.by_name as string,
        shelterName: (m.shelter_name as string | null) ?? null,
        where: (m.where_text as string | null) ?? null,
        sourceName: (m.source_name as string | null) ?? null,
      })),
      overrides: repo.overrides([eventId]).map((o) => ({
        shelterName: o.shelter_name as string,
        atMs: o.at_ms as number,
        reason: o.reason as string,
        capacity: o.capacity as number | null,
        occupancyBefore: o.occupancy_before as number,
        adding: o.adding as number,
        actorName: o.actor_name as string,
      })),
      duplicates: repo.flags([eventId]).map((f) => ({
        name: f.entered_name as string,
        existingPersonId: f.existing_person_id as string,
        basis: f.basis as string,
        atMs: f.at_ms as number,
      })),
    };
  },
} satisfies Partial<HandlerMap<'evac'>>;

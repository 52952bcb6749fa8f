import { randomUUID } from 'node:crypto';
import { StaleRecord, ValidationError } from '../../core/errors';
import type { PatrolRunRecord, RouteRecord, SummaryRow } from '../../core/contract/hazards-types';
import { isPastDue } from '../../core/domain/hazards/inspection';
import { nextPatrolDue, routeIssues, summarizeRun, type PatrolRoute } from '../../core/domain/hazards/patrol';
import { HAZARD_TYPE_IDS, type HazardTypeId } from '../../core/domain/hazards/templates';
import type { Handler, HandlerContext } from '../platform/context';
import { eventsRepo } from '../events';
import { pointsRepo } from './points.repo';
import { patrolsRepo, type StoredRoute, type StoredRun } from './patrols.repo';
import { rectificationsRepo } from './records.repo';
import { hazardsSummaryRepo } from './summary.repo';
import { dutyDay, mustGet, rectRecord, scheduleSettings, warningActive } from './common';

/** The stored route in the domain's shape (an absent raised frequency means the settings' default). */
function domainRoute(route: StoredRoute): PatrolRoute {
  const { warningFrequency, lastRunMs: _last, notes: _notes, ...rest } = route;
  return { ...rest, ...(warningFrequency ? { warningFrequency } : {}) };
}

function routeRecord(ctx: HandlerContext, route: StoredRoute, warning: boolean, names: Map<string, string>): RouteRecord {
  const nextDueMs = nextPatrolDue(domainRoute(route), route.lastRunMs, warning, scheduleSettings(ctx));
  return { ...route, pointNames: route.pointIds.map((id) => names.get(id) ?? '—'), nextDueMs, due: isPastDue(nextDueMs, ctx.nowMs) };
}

/** Judged against the route as it was when walked, so a later edit does not rewrite history. */
function runRecord(run: StoredRun): PatrolRunRecord {
  const { routePointIds, ...rest } = run;
  const summary = summarizeRun({ pointIds: routePointIds }, { ...run, endedAtMs: run.endedAtMs ?? undefined });
  return { ...rest, summary };
}

function routes(ctx: HandlerContext): RouteRecord[] {
  const all = patrolsRepo(ctx.db).routes();
  const names = pointsRepo(ctx.db).names([...new Set(all.flatMap((r) => r.pointIds))]);
  const warning = warningActive(ctx);
  return all.map((r) => routeRecord(ctx, r, warning, names));
}

const saveRoute: Handler<'hazards.saveRoute'> = (ctx, input) => {
  const repo = patrolsRepo(ctx.db);
  const before = input.id ? mustGet(repo.route(input.id), 'hazard_route', input.id) : null;
  const id = input.id ?? randomUUID();
  const issues = routeIssues({ id, name: input.name, pointIds: input.pointIds, frequency: input.frequency });
  if (issues.length) {
    throw new ValidationError('errors.hazards.routeInvalid', issues[0].message, undefined, issues.map((i) => ({ path: 'pointIds', message: i.message, messageZh: i.messageZh })));
  }
  const names = pointsRepo(ctx.db).names(input.pointIds);
  const unknown = input.pointIds.find((p) => !names.has(p));
  if (unknown) throw new ValidationError('errors.hazards.routeUnknownPoint', `Point ${unknown} does not exist`, { id: unknown });
  const current = () => {
    const stored = mustGet(repo.route(id), 'hazard_route', id);
    return routeRecord(ctx, stored, warningActive(ctx), pointsRepo(ctx.db).names(stored.pointIds));
  };
  if (before && input.expectedVersion !== before.version) throw new StaleRecord('hazard_route', current());
  const route = { id, name: input.name, pointIds: input.pointIds, assignees: input.assignees, frequency: input.frequency, warningFrequency: input.warningFrequency, notes: input.notes };
  // The version in the upsert's WHERE makes the check and the write one step.
  if (!repo.saveRoute(route, before ? before.version : null, ctx.nowIso)) throw new StaleRecord('hazard_route', current());
  ctx.audit({ entity: 'hazard_route', entityId: id, before, after: route });
  return routeRecord(ctx, mustGet(repo.route(id), 'hazard_route', id), warningActive(ctx), names);
};

const recordRun: Handler<'hazards.recordRun'> = (ctx, input) => {
  const repo = patrolsRepo(ctx.db);
  const route = mustGet(repo.route(input.routeId), 'hazard_route', input.routeId);
  if (input.eventId) mustGet(eventsRepo(ctx.db).get(input.eventId), 'event', input.eventId);
  const end = input.endedAtMs ?? Math.max(input.startedAtMs, ...input.visits.map((v) => v.atMs));
  if (input.visits.some((v) => v.atMs < input.startedAtMs || v.atMs > end) || end > ctx.nowMs + 10 * 60_000) {
    throw new ValidationError('errors.hazards.runTimes', 'Visit times must lie between the start and the end of the run, and not in the future');
  }
  const visits = input.visits.map((v) => ({ pointId: v.pointId, atMs: v.atMs, ...(v.finding ? { finding: v.finding } : {}) }));
  const summary = summarizeRun(domainRoute(route), { id: '', routeId: route.id, patroller: input.patroller, startedAtMs: input.startedAtMs, visits });
  const run = {
    id: randomUUID(),
    routeId: route.id,
    routeName: route.name,
    routePointIds: route.pointIds,
    patroller: input.patroller,
    startedAtMs: input.startedAtMs,
    endedAtMs: end,
    visits,
    missed: summary.missed,
    eventId: input.eventId,
  };
  repo.insertRun(run, ctx.nowIso);
  ctx.audit({ entity: 'hazard_patrol_run', entityId: run.id, before: null, after: run });
  return runRecord(mustGet(repo.run(run.id), 'hazard_patrol_run', run.id));
};

export const patrolHandlers = {
  'hazards.listRoutes': routes,
  'hazards.saveRoute': saveRoute,
  'hazards.recordRun': recordRun,
  'hazards.listRuns': (ctx, { routeId, limit }) => patrolsRepo(ctx.db).runs(routeId, limit).map(runRecord),
  'hazards.deleteRoute': (ctx, { id, reason }) => {
    const repo = patrolsRepo(ctx.db);
    const before = mustGet(repo.route(id), 'hazard_route', id);
    repo.deleteRoute(id, ctx.nowIso);
    ctx.audit({ entity: 'hazard_route', entityId: id, before, after: { deletedAt: ctx.nowIso, ...(reason ? { reason } : {}) } });
    return { id };
  },
  'hazards.today': (ctx) => {
    const warning = warningActive(ctx);
    const raised = scheduleSettings(ctx).defaultWarningFrequency;
    // Points carry no raised frequency of their own, so the settings' interval (hours) applies to all during a warning.
    const due = pointsRepo(ctx.db).due(ctx.nowMs, warning ? raised.every * 3_600_000 : null, 500);
    const overdue = rectificationsRepo(ctx.db).list({ status: 'open', overdueOnly: true, pointId: null, today: dutyDay(ctx), limit: 500, offset: 0 });
    return {
      dutyDay: dutyDay(ctx),
      warningActive: warning,
      inspectionsDue: due.rows.map((p) => ({ pointId: p.id, name: p.name, hazardType: p.hazardType, riskLevel: p.riskLevel, community: p.community, lastMs: p.lastInspectionMs, dueMs: p.dueMs })),
      inspectionsDueTotal: due.total,
      patrolsDue: routes(ctx).filter((r) => r.due),
      overdue: overdue.rows.map((r) => rectRecord(ctx, r)),
    };
  },
  'hazards.summary': (ctx) => {
    const repo = hazardsSummaryRepo(ctx.db);
    const at = { today: dutyDay(ctx), since: ctx.nowMs - 7 * 86_400_000 };
    const byType: SummaryRow[] = repo.byType(at).sort((a, b) => HAZARD_TYPE_IDS.indexOf(a.key as HazardTypeId) - HAZARD_TYPE_IDS.indexOf(b.key as HazardTypeId));
    const byCommunity: SummaryRow[] = repo.byCommunity(at);
    return { byType, byCommunity, total: repo.total(at) };
  },
} satisfies {
  [M in 'hazards.listRoutes' | 'hazards.saveRoute' | 'hazards.deleteRoute' | 'hazards.recordRun' | 'hazards.listRuns' | 'hazards.today' | 'hazards.summary']: Handler<M>;
};

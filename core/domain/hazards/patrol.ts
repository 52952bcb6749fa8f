import { DEFAULT_SCHEDULE_SETTINGS, nextDue, type Frequency, type ScheduleSettings } from './inspection';

/**
 * Patrols (巡查): a route is an ordered list of hazard points walked by assigned people,
 * more often during a warning ("专人巡视，有险情立即上报"). A run records each visit.
 */

export interface PatrolRoute {
  id: string;
  name: string;
  /** In walking order; a point appears once. */
  pointIds: readonly string[];
  frequency: Frequency;
  /** Raised frequency while a warning is active; the settings' default when absent. */
  warningFrequency?: Frequency;
  assignees?: readonly string[];
}

export interface PatrolVisit {
  pointId: string;
  atMs: number;
  /** What was seen, when something was; a visit without a finding means all was normal. */
  finding?: string;
}

export interface PatrolRun {
  id: string;
  routeId: string;
  patroller: string;
  startedAtMs: number;
  endedAtMs?: number;
  visits: readonly PatrolVisit[];
}

/** Route points with no visit in the run, in route order. */
export function missedPoints(route: Pick<PatrolRoute, 'pointIds'>, run: PatrolRun): string[] {
  const visited = new Set(run.visits.map((v) => v.pointId));
  return route.pointIds.filter((id) => !visited.has(id));
}

export interface RunSummary {
  visited: string[];
  missed: string[];
  /** Visits to points that are not on the route (a detour or a wrong scan). */
  offRoute: string[];
  /** Route points were first visited in the route's order. */
  inOrder: boolean;
  findings: PatrolVisit[];
  complete: boolean;
}

export function summarizeRun(route: Pick<PatrolRoute, 'pointIds'>, run: PatrolRun): RunSummary {
  const onRoute = new Set(route.pointIds);
  const firstVisits = [...run.visits].sort((a, b) => a.atMs - b.atMs).filter((v, i, all) => all.findIndex((w) => w.pointId === v.pointId) === i);
  const visited = firstVisits.filter((v) => onRoute.has(v.pointId)).map((v) => v.pointId);
  const positions = visited.map((id) => route.pointIds.indexOf(id));
  const missed = missedPoints(route, run);
  return {
    visited,
    missed,
    offRoute: firstVisits.filter((v) => !onRoute.has(v.pointId)).map((v) => v.pointId),
    inOrder: positions.every((p, i) => i === 0 || p > positions[i - 1]),
    findings: run.visits.filter((v) => v.finding !== undefined && v.finding.trim() !== ''),
    complete: missed.length === 0,
  };
}

/** Problems with a route as entered; empty when it is fine. */
export function routeIssues(route: PatrolRoute): { code: 'empty' | 'duplicate_point'; pointId?: string; message: string; messageZh: string }[] {
  if (!route.pointIds.length) return [{ code: 'empty', message: 'A route needs at least one point', messageZh: '巡查路线至少要有一个点位' }];
  const seen = new Set<string>();
  const issues: ReturnType<typeof routeIssues> = [];
  for (const id of route.pointIds) {
    if (seen.has(id)) issues.push({ code: 'duplicate_point', pointId: id, message: 'The point is on the route twice', messageZh: '该点位在路线中重复出现' });
    seen.add(id);
  }
  return issues;
}

/**
 * When the next run is due after the last one started at `lastRunMs`; `null` when the
 * route has never been walked (due at once).
 */
export function nextPatrolDue(route: PatrolRoute, lastRunMs: number | null, warningActive: boolean, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS): number | null {
  return nextDue({ normal: route.frequency, ...(route.warningFrequency ? { duringWarning: route.warningFrequency } : {}) }, lastRunMs, warningActive, settings);
}

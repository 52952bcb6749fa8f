import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { PatrolVisitRecord } from '../../core/contract/hazards-types';
import type { Frequency } from '../../core/domain/hazards/inspection';

export interface StoredRoute {
  id: string;
  name: string;
  pointIds: string[];
  assignees: string[];
  frequency: Frequency;
  warningFrequency: Frequency | null;
  notes: string;
  lastRunMs: number | null;
  version: number;
}

interface RouteDbRow {
  id: string;
  name: string;
  point_ids: string;
  assignees: string;
  freq_kind: string;
  freq_every: number;
  warn_freq_kind: string | null;
  warn_freq_every: number | null;
  notes: string;
  last_run_ms: number | null;
  version: number;
}

const toRoute = (row: RouteDbRow): StoredRoute => ({
  id: row.id,
  name: row.name,
  pointIds: JSON.parse(row.point_ids) as string[],
  assignees: JSON.parse(row.assignees) as string[],
  frequency: { kind: row.freq_kind as Frequency['kind'], every: row.freq_every },
  warningFrequency: row.warn_freq_kind && row.warn_freq_every ? { kind: row.warn_freq_kind as Frequency['kind'], every: row.warn_freq_every } : null,
  notes: row.notes,
  lastRunMs: row.last_run_ms,
  version: row.version,
});

export interface StoredRun {
  id: string;
  routeId: string;
  /** The route as it was when the run was recorded: it may have been edited or deleted since. */
  routeName: string;
  routePointIds: string[];
  patroller: string;
  startedAtMs: number;
  endedAtMs: number | null;
  visits: PatrolVisitRecord[];
  missed: string[];
}

interface RunDbRow {
  id: string;
  route_id: string;
  route_snapshot: string;
  patroller: string;
  started_at_ms: number;
  ended_at_ms: number | null;
  visits: string;
  missed: string;
}

const toRun = (row: RunDbRow): StoredRun => {
  const snapshot = JSON.parse(row.route_snapshot) as { name?: string; pointIds?: string[] };
  return {
    id: row.id,
    routeId: row.route_id,
    routeName: snapshot.name ?? '',
    routePointIds: snapshot.pointIds ?? [],
    patroller: row.patroller,
    startedAtMs: row.started_at_ms,
    endedAtMs: row.ended_at_ms,
    visits: JSON.parse(row.visits) as PatrolVisitRecord[],
    missed: JSON.parse(row.missed) as string[],
  };
};

export const patrolsRepo = perDb((db: Db) => {
  const routeSelect = `SELECT r.*, (SELECT max(started_at_ms) FROM hazard_patrol_runs x WHERE x.route_id = r.id) AS last_run_ms FROM hazard_routes r`;
  const routes = db.prepare(`${routeSelect} WHERE r.deleted_at IS NULL ORDER BY r.name`);
  const routeById = db.prepare(`${routeSelect} WHERE r.id = ? AND r.deleted_at IS NULL`);
  const routesWithPoint = db.prepare(
    "SELECT id, name FROM hazard_routes WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(point_ids) WHERE value = ?) ORDER BY name",
  );
  const upsert = db.prepare(
    `INSERT INTO hazard_routes (id, name, point_ids, assignees, freq_kind, freq_every, warn_freq_kind, warn_freq_every, notes, created_at, updated_at)
     VALUES (@id, @name, @pointIds, @assignees, @freqKind, @freqEvery, @warnKind, @warnEvery, @notes, @at, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, point_ids = excluded.point_ids, assignees = excluded.assignees,
       freq_kind = excluded.freq_kind, freq_every = excluded.freq_every, warn_freq_kind = excluded.warn_freq_kind,
       warn_freq_every = excluded.warn_freq_every, notes = excluded.notes, updated_at = excluded.updated_at,
       version = version + 1
     WHERE version = @expectedVersion`,
  );
  const deleteRoute = db.prepare('UPDATE hazard_routes SET deleted_at = @at, updated_at = @at, version = version + 1 WHERE id = @id AND deleted_at IS NULL');
  const insertRun = db.prepare(
    `INSERT INTO hazard_patrol_runs (id, route_id, route_snapshot, patroller, started_at_ms, ended_at_ms, visits, missed, event_id, created_at, updated_at)
     VALUES (@id, @routeId, @snapshot, @patroller, @startedAtMs, @endedAtMs, @visits, @missed, @eventId, @at, @at)`,
  );
  const runSelect = 'SELECT x.* FROM hazard_patrol_runs x';
  const runs = db.prepare(`${runSelect} WHERE (@routeId IS NULL OR x.route_id = @routeId) ORDER BY x.started_at_ms DESC LIMIT @limit`);
  const runById = db.prepare(`${runSelect} WHERE x.id = ?`);
  return {
    routes: () => (routes.all() as RouteDbRow[]).map(toRoute),
    route(id: string): StoredRoute | undefined {
      const row = routeById.get(id) as RouteDbRow | undefined;
      return row ? toRoute(row) : undefined;
    },
    routesWithPoint: (pointId: string) => routesWithPoint.all(pointId) as { id: string; name: string }[],
    /** A new route when `expectedVersion` is null; false when an edit finds another version stored (someone saved first). */
    saveRoute: (r: Omit<StoredRoute, 'lastRunMs' | 'version'>, expectedVersion: number | null, at: string) =>
      upsert.run({
        expectedVersion,
        id: r.id,
        name: r.name,
        pointIds: JSON.stringify(r.pointIds),
        assignees: JSON.stringify(r.assignees),
        freqKind: r.frequency.kind,
        freqEvery: r.frequency.every,
        warnKind: r.warningFrequency?.kind ?? null,
        warnEvery: r.warningFrequency?.every ?? null,
        notes: r.notes,
        at,
      }).changes === 1,
    deleteRoute: (id: string, at: string) => deleteRoute.run({ id, at }).changes,
    insertRun: ({ routeName, routePointIds, ...run }: StoredRun & { eventId: string | null }, at: string) =>
      insertRun.run({ ...run, snapshot: JSON.stringify({ name: routeName, pointIds: routePointIds }), visits: JSON.stringify(run.visits), missed: JSON.stringify(run.missed), at }),
    runs: (routeId: string | null, limit: number) => (runs.all({ routeId, limit }) as RunDbRow[]).map(toRun),
    run(id: string): StoredRun | undefined {
      const row = runById.get(id) as RunDbRow | undefined;
      return row ? toRun(row) : undefined;
    },
  };
});

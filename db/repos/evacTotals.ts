import type { Db } from '../connection';
import type { PersonStatus } from '../../core/domain/evac/model';

export interface TotalsScope {
  eventIds: readonly string[] | null;
  fromMs: number | null;
  toMs: number | null;
}

export interface TotalsGroupRow {
  event_id: string;
  source_key: string;
  source_name: string;
  source_kind: 'hazard_point' | 'address';
  hazard_point_id: string | null;
  source_community: string;
  status: PersonStatus;
  first_kind: 'shelter' | 'dispersed' | 'elsewhere' | null;
  first_shelter_id: string | null;
  shelter_id: string | null;
  n: number;
  v: number;
}

// Always an explicit list of events (all of them when no scope is given): an "@events IS NULL OR"
// guard would stop SQLite from using the event index.
const SCOPE = `deleted_at IS NULL
  AND event_id IN (SELECT value FROM json_each(@events))
  AND (@fromMs IS NULL OR first_moved_at >= @fromMs) AND (@toMs IS NULL OR first_moved_at < @toMs)`;

/**
 * "Now" totals straight from the current-state columns: one grouped scan of a covering
 * index, plus distinct household counts. Households belong to one event, so per-event
 * counts add up to the overall count.
 */
/** Statements are prepared once per connection: a 5,000-person batch must not prepare them 5,000 times. */
export function evacTotalsRepo(db: Db) {
  let repo = evacTotalsRepoCache.get(db);
  if (!repo) evacTotalsRepoCache.set(db, (repo = buildEvacTotalsRepo(db)));
  return repo;
}

const evacTotalsRepoCache = new WeakMap<Db, ReturnType<typeof buildEvacTotalsRepo>>();

function buildEvacTotalsRepo(db: Db) {
  const groups = db.prepare(
    `SELECT event_id, source_key, status, first_kind, first_shelter_id, shelter_id, count(*) AS n, sum(vulnerable) AS v
       FROM evac_persons WHERE ${SCOPE}
       GROUP BY event_id, source_key, status, first_kind, first_shelter_id, shelter_id`,
  );
  const sourceNames = db.prepare(
    `SELECT source_key, min(source_name) AS source_name, min(source_kind) AS source_kind, min(hazard_point_id) AS hazard_point_id,
       min(source_community) AS source_community FROM evac_persons WHERE ${SCOPE} GROUP BY source_key`,
  );
  const householdsByEvent = db.prepare(`SELECT event_id AS k, count(DISTINCT household_id) AS n FROM evac_persons WHERE ${SCOPE} GROUP BY event_id`);
  const householdsBySource = db.prepare(`SELECT source_key AS k, count(DISTINCT household_id) AS n FROM evac_persons WHERE ${SCOPE} GROUP BY source_key`);
  const flags = db.prepare(
    `SELECT count(*) FROM evac_duplicate_flags WHERE event_id IN (SELECT value FROM json_each(@events))
       AND (@fromMs IS NULL OR at_ms >= @fromMs) AND (@toMs IS NULL OR at_ms < @toMs)`,
  );
  const overrides = db.prepare(
    `SELECT count(*) FROM evac_capacity_overrides WHERE event_id IN (SELECT value FROM json_each(@events))
       AND (@fromMs IS NULL OR at_ms >= @fromMs) AND (@toMs IS NULL OR at_ms < @toMs)`,
  );
  const allEvents = db.prepare('SELECT json_group_array(id) FROM events').pluck();
  const params = (s: TotalsScope) => ({ events: s.eventIds === null ? (allEvents.get() as string) : JSON.stringify(s.eventIds), fromMs: s.fromMs, toMs: s.toMs });
  const counts = (rows: { k: string; n: number }[]) => new Map(rows.map((r) => [r.k, r.n]));
  return {
    groups: (s: TotalsScope) => groups.all(params(s)) as Omit<TotalsGroupRow, 'source_name' | 'source_kind' | 'hazard_point_id' | 'source_community'>[],
    sourceNames: (s: TotalsScope) =>
      new Map(
        (sourceNames.all(params(s)) as Pick<TotalsGroupRow, 'source_key' | 'source_name' | 'source_kind' | 'hazard_point_id' | 'source_community'>[]).map((r) => [
          r.source_key,
          r,
        ]),
      ),
    householdsByEvent: (s: TotalsScope) => counts(householdsByEvent.all(params(s)) as { k: string; n: number }[]),
    householdsBySource: (s: TotalsScope) => counts(householdsBySource.all(params(s)) as { k: string; n: number }[]),
    flagged: (s: TotalsScope) => flags.pluck().get(params(s)) as number,
    overrides: (s: TotalsScope) => overrides.pluck().get(params(s)) as number,
  };
}

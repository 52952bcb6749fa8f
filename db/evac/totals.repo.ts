import type { Db } from '../platform/connection';
import type { PersonStatus } from '../../core/domain/evac/model';
import { perDb } from '../platform/per-db';

export interface TotalsScope {
  eventIds: readonly string[] | null;
  fromMs: number | null;
  toMs: number | null;
}

/** One group of people who count alike: same event, source, status and places. */
export interface TotalsGroupRow {
  event_id: string;
  source_key: string;
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
 * "Now" totals. Without a time filter they come from the running counts that triggers keep in
 * evac_totals / evac_source_totals (0010_perf.sql): one row per group, so all events cost what one
 * does. A filter on when people were first moved cannot be counted ahead, so it falls back to one
 * grouped scan of the covering index of the events asked for. Households belong to one event, so
 * per-event counts add up to the overall count.
 * Statements are prepared once per connection: a 5,000-person batch must not prepare them 5,000 times.
 */
export const evacTotalsRepo = perDb(buildEvacTotalsRepo);

const EVENTS = 'event_id IN (SELECT value FROM json_each(@events))';

type Count = { k: string; n: number };

function buildEvacTotalsRepo(db: Db) {
  const scanned = {
    groups: db.prepare(
      `SELECT event_id, source_key, status, first_kind, first_shelter_id, shelter_id, count(*) AS n, sum(vulnerable) AS v
         FROM evac_persons WHERE ${SCOPE}
         GROUP BY event_id, source_key, status, first_kind, first_shelter_id, shelter_id`,
    ),
    sourceNames: db.prepare(`SELECT source_key, min(source_name) AS source_name FROM evac_persons WHERE ${SCOPE} GROUP BY source_key`),
    householdsByEvent: db.prepare(`SELECT event_id AS k, count(DISTINCT household_id) AS n FROM evac_persons WHERE ${SCOPE} GROUP BY event_id`),
    householdsBySource: db.prepare(`SELECT source_key AS k, count(DISTINCT household_id) AS n FROM evac_persons WHERE ${SCOPE} GROUP BY source_key`),
  };
  // Groups emptied by later steps keep a row with people = 0; the scan never saw them.
  const counted = {
    groups: db.prepare(
      `SELECT event_id, source_key, status, nullif(first_kind, '') AS first_kind, nullif(first_shelter_id, '') AS first_shelter_id,
         nullif(shelter_id, '') AS shelter_id, people AS n, vulnerable AS v FROM evac_totals WHERE ${EVENTS} AND people > 0`,
    ),
    sourceNames: db.prepare(`SELECT source_key, min(source_name) AS source_name FROM evac_source_totals WHERE ${EVENTS} AND source_key <> '' GROUP BY source_key`),
    householdsByEvent: db.prepare(`SELECT event_id AS k, households AS n FROM evac_source_totals WHERE ${EVENTS} AND source_key = '' AND households > 0`),
    householdsBySource: db.prepare(
      `SELECT source_key AS k, sum(households) AS n FROM evac_source_totals WHERE ${EVENTS} AND source_key <> '' GROUP BY source_key HAVING n > 0`,
    ),
  };
  const flags = db.prepare(
    `SELECT count(*) FROM evac_duplicate_flags WHERE ${EVENTS} AND (@fromMs IS NULL OR at_ms >= @fromMs) AND (@toMs IS NULL OR at_ms < @toMs)`,
  );
  const overrides = db.prepare(
    `SELECT count(*) FROM evac_capacity_overrides WHERE ${EVENTS} AND (@fromMs IS NULL OR at_ms >= @fromMs) AND (@toMs IS NULL OR at_ms < @toMs)`,
  );
  const allEvents = db.prepare('SELECT json_group_array(id) FROM events').pluck();
  const params = (s: TotalsScope) => ({ events: s.eventIds === null ? (allEvents.get() as string) : JSON.stringify(s.eventIds), fromMs: s.fromMs, toMs: s.toMs });
  const pick = (s: TotalsScope) => (s.fromMs === null && s.toMs === null ? counted : scanned);
  const run = (s: TotalsScope, key: keyof typeof counted) => pick(s)[key].all(params(s));
  const counts = (rows: Count[]) => new Map(rows.map((r) => [r.k, r.n]));
  return {
    groups: (s: TotalsScope) => run(s, 'groups') as TotalsGroupRow[],
    sourceNames: (s: TotalsScope) => new Map((run(s, 'sourceNames') as { source_key: string; source_name: string }[]).map((r) => [r.source_key, r.source_name])),
    householdsByEvent: (s: TotalsScope) => counts(run(s, 'householdsByEvent') as Count[]),
    householdsBySource: (s: TotalsScope) => counts(run(s, 'householdsBySource') as Count[]),
    flagged: (s: TotalsScope) => flags.pluck().get(params(s)) as number,
    overrides: (s: TotalsScope) => overrides.pluck().get(params(s)) as number,
    /** The query plans of the "now" statements, for the test that keeps them off evac_persons. */
    plans: (s: TotalsScope) =>
      Object.values(pick(s)).map((st) => (db.prepare(`EXPLAIN QUERY PLAN ${st.source}`).all(params(s)) as { detail: string }[]).map((r) => r.detail)),
  };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DataPaths } from '../../db/platform/paths';

/** Past the Date object's range (±8.64e15 ms): every date function throws on it. */
export const BEYOND_DATES = 9_000_000_000_000_000n;
export const BAD_EVENT_NAME = { zh: '外省导入事件', en: 'Event from elsewhere' };

/**
 * Writes, behind the app's back, the kind of rows a restored backup, an older version or
 * another office's bundle brings: another connection on the live file (WAL lets it in), CHECK
 * constraints off and the guard triggers lifted for the moment, as in a file written before
 * they existed; STRICT column types kept (SQLite enforces them regardless). One row per section
 * is enough; each section must still draw.
 */
export interface Planted {
  /** The people given a status no one here knows, one in each event. */
  personNames: string[];
  /** A shelter whose supplies are not a list: its row cannot be drawn. */
  brokenShelter: { id: string; name: string };
}

export function plantBadRows(paths: DataPaths): Planted {
  const db = new Database(paths.databaseFile, { timeout: 5000 });
  try {
    db.pragma('ignore_check_constraints = ON');
    const planted = withoutGuards(db, () => plantRows(db));
    writeBadBackup(paths);
    return planted;
  } finally {
    db.close();
  }
}

/** Runs `write` with every trigger that refuses a value dropped, and puts them back in the same transaction. */
function withoutGuards<T>(db: Database.Database, write: () => T): T {
  const guards = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'`).all() as { name: string; sql: string }[];
  return db.transaction(() => {
    for (const { name } of guards) db.exec(`DROP TRIGGER "${name}"`);
    const result = write();
    for (const { sql } of guards) db.exec(sql);
    return result;
  })();
}

function plantRows(db: Database.Database): Planted {
  return db.transaction((): Planted => {
    const now = new Date().toISOString();
    const one = (sql: string) => db.prepare(sql).pluck().get() as string;

    // Duty: a log entry from another version, and a warning issued at a time past any date.
    db.prepare(
      `INSERT INTO duty_log_entries (id, entry_id, version, is_current, received_at_ms, duty_day, channel, content, recorded_by, status, created_at, updated_at)
       VALUES ('bad-log', 'bad-log', 1, 1, @beyond, 'not-a-date', 'pager', '外来记录：时间无法识别', '外单位', 'pending', 'x', @now)`,
    ).run({ beyond: BEYOND_DATES, now });
    db.prepare(`UPDATE duty_warnings SET issued_at_ms = @beyond WHERE id = (SELECT id FROM duty_warnings ORDER BY issued_at_ms LIMIT 1)`).run({ beyond: BEYOND_DATES });

    // Hazards: a point, an inspection and an order with unknown codes and times past any date; a route whose assignees are not a list.
    const point = one(`SELECT id FROM hazard_points WHERE deleted_at IS NULL ORDER BY seq LIMIT 1`);
    db.prepare(`UPDATE hazard_points SET hazard_type = 'volcano', risk_level = 'apocalyptic', last_inspection_ms = @beyond, last_result = 'maybe', next_due_ms = -@beyond WHERE id = @point`).run({ beyond: BEYOND_DATES, point });
    db.prepare(`UPDATE hazard_inspections SET at_ms = @beyond, overall = 'unknown' WHERE id = (SELECT id FROM hazard_inspections WHERE point_id = @point LIMIT 1)`).run({ beyond: BEYOND_DATES, point });
    db.prepare(`UPDATE hazard_rectifications SET status = 'limbo', created_at_ms = @beyond, deadline = 'someday' WHERE id = (SELECT id FROM hazard_rectifications ORDER BY notice_no LIMIT 1)`).run({ beyond: BEYOND_DATES });
    db.prepare(`UPDATE hazard_routes SET assignees = '{"lead":"张三"}' WHERE id = (SELECT id FROM hazard_routes ORDER BY name LIMIT 1)`).run();

    // Evacuation: one person per event in a status no one here knows, with a flag and a time to match; a shelter with
    // words for numbers, and one whose supplies are not a list.
    const people = `SELECT max(id) FROM evac_persons GROUP BY event_id`;
    const personNames = db.prepare(`SELECT name FROM evac_persons WHERE id IN (${people})`).pluck().all() as string[];
    db.prepare(`UPDATE evac_persons SET status = 'teleported', flags = '["alien"]', first_moved_at = @beyond WHERE id IN (${people})`).run({ beyond: BEYOND_DATES });
    db.prepare(
      `UPDATE evac_shelters SET type = 'castle', status = 'floating', capacity = -5,
         supplies = '[{"item":"unicorns","label":"","quantity":"lots","unit":"只"}]'
       WHERE id = (SELECT id FROM evac_shelters ORDER BY name LIMIT 1)`,
    ).run();
    const brokenShelter = db.prepare(`SELECT id, name FROM evac_shelters ORDER BY name DESC LIMIT 1`).get() as Planted['brokenShelter'];
    db.prepare(`UPDATE evac_shelters SET supplies = '{"beds":3}' WHERE id = ?`).run(brokenShelter.id);

    // Rain: the import batch of the report (created_at 'x'), a gauge level past any scale, a hint in an unknown colour.
    db.prepare(`UPDATE rain_batches SET created_at = 'x', status = 'exploded' WHERE key = (SELECT min(key) FROM rain_batches)`).run();
    db.prepare(`UPDATE rain_stations SET warning_m = 1e308 WHERE id = (SELECT id FROM rain_stations WHERE type = 'water' LIMIT 1)`).run();
    db.prepare(`UPDATE rain_signal_suggestions SET colour = 'purple' WHERE id = (SELECT id FROM rain_signal_suggestions WHERE status = 'open' LIMIT 1)`).run();

    // Map: a marker of a kind no one here knows, just off the globe.
    db.prepare(`UPDATE map_markers SET kind = 'ufo', lat = 95, created_at = 'x' WHERE id = (SELECT id FROM map_markers LIMIT 1)`).run();

    // Reports: an event whose times no date function can read.
    db.prepare(
      `INSERT INTO events (id, name, name_en, kind, started_at_ms, ended_at_ms, notes, created_at, updated_at)
       VALUES ('bad-event', @zh, @en, 'meteor', @beyond, @beyond, '', 'x', 'x')`,
    ).run({ ...BAD_EVENT_NAME, beyond: BEYOND_DATES });
    return { personNames, brokenShelter };
  })();
}

function writeBadBackup(paths: DataPaths): void {
  // Settings: a backup folder copied in from elsewhere, its manifest in another version's words.
  const name = '2026-01-01T00-00-00-000Z_manual';
  mkdirSync(join(paths.backupsDir, name), { recursive: true });
  writeFileSync(
    join(paths.backupsDir, name, 'manifest.json'),
    JSON.stringify({ format: 1, name, reason: 'cosmic', createdAtMs: 'yesterday', appVersion: '?', schemaVersion: 99, dbBytes: 'big', fileCount: 0, filesBytes: 0, counts: { events: 'many' }, auditHead: null }),
  );
}

import type { Db } from '../platform/connection';
import type { EventKind, EventRecord } from '../../core/contract/system';
import { perDb } from '../platform/per-db';

interface EventRow {
  id: string;
  name: string;
  name_en: string;
  kind: string;
  started_at_ms: number;
  ended_at_ms: number | null;
  typhoon_year: number | null;
  typhoon_number: number | null;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const toEvent = (row: EventRow): EventRecord => ({
  id: row.id,
  name: row.name,
  nameEn: row.name_en,
  kind: row.kind as EventKind,
  startedAtMs: row.started_at_ms,
  endedAtMs: row.ended_at_ms,
  typhoonYear: row.typhoon_year,
  typhoonNumber: row.typhoon_number,
  notes: row.notes,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const eventsRepo = perDb((db: Db) => {
  const byId = db.prepare('SELECT * FROM events WHERE id = ?');
  const list = db.prepare('SELECT * FROM events WHERE (@includeEnded OR ended_at_ms IS NULL) ORDER BY started_at_ms DESC');
  const open = db.prepare('SELECT * FROM events WHERE ended_at_ms IS NULL ORDER BY started_at_ms DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO events (id, name, name_en, kind, started_at_ms, ended_at_ms, typhoon_year, typhoon_number, notes, created_at, updated_at)
     VALUES (@id, @name, @nameEn, @kind, @startedAtMs, @endedAtMs, @typhoonYear, @typhoonNumber, @notes, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE events SET name = @name, name_en = @nameEn, kind = @kind, started_at_ms = @startedAtMs, ended_at_ms = @endedAtMs,
       typhoon_year = @typhoonYear, typhoon_number = @typhoonNumber, notes = @notes, updated_at = @updatedAt,
       version = version + 1
     WHERE id = @id AND version = @version`,
  );
  const byTyphoon = db.prepare('SELECT id FROM events WHERE typhoon_year = ? AND typhoon_number = ?');
  return {
    get: (id: string) => {
      const row = byId.get(id) as EventRow | undefined;
      return row ? toEvent(row) : undefined;
    },
    list: (includeEnded: boolean) => (list.all({ includeEnded: includeEnded ? 1 : 0 }) as EventRow[]).map(toEvent),
    latestOpen: () => {
      const row = open.get() as EventRow | undefined;
      return row ? toEvent(row) : null;
    },
    /** The event already holding this typhoon number, if any (events_by_typhoon_number keeps it unique). */
    idOfTyphoon: (year: number, number: number) => (byTyphoon.get(year, number) as { id: string } | undefined)?.id ?? null,
    insert: (event: EventRecord) => insert.run(event),
    /** Writes `event` over the stored version `event.version`; false when that is no longer the stored one. */
    update: (event: EventRecord) => update.run(event).changes === 1,
  };
});

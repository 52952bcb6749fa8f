import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';
import { perDb } from './dutyCache';
import type { LogChannel, LogEntry } from '../../core/contract/dutyShared';

interface LogRow {
  id: string;
  entry_id: string;
  version: number;
  received_at_ms: number;
  duty_day: string;
  channel: LogChannel;
  from_name: string;
  from_unit: string;
  content: string;
  action_taken: string;
  forwarded_to: string;
  result: string;
  recorded_by: string;
  status: 'open' | 'closed';
  follow_up_of: string | null;
  event_id: string | null;
  correction_reason: string;
  created_at: string;
}

const toEntry = (row: LogRow): LogEntry => ({
  id: row.id,
  entryId: row.entry_id,
  version: row.version,
  receivedAtMs: row.received_at_ms,
  dutyDay: row.duty_day,
  channel: row.channel,
  fromName: row.from_name,
  fromUnit: row.from_unit,
  content: row.content,
  actionTaken: row.action_taken,
  forwardedTo: row.forwarded_to,
  result: row.result,
  recordedBy: row.recorded_by,
  status: row.status,
  followUpOf: row.follow_up_of,
  eventId: row.event_id,
  correctionReason: row.correction_reason,
  createdAt: row.created_at,
});

interface LogSearch {
  /** Whitespace-separated terms, all of which must appear. */
  terms: string[];
  fromDay?: string;
  toDay?: string;
  channel?: LogChannel;
  eventId?: string;
  status?: 'open' | 'closed';
  followUpOf?: string;
  limit: number;
  offset: number;
}

/** FTS5 trigram needs three characters; shorter terms are matched with LIKE instead. */
const TRIGRAM = 3;

/**
 * Above this many text matches, reading the newest entries in time order and keeping the
 * matching ones finds a page sooner than fetching every match and sorting it.
 */
const SCAN_IN_TIME_ORDER_ABOVE = 2000;

/** A LIKE search cannot use an index; past this many matches it stops counting and says "n+". */
const LIKE_COUNT_CAP = 1000;

const COLUMNS = ['from_name', 'from_unit', 'content', 'action_taken', 'forwarded_to', 'result'];

/** A term as one FTS5 string: quoted, so punctuation and operators in it are plain text. */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const dutyLogRepo = perDb((db: Db) => {
  const insert = db.prepare(
    `INSERT INTO duty_log_entries (id, entry_id, version, is_current, received_at_ms, duty_day, channel, from_name, from_unit, content,
       action_taken, forwarded_to, result, recorded_by, status, follow_up_of, event_id, correction_reason, created_at, updated_at)
     VALUES (@id, @entryId, @version, 1, @receivedAtMs, @dutyDay, @channel, @fromName, @fromUnit, @content,
       @actionTaken, @forwardedTo, @result, @recordedBy, @status, @followUpOf, @eventId, @correctionReason, @createdAt, @createdAt)`,
  );
  const retire = db.prepare('UPDATE duty_log_entries SET is_current = 0, updated_at = ? WHERE id = ? AND is_current = 1');
  const currentOf = db.prepare('SELECT * FROM duty_log_entries WHERE entry_id = ? AND is_current = 1');
  const history = db.prepare('SELECT * FROM duty_log_entries WHERE entry_id = ? ORDER BY version');
  const openBefore = db.prepare(
    `SELECT * FROM duty_log_entries WHERE is_current = 1 AND status = 'open' AND received_at_ms < ? ORDER BY received_at_ms`,
  );

  // One statement per combination of filters, built from fixed fragments and prepared once:
  // a catch-all "(? IS NULL OR col = ?)" query would keep SQLite from using the indexes.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const ftsCount = db.prepare('SELECT count(*) FROM duty_log_fts WHERE duty_log_fts MATCH ?').pluck();

  function where(search: LogSearch, long: string[], short: string[]): { sql: string; params: Record<string, unknown>; narrowed: boolean } {
    const clauses = ['e.is_current = 1'];
    const params: Record<string, unknown> = {};
    if (long.length) {
      clauses.push('e.rowid IN (SELECT rowid FROM duty_log_fts WHERE duty_log_fts MATCH @match)');
      params.match = long.map(ftsPhrase).join(' AND ');
    }
    short.forEach((term, i) => {
      clauses.push(`(${COLUMNS.map((c) => `e.${c} LIKE @like${i} ESCAPE '\\'`).join(' OR ')})`);
      params[`like${i}`] = likePattern(term);
    });
    const filters: [keyof LogSearch, string][] = [
      ['fromDay', 'e.duty_day >= @fromDay'],
      ['toDay', 'e.duty_day <= @toDay'],
      ['eventId', 'e.event_id = @eventId'],
      ['followUpOf', 'e.follow_up_of = @followUpOf'],
      ['channel', 'e.channel = @channel'],
      ['status', 'e.status = @status'],
    ];
    let narrowed = false;
    for (const [key, clause] of filters) {
      if (search[key] === undefined) continue;
      clauses.push(clause);
      params[key] = search[key];
      narrowed = true;
    }
    return { sql: clauses.join(' AND '), params, narrowed };
  }

  function search(search: LogSearch): { rows: LogEntry[]; total: number; capped: boolean } {
    const long = search.terms.filter((t) => [...t].length >= TRIGRAM);
    const short = search.terms.filter((t) => [...t].length < TRIGRAM);
    const { sql, params, narrowed } = where(search, long, short);
    const indexedFilter = !!(search.fromDay || search.toDay || search.eventId || search.followUpOf);
    const page = (from: string) =>
      (
        prepared(`SELECT e.* FROM ${from} WHERE ${sql} ORDER BY e.received_at_ms DESC, e.id LIMIT @limit OFFSET @offset`).all({
          ...params,
          limit: search.limit,
          offset: search.offset,
        }) as LogRow[]
      ).map(toEntry);
    const count = () => prepared(`SELECT count(*) FROM duty_log_entries e WHERE ${sql}`).pluck().get(params) as number;
    const inTimeOrder = 'duty_log_entries e INDEXED BY duty_log_entries_by_received_current';

    if (long.length) {
      // The index holds current versions only, so a plain text search is counted there, without the table.
      const matches = ftsCount.get(params.match) as number;
      const rows = page(matches > SCAN_IN_TIME_ORDER_ABOVE && !indexedFilter ? inTimeOrder : 'duty_log_entries e');
      return { rows, total: short.length || narrowed ? count() : matches, capped: false };
    }
    if (short.length && !indexedFilter) {
      // LIKE cannot use an index. One pass over the table collects up to the cap: a rare term is
      // sorted here from that pass; a common one is paged in time order and counted as "cap+".
      const found = prepared(`SELECT e.* FROM duty_log_entries e NOT INDEXED WHERE ${sql} LIMIT ${LIKE_COUNT_CAP + 1}`).all(params) as LogRow[];
      if (found.length > LIKE_COUNT_CAP) return { rows: page(inTimeOrder), total: LIKE_COUNT_CAP, capped: true };
      found.sort((a, b) => b.received_at_ms - a.received_at_ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { rows: found.slice(search.offset, search.offset + search.limit).map(toEntry), total: found.length, capped: false };
    }
    const rows = page('duty_log_entries e');
    return { rows, total: search.offset === 0 && rows.length < search.limit ? rows.length : count(), capped: false };
  }

  return {
    insert: (entry: LogEntry) => insert.run(entry),
    retire(id: string, nowIso: string): boolean {
      return retire.run(nowIso, id).changes === 1;
    },
    current(entryId: string): LogEntry | undefined {
      const row = currentOf.get(entryId) as LogRow | undefined;
      return row ? toEntry(row) : undefined;
    },
    history: (entryId: string) => (history.all(entryId) as LogRow[]).map(toEntry),
    /** Open items received before an instant, oldest first: what a handover must pass on. */
    openBefore: (ms: number) => (openBefore.all(ms) as LogRow[]).map(toEntry),
    search,
  };
});

import type { Statement } from 'better-sqlite3';
import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { LogChannel, LogEntry, LogPage } from '../../core/contract/dutyShared';

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

/** FTS5 trigram needs three characters; shorter terms go to the character and pair index (migration 0011). */
const TRIGRAM = 3;

/**
 * Above this many text matches, reading the newest entries in time order and keeping the
 * matching ones finds a page sooner than fetching every match and sorting it.
 */
const SCAN_IN_TIME_ORDER_ABOVE = 2000;

/** A term as one FTS5 string: quoted, so punctuation and operators in it are plain text. */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * A 1–2-character term as its token in duty_log_fts_grams: the hex of its UTF-8 bytes, with ASCII
 * letters folded as SQLite's lower() folded the indexed text, so a match is exactly a LIKE match.
 */
const gramToken = (term: string) => `"${Buffer.from(term.replace(/[A-Z]/g, (c) => c.toLowerCase()), 'utf8').toString('hex')}"`;

/**
 * Status and channel as tokens of the same index (see migration 0011), so a short term with these
 * filters is counted in the index alone: through the table, a common character's 100k matches
 * took over 100 ms to count. The letters s/c and z are not hex digits, so no text token equals one.
 */
const statusToken = (status: string) => `"zs${status}"`;
const channelToken = (channel: string) => `"zc${channel.replace(/_/g, '')}"`;

const IN_TRIGRAMS = 'rowid IN (SELECT rowid FROM duty_log_fts WHERE duty_log_fts MATCH @match)';
const IN_GRAMS = 'rowid IN (SELECT rowid FROM duty_log_fts_grams WHERE duty_log_fts_grams MATCH @grams)';

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

  function where(search: LogSearch, text: Record<string, string>): { sql: string; params: Record<string, unknown>; narrowedBy: (keyof LogSearch)[] } {
    const clauses = ['e.is_current = 1'];
    if (text.match) clauses.push(`e.${IN_TRIGRAMS}`);
    if (text.grams) clauses.push(`e.${IN_GRAMS}`);
    const params: Record<string, unknown> = { ...text };
    const filters: [keyof LogSearch, string][] = [
      ['fromDay', 'e.duty_day >= @fromDay'],
      ['toDay', 'e.duty_day <= @toDay'],
      ['eventId', 'e.event_id = @eventId'],
      ['followUpOf', 'e.follow_up_of = @followUpOf'],
      ['channel', 'e.channel = @channel'],
      ['status', 'e.status = @status'],
    ];
    const narrowedBy: (keyof LogSearch)[] = [];
    for (const [key, clause] of filters) {
      if (search[key] === undefined) continue;
      clauses.push(clause);
      params[key] = search[key];
      narrowedBy.push(key);
    }
    return { sql: clauses.join(' AND '), params, narrowedBy };
  }

  /**
   * The FTS5 queries for the terms: trigram phrases for long terms, one character or pair token for
   * short ones, with the status and channel filters joining the short ones in the same index.
   */
  function textQueries(search: LogSearch): Record<string, string> {
    const long = search.terms.filter((t) => [...t].length >= TRIGRAM);
    const short = search.terms.filter((t) => [...t].length < TRIGRAM);
    const text: Record<string, string> = {};
    if (long.length) text.match = long.map(ftsPhrase).join(' AND ');
    if (short.length) {
      const tokens = short.map(gramToken);
      if (search.status) tokens.push(statusToken(search.status));
      if (search.channel) tokens.push(channelToken(search.channel));
      text.grams = tokens.join(' AND ');
    }
    return text;
  }

  /** Entries matching every term, counted in the indexes alone: both hold current versions only. */
  function countMatches(text: Record<string, string>): number {
    const [first, ...rest] = [
      text.match ? { table: 'duty_log_fts', clause: IN_TRIGRAMS, param: 'match' } : null,
      text.grams ? { table: 'duty_log_fts_grams', clause: IN_GRAMS, param: 'grams' } : null,
    ].filter((index) => index !== null);
    const sql = [`SELECT count(*) FROM ${first.table} WHERE ${first.table} MATCH @${first.param}`, ...rest.map((index) => index.clause)].join(' AND ');
    return prepared(sql).pluck().get(text) as number;
  }

  function search(search: LogSearch): LogPage {
    const text = textQueries(search);
    const { sql, params, narrowedBy } = where(search, text);
    const inIndex = new Set<keyof LogSearch>(text.grams ? ['status', 'channel'] : []);
    const narrowed = narrowedBy.some((key) => !inIndex.has(key));
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

    if (text.match || text.grams) {
      const matches = countMatches(text);
      const inTimeOrder = matches > SCAN_IN_TIME_ORDER_ABOVE && !indexedFilter;
      const rows = page(inTimeOrder ? 'duty_log_entries e INDEXED BY duty_log_entries_by_received_current' : 'duty_log_entries e');
      return { rows, total: narrowed ? count() : matches };
    }
    const rows = page('duty_log_entries e');
    return { rows, total: search.offset === 0 && rows.length < search.limit ? rows.length : count() };
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

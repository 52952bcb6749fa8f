import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LogChannel, LogEntry, LogPage } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { type Db } from '../../../db/platform/connection';
import { dutyLogRepo } from '../../../db/duty/log.repo';
import { createTestDb, type TestDb } from '../../support/db';
import { explain } from '../migrations/helpers';

/**
 * The character and pair index (migration 0011) must find exactly what a LIKE over every
 * searchable column finds: random texts and terms, including Latin letters in both cases,
 * letters SQLite does not fold (É, the Kelvin sign, ß), LIKE's own wildcards and characters outside the BMP.
 */

const NOW = zonedToUtc('2026-07-05', '03:00');
const COLUMNS = ['from_name', 'from_unit', 'content', 'action_taken', 'forwarded_to', 'result'] as const;
const DAYS = ['2026-07-02', '2026-07-03', '2026-07-04'];
const CHANNELS: LogChannel[] = ['phone', 'walk_in', 'radio'];
/** Characters for short terms and the texts they are searched in. */
const TRICKY = ['a', 'A', 'b', 'B', 'k', 'K', '\u212a', 'é', 'É', 'ß', '水', '积', '路', '😀', '%', '_', '\\', '"', '1', ' ', '，'];
/** No letter outside ASCII: the trigram index folds those, LIKE does not (a separate, known difference). */
const PLAIN = ['a', 'A', 'b', 'B', '水', '积', '路', '%', '_', '1', ' ', '，'];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): TestDb {
  const t = createTestDb(NOW);
  cleanups.push(t.close);
  return t;
}

const textOf = (alphabet: string[], maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(''));
const termOf = (alphabet: string[], minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet.filter((c) => c !== ' ')), { minLength, maxLength }).map((chars) => chars.join(''));

interface GeneratedEntry {
  texts: string[];
  /** The content of a second version that replaces the first, as a correction does. */
  correction: string | undefined;
  minute: number;
  day: string;
  channel: LogChannel;
  status: 'open' | 'closed';
}

const entryArb = (alphabet: string[]): fc.Arbitrary<GeneratedEntry> =>
  fc.record({
    texts: fc.tuple(...COLUMNS.map((column) => textOf(alphabet, column === 'content' ? 12 : 4))),
    correction: fc.option(textOf(alphabet, 12), { nil: undefined }),
    minute: fc.nat(3 * 24 * 60),
    day: fc.constantFrom(...DAYS),
    channel: fc.constantFrom(...CHANNELS),
    status: fc.constantFrom<'open' | 'closed'>('open', 'closed'),
  });

const filtersArb = fc.record(
  {
    fromDay: fc.constantFrom(...DAYS),
    toDay: fc.constantFrom(...DAYS),
    channel: fc.constantFrom(...CHANNELS),
    status: fc.constantFrom<'open' | 'closed'>('open', 'closed'),
  },
  { requiredKeys: [] },
);

function insertAll(db: Db, entries: GeneratedEntry[]): void {
  const repo = dutyLogRepo(db);
  for (const generated of entries) {
    const id = randomUUID();
    const [fromName, fromUnit, content, actionTaken, forwardedTo, result] = generated.texts;
    const entry: LogEntry = {
      id, entryId: id, version: 1, receivedAtMs: NOW - generated.minute * 60_000, dutyDay: generated.day, channel: generated.channel,
      fromName, fromUnit, content, actionTaken, forwardedTo, result, recordedBy: '测试员', status: generated.status,
      followUpOf: null, eventId: null, correctionReason: '', createdAt: new Date(NOW).toISOString(),
    };
    repo.insert(entry);
    if (generated.correction === undefined) continue;
    // A correction as duty.correctLog writes it: the old version retired, a new one current.
    repo.retire(id, new Date(NOW).toISOString());
    repo.insert({ ...entry, id: randomUUID(), version: 2, content: generated.correction, correctionReason: '更正' });
  }
}

type Filters = { fromDay?: string; toDay?: string; channel?: LogChannel; status?: 'open' | 'closed' };

/** The reference: every current row scanned with LIKE, as the search did before the index. */
function likeScan(db: Db, terms: string[], filters: Filters): string[] {
  const clauses = ['is_current = 1'];
  const params: unknown[] = [];
  for (const term of terms) {
    clauses.push(`(${COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...COLUMNS.map(() => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  const filterClauses: [keyof Filters, string][] = [
    ['fromDay', 'duty_day >= ?'],
    ['toDay', 'duty_day <= ?'],
    ['channel', 'channel = ?'],
    ['status', 'status = ?'],
  ];
  for (const [key, clause] of filterClauses) {
    if (filters[key] === undefined) continue;
    clauses.push(clause);
    params.push(filters[key]);
  }
  const sql = `SELECT id FROM duty_log_entries WHERE ${clauses.join(' AND ')} ORDER BY received_at_ms DESC, id`;
  return db.prepare(sql).pluck().all(...params) as string[];
}

/** Runs one case inside a transaction that is rolled back, so every case starts from an empty log. */
function inRolledBackTransaction(db: Db, fn: () => void): void {
  db.exec('BEGIN');
  try {
    fn();
  } finally {
    db.exec('ROLLBACK');
  }
}

function assertSameAsLike(db: Db, entries: GeneratedEntry[], terms: string[], filters: Filters, limit: number, offset: number): void {
  inRolledBackTransaction(db, () => {
    insertAll(db, entries);
    const expected = likeScan(db, terms, filters);
    const found = dutyLogRepo(db).search({ terms, ...filters, limit, offset });
    expect(found.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit));
    expect(found.total).toBe(expected.length);
  });
}

describe('1–2-character log search', () => {
  it('finds exactly what LIKE finds, for random texts, terms, filters and pages', () => {
    const t = setup();
    fc.assert(
      fc.property(
        fc.array(entryArb(TRICKY), { maxLength: 25 }),
        fc.array(termOf(TRICKY, 1, 2), { minLength: 1, maxLength: 3 }),
        filtersArb,
        fc.integer({ min: 1, max: 10 }),
        fc.nat(12),
        (entries, terms, filters, limit, offset) => assertSameAsLike(t.db, entries, terms, filters, limit, offset),
      ),
      { numRuns: 300 },
    );
  });

  it('finds exactly what LIKE finds when short and long terms are combined', () => {
    const t = setup();
    fc.assert(
      fc.property(
        fc.array(entryArb(PLAIN), { maxLength: 25 }),
        fc.array(fc.oneof(termOf(PLAIN, 1, 2), termOf(PLAIN, 3, 4)), { minLength: 1, maxLength: 3 }),
        filtersArb,
        (entries, terms, filters) => assertSameAsLike(t.db, entries, terms, filters, 20, 0),
      ),
      { numRuns: 200 },
    );
  });

  it('matches Latin letters in either case, and characters outside the BMP, through the contract', () => {
    const t = setup();
    t.call('duty.logEntry', { channel: 'radio', fromName: 'Li Wei', content: '水位 OK，已上报😀', receivedAtMs: NOW - 60_000 });
    t.call('duty.logEntry', { channel: 'phone', fromName: '', content: 'Épave dans le canal', receivedAtMs: NOW });
    const contents = (query: string) => t.call<LogPage>('duty.listLog', { query }).rows.map((r) => r.content.slice(0, 5));
    expect(contents('ok')).toEqual(['水位 OK']);
    expect(contents('CA')).toEqual(['Épave']);
    expect(contents('LI')).toEqual(['水位 OK']);
    expect(contents('😀')).toEqual(['水位 OK']);
    expect(contents('报😀')).toEqual(['水位 OK']);
    // SQLite folds ASCII only, as LIKE does: é is not É.
    expect(contents('é')).toEqual([]);
    expect(contents('Ép')).toEqual(['Épave']);
    // A pair across two fields (from_name "Li Wei" + content "水位") is not in either field.
    expect(contents('i水')).toEqual([]);
  });

  it('reads the character index, not the table, for a short term', () => {
    const t = setup();
    const plan = explain(
      t.db,
      "SELECT * FROM duty_log_entries e WHERE e.is_current = 1 AND e.rowid IN (SELECT rowid FROM duty_log_fts_grams WHERE duty_log_fts_grams MATCH '\"e6b0b4\"')",
    ).join(' | ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).not.toMatch(/SCAN e\b/);
  });

  it('refuses text longer than the index covers instead of indexing part of it', () => {
    const t = setup();
    const before = t.db.prepare('SELECT count(*) FROM duty_log_entries').pluck().get();
    const id = randomUUID();
    expect(() =>
      dutyLogRepo(t.db).insert({
        id, entryId: id, version: 1, receivedAtMs: NOW, dutyDay: '2026-07-04', channel: 'other', fromName: '', fromUnit: '',
        content: '水'.repeat(8193), actionTaken: '', forwardedTo: '', result: '', recordedBy: '测试员', status: 'open',
        followUpOf: null, eventId: null, correctionReason: '', createdAt: new Date(NOW).toISOString(),
      }),
    ).toThrow(/longer than the search index covers/);
    expect(t.db.prepare('SELECT count(*) FROM duty_log_entries').pluck().get()).toBe(before);
  });
});

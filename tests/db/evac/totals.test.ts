import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evacTotalsRepo } from '../../../db/evac/totals.repo';
import { timeOrderedUuid } from '../../../db/evac/ids';
import { createTestDb, type TestDb } from '../../support/db';
import { counted, fresh, H, NOW, scene } from './scene';

/**
 * The running counts of 0010_perf.sql against the rows they summarise: after every kind of
 * step, a refused call and soft deletes. A database migrated with people already in it is
 * tests/db/migrations/0010_perf.test.ts.
 */

let t: TestDb;
beforeEach(() => {
  t = createTestDb(NOW);
});
afterEach(() => t.close());

describe('evacuation running counts', () => {
  it('equal a fresh count of the people after every kind of step, and a refused call changes nothing', () => {
    const { events, people } = scene(t);
    expect(counted(t.db).groups.length).toBeGreaterThan(8);
    expect(counted(t.db)).toEqual(fresh(t.db));
    const before = JSON.stringify(counted(t.db));
    expect(t.fail('evac.returnPeople', { eventId: events[0].id, personIds: [people[0][5]], atMs: NOW - 30 * H }).key).toBe('errors.evac.time_before_move');
    expect(JSON.stringify(counted(t.db))).toBe(before);
  });

  it('follow soft deletes of people and their households, and refuse rewriting who counts where', () => {
    const { people } = scene(t);
    const del = t.db.prepare('UPDATE evac_persons SET deleted_at = ? WHERE id = ?');
    // 赵敏 is a household of one; 李秀英 shares hers with 王强.
    for (const id of [people[0][2], people[0][0]]) {
      del.run('2026-07-01T00:00:00.000Z', id);
      expect(counted(t.db)).toEqual(fresh(t.db));
    }
    del.run(null, people[0][2]);
    expect(counted(t.db)).toEqual(fresh(t.db));
    expect(() => t.db.prepare("UPDATE evac_persons SET source_key = 'hazard:other' WHERE id = ?").run(people[0][1])).toThrow(/fixed once entered/);
  });

  it('are what "now" totals read, by primary key, never scanning the people', () => {
    scene(t);
    const repo = evacTotalsRepo(t.db);
    const now = repo.plans({ eventIds: null, fromMs: null, toMs: null }).flat();
    expect(now.join('\n')).not.toMatch(/evac_persons/);
    expect(now).toContain('SEARCH evac_totals USING PRIMARY KEY (event_id=?)');
    expect(now).toContain('SEARCH evac_source_totals USING PRIMARY KEY (event_id=? AND source_key=?)');
    // A period filter cannot be counted ahead: it scans the events' people by the narrow index.
    const period = repo.plans({ eventIds: null, fromMs: NOW - 24 * H, toMs: null }).flat();
    expect(period.filter((d) => /evac_persons/.test(d)).every((d) => /USING INDEX evac_persons_by_event_first_moved/.test(d))).toBe(true);
    expect(period.join('\n')).toMatch(/evac_persons/);
  });
});

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that never go backwards, within a millisecond or when the clock steps back', () => {
    // Ahead of every id made so far in this process, so the first one carries its own time.
    const at = Date.now() + H;
    const ms = [at, at, at, at - 5000, at + 1, ...Array.from({ length: 5000 }, () => at + 1)];
    const ids = ms.map((m) => timeOrderedUuid(m));
    expect(ids.every((id) => z.uuid().safeParse(id).success && id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0].slice(0, 13).replace('-', '')).toBe(at.toString(16).padStart(12, '0'));
  });
});

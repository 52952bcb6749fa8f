import { afterEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../core/contract/system';
import { eventDisplayName } from '../../../core/domain/events/name';
import { localParts, zonedToUtc } from '../../../core/time';
import { seedDemo } from '../../../db/demo';
import { createTestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Named storms the demo may use, with when they were around (China Meteorological Administration). */
const KNOWN_TYPHOONS: Record<string, { year: number; number: number; from: string; to: string }> = {
  苏拉: { year: 2023, number: 9, from: '2023-08-24', to: '2023-09-03' },
};

const typhoonName = (event: EventRecord) => event.name.replace(/^台风[“"](.+)[”"]$/, '$1');

describe('demo events: names, numbers and dates agree', () => {
  // A December and a July start, in a year after the demo typhoon.
  for (const now of [zonedToUtc('2026-12-08', '10:00'), zonedToUtc('2027-07-15', '14:00')]) {
    it(`when the demo starts on ${localParts(now).date}`, () => {
      const t = createTestDb(now);
      cleanups.push(t.close);
      seedDemo(t.db, t.dispatcher, now);
      const events = t.call<EventRecord[]>('events.list', { includeEnded: true });
      expect(events.length).toBeGreaterThanOrEqual(2);
      for (const event of events) {
        const start = localParts(event.startedAtMs).date;
        const end = event.endedAtMs === null ? null : localParts(event.endedAtMs).date;
        if (event.kind === 'typhoon') {
          const known = KNOWN_TYPHOONS[typhoonName(event)];
          expect(known, event.name).toBeDefined();
          expect(start >= known.from && start <= known.to, `${event.name} starts ${start}`).toBe(true);
          expect(end !== null && end >= start && end <= known.to, `${event.name} ends ${end}`).toBe(true);
          if (event.typhoonYear !== null) expect([event.typhoonYear, event.typhoonNumber]).toEqual([known.year, known.number]);
        }
        // A year or a month in the name is the year or month the event began in.
        const shown = eventDisplayName(event, 'zh');
        const year = /(\d{4})年/.exec(shown)?.[1];
        if (year) expect(year, shown).toBe(start.slice(0, 4));
        const month = /(?:^|[^\d])(\d{1,2})月/.exec(shown)?.[1];
        if (month) expect(Number(month), shown).toBe(Number(start.slice(5, 7)));
        const monthEn = / of ([A-Z][a-z]+) (\d{4})$/.exec(event.nameEn);
        if (monthEn) {
          expect(new Date(`${monthEn[1]} 1, 2000`).getMonth() + 1, event.nameEn).toBe(Number(start.slice(5, 7)));
          expect(monthEn[2], event.nameEn).toBe(start.slice(0, 4));
        }
      }
      // The open event is the rain going on now, named for its month.
      const open = events.find((e) => e.endedAtMs === null)!;
      expect(open.name).toBe(`${Number(localParts(open.startedAtMs).date.slice(5, 7))}月强降雨过程`);
    });
  }
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupsToDelete, type BackupReason } from '../../../core/domain/backup/rotation';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 6, 1, 0, 0); // 08:00 in Shanghai
const backup = (offsetMs: number, reason: BackupReason = 'hourly') => ({ name: `b${offsetMs}`, reason, createdAtMs: T0 + offsetMs });
const names = (list: { name: string }[]) => list.map((b) => b.name).sort();

describe('backup rotation', () => {
  it('keeps the newest backup of each of the last N hours, and of each of the last M days', () => {
    // Two per hour over 3 days.
    const all = Array.from({ length: 144 }, (_, i) => backup(i * 30 * 60_000));
    const doomed = backupsToDelete(all, { keepHourly: 24, keepDaily: 30 }, 'Asia/Shanghai');
    const kept = all.filter((b) => !doomed.includes(b));
    // 24 hourly + the newest of the two earlier local days (the newest day is already covered).
    expect(kept).toHaveLength(26);
    expect(kept.map((b) => b.createdAtMs)).toContain(all[143].createdAtMs);
    // Local days, not UTC days: the newest of 1 July and 2 July in Shanghai are 23:30 local time.
    expect(kept.map((b) => b.createdAtMs)).toEqual(expect.arrayContaining([T0 + 15.5 * HOUR, T0 + 39.5 * HOUR]));
  });

  it('counts hours that have a backup, so a week switched off does not wipe the history', () => {
    const all = [backup(0), backup(HOUR), backup(7 * 24 * HOUR)];
    expect(backupsToDelete(all, { keepHourly: 24, keepDaily: 30 }, 'Asia/Shanghai')).toEqual([]);
  });

  it('never deletes manual, pre-migration or pre-restore backups', () => {
    const all = [backup(0, 'manual'), backup(1, 'pre-migration'), backup(2, 'pre-restore'), backup(3), backup(4)];
    expect(names(backupsToDelete(all, { keepHourly: 0, keepDaily: 1 }, 'UTC'))).toEqual(['b3']);
  });

  it('always keeps the newest backup and never deletes more than exist (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 90 * 24 }), reason: fc.constantFrom<BackupReason>('hourly', 'manual') }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 48 }),
        fc.integer({ min: 1, max: 40 }),
        (specs, keepHourly, keepDaily) => {
          const all = specs.map((s, i) => ({ name: `n${i}`, reason: s.reason, createdAtMs: T0 + s.offset * HOUR + i }));
          const doomed = backupsToDelete(all, { keepHourly, keepDaily }, 'Asia/Shanghai');
          const hourly = all.filter((b) => b.reason === 'hourly');
          const newest = hourly.reduce<(typeof all)[number] | undefined>((a, b) => (!a || b.createdAtMs > a.createdAtMs ? b : a), undefined);
          if (newest) expect(doomed).not.toContain(newest);
          expect(doomed.every((b) => b.reason === 'hourly')).toBe(true);
          const keptHourly = hourly.length - doomed.length;
          expect(keptHourly).toBeLessThanOrEqual(keepHourly + keepDaily);
          const days = new Set(hourly.map((b) => new Date(b.createdAtMs + 8 * HOUR).toISOString().slice(0, 10)));
          expect(keptHourly).toBeGreaterThanOrEqual(Math.min(days.size, keepDaily));
        },
      ),
    );
  });
});

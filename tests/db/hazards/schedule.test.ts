import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS, everyHours, isPastDue, nextInspectionDue } from '../../../core/domain/hazards/inspection';
import type { HazardPoint } from '../../../core/contract/hazards-types';
import { createPoint, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const NOW = Date.UTC(2026, 6, 15, 4, 0);
const HOUR = 3_600_000;

describe('today view: inspections due', () => {
  it('agrees with the domain rule, with and without a warning in force', () => {
    const t = testDb(cleanups, NOW - 10 * 24 * HOUR);
    const ages = [null, 1, 3, 30, 47, 72, 24 * 6 + 20, 24 * 8];
    const points: { point: HazardPoint; lastMs: number | null }[] = ages.map((ageH, i) => {
      const point = createPoint(t, { name: `点位${i}`, lat: 22.55 + i / 1000, frequency: i % 2 ? { kind: 'days', every: 7 } : { kind: 'hours', every: 48 } });
      return { point, lastMs: ageH === null ? null : NOW - ageH * HOUR };
    });
    for (const { point, lastMs } of points) {
      if (lastMs === null) continue;
      t.setNow(lastMs);
      t.call('hazards.recordInspection', { pointId: point.id, inspectors: ['张伟'], atMs: lastMs, answers: [{ itemKey: 'sandbags', result: 'pass' }] });
    }
    t.setNow(NOW);
    const expected = (warning: boolean) =>
      points
        .filter(({ point, lastMs }) => isPastDue(nextInspectionDue({ normal: point.frequency }, lastMs, warning, { ...DEFAULT_SCHEDULE_SETTINGS, defaultWarningFrequency: everyHours(2) }), NOW))
        .map(({ point }) => point.name)
        .sort();
    const actual = () => t.call<{ inspectionsDue: { name: string }[]; warningActive: boolean }>('hazards.today');
    const quiet = actual();
    expect(quiet.warningActive).toBe(false);
    expect(quiet.inspectionsDue.map((p) => p.name).sort()).toEqual(expected(false));
    t.call('duty.issueWarning', { type: 'rainstorm', colour: 'yellow', issuedBy: '市气象台', issuedAtMs: NOW - HOUR });
    const raised = actual();
    expect(raised.warningActive).toBe(true);
    expect(raised.inspectionsDue.map((p) => p.name).sort()).toEqual(expected(true));
    expect(expected(true).length).toBeGreaterThan(expected(false).length);
  });
});

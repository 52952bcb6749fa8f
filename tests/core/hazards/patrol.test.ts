import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../core/time';
import { DAILY, everyHours } from '../../../core/domain/hazards/inspection';
import { missedPoints, nextPatrolDue, routeIssues, summarizeRun, type PatrolRoute, type PatrolRun } from '../../../core/domain/hazards/patrol';

const at = (date: string, time: string) => zonedToUtc(date, time);

const route: PatrolRoute = { id: 'r1', name: '文昌路沿线', pointIds: ['A', 'B', 'C', 'D'], frequency: DAILY };

function run(visits: [string, string, string?][]): PatrolRun {
  return { id: 'run1', routeId: 'r1', patroller: '赵六', startedAtMs: at('2024-07-10', '09:00'), visits: visits.map(([pointId, time, finding]) => ({ pointId, atMs: at('2024-07-10', time), ...(finding ? { finding } : {}) })) };
}

describe('missedPoints', () => {
  it('lists unvisited route points in route order', () => {
    expect(missedPoints(route, run([['C', '09:10'], ['A', '09:20']]))).toEqual(['B', 'D']);
    expect(missedPoints(route, run([]))).toEqual(['A', 'B', 'C', 'D']);
    expect(missedPoints(route, run([['A', '09:00'], ['B', '09:05'], ['C', '09:10'], ['D', '09:15']]))).toEqual([]);
  });
});

describe('summarizeRun', () => {
  it('reports order, detours, repeats and findings', () => {
    const s = summarizeRun(route, run([['A', '09:00'], ['X', '09:03'], ['C', '09:05'], ['B', '09:10', '路面积水 20cm'], ['A', '09:30'], ['D', '09:40', ' ']]));
    expect(s.visited).toEqual(['A', 'C', 'B', 'D']);
    expect(s.missed).toEqual([]);
    expect(s.offRoute).toEqual(['X']);
    expect(s.inOrder).toBe(false);
    expect(s.complete).toBe(true);
    expect(s.findings.map((f) => f.pointId)).toEqual(['B']);
  });

  it('judges order by time, not by the order visits were recorded in', () => {
    const s = summarizeRun(route, run([['B', '09:10'], ['A', '09:00'], ['D', '09:30']]));
    expect(s.inOrder).toBe(true);
    expect(s.missed).toEqual(['C']);
    expect(s.complete).toBe(false);
  });
});

describe('routeIssues', () => {
  it('flags an empty route and repeated points', () => {
    expect(routeIssues(route)).toEqual([]);
    expect(routeIssues({ ...route, pointIds: [] }).map((i) => i.code)).toEqual(['empty']);
    expect(routeIssues({ ...route, pointIds: ['A', 'B', 'A'] })).toMatchObject([{ code: 'duplicate_point', pointId: 'A' }]);
  });
});

describe('nextPatrolDue', () => {
  const last = at('2024-07-10', '21:00');

  it('follows the route frequency, raised during a warning', () => {
    expect(nextPatrolDue(route, last, false)).toBe(at('2024-07-12', '08:00'));
    expect(nextPatrolDue(route, last, true)).toBe(at('2024-07-10', '23:00'));
    expect(nextPatrolDue({ ...route, warningFrequency: everyHours(1) }, last, true)).toBe(at('2024-07-10', '22:00'));
  });

  it('is due at once for a route never walked', () => {
    expect(nextPatrolDue(route, null, true)).toBeNull();
  });
});

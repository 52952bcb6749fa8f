import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conflict } from '../../../core/errors';
import { zonedToUtc } from '../../../core/time';
import {
  allowedActions,
  daysOverdue,
  DEFAULT_RECTIFICATION_SETTINGS,
  fixedLate,
  isOverdue,
  openRectification,
  refusalError,
  transition,
  type RectificationActionType,
  type RectificationOrder,
  type RectificationStatus,
  type TransitionResult,
} from '../../../core/domain/hazards/rectification';

const at = (date: string, time: string) => zonedToUtc(date, time);

function order(deadline = '2024-07-10'): RectificationOrder {
  return openRectification(
    { pointId: 'p1', inspectionId: 'i1', itemKey: 'pump_test', description: '水泵测试：无法启动', deadline },
    'r1',
    '张三',
    at('2024-07-08', '10:00'),
  );
}

function ok(result: TransitionResult): RectificationOrder {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.order;
}

function apply(o: RectificationOrder, steps: [RectificationActionType, string, number][]): RectificationOrder {
  return steps.reduce((cur, [type, actor, ms]) => ok(transition(cur, { type }, actor, ms)), o);
}

describe('rectification transitions', () => {
  it('walks pending → in_progress → awaiting_recheck → closed and keeps the history', () => {
    const o0 = order();
    const closed = apply(o0, [
      ['start', '物业李四', at('2024-07-08', '11:00')],
      ['submit', '物业李四', at('2024-07-09', '15:00')],
      ['pass', '网格员王五', at('2024-07-09', '17:00')],
    ]);
    expect(closed.status).toBe('closed');
    expect(closed.fixedBy).toBe('物业李四');
    expect(closed.closedAtMs).toBe(at('2024-07-09', '17:00'));
    expect(closed.history.map((h) => `${h.from}>${h.to}:${h.actor}`)).toEqual([
      'pending>in_progress:物业李四',
      'in_progress>awaiting_recheck:物业李四',
      'awaiting_recheck>closed:网格员王五',
    ]);
    expect(o0.status).toBe('pending');
    expect(o0.history).toHaveLength(0);
  });

  it('sends a failed re-check back to in_progress, and the new fixer is then the one who may not re-check', () => {
    const failed = apply(order(), [
      ['start', 'A', at('2024-07-08', '11:00')],
      ['submit', 'A', at('2024-07-08', '12:00')],
      ['fail', 'B', at('2024-07-08', '13:00')],
    ]);
    expect(failed.status).toBe('in_progress');
    const resubmitted = ok(transition(failed, { type: 'submit', note: '更换水泵' }, 'B', at('2024-07-08', '14:00')));
    expect(resubmitted.history.at(-1)?.note).toBe('更换水泵');
    expect(resubmitted.fixedBy).toBe('B');
    const same = transition(resubmitted, { type: 'pass' }, 'B', at('2024-07-08', '15:00'));
    expect(same.ok).toBe(false);
    expect(ok(transition(resubmitted, { type: 'pass' }, 'A', at('2024-07-08', '15:00'))).status).toBe('closed');
  });

  it('refuses a re-check by the fixer, unless the office turned the rule off', () => {
    const awaiting = apply(order(), [
      ['start', 'A', at('2024-07-08', '11:00')],
      ['submit', 'A', at('2024-07-08', '12:00')],
    ]);
    for (const type of ['pass', 'fail'] as const) {
      const r = transition(awaiting, { type }, 'A', at('2024-07-08', '13:00'));
      expect(r).toMatchObject({ ok: false, reason: 'same_person_recheck', messageZh: '复查须由整改人以外的人员进行' });
    }
    const relaxed = transition(awaiting, { type: 'pass' }, 'A', at('2024-07-08', '13:00'), { ...DEFAULT_RECTIFICATION_SETTINGS, recheckBySomeoneElse: false });
    expect(relaxed.ok).toBe(true);
  });

  it('refuses every action that the current status does not allow, with both languages', () => {
    const byStatus: Record<Exclude<RectificationStatus, 'closed'>, RectificationOrder> = {
      pending: order(),
      in_progress: apply(order(), [['start', 'A', at('2024-07-08', '11:00')]]),
      awaiting_recheck: apply(order(), [
        ['start', 'A', at('2024-07-08', '11:00')],
        ['submit', 'A', at('2024-07-08', '12:00')],
      ]),
    };
    const legal: Record<string, RectificationActionType[]> = { pending: ['start'], in_progress: ['submit'], awaiting_recheck: ['pass', 'fail'] };
    for (const [status, o] of Object.entries(byStatus)) {
      expect(allowedActions(o)).toEqual(legal[status]);
      for (const type of ['start', 'submit', 'pass', 'fail'] as const) {
        if (legal[status].includes(type)) continue;
        const r = transition(o, { type }, 'C', at('2024-07-08', '18:00'));
        expect(r.ok, `${status} + ${type}`).toBe(false);
        if (!r.ok) {
          expect(r.reason).toBe('illegal_transition');
          expect(r.message).toMatch(/Cannot/);
          expect(r.messageZh).toMatch(/不能/);
        }
      }
    }
  });

  it('refuses anything on a closed order', () => {
    const closed = apply(order(), [
      ['start', 'A', at('2024-07-08', '11:00')],
      ['submit', 'A', at('2024-07-08', '12:00')],
      ['pass', 'B', at('2024-07-08', '13:00')],
    ]);
    expect(allowedActions(closed)).toEqual([]);
    expect(transition(closed, { type: 'fail' }, 'C', at('2024-07-09', '09:00'))).toMatchObject({ ok: false, reason: 'already_closed' });
  });

  it('refuses a step dated before the previous one, and a step with no actor', () => {
    const started = apply(order(), [['start', 'A', at('2024-07-08', '11:00')]]);
    expect(transition(started, { type: 'submit' }, 'A', at('2024-07-08', '10:59'))).toMatchObject({ ok: false, reason: 'before_previous_step' });
    expect(transition(order(), { type: 'start' }, 'A', at('2024-07-08', '09:00'))).toMatchObject({ ok: false, reason: 'before_previous_step' });
    expect(transition(order(), { type: 'start' }, '  ', at('2024-07-08', '11:00'))).toMatchObject({ ok: false, reason: 'missing_actor' });
  });

  it('turns a refusal into a translated Conflict', () => {
    const r = transition(order(), { type: 'pass' }, 'B', at('2024-07-08', '11:00'));
    if (r.ok) throw new Error('should refuse');
    const err = refusalError(r);
    expect(err).toBeInstanceOf(Conflict);
    expect(err.toBody()).toMatchObject({ code: 'conflict', key: 'errors.hazards.rectification.illegal_transition', params: { reason: 'illegal_transition' } });
  });

  it('property: whatever is tried, the order only moves along the graph and closes only after someone else’s re-check', () => {
    const edges = new Set(['pending>in_progress', 'in_progress>awaiting_recheck', 'awaiting_recheck>closed', 'awaiting_recheck>in_progress']);
    const step = fc.record({ type: fc.constantFrom<RectificationActionType>('start', 'submit', 'pass', 'fail'), actor: fc.constantFrom('A', 'B', 'C'), dt: fc.integer({ min: -3_600_000, max: 86_400_000 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let cur = order();
        let t = cur.createdAtMs;
        let accepted = 0;
        for (const s of steps) {
          const r = transition(cur, { type: s.type }, s.actor, t + s.dt);
          if (r.ok) {
            cur = r.order;
            t += s.dt;
            accepted++;
          }
        }
        expect(cur.history).toHaveLength(accepted);
        for (const h of cur.history) expect(edges.has(`${h.from}>${h.to}`)).toBe(true);
        for (let i = 1; i < cur.history.length; i++) expect(cur.history[i].atMs).toBeGreaterThanOrEqual(cur.history[i - 1].atMs);
        if (cur.status === 'closed') {
          const last = cur.history.at(-1)!;
          const lastSubmit = [...cur.history].reverse().find((h) => h.action === 'submit')!;
          expect(last.actor).not.toBe(lastSubmit.actor);
        }
      }),
    );
  });
});

describe('isOverdue across the duty-day boundary', () => {
  const deadline = '2024-07-10';

  it('is not overdue during the deadline day, nor at 03:00 or 07:59 the next calendar day', () => {
    const o = order(deadline);
    expect(isOverdue(o, at('2024-07-10', '08:00'))).toBe(false);
    expect(isOverdue(o, at('2024-07-10', '23:59'))).toBe(false);
    expect(isOverdue(o, at('2024-07-11', '03:00'))).toBe(false);
    expect(isOverdue(o, at('2024-07-11', '07:59'))).toBe(false);
  });

  it('is overdue from the next duty day’s start, and counts whole duty days', () => {
    const o = order(deadline);
    expect(isOverdue(o, at('2024-07-11', '08:00'))).toBe(true);
    expect(daysOverdue(o, at('2024-07-11', '08:00'))).toBe(1);
    expect(daysOverdue(o, at('2024-07-14', '03:00'))).toBe(3);
    expect(daysOverdue(o, at('2024-07-14', '09:00'))).toBe(4);
    expect(daysOverdue(o, at('2024-07-01', '09:00'))).toBe(0);
  });

  it('follows the boundary setting (09:00) and zone', () => {
    const o = order(deadline);
    const nine = { dutyDayBoundary: '09:00', timeZone: 'Asia/Shanghai' };
    expect(isOverdue(o, at('2024-07-11', '08:30'), nine)).toBe(false);
    expect(isOverdue(o, at('2024-07-11', '08:30'))).toBe(true);
    expect(isOverdue(o, at('2024-07-11', '09:00'), nine)).toBe(true);
    // 2024-07-10 23:30 UTC is 07:30 on the 11th in Shanghai (still the 10th's duty day) but 08:30 in Tokyo.
    expect(isOverdue(o, Date.UTC(2024, 6, 10, 23, 30), { dutyDayBoundary: '08:00', timeZone: 'Asia/Tokyo' })).toBe(true);
    expect(isOverdue(o, Date.UTC(2024, 6, 10, 23, 30))).toBe(false);
  });

  it('never counts a closed order, nor one whose fix was handed in on time and awaits re-check', () => {
    const onTime = apply(order(deadline), [
      ['start', 'A', at('2024-07-09', '09:00')],
      ['submit', 'A', at('2024-07-11', '02:00')],
    ]);
    expect(onTime.status).toBe('awaiting_recheck');
    expect(isOverdue(onTime, at('2024-07-12', '10:00'))).toBe(false);

    const late = apply(order(deadline), [
      ['start', 'A', at('2024-07-09', '09:00')],
      ['submit', 'A', at('2024-07-11', '08:05')],
    ]);
    expect(isOverdue(late, at('2024-07-12', '10:00'))).toBe(true);

    const closedLate = ok(transition(late, { type: 'pass' }, 'B', at('2024-07-12', '10:00')));
    expect(isOverdue(closedLate, at('2024-07-20', '10:00'))).toBe(false);
    expect(fixedLate(closedLate)).toBe(true);
    const closedOnTime = ok(transition(onTime, { type: 'pass' }, 'B', at('2024-07-12', '10:00')));
    expect(fixedLate(closedOnTime)).toBe(false);
  });
});

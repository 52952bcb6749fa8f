import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../core/time';
import type { Movement } from '../../../core/domain/evac/model';
import { applyMovement, initialState, replayPerson, stateAt, statusAt, type PersonEvacState } from '../../../core/domain/evac/state';

const at = (time: string, date = '2023-09-01') => zonedToUtc(date, time);
const base = { eventId: 'saola', personId: 'p1' };
const moved = (time: string): Movement => ({ ...base, kind: 'moved', at: at(time), from: { kind: 'hazard_point', hazardPointId: 'hp-1' }, by: '王敏' });
const checkIn = (time: string, shelterId = 's-school'): Movement => ({ ...base, kind: 'check_in', at: at(time), shelterId });
const transfer = (time: string, toShelterId: string): Movement => ({ ...base, kind: 'transfer', at: at(time), toShelterId });
const returned = (time: string): Movement => ({ ...base, kind: 'returned', at: at(time) });
const dispersed = (time: string): Movement => ({ ...base, kind: 'dispersed', at: at(time), where: '女儿家' });

function run(movements: Movement[]): PersonEvacState {
  let state = initialState('saola', 'p1');
  for (const m of movements) {
    const result = applyMovement(state, m);
    if (!result.ok) throw new Error(`unexpected refusal ${result.reason} for ${m.kind}`);
    state = result.state;
  }
  return state;
}

function refusal(movements: Movement[], last: Movement) {
  const result = applyMovement(run(movements), last);
  if (result.ok) throw new Error(`expected ${last.kind} to be refused`);
  return result;
}

describe('applyMovement', () => {
  it('walks a normal evacuation: moved → shelter → transfer → home', () => {
    const s1 = run([moved('10:00')]);
    expect(s1).toMatchObject({ status: 'moved', shelterId: null, trips: 1, firstMovedAt: at('10:00'), firstPlacement: null });
    const s2 = run([moved('10:00'), checkIn('10:40')]);
    expect(s2).toMatchObject({ status: 'in_shelter', shelterId: 's-school', firstPlacement: { kind: 'shelter', shelterId: 's-school' } });
    const s3 = run([moved('10:00'), checkIn('10:40'), transfer('13:00', 's-hotel')]);
    expect(s3).toMatchObject({ status: 'in_shelter', shelterId: 's-hotel', firstPlacement: { kind: 'shelter', shelterId: 's-school' } });
    const s4 = run([moved('10:00'), checkIn('10:40'), transfer('13:00', 's-hotel'), returned('18:00')]);
    expect(s4).toMatchObject({ status: 'returned', shelterId: null, lastAt: at('18:00') });
  });

  it('does not mutate the state it is given', () => {
    const s = run([moved('10:00')]);
    const copy = structuredClone(s);
    applyMovement(s, checkIn('11:00'));
    expect(s).toEqual(copy);
  });

  it('refuses a return before the move, with the times in the message', () => {
    const r = refusal([moved('10:00')], returned('09:30'));
    expect(r.reason).toBe('time_before_move');
    expect(r.messageZh).toBe('时间 2023-09-01 09:30 早于转移时间 2023-09-01 10:00');
    expect(r.message).toBe('The time 2023-09-01 09:30 is before the move at 2023-09-01 10:00');
  });

  it('refuses times going backwards after the move', () => {
    expect(refusal([moved('10:00'), checkIn('12:00')], returned('11:00')).reason).toBe('time_backwards');
    expect(refusal([moved('10:00'), checkIn('12:00')], transfer('11:59', 's-hotel')).reason).toBe('time_backwards');
  });

  it('accepts steps at the same instant as the previous one', () => {
    expect(run([moved('10:00'), checkIn('10:00'), returned('10:00')]).status).toBe('returned');
  });

  it('refuses a check-in after returning home without a new move', () => {
    const r = refusal([moved('10:00'), checkIn('11:00'), returned('15:00')], checkIn('16:00'));
    expect(r.reason).toBe('already_returned');
    expect(r.messageZh).toContain('已返回');
  });

  it('a returned person can be moved again and is then back in a shelter', () => {
    const s = run([moved('10:00'), checkIn('11:00'), returned('15:00'), moved('20:00'), checkIn('20:30', 's-hotel')]);
    expect(s).toMatchObject({ status: 'in_shelter', shelterId: 's-hotel', trips: 2, firstMovedAt: at('10:00'), movedAt: at('20:00') });
    // The second trip's start is the reference for "before the move".
    expect(refusal([moved('10:00'), returned('15:00'), moved('20:00')], checkIn('19:00')).reason).toBe('time_before_move');
  });

  it('refuses anything but a move for a person never moved', () => {
    for (const m of [checkIn('10:00'), returned('10:00'), dispersed('10:00'), transfer('10:00', 's-x')]) {
      expect(refusal([], m).reason).toBe('not_moved');
    }
  });

  it('refuses moving a person who is already out', () => {
    expect(refusal([moved('10:00')], moved('11:00')).reason).toBe('already_out');
    expect(refusal([moved('10:00'), checkIn('11:00')], moved('12:00')).reason).toBe('already_out');
  });

  it('separates check-in, transfer and same-status repeats', () => {
    expect(refusal([moved('10:00'), checkIn('11:00')], checkIn('12:00', 's-hotel')).reason).toBe('already_in_shelter');
    expect(refusal([moved('10:00')], transfer('12:00', 's-hotel')).reason).toBe('not_in_shelter');
    expect(refusal([moved('10:00'), checkIn('11:00')], transfer('12:00', 's-school')).reason).toBe('same_shelter');
    expect(refusal([moved('10:00'), dispersed('11:00')], dispersed('12:00')).reason).toBe('already_in_status');
    expect(refusal([moved('10:00'), returned('11:00')], returned('12:00')).reason).toBe('already_returned');
  });

  it('lets dispersed, elsewhere and unknown people be placed later', () => {
    const s = run([moved('10:00'), dispersed('11:00'), { ...base, kind: 'unknown', at: at('12:00') }, checkIn('13:00')]);
    expect(s).toMatchObject({ status: 'in_shelter', shelterId: 's-school', firstPlacement: { kind: 'dispersed' } });
  });

  it('refuses malformed records', () => {
    expect(refusal([], { ...moved('10:00'), at: Number.NaN }).reason).toBe('invalid_time');
    expect(refusal([], { ...moved('10:00'), eventId: 'haikui' }).reason).toBe('wrong_event');
    expect(refusal([], { ...moved('10:00'), personId: 'p2' }).reason).toBe('wrong_person');
    expect(refusal([], { ...base, kind: 'moved', at: at('10:00'), from: { kind: 'address', address: '  ' } }).reason).toBe('missing_source');
    expect(refusal([moved('10:00')], checkIn('11:00', '')).reason).toBe('missing_shelter');
  });
});

describe('replayPerson / statusAt', () => {
  const log: Movement[] = [moved('10:00'), checkIn('10:40'), transfer('13:00', 's-hotel'), returned('18:00')];

  it('gives the status at any instant, steps counting from their own minute', () => {
    expect(statusAt(log, at('09:59'))).toBeNull();
    expect(statusAt(log, at('10:00'))).toBe('moved');
    expect(statusAt(log, at('10:39'))).toBe('moved');
    expect(statusAt(log, at('10:40'))).toBe('in_shelter');
    expect(statusAt(log, at('17:59'))).toBe('in_shelter');
    expect(statusAt(log, at('18:00'))).toBe('returned');
    expect(statusAt(log, at('08:00', '2023-09-05'))).toBe('returned');
    expect(statusAt([], at('10:00'))).toBeNull();
  });

  it('orders late-entered records by time', () => {
    const late = [checkIn('10:40'), returned('18:00'), moved('10:00')];
    const timeline = replayPerson(late);
    expect(timeline.refused).toEqual([]);
    expect(timeline.final.status).toBe('returned');
    expect(stateAt(timeline, at('12:00'))?.shelterId).toBe('s-school');
  });

  it('skips refused records and reports them', () => {
    const timeline = replayPerson([moved('10:00'), returned('12:00'), checkIn('13:00'), returned('14:00')]);
    expect(timeline.refused.map((r) => r.refusal.reason)).toEqual(['already_returned', 'already_returned']);
    expect(timeline.accepted).toHaveLength(2);
    expect(statusAt([moved('10:00'), returned('12:00'), checkIn('13:00')], at('13:30'))).toBe('returned');
  });
});

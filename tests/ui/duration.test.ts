import { describe, expect, it } from 'vitest';
import { hoursMinutes } from '../../renderer/format/duration';

const min = 60_000;

describe('hoursMinutes', () => {
  it('says hours and minutes, never minutes past 59 or seconds', () => {
    expect(hoursMinutes(125 * min)).toBe('2:05');
    expect(hoursMinutes(9 * min)).toBe('0:09');
    expect(hoursMinutes(60 * min)).toBe('1:00');
    expect(hoursMinutes(26 * 60 * min)).toBe('26:00');
  });

  it('rounds up, so a deadline seconds away is not shown as reached', () => {
    expect(hoursMinutes(29 * min + 59_000)).toBe('0:30');
    expect(hoursMinutes(1000)).toBe('0:01');
    expect(hoursMinutes(0)).toBe('0:00');
  });

  it('marks time past the deadline', () => {
    expect(hoursMinutes(-42 * min)).toBe('−0:42');
    expect(hoursMinutes(-(2 * 60 + 30) * min)).toBe('−2:30');
  });

  it('shows a dash for an unreadable time', () => {
    expect(hoursMinutes(Number.NaN)).toBe('—');
  });
});

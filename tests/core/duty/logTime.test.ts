import { describe, expect, it } from 'vitest';
import { checkLogTime } from '../../../core/domain/duty/logTime';
import { zonedToUtc } from '../../../core/time';

const zone = 'Asia/Shanghai';
const at = (date: string, time: string) => zonedToUtc(date, time, zone);

describe('checkLogTime', () => {
  // 03:00 on the 5th belongs to the duty day of the 4th (08:00 boundary); the previous one began at 08:00 on the 3rd.
  const now = at('2026-07-05', '03:00');

  it('accepts the current and the previous duty day', () => {
    expect(checkLogTime(now, now, '08:00', zone)).toBe('ok');
    expect(checkLogTime(at('2026-07-03', '08:00'), now, '08:00', zone)).toBe('ok');
  });

  it('asks about anything before the previous duty day', () => {
    expect(checkLogTime(at('2026-07-03', '07:59'), now, '08:00', zone)).toBe('past');
    expect(checkLogTime(at('2020-07-01', '09:30'), now, '08:00', zone)).toBe('past');
  });

  it('allows a few minutes ahead of the clock, not more', () => {
    expect(checkLogTime(now + 5 * 60_000, now, '08:00', zone)).toBe('ok');
    expect(checkLogTime(now + 5 * 60_000 + 1, now, '08:00', zone)).toBe('future');
  });

  it('follows the configured boundary', () => {
    expect(checkLogTime(at('2026-07-03', '07:00'), now, '06:00', zone)).toBe('ok');
  });
});

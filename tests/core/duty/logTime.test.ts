import { describe, expect, it } from 'vitest';
import { isBackDated } from '../../../core/domain/duty/logTime';
import { zonedToUtc } from '../../../core/time';

const zone = 'Asia/Shanghai';
const at = (date: string, time: string) => zonedToUtc(date, time, zone);

describe('isBackDated', () => {
  // 03:00 on the 5th belongs to the duty day of the 4th (08:00 boundary); the previous one began at 08:00 on the 3rd.
  const now = at('2026-07-05', '03:00');

  it('accepts the current and the previous duty day', () => {
    expect(isBackDated(now, now, '08:00', zone)).toBe(false);
    expect(isBackDated(at('2026-07-03', '08:00'), now, '08:00', zone)).toBe(false);
  });

  it('asks about anything before the previous duty day', () => {
    expect(isBackDated(at('2026-07-03', '07:59'), now, '08:00', zone)).toBe(true);
    expect(isBackDated(at('2020-07-01', '09:30'), now, '08:00', zone)).toBe(true);
  });

  it('leaves times ahead of the clock to the server', () => {
    expect(isBackDated(now + 86_400_000, now, '08:00', zone)).toBe(false);
  });

  it('follows the configured boundary', () => {
    expect(isBackDated(at('2026-07-03', '07:00'), now, '06:00', zone)).toBe(false);
  });
});

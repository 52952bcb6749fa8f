import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { PUBLISHED_HOLIDAY_YEARS } from '../../../core/domain/duty/holidays';
import { generateRota } from '../../../core/domain/duty/rota';
import { isWeekendOrHoliday, makeCalendar } from '../../../core/domain/duty/types';
import { weekdayOf } from '../../../core/time';
import { person } from './helpers';

const { holidays, workdays } = DEFAULT_SETTINGS.duty;
const calendar = makeCalendar(holidays, workdays);

describe('the public holidays a new office starts with', () => {
  it('count 国庆 2026-10-01 (a Thursday) as a holiday and the 调休 Saturday 2026-10-10 as a working day', () => {
    expect(weekdayOf('2026-10-01')).toBe(4);
    expect(isWeekendOrHoliday('2026-10-01', calendar)).toBe(true);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(isWeekendOrHoliday('2026-10-10', calendar)).toBe(false);
    // An ordinary Saturday stays a weekend.
    expect(isWeekendOrHoliday('2026-10-17', calendar)).toBe(true);
  });

  it('give the rota the holiday as weekend duty and the 调休 Saturday as a weekday', () => {
    const roster = [person('L1', ['leader']), person('o1', ['officer'])];
    const holiday = generateRota({ roster, from: '2026-10-01', to: '2026-10-01', officersPerDay: 1, holidays, workdays });
    expect(holiday.fairness.o1).toEqual({ total: 1, weekendOrHoliday: 1, backup: 0 });
    const makeUp = generateRota({ roster, from: '2026-10-10', to: '2026-10-10', officersPerDay: 1, holidays, workdays });
    expect(makeUp.fairness.o1).toEqual({ total: 1, weekendOrHoliday: 0, backup: 0 });
  });

  it('hold only published years, each with its 7 festivals and 调休 days that fall on weekends', () => {
    expect(PUBLISHED_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2025, 2026]);
    for (const year of PUBLISHED_HOLIDAY_YEARS) {
      expect(year.source).toContain(`${year.year}年部分节假日安排`);
      for (const day of year.workdays) expect([6, 7], day).toContain(weekdayOf(day));
      for (const day of [...year.holidays, ...year.workdays]) expect(day.startsWith(`${year.year}-`), day).toBe(true);
      expect(new Set(year.holidays).size).toBe(year.holidays.length);
    }
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(PUBLISHED_HOLIDAY_YEARS.map((y) => y.holidays.length)).toEqual([28, 33]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { RotaMonthView } from '../../../core/contract/dutyShared';
import type { Settings } from '../../../core/settings';
import { createTestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('a new office starts with the published public holidays', () => {
  it('marks 国庆 as holidays and the 调休 Saturday as a working day in the rota, and keeps edits', () => {
    const t = createTestDb();
    cleanups.push(t.close);
    const day = (month: RotaMonthView, date: string) => month.days.find((d) => d.date === date)!;
    let october = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-10' });
    expect(day(october, '2026-10-01')).toMatchObject({ holiday: true, weekendOrHoliday: true });
    expect(day(october, '2026-10-10')).toMatchObject({ holiday: false, weekendOrHoliday: false });

    // An office that does not give 10-07 off removes it; the rest stays.
    const { duty } = t.call<Settings>('settings.get');
    t.call('settings.update', { section: 'duty', values: { holidays: duty.holidays.filter((d) => d !== '2026-10-07') } });
    october = t.call<RotaMonthView>('duty.rotaMonth', { month: '2026-10' });
    expect(day(october, '2026-10-07')).toMatchObject({ holiday: false, weekendOrHoliday: false });
    expect(day(october, '2026-10-06')).toMatchObject({ holiday: true });
  });
});

import { addDays, daysBetween, type LocalDate } from '../../time';

/** One year's days off and 调休 working days, as the State Council's notice gives them. */
export interface HolidayYear {
  year: number;
  /** The notice the dates are copied from. */
  source: string;
  holidays: LocalDate[];
  /** Weekend days that are working days (调休上班). */
  workdays: LocalDate[];
}

const span = (from: LocalDate, to: LocalDate): LocalDate[] => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

/**
 * Only years the State Council has published. The 调休 days cannot be derived from a rule (the
 * notice decides them each year, usually in November for the next year), so no later year is
 * guessed here: an office adds it from the notice in the duty settings once it is out.
 */
export const PUBLISHED_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    holidays: [
      '2025-01-01', // 元旦
      ...span('2025-01-28', '2025-02-04'), // 春节
      ...span('2025-04-04', '2025-04-06'), // 清明节
      ...span('2025-05-01', '2025-05-05'), // 劳动节
      ...span('2025-05-31', '2025-06-02'), // 端午节
      ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

export const DEFAULT_HOLIDAYS: readonly LocalDate[] = PUBLISHED_HOLIDAY_YEARS.flatMap((y) => y.holidays);
export const DEFAULT_WORKDAYS: readonly LocalDate[] = PUBLISHED_HOLIDAY_YEARS.flatMap((y) => y.workdays);
/** The last year the defaults cover; the settings screen says later years must be entered. */
export const LAST_PUBLISHED_HOLIDAY_YEAR = Math.max(...PUBLISHED_HOLIDAY_YEARS.map((y) => y.year));

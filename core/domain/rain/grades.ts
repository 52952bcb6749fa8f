import { roundToTenth } from './readings';
import type { RollingKey, RollingTotals } from './sums';

/**
 * Precipitation grades of GB/T 28592-2012 (降水量等级) for 24 h and 12 h totals, and
 * the rainstorm warning signal suggested by rolling totals.
 *
 * The standard's classes are written to 0.1 mm (小雨 0.1–9.9, 中雨 10.0–24.9 …), so a
 * total is rounded to 0.1 mm, halves upwards, before it is graded: 9.95 mm is reported
 * as 10.0 and graded 中雨, 9.94 mm as 9.9 and 小雨. That way the grade always agrees
 * with the figure printed next to it. Below 0.05 mm (including trace) there is no grade.
 * There is no national 1 h grade; any 1 h label would be local policy.
 */

export type RainGrade = 'light' | 'moderate' | 'heavy' | 'torrential' | 'heavy_torrential' | 'extreme_torrential';
export type GradeWindow = '24h' | '12h';

export const RAIN_GRADES: readonly RainGrade[] = ['light', 'moderate', 'heavy', 'torrential', 'heavy_torrential', 'extreme_torrential'];

export const RAIN_GRADE_LABELS: Record<RainGrade, { zh: string; en: string }> = {
  light: { zh: '小雨', en: 'light rain' },
  moderate: { zh: '中雨', en: 'moderate rain' },
  heavy: { zh: '大雨', en: 'heavy rain' },
  torrential: { zh: '暴雨', en: 'torrential rain' },
  heavy_torrential: { zh: '大暴雨', en: 'heavy torrential rain' },
  extreme_torrential: { zh: '特大暴雨', en: 'extremely torrential rain' },
};

/** Lower bound (mm, inclusive) of each grade, in the order of RAIN_GRADES. */
export const GRADE_LOWER_BOUNDS: Record<GradeWindow, readonly number[]> = {
  '24h': [0.1, 10, 25, 50, 100, 250],
  '12h': [0.1, 5, 15, 30, 70, 140],
};

/**
 * UI colour per grade: a CSS variable the themes may override, and the fallback from
 * the CMA precipitation map palette (light green → green → blue → dark blue → magenta
 * → maroon), which people in the trade read at a glance.
 */
export const RAIN_GRADE_COLOURS: Record<RainGrade, { cssVar: string; fallback: string }> = {
  light: { cssVar: '--rain-grade-light', fallback: '#a6f28f' },
  moderate: { cssVar: '--rain-grade-moderate', fallback: '#3dba3d' },
  heavy: { cssVar: '--rain-grade-heavy', fallback: '#61b8ff' },
  torrential: { cssVar: '--rain-grade-torrential', fallback: '#0000ff' },
  heavy_torrential: { cssVar: '--rain-grade-heavy-torrential', fallback: '#fa00fa' },
  extreme_torrential: { cssVar: '--rain-grade-extreme-torrential', fallback: '#800040' },
};

/** `var(--rain-grade-…, #fallback)` for style attributes. */
export function gradeColour(grade: RainGrade): string {
  const c = RAIN_GRADE_COLOURS[grade];
  return `var(${c.cssVar}, ${c.fallback})`;
}

export interface GradeInfo {
  grade: RainGrade;
  zh: string;
  en: string;
  /** the total as graded, rounded to 0.1 mm */
  roundedMm: number;
}

/** Grade of a 24 h or 12 h total; null for no rain, trace, missing or invalid input. */
export function gradeRain(mm: number | null | undefined, window: GradeWindow = '24h'): GradeInfo | null {
  if (mm === null || mm === undefined || !Number.isFinite(mm) || mm < 0) return null;
  const rounded = roundToTenth(mm);
  const bounds = GRADE_LOWER_BOUNDS[window];
  let index = -1;
  for (let i = 0; i < bounds.length; i++) if (rounded >= bounds[i]) index = i;
  if (index < 0) return null;
  const grade = RAIN_GRADES[index];
  return { grade, ...RAIN_GRADE_LABELS[grade], roundedMm: rounded };
}

export type SignalColour = 'blue' | 'yellow' | 'orange' | 'red';
export const SIGNAL_ORDER: readonly SignalColour[] = ['blue', 'yellow', 'orange', 'red'];

export type SignalThresholds = Record<SignalColour, { window: RollingKey; mm: number }>;

/** National defaults (DOMAIN §3); provinces differ, so these are settings. */
export const DEFAULT_SIGNAL_THRESHOLDS: SignalThresholds = {
  blue: { window: 'h12', mm: 50 },
  yellow: { window: 'h6', mm: 50 },
  orange: { window: 'h3', mm: 50 },
  red: { window: 'h3', mm: 100 },
};

export const SIGNAL_LABELS: Record<SignalColour, { zh: string; en: string }> = {
  blue: { zh: '暴雨蓝色预警', en: 'blue rainstorm warning' },
  yellow: { zh: '暴雨黄色预警', en: 'yellow rainstorm warning' },
  orange: { zh: '暴雨橙色预警', en: 'orange rainstorm warning' },
  red: { zh: '暴雨红色预警', en: 'red rainstorm warning' },
};

export const SIGNAL_COLOURS: Record<SignalColour, { cssVar: string; fallback: string }> = {
  blue: { cssVar: '--signal-blue', fallback: '#1e6fd9' },
  yellow: { cssVar: '--signal-yellow', fallback: '#f2c200' },
  orange: { cssVar: '--signal-orange', fallback: '#f27200' },
  red: { cssVar: '--signal-red', fallback: '#d9001b' },
};

/**
 * The highest signal whose threshold the observed rolling totals reach (≥, after
 * rounding to 0.1 mm). Totals from windows with gaps may be passed: they are lower
 * bounds, so reaching a threshold with them is still real. A null or absent total
 * triggers nothing. This only suggests: signals are issued by the met service.
 */
export function suggestRainstormSignal(rolling: RollingTotals, thresholds: SignalThresholds = DEFAULT_SIGNAL_THRESHOLDS): SignalColour | null {
  for (let i = SIGNAL_ORDER.length - 1; i >= 0; i--) {
    const colour = SIGNAL_ORDER[i];
    const { window, mm } = thresholds[colour];
    const total = rolling[window];
    if (total !== null && total !== undefined && Number.isFinite(total) && roundToTenth(total) >= mm) return colour;
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNAL_THRESHOLDS, gradeColour, gradeRain, RAIN_GRADE_COLOURS, RAIN_GRADES, suggestRainstormSignal } from '../../../core/domain/rain/grades';

const g24 = (mm: number | null) => gradeRain(mm, '24h')?.grade ?? null;
const g12 = (mm: number | null) => gradeRain(mm, '12h')?.grade ?? null;

describe('gradeRain 24 h (GB/T 28592-2012)', () => {
  it.each([
    [0, null],
    [0.04, null],
    [0.05, 'light'],
    [0.1, 'light'],
    [9.9, 'light'],
    [9.94, 'light'],
    [9.95, 'moderate'],
    [10.0, 'moderate'],
    [24.9, 'moderate'],
    [25, 'heavy'],
    [49.9, 'heavy'],
    [50.0, 'torrential'],
    [99.9, 'torrential'],
    [100, 'heavy_torrential'],
    [249.9, 'heavy_torrential'],
    [249.95, 'extreme_torrential'],
    [250, 'extreme_torrential'],
    [612.4, 'extreme_torrential'],
  ])('%s mm → %s', (mm, grade) => {
    expect(g24(mm)).toBe(grade);
  });

  it('grades a floating-point sum that is 50 in tenths as 暴雨', () => {
    expect(g24(24.9 + 25.1)).toBe('torrential');
    expect(g24(49.99999999)).toBe('torrential');
  });

  it('gives no grade for missing or invalid input', () => {
    expect(gradeRain(null)).toBeNull();
    expect(gradeRain(undefined)).toBeNull();
    expect(gradeRain(Number.NaN)).toBeNull();
    expect(gradeRain(-1)).toBeNull();
  });

  it('labels in both languages with the graded figure', () => {
    expect(gradeRain(9.95)).toEqual({ grade: 'moderate', zh: '中雨', en: 'moderate rain', roundedMm: 10 });
    expect(gradeRain(250)?.zh).toBe('特大暴雨');
    expect(gradeRain(0.1)?.zh).toBe('小雨');
  });
});

describe('gradeRain 12 h', () => {
  it.each([
    [4.9, 'light'],
    [5, 'moderate'],
    [14.9, 'moderate'],
    [15, 'heavy'],
    [29.9, 'heavy'],
    [30, 'torrential'],
    [69.9, 'torrential'],
    [70, 'heavy_torrential'],
    [139.9, 'heavy_torrential'],
    [140, 'extreme_torrential'],
  ])('%s mm → %s', (mm, grade) => {
    expect(g12(mm)).toBe(grade);
  });
});

describe('grade colours', () => {
  it('has a CSS variable and fallback for every grade', () => {
    for (const grade of RAIN_GRADES) expect(RAIN_GRADE_COLOURS[grade].fallback).toMatch(/^#[0-9a-f]{6}$/);
    expect(gradeColour('torrential')).toBe('var(--rain-grade-torrential, #0000ff)');
  });
});

describe('suggestRainstormSignal', () => {
  it('uses the national defaults', () => {
    expect(DEFAULT_SIGNAL_THRESHOLDS.red).toEqual({ window: 'h3', mm: 100 });
    expect(suggestRainstormSignal({ h3: 100, h6: 100, h12: 100 })).toBe('red');
    expect(suggestRainstormSignal({ h3: 99.9, h6: 120, h12: 130 })).toBe('orange');
    expect(suggestRainstormSignal({ h3: 50, h6: 50, h12: 50 })).toBe('orange');
    expect(suggestRainstormSignal({ h3: 49.9, h6: 50, h12: 50 })).toBe('yellow');
    expect(suggestRainstormSignal({ h3: 30, h6: 49.9, h12: 50 })).toBe('blue');
    expect(suggestRainstormSignal({ h3: 30, h6: 40, h12: 49.9 })).toBeNull();
    expect(suggestRainstormSignal({ h3: 0, h6: 0, h12: 0 })).toBeNull();
  });

  it('treats 49.95 as reaching 50 (rounded to 0.1 first)', () => {
    expect(suggestRainstormSignal({ h12: 49.95 })).toBe('blue');
    expect(suggestRainstormSignal({ h12: 49.94 })).toBeNull();
  });

  it('ignores missing totals', () => {
    expect(suggestRainstormSignal({ h3: null, h6: null, h12: 60 })).toBe('blue');
    expect(suggestRainstormSignal({})).toBeNull();
  });

  it('follows local thresholds, including a 1 h rule', () => {
    const local = { ...DEFAULT_SIGNAL_THRESHOLDS, yellow: { window: 'h1' as const, mm: 30 } };
    expect(suggestRainstormSignal({ h1: 30, h3: 31, h6: 31, h12: 31 }, local)).toBe('yellow');
    expect(suggestRainstormSignal({ h1: 30, h3: 31 })).toBeNull();
  });
});

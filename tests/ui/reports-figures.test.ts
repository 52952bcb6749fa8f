import { describe, expect, it } from 'vitest';
import { figureText, figuresOf, sectionText } from '../../renderer/sections/reports/draft';
import type { RainFacts, ReportFacts } from '../../renderer/sections/reports/gather';
import { translate, type TKey } from '../../renderer/i18n';

const zh = (key: TKey) => translate('zh-CN', key);

function rain(overrides: Partial<RainFacts>): ReportFacts {
  const base: RainFacts = { sentence: { zh: '', en: '' }, hasData: true, days: 3, rainDays: 1, areaTotalMm: 12.34, wettestDay: '2026-11-27', wettestStation: '莲花一村', peakM: null, daysAboveWarning: null, lastDayUntil: null };
  return { rain: { ...base, ...overrides }, prep: null, duty: null, response: null };
}

const areaTotal = (facts: ReportFacts) => figureText(figuresOf('rain', facts)!.find((f) => f.label === 'reports.fig.areaTotal')!, zh);

describe('report figures say why a value is missing', () => {
  it('shows the area total when every gauge covers the period', () => {
    expect(areaTotal(rain({}))).toBe('12.3');
  });

  it('calls a total held back by gaps incomplete, not "no record"', () => {
    expect(areaTotal(rain({ areaTotalMm: null }))).toBe('数据不全');
  });

  it('says up to when the rain figures run while the last day is not over, and drafts the sentence that says so', () => {
    const sentence = { zh: '本次过程 2 天，降水量 86.4 毫米；截至 11 月 28 日 10:00，当日降雨尚未结束。', en: 'This storm: 2 days, 86.4 mm of rain; the last day is incomplete (to 10:00 on 28 November).' };
    const facts = rain({ lastDayUntil: '2026-11-28 10:00', sentence });
    const figures = figuresOf('rain', facts)!;
    expect(figureText(figures.find((f) => f.label === 'reports.fig.rainUntil')!, zh)).toBe('2026-11-28 10:00');
    expect(areaTotal(facts)).toBe('12.3');
    expect(sectionText('rain', facts, 'zh')).toContain('截至 11 月 28 日 10:00，当日降雨尚未结束');
    expect(sectionText('rain', facts, 'en')).toContain('the last day is incomplete (to 10:00');
    expect(figuresOf('rain', rain({}))!.some((f) => f.label === 'reports.fig.rainUntil')).toBe(false);
  });

  it('says "no record" when no gauge has a reading at all', () => {
    expect(areaTotal(rain({ hasData: false, areaTotalMm: null }))).toBe('无记录');
  });
});

import { describe, expect, it } from 'vitest';
import { figureText, figuresOf } from '../../renderer/sections/reports/draft';
import type { RainFacts, ReportFacts } from '../../renderer/sections/reports/gather';
import { translate, type TKey } from '../../renderer/i18n';

const zh = (key: TKey) => translate('zh-CN', key);

function rain(overrides: Partial<RainFacts>): ReportFacts {
  const base: RainFacts = { sentence: { zh: '', en: '' }, hasData: true, days: 3, rainDays: 1, areaTotalMm: 12.34, wettestDay: '2026-11-27', wettestStation: '莲花一村', peakM: null, daysAboveWarning: null };
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

  it('says "no record" when no gauge has a reading at all', () => {
    expect(areaTotal(rain({ hasData: false, areaTotalMm: null }))).toBe('无记录');
  });
});

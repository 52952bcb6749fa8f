import { describe, expect, it } from 'vitest';
import { rainSummarySentence } from '../../../core/domain/rain/summary';

describe('rainSummarySentence', () => {
  it('writes the full sentence', () => {
    const s = rainSummarySentence({
      periodName: { zh: '梅雨期', en: 'Plum-rain season' },
      days: 23,
      rainDays: 12,
      totalMm: 194.1,
      normalMm: 183.1,
      wettestDay: '2024-07-06',
      wettestStation: { zh: '长阳', en: 'Changyang' },
      peakLevelM: 8.72,
      daysAboveWarning: 4,
    });
    expect(s.zh).toBe('梅雨期 23 天，雨日 12 天，降水量 194.1 毫米，比常年同期偏多 6%；最大降雨日 7 月 6 日，最大降雨站点长阳站；最高水位 8.72 米，超警戒 4 天。');
    expect(s.en).toBe('Plum-rain season: 23 days, 12 rain days, 194.1 mm of rain, 6% above normal; wettest day 6 July, wettest station Changyang; peak water level 8.72 m, above warning level on 4 days.');
  });

  it('says 偏少 and 持平', () => {
    expect(rainSummarySentence({ totalMm: 90, normalMm: 100 }).zh).toBe('降水量 90.0 毫米，比常年同期偏少 10%。');
    expect(rainSummarySentence({ totalMm: 100.3, normalMm: 100 }).zh).toBe('降水量 100.3 毫米，与常年同期持平。');
  });

  it('leaves out what is absent instead of printing nonsense', () => {
    const s = rainSummarySentence({ days: 10, totalMm: null, normalMm: 100, wettestStation: { zh: '长阳站' }, peakLevelM: Number.NaN });
    expect(s.zh).toBe('共 10 天；最大降雨站点长阳站。');
    expect(s.en).toBe('10 days; wettest station 长阳站.');
    expect(rainSummarySentence({})).toEqual({ zh: '', en: '' });
    expect(rainSummarySentence({ totalMm: 50, normalMm: 0 }).zh).toBe('降水量 50.0 毫米。');
  });

  it('says the last day is still open, to what time, and claims no departure from the whole period\'s normal', () => {
    const s = rainSummarySentence({ periodName: { zh: '“苏拉”过程', en: 'Saola' }, days: 3, totalMm: 86.4, normalMm: 50, lastDayUntil: { day: '2023-09-02', time: '10:00' } });
    expect(s.zh).toBe('“苏拉”过程 3 天，降水量 86.4 毫米；截至 9 月 2 日 10:00，当日降雨尚未结束。');
    expect(s.en).toBe('Saola: 3 days, 86.4 mm of rain; the last day is incomplete (to 10:00 on 2 September).');
  });

  it('does not claim a departure from a total with gaps', () => {
    expect(rainSummarySentence({ totalMm: 120, totalIsLowerBound: true, normalMm: 200 }).zh).toBe('降水量不少于 120.0 毫米（部分数据缺测）。');
  });

  it('writes water figures alone and zero days above warning', () => {
    expect(rainSummarySentence({ peakLevelM: 7.5, daysAboveWarning: 0 })).toEqual({ zh: '最高水位 7.50 米，未超警戒。', en: 'Peak water level 7.50 m, never above warning level.' });
    expect(rainSummarySentence({ rainDays: 1 }).en).toBe('1 rain day.');
  });
});

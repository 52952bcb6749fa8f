import { describe, expect, it } from 'vitest';
import { statSentence } from '../../core/domain/damage/statText';
import { damageText, draftText } from '../../renderer/sections/reports/draft';
import type { ReportFacts, ReportScope } from '../../renderer/sections/reports/gather';

const ZONE = 'Asia/Shanghai';
const values = { dead: 0, missing: 0, relocated: 12, moved_precaution: 30, direct_loss_wan: 4.8, affected_people: 56, needing_aid: null };
const facts = (damage: ReportFacts['damage']): ReportFacts => ({ rain: null, prep: null, duty: null, response: null, ...(damage === undefined ? {} : { damage }) });
const AS_OF = Date.UTC(2026, 6, 1, 4, 0);

describe("the summary's damage paragraph", () => {
  it('quotes a kept version by number, stage and time, in the same words as the statistics report', () => {
    const text = damageText(facts({ sent: { seq: 2, stage: 'update' }, asOfMs: AS_OF, values }), 'zh', ZONE);
    expect(text).toBe(`灾情（据统计快报第2版续报，统计截至2026-07-01 12:00）：${statSentence(values, 'zh')}`);
    expect(damageText(facts({ sent: { seq: 1, stage: 'initial' }, asOfMs: AS_OF, values }), 'en', ZONE)).toBe(
      `Damage (statistics report version 1, Initial report, as of 2026-07-01 12:00): ${statSentence(values, 'en')}`,
    );
  });

  it('says when the figures are the unsent draft, when they could not be read, and stays out of a report by days', () => {
    expect(damageText(facts({ sent: null, asOfMs: AS_OF, values }), 'zh', ZONE)).toMatch(/^灾情（据灾情登记起草，统计截至2026-07-01 12:00，尚未报送统计快报）：/);
    expect(damageText(facts(null), 'zh', ZONE)).toContain('读取失败');
    expect(damageText(facts(undefined), 'zh', ZONE)).toBeNull();
    const scope: ReportScope = { eventId: null, name: { zh: '7月', en: 'July' }, fromMs: 0, toMs: AS_OF, fromDay: '2026-07-01', toDay: '2026-07-01', timeZone: ZONE };
    expect(draftText(facts(undefined), scope, 'zh')).not.toContain('灾情（');
    expect(draftText(facts({ sent: null, asOfMs: AS_OF, values }), { ...scope, eventId: 'e' }, 'zh')).toContain(statSentence(values, 'zh'));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeStatFigures,
  evacCounts,
  nextStage,
  reportedIssues,
  restsOnUnverified,
  stageRefusal,
  STAT_ROW_IDS,
  STAT_ROWS,
  type KeptVersion,
  type MoveStep,
} from '../../../core/domain/damage/statReport';
import { statSentence } from '../../../core/domain/damage/statText';
import { damageTotals, type VersionFigures } from '../../../core/domain/damage/totals';

const step = (personId: string, kind: MoveStep['kind'], atMs: number): MoveStep => ({ personId, kind, atMs });

describe('紧急转移安置 and 转移避险 from the movement log', () => {
  // P1 moved at 1 and checked in at 2, returned at 5; P2 moved at 1, went to relatives at 3; P3 moved at 2, "elsewhere" at 3; P4 moved at 6.
  const steps = [
    step('P1', 'moved', 1), step('P1', 'check_in', 2), step('P2', 'moved', 1), step('P3', 'moved', 2),
    step('P2', 'dispersed', 3), step('P3', 'elsewhere', 3), step('P1', 'returned', 5), step('P4', 'moved', 6), step('P1', 'transfer', 4),
  ];
  it('counts the placed (shelter or 投亲靠友) for the statistics and everyone moved for flood control, each person once', () => {
    expect(evacCounts(steps, 0)).toEqual({ relocated: 0, moved: 0 });
    expect(evacCounts(steps, 1)).toEqual({ relocated: 0, moved: 2 });
    expect(evacCounts(steps, 2)).toEqual({ relocated: 1, moved: 3 });
    expect(evacCounts(steps, 3)).toEqual({ relocated: 2, moved: 3 });
    // Returning home does not undo having been resettled; a transfer is not a second person.
    expect(evacCounts(steps, 6)).toEqual({ relocated: 2, moved: 4 });
  });

  it('never counts more resettled than moved, and never falls as the instant moves on', () => {
    const arb = fc.array(fc.record({ personId: fc.constantFrom('a', 'b', 'c', 'd'), kind: fc.constantFrom(...(['moved', 'check_in', 'transfer', 'dispersed', 'elsewhere', 'returned', 'unknown'] as const)), atMs: fc.integer({ min: 0, max: 20 }) }));
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 20 }), (list, at) => {
        const now = evacCounts(list, at);
        const later = evacCounts(list, at + 1);
        return now.relocated <= now.moved && later.relocated >= now.relocated && later.moved >= now.moved;
      }),
    );
  });
});

describe('the rows of the quick report', () => {
  const v = (recordId: string, quantities: VersionFigures['quantities'], lossWan: number, status: VersionFigures['status']): VersionFigures => ({ recordId, version: 1, recordedAtMs: 1, status, quantities, lossWan });
  const totals = damageTotals([v('A', { houses_collapsed_households: 2, houses_collapsed_rooms: 5 }, 10, 'verified'), v('B', { houses_collapsed_households: 1 }, 2.5, 'reported'), v('C', { people_dead: 1 }, 0, 'verified')], new Map(), 10);
  const figures = computeStatFigures(totals, { relocated: 7, moved: 12 });
  const row = (id: string) => figures.find((f) => f.row === id)!;

  it('are the national rows in order with units, then the flood-control line', () => {
    expect(figures.map((f) => f.row)).toEqual([...STAT_ROW_IDS]);
    expect(STAT_ROW_IDS.map((id) => STAT_ROWS[id].zh)).toEqual([
      '受灾人口', '因灾死亡人口', '因灾失踪人口', '紧急转移安置人口', '需紧急生活救助人口', '倒塌房屋', '倒塌房屋', '严重损坏房屋', '严重损坏房屋',
      '一般损坏房屋', '一般损坏房屋', '农作物受灾面积', '农作物绝收面积', '直接经济损失', '转移避险人口（防汛口径）',
    ]);
    expect(STAT_ROW_IDS.filter((id) => STAT_ROWS[id].table === 'floodControl')).toEqual(['moved_precaution']);
    expect([row('collapsed_households').unit, row('collapsed_rooms').unit, row('crops_affected_ha').unit, row('direct_loss_wan').unit]).toEqual(['household', 'room', 'hectare', 'wan_yuan']);
  });

  it('take damage figures with their records and verified part, evacuation counts, and leave hand-entered rows empty (not 0)', () => {
    expect(row('collapsed_households')).toEqual({ row: 'collapsed_households', unit: 'household', computed: 3, verified: 2, recordIds: ['A', 'B'] });
    expect(row('direct_loss_wan')).toMatchObject({ computed: 12.5, verified: 10, recordIds: ['A', 'B'] });
    expect(row('dead')).toMatchObject({ computed: 1, verified: 1, recordIds: ['C'] });
    expect(row('relocated')).toMatchObject({ computed: 7, verified: null, recordIds: [] });
    expect(row('moved_precaution')).toMatchObject({ computed: 12 });
    expect(row('affected_people')).toMatchObject({ computed: null, verified: null });
    expect(row('needing_aid').computed).toBeNull();
    expect(restsOnUnverified(row('collapsed_households'))).toBe(true);
    expect(restsOnUnverified(row('dead'))).toBe(false);
    expect(restsOnUnverified(row('relocated'))).toBe(false);
  });

  it('need a reason for an edited figure, the unit precision, and every row in a 核报', () => {
    expect(reportedIssues(figures, [], 'initial')).toEqual([]);
    expect(reportedIssues(figures, [{ row: 'dead', value: 2, reason: ' ' }], 'update')).toEqual([{ row: 'dead', problem: 'reasonRequired' }]);
    expect(reportedIssues(figures, [{ row: 'dead', value: 2, reason: '家属报告' }], 'update')).toEqual([]);
    expect(reportedIssues(figures, [{ row: 'dead', value: 1.5, reason: 'x' }], 'update')).toEqual([{ row: 'dead', problem: 'precision' }]);
    expect(reportedIssues(figures, [{ row: 'direct_loss_wan', value: 12.12345, reason: 'x' }], 'update')).toEqual([{ row: 'direct_loss_wan', problem: 'precision' }]);
    expect(reportedIssues(figures, [{ row: 'affected_people', value: 300, reason: '' }], 'final')).toEqual([{ row: 'needing_aid', problem: 'required' }]);
  });
});

describe('stages', () => {
  const kept = (...list: [KeptVersion['stage'], number][]): KeptVersion[] => list.map(([stage, asOfMs], i) => ({ stage, seq: i + 1, asOfMs }));
  it('go 初报 → 续报 (any number) → 核报 and nothing after', () => {
    expect(stageRefusal([], 'initial', 1)).toBeNull();
    expect(stageRefusal([], 'update', 1)).toEqual({ key: 'errors.damage.stat.initialFirst' });
    expect(stageRefusal([], 'final', 1)).toEqual({ key: 'errors.damage.stat.initialFirst' });
    expect(stageRefusal(kept(['initial', 1]), 'initial', 2)).toEqual({ key: 'errors.damage.stat.initialTwice' });
    expect(stageRefusal(kept(['initial', 1], ['update', 2], ['update', 3]), 'update', 3)).toBeNull();
    expect(stageRefusal(kept(['initial', 1]), 'final', 2)).toBeNull();
    expect(stageRefusal(kept(['initial', 1], ['final', 2]), 'update', 3)).toEqual({ key: 'errors.damage.stat.afterFinal' });
    expect(stageRefusal(kept(['initial', 5]), 'update', 4)).toEqual({ key: 'errors.damage.stat.asOfBackwards', previous: 5 });
    expect([nextStage([]), nextStage(kept(['initial', 1])), nextStage(kept(['initial', 1], ['final', 2]))]).toEqual(['initial', 'update', null]);
  });
});

describe('the damage sentence', () => {
  it('names 紧急转移安置 and 转移避险 apart and says which hand-entered rows are outstanding', () => {
    const values = { dead: 0, missing: 0, relocated: 7, moved_precaution: 12, collapsed_households: 3, collapsed_rooms: 5, direct_loss_wan: 12.5, affected_people: null, needing_aid: 40 };
    expect(statSentence(values, 'zh')).toBe('无人员因灾死亡或失踪；紧急转移安置7人（防汛口径转移避险12人）；需紧急生活救助40人；倒塌房屋3户5间；直接经济损失12.5万元；受灾人口待统计填报。');
    expect(statSentence(values, 'en')).toBe(
      'No one dead or missing; 7 relocated and resettled (flood-control count of people moved out of danger: 12); 40 needing emergency living aid; houses collapsed: 3 households, 5 rooms; direct economic loss 12.5 (10k yuan); people affected still to be entered.',
    );
  });
});

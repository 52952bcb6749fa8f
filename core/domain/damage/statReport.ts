import { UNITS, type IndicatorId, type Label, type UnitId } from './catalogue';
import type { IndicatorTotal } from './totals';

/**
 * The quick report of the national natural-disaster statistics (《自然灾害情况统计调查制度》,
 * 自然灾害情况统计快报表, DOMAIN.md §9): a fixed set of rows in the national order, each drafted
 * from the records where the records hold it, and sent in stages, each stage a kept version.
 */

export const STAT_STAGES = ['initial', 'update', 'final'] as const;
export type StatStage = (typeof STAT_STAGES)[number];

export const STAT_STAGE_LABELS: Record<StatStage, Label> = {
  initial: { zh: '初报', en: 'Initial report' },
  update: { zh: '续报', en: 'Update' },
  final: { zh: '核报', en: 'Final report' },
};

/**
 * Where a row's figure comes from:
 * - damage: the sum of a damage-register indicator over the records standing at the as-of instant;
 * - relocated (紧急转移安置): people of the event who by then had been placed, in a shelter
 *   (check_in/transfer) or with relatives and friends (dispersed, 投亲靠友), each counted once;
 * - moved (转移避险): everyone moved by then, each counted once: what flood control reports, not
 *   a statistics indicator, so it stands below the table as its own line;
 * - manual: the records hold no such figure (受灾人口, 需紧急生活救助人口); a person enters it.
 */
export type StatBasis = { kind: 'damage'; indicator: IndicatorId } | { kind: 'relocated' } | { kind: 'moved' } | { kind: 'manual' };

export interface StatRowSpec extends Label {
  unit: UnitId;
  basis: StatBasis;
  /** 'statistics': a row of the national table; 'floodControl': the separate line of the flood-control reports. */
  table: 'statistics' | 'floodControl';
}

export const STAT_ROW_IDS = [
  'affected_people',
  'dead',
  'missing',
  'relocated',
  'needing_aid',
  'collapsed_households',
  'collapsed_rooms',
  'severe_households',
  'severe_rooms',
  'slight_households',
  'slight_rooms',
  'crops_affected_ha',
  'crops_lost_ha',
  'direct_loss_wan',
  'moved_precaution',
] as const;
export type StatRowId = (typeof STAT_ROW_IDS)[number];

const damage = (indicator: IndicatorId): StatBasis => ({ kind: 'damage', indicator });

export const STAT_ROWS: Record<StatRowId, StatRowSpec> = {
  affected_people: { zh: '受灾人口', en: 'People affected', unit: 'person', basis: { kind: 'manual' }, table: 'statistics' },
  dead: { zh: '因灾死亡人口', en: 'People dead', unit: 'person', basis: damage('people_dead'), table: 'statistics' },
  missing: { zh: '因灾失踪人口', en: 'People missing', unit: 'person', basis: damage('people_missing'), table: 'statistics' },
  relocated: { zh: '紧急转移安置人口', en: 'People relocated and resettled', unit: 'person', basis: { kind: 'relocated' }, table: 'statistics' },
  needing_aid: { zh: '需紧急生活救助人口', en: 'People needing emergency living aid', unit: 'person', basis: { kind: 'manual' }, table: 'statistics' },
  collapsed_households: { zh: '倒塌房屋', en: 'Houses collapsed', unit: 'household', basis: damage('houses_collapsed_households'), table: 'statistics' },
  collapsed_rooms: { zh: '倒塌房屋', en: 'Houses collapsed', unit: 'room', basis: damage('houses_collapsed_rooms'), table: 'statistics' },
  severe_households: { zh: '严重损坏房屋', en: 'Houses severely damaged', unit: 'household', basis: damage('houses_severe_households'), table: 'statistics' },
  severe_rooms: { zh: '严重损坏房屋', en: 'Houses severely damaged', unit: 'room', basis: damage('houses_severe_rooms'), table: 'statistics' },
  slight_households: { zh: '一般损坏房屋', en: 'Houses slightly damaged', unit: 'household', basis: damage('houses_slight_households'), table: 'statistics' },
  slight_rooms: { zh: '一般损坏房屋', en: 'Houses slightly damaged', unit: 'room', basis: damage('houses_slight_rooms'), table: 'statistics' },
  crops_affected_ha: { zh: '农作物受灾面积', en: 'Crops affected', unit: 'hectare', basis: damage('crops_affected_ha'), table: 'statistics' },
  crops_lost_ha: { zh: '农作物绝收面积', en: 'Crops lost', unit: 'hectare', basis: damage('crops_lost_ha'), table: 'statistics' },
  direct_loss_wan: { zh: '直接经济损失', en: 'Direct economic loss', unit: 'wan_yuan', basis: damage('direct_loss_wan'), table: 'statistics' },
  moved_precaution: { zh: '转移避险人口（防汛口径）', en: 'People moved out of danger (flood-control count)', unit: 'person', basis: { kind: 'moved' }, table: 'floodControl' },
};

/** One movement of the evacuation log, reduced to what the two counts need. */
export interface MoveStep {
  personId: string;
  kind: 'moved' | 'check_in' | 'transfer' | 'dispersed' | 'elsewhere' | 'returned' | 'unknown';
  atMs: number;
}

const PLACED: ReadonlySet<MoveStep['kind']> = new Set(['check_in', 'transfer', 'dispersed']);

/**
 * 紧急转移安置 and 转移避险 as of an instant. A person returned home by then still counts: the
 * statistics ask how many were moved and resettled during the disaster, not how many are out now.
 * Someone moved and only ever "elsewhere" or "unknown" was moved but never resettled by the desk.
 */
export function evacCounts(steps: readonly MoveStep[], asOfMs: number): { relocated: number; moved: number } {
  const moved = new Set<string>();
  const relocated = new Set<string>();
  for (const step of steps) {
    if (step.atMs > asOfMs) continue;
    moved.add(step.personId);
    if (PLACED.has(step.kind)) relocated.add(step.personId);
  }
  return { relocated: relocated.size, moved: moved.size };
}

/** A row as the draft shows it: the computed figure (null: to be entered by hand) and where it came from. */
export interface StatFigure {
  row: StatRowId;
  unit: UnitId;
  computed: number | null;
  /** From verified damage records only; null for rows that do not come from the damage register. */
  verified: number | null;
  /** The damage records behind the figure (empty for evacuation and hand-entered rows). */
  recordIds: string[];
}

export function computeStatFigures(totals: readonly IndicatorTotal[], evac: { relocated: number; moved: number }): StatFigure[] {
  const byIndicator = new Map(totals.map((t) => [t.indicator, t]));
  return STAT_ROW_IDS.map((row) => {
    const { unit, basis } = STAT_ROWS[row];
    switch (basis.kind) {
      case 'damage': {
        const total = byIndicator.get(basis.indicator);
        return { row, unit, computed: total?.value ?? 0, verified: total?.verifiedValue ?? 0, recordIds: total?.recordIds ?? [] };
      }
      case 'manual':
        return { row, unit, computed: null, verified: null, recordIds: [] };
      default:
        return { row, unit, computed: evac[basis.kind], verified: null, recordIds: [] };
    }
  });
}

/** A 核报 states checked figures: a damage figure larger than its verified part rests on records nobody has checked yet. */
export function restsOnUnverified(figure: StatFigure): boolean {
  return figure.verified !== null && figure.computed !== null && figure.computed !== figure.verified;
}

export interface KeptVersion {
  stage: StatStage;
  seq: number;
  asOfMs: number;
}

export type StageRefusal =
  | { key: 'errors.damage.stat.initialFirst' }
  | { key: 'errors.damage.stat.initialTwice' }
  | { key: 'errors.damage.stat.afterFinal' }
  | { key: 'errors.damage.stat.asOfBackwards'; previous: number };

/**
 * 初报 → 续报 (any number) → 核报, each a new version: the first version must be the 初报, there is
 * one 初报 and one 核报, nothing follows the 核报, and a later version cannot count to an earlier
 * instant than the one before (the district reads the versions as a sequence).
 */
export function stageRefusal(kept: readonly KeptVersion[], stage: StatStage, asOfMs: number): StageRefusal | null {
  const last = kept.reduce<KeptVersion | null>((a, b) => (a === null || b.seq > a.seq ? b : a), null);
  if (last?.stage === 'final') return { key: 'errors.damage.stat.afterFinal' };
  if (stage === 'initial' && last) return { key: 'errors.damage.stat.initialTwice' };
  if (stage !== 'initial' && !last) return { key: 'errors.damage.stat.initialFirst' };
  if (last && asOfMs < last.asOfMs) return { key: 'errors.damage.stat.asOfBackwards', previous: last.asOfMs };
  return null;
}

/** The stage a desk most likely sends next, to preselect: 初报 first, then 续报. */
export function nextStage(kept: readonly KeptVersion[]): StatStage | null {
  if (!kept.length) return 'initial';
  return kept.some((k) => k.stage === 'final') ? null : 'update';
}

export interface ReportedFigure {
  row: StatRowId;
  value: number | null;
  reason: string;
}

export interface FigureIssue {
  row: StatRowId;
  problem: 'reasonRequired' | 'precision' | 'required';
}

/**
 * What a version may state: each figure in its unit's precision; a figure that differs from what
 * the records give needs a reason (the computed one is kept beside it); a 核报 states every row,
 * the hand-entered ones too.
 */
export function reportedIssues(figures: readonly StatFigure[], reported: readonly ReportedFigure[], stage: StatStage): FigureIssue[] {
  const given = new Map(reported.map((r) => [r.row, r]));
  const issues: FigureIssue[] = [];
  for (const figure of figures) {
    const r = given.get(figure.row);
    const value = r ? r.value : figure.computed;
    if (value === null) {
      if (stage === 'final') issues.push({ row: figure.row, problem: 'required' });
      continue;
    }
    const scale = 10 ** UNITS[figure.unit].decimals;
    if (Math.abs(value * scale - Math.round(value * scale)) > 1e-6) issues.push({ row: figure.row, problem: 'precision' });
    else if (figure.computed !== null && value !== figure.computed && !r?.reason.trim()) issues.push({ row: figure.row, problem: 'reasonRequired' });
  }
  return issues;
}

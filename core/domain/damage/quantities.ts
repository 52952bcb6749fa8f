import { DAMAGE_TYPES, INDICATORS, QUANTITY_MAX, UNITS, type DamageTypeId, type IndicatorId, type QuantityId } from './catalogue';

export type Quantities = Partial<Record<QuantityId, number>>;

/** A problem with one figure, in both languages; `path` names the input field it belongs to. */
export interface QuantityIssue {
  path: string;
  en: string;
  zh: string;
}

/** Deeper than a two-storey house is a slip of the unit (metres typed as centimetres the other way round). */
export const DEPTH_MAX_CM = 1_000;

const HOUSE_PAIRS: [households: QuantityId, rooms: QuantityId][] = [
  ['houses_collapsed_households', 'houses_collapsed_rooms'],
  ['houses_severe_households', 'houses_severe_rooms'],
  ['houses_slight_households', 'houses_slight_rooms'],
];

function hasMoreDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6;
}

function figureIssue(indicator: IndicatorId, value: number, path: string): QuantityIssue | null {
  const { unit, zh, en } = INDICATORS[indicator];
  const max = indicator === 'waterlogging_depth_cm' ? DEPTH_MAX_CM : QUANTITY_MAX;
  if (!Number.isFinite(value) || value < 0) return { path, en: `${en}: must be 0 or more`, zh: `${zh}：不能为负数` };
  if (value > max) return { path, en: `${en}: at most ${max} ${UNITS[unit].en}`, zh: `${zh}：不能超过${max}${UNITS[unit].zh}` };
  const { decimals } = UNITS[unit];
  if (hasMoreDecimals(value, decimals)) {
    return decimals === 0
      ? { path, en: `${en}: a whole number of ${UNITS[unit].en}`, zh: `${zh}：${UNITS[unit].zh}数必须是整数` }
      : { path, en: `${en}: at most ${decimals} decimals`, zh: `${zh}：最多${decimals}位小数` };
  }
  return null;
}

/**
 * Everything wrong with a record's figures, all at once so the form can mark every field: each
 * figure in range and in its unit's precision, only the indicators its type counts, the type's
 * own figure present, and the figures consistent with each other.
 */
export function quantityIssues(type: DamageTypeId, quantities: Quantities, lossWan: number): QuantityIssue[] {
  const spec = DAMAGE_TYPES[type];
  const issues: QuantityIssue[] = [];
  const at = (key: QuantityId) => `quantities.${key}`;
  for (const [key, value] of Object.entries(quantities) as [QuantityId, number][]) {
    if (!spec.quantities.includes(key)) {
      issues.push({ path: at(key), en: `${INDICATORS[key].en} is not counted for "${spec.en}"`, zh: `“${spec.zh}”不统计${INDICATORS[key].zh}` });
      continue;
    }
    const issue = figureIssue(key, value, at(key));
    if (issue) issues.push(issue);
  }
  const lossIssue = figureIssue('direct_loss_wan', lossWan, 'lossWan');
  if (lossIssue) issues.push(lossIssue);
  for (const key of spec.required) {
    // A figure already refused (negative, say) is not reported a second time as missing.
    if (!((quantities[key] ?? 0) > 0) && !issues.some((issue) => issue.path === at(key))) {
      issues.push({ path: at(key), en: `${INDICATORS[key].en}: required for "${spec.en}"`, zh: `“${spec.zh}”须填写${INDICATORS[key].zh}` });
    }
  }
  for (const [households, rooms] of HOUSE_PAIRS) {
    const h = quantities[households] ?? 0;
    const r = quantities[rooms];
    // Every household whose house is counted lost at least one room; zero rooms means "not yet counted".
    if (r !== undefined && r > 0 && r < h) {
      issues.push({ path: at(rooms), en: `${INDICATORS[rooms].en}: fewer rooms than households`, zh: `${INDICATORS[rooms].zh}：间数不能少于户数` });
    }
  }
  if ((quantities.crops_lost_ha ?? 0) > (quantities.crops_affected_ha ?? 0)) {
    // 绝收 is part of 受灾 in the statistics: the area lost lies inside the area affected.
    issues.push({ path: at('crops_lost_ha'), en: 'Crops lost: more than the area affected', zh: '农作物绝收面积不能大于受灾面积' });
  }
  if (spec.required.length === 0 && !spec.quantities.some((key) => (quantities[key] ?? 0) > 0) && !(type === 'other' && lossWan > 0)) {
    issues.push({ path: 'quantities', en: `"${spec.en}" needs at least one figure`, zh: `“${spec.zh}”至少须填写一项数量` });
  }
  return issues;
}

/** The figures as stored: zeros dropped (a zero adds nothing to any total), keys in catalogue order. */
export function normalQuantities(type: DamageTypeId, quantities: Quantities): Quantities {
  const out: Quantities = {};
  for (const key of DAMAGE_TYPES[type].quantities) {
    const value = quantities[key];
    if (value !== undefined && value > 0) out[key] = value;
  }
  return out;
}

/** "3户 5间", "2 households 5 rooms": a record's figures in one line, for lists, popups and the audit. */
export function describeQuantities(quantities: Quantities, lang: 'zh' | 'en'): string {
  return (Object.entries(quantities) as [QuantityId, number][])
    .map(([key, value]) => {
      const unit = UNITS[INDICATORS[key].unit];
      return lang === 'zh' ? `${value}${unit.zh}` : `${value} ${unit.en}`;
    })
    .join(lang === 'zh' ? '，' : ', ');
}

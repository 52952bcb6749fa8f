/**
 * What a damage record counts, after the national natural-disaster statistics (《自然灾害情况统计调查制度》,
 * DOMAIN.md §9) and what a street office sees in a storm. A record has one type; each type counts a
 * few indicators, each in one unit, so the district's statistics table can be filled by adding up
 * records without converting anything.
 */

export interface Label {
  zh: string;
  en: string;
}

export const UNIT_IDS = ['household', 'room', 'site', 'tree', 'vehicle', 'person', 'hectare', 'cm', 'wan_yuan'] as const;
export type UnitId = (typeof UNIT_IDS)[number];

export interface Unit extends Label {
  /** Digits after the decimal point a figure may have: counts of things are whole. */
  decimals: number;
}

export const UNITS: Record<UnitId, Unit> = {
  household: { zh: '户', en: 'households', decimals: 0 },
  room: { zh: '间', en: 'rooms', decimals: 0 },
  site: { zh: '处', en: 'sites', decimals: 0 },
  tree: { zh: '棵', en: 'trees', decimals: 0 },
  vehicle: { zh: '辆', en: 'vehicles', decimals: 0 },
  person: { zh: '人', en: 'people', decimals: 0 },
  hectare: { zh: '公顷', en: 'ha', decimals: 2 },
  cm: { zh: '厘米', en: 'cm', decimals: 0 },
  // 万元 to four places is one yuan.
  wan_yuan: { zh: '万元', en: '10k yuan', decimals: 4 },
};

export const INDICATOR_IDS = [
  'houses_collapsed_households',
  'houses_collapsed_rooms',
  'houses_severe_households',
  'houses_severe_rooms',
  'houses_slight_households',
  'houses_slight_rooms',
  'road_bridge_sites',
  'trees_fallen',
  'utility_outages',
  'vehicles_damaged',
  'waterlogging_sites',
  'waterlogging_depth_cm',
  'landslide_sites',
  'crops_affected_ha',
  'crops_lost_ha',
  'people_injured',
  'people_dead',
  'people_missing',
  'other_items',
  'direct_loss_wan',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The direct economic loss is a field of every record, not a quantity of one type. */
export const LOSS_INDICATOR = 'direct_loss_wan' satisfies IndicatorId;
export type QuantityId = Exclude<IndicatorId, typeof LOSS_INDICATOR>;
export const QUANTITY_IDS = INDICATOR_IDS.filter((id): id is QuantityId => id !== LOSS_INDICATOR);

export interface Indicator extends Label {
  unit: UnitId;
  /**
   * How an event's figure comes from its records: counts add up; a depth does not (two streets
   * under 30 cm of water are not 60 cm deep), so the event's figure is the deepest one.
   */
  aggregate: 'sum' | 'max';
}

export const INDICATORS: Record<IndicatorId, Indicator> = {
  houses_collapsed_households: { zh: '倒塌房屋（户）', en: 'Houses collapsed (households)', unit: 'household', aggregate: 'sum' },
  houses_collapsed_rooms: { zh: '倒塌房屋（间）', en: 'Houses collapsed (rooms)', unit: 'room', aggregate: 'sum' },
  houses_severe_households: { zh: '严重损坏房屋（户）', en: 'Houses severely damaged (households)', unit: 'household', aggregate: 'sum' },
  houses_severe_rooms: { zh: '严重损坏房屋（间）', en: 'Houses severely damaged (rooms)', unit: 'room', aggregate: 'sum' },
  houses_slight_households: { zh: '一般损坏房屋（户）', en: 'Houses slightly damaged (households)', unit: 'household', aggregate: 'sum' },
  houses_slight_rooms: { zh: '一般损坏房屋（间）', en: 'Houses slightly damaged (rooms)', unit: 'room', aggregate: 'sum' },
  road_bridge_sites: { zh: '道路桥梁损毁', en: 'Roads and bridges damaged', unit: 'site', aggregate: 'sum' },
  trees_fallen: { zh: '树木倒伏', en: 'Trees fallen', unit: 'tree', aggregate: 'sum' },
  utility_outages: { zh: '供电、供水、通信中断', en: 'Power, water, communications cut', unit: 'site', aggregate: 'sum' },
  vehicles_damaged: { zh: '车辆受损', en: 'Vehicles damaged', unit: 'vehicle', aggregate: 'sum' },
  waterlogging_sites: { zh: '内涝积水点', en: 'Waterlogged places', unit: 'site', aggregate: 'sum' },
  waterlogging_depth_cm: { zh: '最大积水深度', en: 'Deepest water', unit: 'cm', aggregate: 'max' },
  landslide_sites: { zh: '山体滑坡、崩塌', en: 'Landslides and rockfalls', unit: 'site', aggregate: 'sum' },
  crops_affected_ha: { zh: '农作物受灾面积', en: 'Crops affected', unit: 'hectare', aggregate: 'sum' },
  crops_lost_ha: { zh: '农作物绝收面积', en: 'Crops lost', unit: 'hectare', aggregate: 'sum' },
  people_injured: { zh: '受伤人口', en: 'People injured', unit: 'person', aggregate: 'sum' },
  people_dead: { zh: '因灾死亡人口', en: 'People dead', unit: 'person', aggregate: 'sum' },
  people_missing: { zh: '因灾失踪人口', en: 'People missing', unit: 'person', aggregate: 'sum' },
  other_items: { zh: '其他损失', en: 'Other damage', unit: 'site', aggregate: 'sum' },
  direct_loss_wan: { zh: '直接经济损失', en: 'Direct economic loss', unit: 'wan_yuan', aggregate: 'sum' },
};

export const DAMAGE_TYPE_IDS = [
  'house_collapsed',
  'house_severe',
  'house_slight',
  'road_bridge',
  'tree_fallen',
  'utilities',
  'vehicle',
  'waterlogging',
  'landslide',
  'crops',
  'casualties',
  'other',
] as const;
export type DamageTypeId = (typeof DAMAGE_TYPE_IDS)[number];

export interface DamageType extends Label {
  /** The indicators a record of this type may count, in form order. */
  quantities: readonly QuantityId[];
  /** Counted on every record of the type: a collapsed house is at least one household. */
  required: readonly QuantityId[];
}

export const DAMAGE_TYPES: Record<DamageTypeId, DamageType> = {
  house_collapsed: { zh: '房屋倒塌', en: 'House collapsed', quantities: ['houses_collapsed_households', 'houses_collapsed_rooms'], required: ['houses_collapsed_households'] },
  house_severe: { zh: '房屋严重损坏', en: 'House severely damaged', quantities: ['houses_severe_households', 'houses_severe_rooms'], required: ['houses_severe_households'] },
  house_slight: { zh: '房屋一般损坏', en: 'House slightly damaged', quantities: ['houses_slight_households', 'houses_slight_rooms'], required: ['houses_slight_households'] },
  road_bridge: { zh: '道路桥梁损毁', en: 'Road or bridge damaged', quantities: ['road_bridge_sites'], required: ['road_bridge_sites'] },
  tree_fallen: { zh: '树木倒伏', en: 'Fallen trees', quantities: ['trees_fallen'], required: ['trees_fallen'] },
  utilities: { zh: '供电供水通信中断', en: 'Power, water or communications cut', quantities: ['utility_outages'], required: ['utility_outages'] },
  vehicle: { zh: '车辆受损', en: 'Vehicles damaged', quantities: ['vehicles_damaged'], required: ['vehicles_damaged'] },
  waterlogging: { zh: '内涝积水', en: 'Waterlogging', quantities: ['waterlogging_sites', 'waterlogging_depth_cm'], required: ['waterlogging_sites'] },
  landslide: { zh: '山体滑坡崩塌', en: 'Landslide or rockfall', quantities: ['landslide_sites'], required: ['landslide_sites'] },
  crops: { zh: '农作物受灾', en: 'Crops', quantities: ['crops_affected_ha', 'crops_lost_ha'], required: ['crops_affected_ha'] },
  // Deaths and missing people each need a named ledger entry upstream; injured are counted only.
  casualties: { zh: '人员伤亡失踪', en: 'People injured, dead or missing', quantities: ['people_injured', 'people_dead', 'people_missing'], required: [] },
  other: { zh: '其他', en: 'Other', quantities: ['other_items'], required: [] },
};

/** Large enough for any street or district; a bigger figure is a typing slip (an extra zero or two). */
export const QUANTITY_MAX = 1_000_000;

import { ValidationError, type FieldIssue } from '../../errors';
import { SAFETY_GRADES, type SafetyGrade } from './points';

/**
 * Hazard types and their checklist templates. Offices edit the checklists, so a template
 * is versioned: an inspection stores `{templateId, version}` and is always read against the
 * exact checklist the inspector ticked, even after the office adds or drops items.
 */

export type HazardTypeId = 'basement' | 'underpass' | 'slope' | 'spoil' | 'dilapidated' | 'construction' | 'billboard' | 'drainage' | 'small_venue';

export const HAZARD_TYPE_IDS: readonly HazardTypeId[] = ['basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue'];

export const HAZARD_TYPE_LABELS: Record<HazardTypeId, { zh: string; en: string }> = {
  basement: { zh: '地下车库/地下室', en: 'Underground garage / basement' },
  underpass: { zh: '下穿通道/隧道', en: 'Underpass / tunnel' },
  slope: { zh: '边坡/山体', en: 'Slope / hillside' },
  spoil: { zh: '渣土/堆土', en: 'Spoil heap' },
  dilapidated: { zh: '危房/漏房', en: 'Dilapidated / leaking housing' },
  construction: { zh: '在建工地', en: 'Construction site' },
  billboard: { zh: '广告牌/悬挂物', en: 'Billboard / hanging object' },
  drainage: { zh: '排水设施/河道', en: 'Drainage / river channel' },
  small_venue: { zh: '九小场所', en: '“Nine small places” (shops, eateries, hostels…)' },
};

export function isHazardTypeId(value: unknown): value is HazardTypeId {
  return typeof value === 'string' && (HAZARD_TYPE_IDS as readonly string[]).includes(value);
}

/**
 * `check`: pass / fail / not applicable. `grade`: a housing safety grade A–D, failing at
 * `failFromGrade` or worse. `count`: a number recorded for the record (households,
 * vulnerable people); it never decides pass or fail.
 */
export type TemplateItemKind = 'check' | 'grade' | 'count';

export interface TemplateItem {
  /** Stable ASCII key; kept across versions so results can be compared over time. */
  key: string;
  labelZh: string;
  labelEn: string;
  kind: TemplateItemKind;
  /** An inspection without an answer for a required item is incomplete. */
  required: boolean;
  /** Only for `grade` items. */
  failFromGrade?: SafetyGrade;
}

export interface ChecklistTemplate {
  id: string;
  hazardType: HazardTypeId;
  version: number;
  nameZh: string;
  nameEn: string;
  items: readonly TemplateItem[];
}

export interface TemplateRef {
  templateId: string;
  version: number;
}

type ItemSpec = [key: string, zh: string, en: string, kind?: TemplateItemKind];

const DEFAULT_ITEMS: Record<HazardTypeId, ItemSpec[]> = {
  basement: [
    ['water_barrier', '挡水板', 'Water barriers (flood boards) in place'],
    ['sandbags', '沙袋储备', 'Sandbags stocked'],
    ['pump_test', '水泵测试', 'Pumps tested'],
    ['drains_clear', '排水畅通', 'Drains clear'],
    ['power_cutoff', '断电措施', 'Power cut-off ready'],
    ['evacuation_signs', '疏散标识', 'Evacuation signs'],
  ],
  underpass: [
    ['depth_gauge', '水尺', 'Water-depth gauge'],
    ['closure_barrier', '封闭栏杆', 'Closure barrier'],
    ['pump', '水泵', 'Pump working'],
  ],
  slope: [
    ['cracks', '裂缝', 'No new cracks'],
    ['seepage', '渗水', 'No seepage'],
    ['loose_rock', '松动岩石', 'No loose rock'],
    ['cordon_signs', '警戒线及警示牌', 'Cordon and warning signs in place'],
    ['dedicated_patrol', '专人巡视', 'Dedicated patrol assigned'],
  ],
  spoil: [
    ['cracks', '裂缝', 'No cracks'],
    ['seepage', '渗水', 'No seepage'],
    ['slumping', '滑塌迹象', 'No signs of slumping'],
    ['cordon_signs', '警戒线及警示牌', 'Cordon and warning signs in place'],
    ['dedicated_patrol', '专人巡视', 'Dedicated patrol assigned'],
  ],
  dilapidated: [
    ['safety_grade', '安全等级', 'Safety grade (A–D)', 'grade'],
    ['households', '住户数', 'Households', 'count'],
    ['residents', '居住人数', 'Residents', 'count'],
    ['vulnerable_elderly', '脆弱人群：老人', 'Vulnerable: elderly', 'count'],
    ['vulnerable_children', '脆弱人群：儿童', 'Vulnerable: children', 'count'],
    ['vulnerable_sick', '脆弱人群：病患', 'Vulnerable: sick', 'count'],
    ['vulnerable_disabled', '脆弱人群：残疾人', 'Vulnerable: disabled', 'count'],
    ['vulnerable_pregnant', '脆弱人群：孕妇', 'Vulnerable: pregnant', 'count'],
    ['roof_leak', '屋面渗漏', 'Roof not leaking'],
    ['evacuation_plan', '转移预案及联系人', 'Evacuation plan and contact'],
  ],
  construction: [
    ['pit_support', '基坑支护', 'Excavation support sound'],
    ['site_drainage', '场地排水', 'Site drainage clear'],
    ['tower_crane', '塔吊及脚手架加固', 'Tower crane and scaffolding secured'],
    ['temporary_power', '临时用电', 'Temporary power safe'],
    ['worker_dorms', '工棚人员转移预案', 'Worker dormitory evacuation plan'],
  ],
  billboard: [
    ['fixing', '固定牢靠', 'Fixings secure'],
    ['corrosion', '锈蚀松动', 'No corrosion or loosening'],
    ['remove_or_secure', '拆除或加固', 'Removed or reinforced'],
  ],
  drainage: [
    ['outfall_clear', '排水口畅通', 'Outfalls clear'],
    ['grates', '雨水篦子', 'Gully grates clean'],
    ['bank_stable', '堤岸稳固', 'Banks stable'],
    ['debris', '河道无阻水物', 'Channel free of debris'],
  ],
  small_venue: [
    ['power_safety', '用电安全', 'Electrical safety'],
    ['equipment_raised', '设备物资垫高', 'Equipment and stock raised'],
    ['signage_secure', '招牌固定', 'Shop sign secured'],
    ['evacuation_route', '疏散通道畅通', 'Escape route clear'],
  ],
};

function defaultTemplateId(type: HazardTypeId): string {
  return `default.${type}`;
}

/** The built-in checklist for a hazard type, version 1. */
export function defaultTemplateFor(type: HazardTypeId): ChecklistTemplate {
  return {
    id: defaultTemplateId(type),
    hazardType: type,
    version: 1,
    nameZh: `${HAZARD_TYPE_LABELS[type].zh}检查表`,
    nameEn: `${HAZARD_TYPE_LABELS[type].en} checklist`,
    items: DEFAULT_ITEMS[type].map(([key, labelZh, labelEn, kind = 'check']) => ({
      key,
      labelZh,
      labelEn,
      kind,
      required: kind !== 'count',
      ...(kind === 'grade' ? { failFromGrade: 'C' as SafetyGrade } : {}),
    })),
  };
}

export function defaultTemplates(): ChecklistTemplate[] {
  return HAZARD_TYPE_IDS.map(defaultTemplateFor);
}

export function templateRef(template: ChecklistTemplate): TemplateRef {
  return { templateId: template.id, version: template.version };
}

/** The exact version an inspection was made against, from a template's stored history. */
export function resolveTemplate(history: readonly ChecklistTemplate[], ref: TemplateRef): ChecklistTemplate | undefined {
  return history.find((t) => t.id === ref.templateId && t.version === ref.version);
}

export function latestVersion(history: readonly ChecklistTemplate[], templateId: string): ChecklistTemplate | undefined {
  return history.filter((t) => t.id === templateId).reduce<ChecklistTemplate | undefined>((best, t) => (!best || t.version > best.version ? t : best), undefined);
}

export interface TemplateChanges {
  nameZh?: string;
  nameEn?: string;
  /** The whole new item list, in display order. */
  items?: readonly TemplateItem[];
}

const ITEM_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** Problems with a template as the office wants to save it; empty when it is fine. */
export function templateIssues(template: Pick<ChecklistTemplate, 'nameZh' | 'nameEn' | 'items'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!template.nameZh.trim()) issues.push({ path: 'nameZh', message: 'The checklist needs a Chinese name', messageZh: '检查表名称不能为空' });
  if (!template.nameEn.trim()) issues.push({ path: 'nameEn', message: 'The checklist needs an English name', messageZh: '检查表英文名称不能为空' });
  if (!template.items.length) issues.push({ path: 'items', message: 'A checklist needs at least one item', messageZh: '检查表至少要有一项' });
  const seen = new Set<string>();
  template.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (!ITEM_KEY.test(item.key)) issues.push({ path: `${at}.key`, message: 'Item keys are lower-case ASCII letters, digits and _', messageZh: '检查项标识只能用小写英文字母、数字和下划线' });
    else if (seen.has(item.key)) issues.push({ path: `${at}.key`, message: `Duplicate item key “${item.key}”`, messageZh: `检查项标识“${item.key}”重复` });
    seen.add(item.key);
    if (!item.labelZh.trim()) issues.push({ path: `${at}.labelZh`, message: 'Item needs a Chinese label', messageZh: '检查项名称不能为空' });
    if (!item.labelEn.trim()) issues.push({ path: `${at}.labelEn`, message: 'Item needs an English label', messageZh: '检查项英文名称不能为空' });
    if (item.kind === 'grade' && item.failFromGrade !== undefined && !SAFETY_GRADES.includes(item.failFromGrade)) {
      issues.push({ path: `${at}.failFromGrade`, message: 'Grade must be A, B, C or D', messageZh: '等级只能是 A、B、C、D' });
    }
    if (item.kind !== 'grade' && item.failFromGrade !== undefined) {
      issues.push({ path: `${at}.failFromGrade`, message: 'Only grade items have a failing grade', messageZh: '只有等级类检查项可设置不合格等级' });
    }
  });
  return issues;
}

function sameItems(a: readonly TemplateItem[], b: readonly TemplateItem[]): boolean {
  const same = (x: TemplateItem, y: TemplateItem) =>
    x.key === y.key && x.labelZh === y.labelZh && x.labelEn === y.labelEn && x.kind === y.kind && x.required === y.required && x.failFromGrade === y.failFromGrade;
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
}

/**
 * A new version (version + 1) of `template` with `changes` applied; the original and the
 * item objects passed in are left untouched. Throws `ValidationError` for an invalid
 * result or when nothing changed (a version that differs in nothing would only confuse).
 */
export function reviseTemplate(template: ChecklistTemplate, changes: TemplateChanges): ChecklistTemplate {
  const next: ChecklistTemplate = {
    id: template.id,
    hazardType: template.hazardType,
    version: template.version + 1,
    nameZh: changes.nameZh ?? template.nameZh,
    nameEn: changes.nameEn ?? template.nameEn,
    items: (changes.items ?? template.items).map((item) => ({ ...item })),
  };
  const issues = templateIssues(next);
  if (issues.length) {
    throw new ValidationError('errors.hazards.templateInvalid', 'The checklist template is not valid', { templateId: template.id }, issues);
  }
  if (next.nameZh === template.nameZh && next.nameEn === template.nameEn && sameItems(next.items, template.items)) {
    throw new ValidationError('errors.hazards.templateUnchanged', 'Nothing was changed in the checklist', { templateId: template.id });
  }
  return next;
}

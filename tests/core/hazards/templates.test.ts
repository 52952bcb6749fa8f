import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors';
import {
  defaultTemplateFor,
  defaultTemplates,
  HAZARD_TYPE_IDS,
  HAZARD_TYPE_LABELS,
  isHazardTypeId,
  latestVersion,
  resolveTemplate,
  reviseTemplate,
  templateIssues,
  templateRef,
  type ChecklistTemplate,
  type TemplateItem,
} from '../../../core/domain/hazards/templates';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('hazard types', () => {
  it('has the nine stable ASCII ids with Chinese and English labels', () => {
    expect(HAZARD_TYPE_IDS).toEqual(['basement', 'underpass', 'slope', 'spoil', 'dilapidated', 'construction', 'billboard', 'drainage', 'small_venue']);
    for (const id of HAZARD_TYPE_IDS) {
      expect(id).toMatch(/^[a-z_]+$/);
      expect(HAZARD_TYPE_LABELS[id].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(HAZARD_TYPE_LABELS[id].en.length).toBeGreaterThan(3);
    }
    expect(HAZARD_TYPE_LABELS.basement.zh).toBe('地下车库/地下室');
    expect(HAZARD_TYPE_LABELS.small_venue.zh).toBe('九小场所');
    expect(isHazardTypeId('slope')).toBe(true);
    expect(isHazardTypeId('Slope')).toBe(false);
  });
});

describe('default templates', () => {
  it('are valid version-1 templates, one per type', () => {
    const all = defaultTemplates();
    expect(all.map((t) => t.hazardType)).toEqual([...HAZARD_TYPE_IDS]);
    for (const t of all) {
      expect(t.version).toBe(1);
      expect(templateIssues(t)).toEqual([]);
    }
  });

  it('carry the checks the domain lists', () => {
    const labels = (type: Parameters<typeof defaultTemplateFor>[0]) => defaultTemplateFor(type).items.map((i) => i.labelZh);
    expect(labels('basement')).toEqual(['挡水板', '沙袋储备', '水泵测试', '排水畅通', '断电措施', '疏散标识']);
    expect(labels('underpass')).toEqual(['水尺', '封闭栏杆', '水泵']);
    expect(labels('slope')).toEqual(['裂缝', '渗水', '松动岩石', '警戒线及警示牌', '专人巡视']);
  });

  it('record a dilapidated house’s grade, households and vulnerable people', () => {
    const items = defaultTemplateFor('dilapidated').items;
    const grade = items.find((i) => i.key === 'safety_grade');
    expect(grade).toMatchObject({ kind: 'grade', required: true, failFromGrade: 'C', labelZh: '安全等级' });
    expect(items.find((i) => i.key === 'households')).toMatchObject({ kind: 'count', required: false, labelZh: '住户数' });
    expect(items.filter((i) => i.key.startsWith('vulnerable_')).map((i) => i.labelZh)).toEqual([
      '脆弱人群：老人',
      '脆弱人群：儿童',
      '脆弱人群：病患',
      '脆弱人群：残疾人',
      '脆弱人群：孕妇',
    ]);
  });

  it('are fresh copies each time, so editing one cannot change the built-in list', () => {
    const a = defaultTemplateFor('basement');
    (a.items as TemplateItem[]).pop();
    expect(defaultTemplateFor('basement').items).toHaveLength(6);
  });
});

describe('reviseTemplate', () => {
  const base = (): ChecklistTemplate => deepFreeze(defaultTemplateFor('underpass'));

  it('adds an item as version 2 and leaves version 1 untouched', () => {
    const v1 = base();
    const before = JSON.stringify(v1);
    const v2 = reviseTemplate(v1, { items: [...v1.items, { key: 'warning_light', labelZh: '警示灯', labelEn: 'Warning light', kind: 'check', required: true }] });
    expect(v2.version).toBe(2);
    expect(v2.id).toBe(v1.id);
    expect(v2.items.map((i) => i.key)).toEqual(['depth_gauge', 'closure_barrier', 'pump', 'warning_light']);
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('renames without touching items, and copies items so later edits to the input do not leak', () => {
    const v1 = base();
    const items = v1.items.map((i) => ({ ...i }));
    const v2 = reviseTemplate(v1, { nameZh: '下穿通道汛前检查表', items: items.map((i) => (i.key === 'pump' ? { ...i, labelZh: '抽水泵' } : i)) });
    expect(v2.nameZh).toBe('下穿通道汛前检查表');
    expect(v2.nameEn).toBe(v1.nameEn);
    items[0].labelZh = 'changed later';
    expect(v2.items[0].labelZh).toBe('水尺');
    expect(v2.items[2].labelZh).toBe('抽水泵');
  });

  it('lets an inspection find the exact version it used', () => {
    const v1 = base();
    const v2 = reviseTemplate(v1, { items: v1.items.slice(0, 2) });
    const v3 = reviseTemplate(v2, { nameEn: 'Underpass pre-season checklist' });
    const history = [v3, v1, v2];
    const ref = templateRef(v1);
    expect(ref).toEqual({ templateId: 'default.underpass', version: 1 });
    expect(resolveTemplate(history, ref)?.items).toHaveLength(3);
    expect(resolveTemplate(history, templateRef(v2))?.items).toHaveLength(2);
    expect(resolveTemplate(history, { templateId: 'default.underpass', version: 9 })).toBeUndefined();
    expect(latestVersion(history, 'default.underpass')?.version).toBe(3);
    expect(latestVersion(history, 'default.slope')).toBeUndefined();
  });

  it('refuses duplicate, non-ASCII or empty keys and empty labels, listing each problem', () => {
    const v1 = base();
    const bad: TemplateItem[] = [
      { key: 'pump', labelZh: '水泵', labelEn: 'Pump', kind: 'check', required: true },
      { key: 'pump', labelZh: '水泵2', labelEn: 'Pump 2', kind: 'check', required: true },
      { key: '水尺', labelZh: '水尺', labelEn: 'Gauge', kind: 'check', required: true },
      { key: 'barrier', labelZh: ' ', labelEn: 'Barrier', kind: 'check', required: true },
    ];
    const err = thrown(() => reviseTemplate(v1, { items: bad }));
    expect(err).toBeInstanceOf(ValidationError);
    const issues = (err as ValidationError).issues.map((i) => i.path);
    expect(issues).toEqual(['items.1.key', 'items.2.key', 'items.3.labelZh']);
    expect((err as ValidationError).key).toBe('errors.hazards.templateInvalid');
  });

  it('refuses an empty checklist and a failing grade on a non-grade item', () => {
    const v1 = base();
    expect(() => reviseTemplate(v1, { items: [] })).toThrow(ValidationError);
    const wrong = { ...v1.items[0], failFromGrade: 'C' as const };
    const err = thrown(() => reviseTemplate(v1, { items: [wrong] })) as ValidationError;
    expect(err.issues.map((i) => i.path)).toEqual(['items.0.failFromGrade']);
  });

  it('refuses a revision that changes nothing, even with items re-created in another key order', () => {
    const v1 = base();
    const same = v1.items.map((i) => ({ required: i.required, kind: i.kind, labelEn: i.labelEn, labelZh: i.labelZh, key: i.key }));
    const err = thrown(() => reviseTemplate(v1, { items: same, nameZh: v1.nameZh })) as ValidationError;
    expect(err.key).toBe('errors.hazards.templateUnchanged');
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors';
import { zonedToUtc } from '../../../core/time';
import {
  DAILY,
  dueAfter,
  evaluateInspection,
  everyHours,
  frequencyLabel,
  isPastDue,
  nextInspectionDue,
  overallResult,
  rectificationDrafts,
  WEEKLY,
  type Inspection,
  type ItemAnswer,
} from '../../../core/domain/hazards/inspection';
import { defaultTemplateFor, templateRef } from '../../../core/domain/hazards/templates';

const at = (date: string, time: string) => zonedToUtc(date, time);
const basement = defaultTemplateFor('basement');
const allPass = (): ItemAnswer[] => basement.items.map((i) => ({ itemKey: i.key, result: 'pass' }));

describe('overallResult', () => {
  it('any fail → fail; only n/a or nothing → incomplete; otherwise pass', () => {
    expect(overallResult(['pass', 'fail', 'na'])).toBe('fail');
    expect(overallResult(['fail'])).toBe('fail');
    expect(overallResult(['na', 'na'])).toBe('incomplete');
    expect(overallResult([])).toBe('incomplete');
    expect(overallResult(['pass', 'na'])).toBe('pass');
  });
});

describe('evaluateInspection', () => {
  it('passes a fully ticked basement checklist', () => {
    expect(evaluateInspection(basement, allPass())).toEqual({ overall: 'pass', failedItems: [], missingItems: [], unknownKeys: [] });
  });

  it('is incomplete when a required item is unanswered, but a fail still wins', () => {
    const missing = allPass().filter((a) => a.itemKey !== 'sandbags');
    const e1 = evaluateInspection(basement, missing);
    expect(e1.overall).toBe('incomplete');
    expect(e1.missingItems.map((i) => i.key)).toEqual(['sandbags']);

    const withFail = missing.map((a) => (a.itemKey === 'pump_test' ? { ...a, result: 'fail' as const } : a));
    const e2 = evaluateInspection(basement, withFail);
    expect(e2.overall).toBe('fail');
    expect(e2.failedItems.map((i) => i.key)).toEqual(['pump_test']);
  });

  it('is incomplete when everything is not applicable, and reports answers to unknown items', () => {
    const answers: ItemAnswer[] = [...basement.items.map((i) => ({ itemKey: i.key, result: 'na' as const })), { itemKey: 'old_item', result: 'fail' }];
    const e = evaluateInspection(basement, answers);
    expect(e.overall).toBe('incomplete');
    expect(e.unknownKeys).toEqual(['old_item']);
  });

  it('fails a dilapidated house at grade C or D, passes A or B; counts never decide', () => {
    const t = defaultTemplateFor('dilapidated');
    const checks = t.items.filter((i) => i.kind === 'check').map((i) => ({ itemKey: i.key, result: 'pass' as const }));
    const withGrade = (grade: 'A' | 'B' | 'C' | 'D') => evaluateInspection(t, [...checks, { itemKey: 'safety_grade', grade }, { itemKey: 'households', count: 3 }]);
    expect(withGrade('A').overall).toBe('pass');
    expect(withGrade('B').overall).toBe('pass');
    expect(withGrade('C').overall).toBe('fail');
    expect(withGrade('D').failedItems.map((i) => i.key)).toEqual(['safety_grade']);
    expect(evaluateInspection(t, checks).missingItems.map((i) => i.key)).toEqual(['safety_grade']);
  });
});

describe('rectificationDrafts', () => {
  const inspection = (atMs: number, answers: ItemAnswer[]): Inspection => ({ id: 'ins1', pointId: 'pt9', template: templateRef(basement), inspector: '王五', atMs, answers });

  it('makes one draft per failed item, due three duty days after the inspection’s duty day', () => {
    const answers = allPass().map((a) =>
      a.itemKey === 'pump_test' ? { ...a, result: 'fail' as const, note: ' 2 号泵不启动 ' } : a.itemKey === 'sandbags' ? { ...a, result: 'fail' as const } : a,
    );
    // 03:00 on the 11th belongs to the duty day of the 10th.
    const drafts = rectificationDrafts(inspection(at('2024-07-11', '03:00'), answers), basement, { responsibleUnit: '某某物业' });
    expect(drafts).toEqual([
      { pointId: 'pt9', inspectionId: 'ins1', itemKey: 'sandbags', description: '沙袋储备不合格', deadline: '2024-07-13', responsibleUnit: '某某物业' },
      { pointId: 'pt9', inspectionId: 'ins1', itemKey: 'pump_test', description: '水泵测试：2 号泵不启动', deadline: '2024-07-13', responsibleUnit: '某某物业' },
    ]);
  });

  it('makes none for a passing inspection, and honours another deadline', () => {
    expect(rectificationDrafts(inspection(at('2024-07-11', '10:00'), allPass()), basement)).toEqual([]);
    const t = defaultTemplateFor('dilapidated');
    const ins: Inspection = { ...inspection(at('2024-07-11', '10:00'), [{ itemKey: 'safety_grade', grade: 'D', note: '墙体开裂' }]), template: templateRef(t) };
    expect(rectificationDrafts(ins, t, { deadlineDays: 1 })).toEqual([
      { pointId: 'pt9', inspectionId: 'ins1', itemKey: 'safety_grade', description: '安全等级：D 级，墙体开裂', deadline: '2024-07-12' },
    ]);
  });
});

describe('inspection due dates', () => {
  it('daily: due by the end of the next duty day', () => {
    expect(dueAfter(DAILY, at('2024-07-10', '10:00'))).toBe(at('2024-07-12', '08:00'));
    // 03:00 on the 11th is still the 10th's duty day.
    expect(dueAfter(DAILY, at('2024-07-11', '03:00'))).toBe(at('2024-07-12', '08:00'));
    expect(dueAfter(DAILY, at('2024-07-11', '08:00'))).toBe(at('2024-07-13', '08:00'));
  });

  it('weekly and every N hours', () => {
    expect(dueAfter(WEEKLY, at('2024-07-01', '15:00'))).toBe(at('2024-07-09', '08:00'));
    expect(dueAfter(everyHours(4), at('2024-07-01', '15:00'))).toBe(at('2024-07-01', '19:00'));
    expect(dueAfter(everyHours(0.5), at('2024-07-01', '15:00'))).toBe(at('2024-07-01', '15:30'));
  });

  it('raises the frequency during a warning: the default every 2 h, or the point’s own', () => {
    const last = at('2024-07-10', '10:00');
    expect(nextInspectionDue({ normal: DAILY }, last, false)).toBe(at('2024-07-12', '08:00'));
    expect(nextInspectionDue({ normal: DAILY }, last, true)).toBe(at('2024-07-10', '12:00'));
    expect(nextInspectionDue({ normal: DAILY, duringWarning: everyHours(1) }, last, true)).toBe(at('2024-07-10', '11:00'));
    // A warning frequency looser than the normal one never relaxes the normal one.
    expect(nextInspectionDue({ normal: everyHours(3), duringWarning: DAILY }, last, true)).toBe(at('2024-07-10', '13:00'));
  });

  it('a never-inspected point is due at once', () => {
    expect(nextInspectionDue({ normal: WEEKLY }, null, false)).toBeNull();
    expect(isPastDue(null, 0)).toBe(true);
    expect(isPastDue(at('2024-07-10', '12:00'), at('2024-07-10', '11:59'))).toBe(false);
    expect(isPastDue(at('2024-07-10', '12:00'), at('2024-07-10', '12:00'))).toBe(true);
  });

  it('refuses nonsense frequencies', () => {
    expect(() => dueAfter({ kind: 'hours', every: 0 }, 0)).toThrow(ValidationError);
    expect(() => dueAfter({ kind: 'days', every: 1.5 }, 0)).toThrow(ValidationError);
    expect(() => dueAfter({ kind: 'hours', every: Number.NaN }, 0)).toThrow(ValidationError);
  });

  it('labels frequencies in both languages', () => {
    expect(frequencyLabel(DAILY)).toEqual({ zh: '每天', en: 'Daily' });
    expect(frequencyLabel(WEEKLY).zh).toBe('每周');
    expect(frequencyLabel({ kind: 'days', every: 3 })).toEqual({ zh: '每 3 天', en: 'Every 3 days' });
    expect(frequencyLabel(everyHours(2))).toEqual({ zh: '每 2 小时', en: 'Every 2 h' });
  });
});

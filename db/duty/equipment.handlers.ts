import { randomUUID } from 'node:crypto';
import { ValidationError, type FieldIssue } from '../../core/errors';
import { equipmentLabel, openFaults } from '../../core/domain/duty/equipment';
import type { EquipmentCheckRecord } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { dutyEquipmentRepo } from './equipment.repo';
import { assertNotFuture, dutyDayAt, dutySettings, lineIssue, shiftAt } from './common';

export function currentOpenFaults(ctx: HandlerContext) {
  const { equipmentChecklist } = dutySettings(ctx);
  return openFaults(dutyEquipmentRepo(ctx.db).findings()).map((f) => ({ ...f, label: equipmentLabel(f.key, equipmentChecklist) }));
}

type EquipmentMethods = 'duty.equipment' | 'duty.recordCheck';

export const dutyEquipmentHandlers = {
  'duty.equipment': (ctx, { limit }) => {
    const repo = dutyEquipmentRepo(ctx.db);
    return {
      checklist: dutySettings(ctx).equipmentChecklist,
      checks: repo.recent(limit),
      openFaults: currentOpenFaults(ctx),
      checkedThisShift: repo.countSince(shiftAt(ctx, ctx.nowMs).startMs) > 0,
    };
  },

  'duty.recordCheck': (ctx, input) => {
    const atMs = input.atMs ?? ctx.nowMs;
    assertNotFuture(ctx, atMs, 'Check time');
    const { equipmentChecklist } = dutySettings(ctx);
    // A fault on an item since dropped from the checklist can still be reported repaired.
    const known = new Set([...equipmentChecklist.map((i) => i.key), ...currentOpenFaults(ctx).map((f) => f.key)]);
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    input.items.forEach((item) => {
      if (!known.has(item.key)) issues.push(lineIssue(`"${item.key}" is not on the checklist`, `“${item.key}”不在检查清单中`));
      else if (seen.has(item.key)) issues.push(lineIssue(`"${item.key}" is listed twice`, `“${item.key}”重复`));
      else if (item.status === 'fault' && !item.note) {
        const label = equipmentLabel(item.key, equipmentChecklist);
        issues.push(lineIssue(`${label.en}: describe the fault`, `${label.zh}：请填写故障情况`));
      }
      seen.add(item.key);
    });
    if (issues.length) throw new ValidationError('errors.duty.checkItems', 'Some check items need attention; nothing was saved', { count: issues.length }, issues);

    const repo = dutyEquipmentRepo(ctx.db);
    const check: EquipmentCheckRecord = {
      id: randomUUID(),
      atMs,
      dutyDay: dutyDayAt(ctx, atMs),
      checkedBy: input.checkedBy,
      note: input.note,
      items: input.items.map((item) => ({ ...item, label: equipmentLabel(item.key, equipmentChecklist).zh })),
    };
    repo.insertCheck({ ...check, nowIso: ctx.nowIso });
    for (const item of check.items) repo.insertItem({ ...item, id: randomUUID(), checkId: check.id, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'duty_equipment_check', entityId: check.id, before: null, after: check });
    return check;
  },
} satisfies Pick<HandlerMap<'duty'>, EquipmentMethods>;

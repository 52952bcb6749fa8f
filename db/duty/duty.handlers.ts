import type { HandlerContext, HandlerMap } from '../platform/context';
import type { DutyPerson, SystemStatus } from '../../core/contract/system';
import { dutyRotaRepo, type AssignmentRow } from './rota.repo';
import { dutyWarningsRepo } from './warnings.repo';
import { shiftAt } from './common';
import { dutyEquipmentHandlers } from './equipment.handlers';
import { dutyExtensionHandlers, runningExtensions } from './extensions.handlers';
import { dutyHandoverHandlers } from './handover.handlers';
import { dutyIncidentsHandlers } from './incidents.handlers';
import { dutyLogHandlers } from './log.handlers';
import { dutyPeopleHandlers } from './people.handlers';
import { dutyRotaReadHandlers } from './rota-read.handlers';
import { dutyRotaWriteHandlers } from './rota-write.handlers';
import { dutyWarningsHandlers } from './warnings.handlers';

export const dutyHandlers = {
  ...dutyPeopleHandlers,
  ...dutyRotaReadHandlers,
  ...dutyRotaWriteHandlers,
  ...dutyExtensionHandlers,
  ...dutyLogHandlers,
  ...dutyIncidentsHandlers,
  ...dutyWarningsHandlers,
  ...dutyEquipmentHandlers,
  ...dutyHandoverHandlers,
} satisfies HandlerMap<'duty'>;

const person = (row: AssignmentRow): DutyPerson => ({ id: row.person_id, name: row.name, phone: row.phone });

/**
 * The duty part of the status bar: who is on duty now and what is in force. The duty day is
 * the one that contains now, so at 03:00 it is still yesterday's team; a team kept on by an
 * extended watch (在岗值守至预警解除) is shown too until the watch ends.
 */
export function dutyStatus(ctx: HandlerContext): Pick<SystemStatus, 'leaderOnDuty' | 'officersOnDuty' | 'activeWarnings' | 'responseLevel'> {
  const shift = shiftAt(ctx, ctx.nowMs);
  const rota = dutyRotaRepo(ctx.db);
  const today = rota.current(shift.day, shift.day);
  const leader = today.find((r) => r.slot === 'leader');
  const onWatch = today.filter((r) => r.slot === 'extra' || (r.slot === 'officer' && (r.shift === 'full' || r.shift === shift.kind)));
  const kept = runningExtensions(ctx, ctx.nowMs)
    .filter((e) => e.date !== shift.day)
    .flatMap((e) => rota.current(e.date, e.date).filter((r) => r.slot !== 'backup' && (r.slot !== 'extra' || r.extension_id === e.id)));
  const seen = new Set(leader ? [leader.person_id] : []);
  const officersOnDuty = [...onWatch, ...kept].filter((r) => !seen.has(r.person_id) && seen.add(r.person_id)).map(person);

  const warnings = dutyWarningsRepo(ctx.db);
  const responses = warnings.activeResponses(ctx.nowMs);
  return {
    leaderOnDuty: leader ? person(leader) : null,
    officersOnDuty,
    activeWarnings: warnings.activeWarnings(ctx.nowMs).map((w) => ({ id: w.id, type: w.type, level: w.colour, title: w.title, issuedAtMs: w.issuedAtMs })),
    responseLevel: responses[0]?.level ?? null,
  };
}

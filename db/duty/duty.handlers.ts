import type { HandlerContext, HandlerMap } from '../platform/context';
import type { SystemStatus } from '../../core/contract/system';
import { dutyWarningsRepo } from './warnings.repo';
import { onDutyNow } from './on-duty';
import { dutyEquipmentHandlers } from './equipment.handlers';
import { dutyExtensionHandlers } from './extensions.handlers';
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

/** The duty part of the status bar: who is on duty now and what is in force. */
export function dutyStatus(ctx: HandlerContext): Pick<SystemStatus, 'leaderOnDuty' | 'officersOnDuty' | 'activeWarnings' | 'responseLevel'> {
  const { leader, officers } = onDutyNow(ctx);
  const warnings = dutyWarningsRepo(ctx.db);
  const responses = warnings.activeResponses(ctx.nowMs);
  return {
    leaderOnDuty: leader,
    officersOnDuty: officers,
    activeWarnings: warnings.activeWarnings(ctx.nowMs).map((w) => ({ id: w.id, type: w.type, level: w.colour, title: w.title, issuedAtMs: w.issuedAtMs })),
    responseLevel: responses[0]?.level ?? null,
  };
}

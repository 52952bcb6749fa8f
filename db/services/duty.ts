import type { HandlerContext, HandlerMap } from '../context';
import type { SystemStatus } from '../../core/contract/system';

export const dutyHandlers = {} satisfies HandlerMap<'duty'>;

/** The duty part of the status bar: who is on duty now and what is in force. */
export function dutyStatus(_ctx: HandlerContext): Pick<SystemStatus, 'leaderOnDuty' | 'officersOnDuty' | 'activeWarnings' | 'responseLevel'> {
  return { leaderOnDuty: null, officersOnDuty: [], activeWarnings: [], responseLevel: null };
}

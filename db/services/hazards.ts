import type { HandlerContext, HandlerMap } from '../context';
import type { SystemStatus } from '../../core/contract/system';

export const hazardsHandlers = {} satisfies HandlerMap<'hazards'>;

/** The hazards part of the status bar. */
export function hazardsStatus(_ctx: HandlerContext): Pick<SystemStatus, 'overdueRectifications'> {
  return { overdueRectifications: 0 };
}

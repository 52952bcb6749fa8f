import type { HandlerContext, HandlerMap } from '../context';
import { EMPTY_LAYER, type MapLayerData } from '../../core/contract/map-layers';
import type { SystemStatus } from '../../core/contract/system';

export const hazardsHandlers = {} satisfies HandlerMap<'hazards'>;

/** The hazards part of the status bar. */
export function hazardsStatus(_ctx: HandlerContext): Pick<SystemStatus, 'overdueRectifications'> {
  return { overdueRectifications: 0 };
}

/** This domain's map layers (hazards, patrols), drawn by the map section. */
export function hazardsMapLayer(_ctx: HandlerContext): MapLayerData {
  return EMPTY_LAYER;
}

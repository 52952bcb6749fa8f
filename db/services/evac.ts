import type { HandlerContext, HandlerMap } from '../context';
import { EMPTY_LAYER, type MapLayerData } from '../../core/contract/map-layers';

export const evacHandlers = {} satisfies HandlerMap<'evac'>;

/** This domain's map layers (shelters, evacSources), drawn by the map section. */
export function evacMapLayer(_ctx: HandlerContext): MapLayerData {
  return EMPTY_LAYER;
}

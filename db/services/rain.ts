import type { HandlerContext, HandlerMap } from '../context';
import { EMPTY_LAYER, type MapLayerData } from '../../core/contract/map-layers';

export const rainHandlers = {} satisfies HandlerMap<'rain'>;

/** This domain's map layers (rainGauges, waterGauges), drawn by the map section. */
export function rainMapLayer(_ctx: HandlerContext): MapLayerData {
  return EMPTY_LAYER;
}

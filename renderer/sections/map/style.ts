import type { MapLayerId } from '../../../core/contract/map-layers';
import type { TKey } from '../../i18n';

/** Everything the map can show and toggle, in legend order. */
export type ToggleId = MapLayerId | 'markers' | 'boundary' | 'roads';
export const TOGGLES: ToggleId[] = ['hazards', 'patrols', 'shelters', 'rainGauges', 'waterGauges', 'evacSources', 'damage', 'markers', 'boundary', 'roads'];

export type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'house';

/** Layer colour when a point's level is not one the legend knows. */
export const LAYER_COLOUR: Record<ToggleId, string> = {
  hazards: '#f97316',
  patrols: '#a855f7',
  shelters: '#22c55e',
  rainGauges: '#38bdf8',
  waterGauges: '#0ea5e9',
  evacSources: '#e879f9',
  damage: '#dc2626',
  markers: '#facc15',
  boundary: '#4ea8ff',
  roads: '#94a3b8',
};

export const LAYER_SHAPE: Record<MapLayerId | 'markers', Shape> = {
  hazards: 'triangle',
  patrols: 'circle',
  shelters: 'house',
  rainGauges: 'circle',
  waterGauges: 'diamond',
  evacSources: 'square',
  damage: 'diamond',
  markers: 'circle',
};

/** Hazard types drawn with their own outline, so type reads apart from risk colour. */
const HAZARD_SHAPE: Record<string, Shape> = {
  basement: 'square',
  underpass: 'diamond',
  slope: 'triangle',
  spoil: 'triangle',
  dilapidated: 'house',
};

/**
 * Level words the domains use, to one colour scale: risk (low → critical), warning colours,
 * rain grades (GB/T 28592), water status against warning/guarantee levels, occupancy.
 */
export const LEVEL_COLOUR: Record<string, string> = {
  low: '#22c55e',
  medium: '#eab308',
  high: '#f97316',
  critical: '#ef4444',
  blue: '#3b82f6',
  yellow: '#eab308',
  orange: '#f97316',
  red: '#ef4444',
  none: '#94a3b8',
  light: '#86efac',
  moderate: '#22c55e',
  heavy: '#3b82f6',
  rainstorm: '#eab308',
  downpour: '#f97316',
  extreme: '#ef4444',
  // Water gauges' levels are the rain domain's WaterStatus words.
  normal: '#22c55e',
  above_warning: '#f97316',
  above_guarantee: '#ef4444',
  open: '#22c55e',
  full: '#f97316',
  over: '#ef4444',
  closed: '#94a3b8',
};

export function pointColour(layer: MapLayerId | 'markers', level: string): string {
  return LEVEL_COLOUR[level] ?? LAYER_COLOUR[layer];
}

/** The map's own markers take the outline of what they stand for. */
const MARKER_SHAPE: Record<string, Shape> = { hazard: 'triangle', shelter: 'house', gauge: 'diamond' };

export function pointShape(layer: MapLayerId | 'markers', kind: string): Shape {
  if (layer === 'hazards') return HAZARD_SHAPE[kind] ?? 'circle';
  if (layer === 'markers') return MARKER_SHAPE[kind] ?? 'circle';
  return LAYER_SHAPE[layer];
}

export const TOGGLE_LABEL: Record<ToggleId, TKey> = {
  hazards: 'map.layer.hazards',
  patrols: 'map.layer.patrols',
  shelters: 'map.layer.shelters',
  rainGauges: 'map.layer.rainGauges',
  waterGauges: 'map.layer.waterGauges',
  evacSources: 'map.layer.evacSources',
  damage: 'damage.layer',
  markers: 'map.layer.markers',
  boundary: 'map.layer.boundary',
  roads: 'map.layer.roads',
};

/** The colour scales shown under the layer toggles (and in the exported PNG). */
export const LEGEND_SCALES: { title: TKey; items: { key: TKey; colour: string }[] }[] = [
  {
    title: 'map.legend.risk',
    items: [
      { key: 'map.legend.low', colour: LEVEL_COLOUR.low },
      { key: 'map.legend.medium', colour: LEVEL_COLOUR.medium },
      { key: 'map.legend.high', colour: LEVEL_COLOUR.high },
      { key: 'map.legend.critical', colour: LEVEL_COLOUR.critical },
    ],
  },
  {
    title: 'map.legend.water',
    items: [
      { key: 'map.legend.normal', colour: LEVEL_COLOUR.normal },
      { key: 'map.legend.warning', colour: LEVEL_COLOUR.above_warning },
      { key: 'map.legend.guarantee', colour: LEVEL_COLOUR.above_guarantee },
    ],
  },
];

/** Draws one symbol centred on (x, y); shared by the live layer and the PNG export. */
export function drawSymbol(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.15, y);
      ctx.lineTo(x, y + r * 1.15);
      ctx.lineTo(x - r * 1.15, y);
      ctx.closePath();
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 'house':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r, y - r * 0.2);
      ctx.lineTo(x + r, y + r * 0.9);
      ctx.lineTo(x - r, y + r * 0.9);
      ctx.lineTo(x - r, y - r * 0.2);
      ctx.closePath();
      break;
    default:
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

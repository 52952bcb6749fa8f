/**
 * What each domain hands the map: points and lines in WGS-84 with the facts a popup shows.
 * Domains fill their layers; the map section only draws them.
 */
export type MapLayerId = 'hazards' | 'patrols' | 'shelters' | 'rainGauges' | 'waterGauges' | 'evacSources';

export interface MapPoint {
  id: string;
  layer: MapLayerId;
  name: string;
  lat: number;
  lng: number;
  /** Icon family within the layer, e.g. a hazard type or a shelter type. */
  kind: string;
  /** Colour family: risk level, grade, occupancy state, water status. */
  level: string;
  /** Drawn with emphasis, e.g. an overdue rectification or a shelter over capacity. */
  alert: boolean;
  /** Short facts for the popup, already in display order. */
  facts: { label: string; labelEn: string; value: string }[];
  /** Hash route to the record, e.g. `#/hazards/<id>`. */
  link: string;
}

export interface MapLine {
  id: string;
  layer: MapLayerId;
  name: string;
  /** [lat, lng] in visiting order. */
  path: [number, number][];
  link: string;
}

export interface MapLayerData {
  points: MapPoint[];
  lines: MapLine[];
}

export const EMPTY_LAYER: MapLayerData = { points: [], lines: [] };

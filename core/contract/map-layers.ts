/**
 * What each domain hands the map: points and lines in WGS-84. Domains fill their layers; the
 * map section only draws them. A popup's facts are not part of a layer: they are read for one
 * point when its popup opens (map.pointFacts).
 */
export type MapLayerId = 'hazards' | 'patrols' | 'shelters' | 'rainGauges' | 'waterGauges' | 'evacSources' | 'damage';

/** Layers drawn as points (patrols are lines); `markers` are the map's own. */
export const pointLayerIds = ['hazards', 'shelters', 'rainGauges', 'waterGauges', 'evacSources', 'damage', 'markers'] as const;
export type PointLayerId = (typeof pointLayerIds)[number];

/** One point as a domain hands it over; the payload carries points as columns (PointColumns). */
export interface MapPoint {
  id: string;
  layer: PointLayerId;
  name: string;
  lat: number;
  lng: number;
  /** Icon family within the layer, e.g. a hazard type or a shelter type. */
  kind: string;
  /** Colour family: risk level, grade, occupancy state, water status. */
  level: string;
  /** Drawn with emphasis, e.g. an overdue rectification or a shelter over capacity. */
  alert: boolean;
}

/**
 * One layer's points as parallel columns: point i is ids[i], names[i], lat[i], lng[i] … As one
 * object per point, 50k points were 6.9 MB of JSON and 50k objects to build on each side;
 * columns repeat no keys, and kinds and levels (a handful of words) travel once, as dictionaries.
 */
export interface PointColumns {
  layer: PointLayerId;
  ids: string[];
  names: string[];
  /** WGS-84 degrees rounded to 6 decimals (about 0.1 m). */
  lat: number[];
  lng: number[];
  /** The distinct kinds; point i's kind is kinds[kind[i]]. */
  kinds: string[];
  kind: number[];
  levels: string[];
  level: number[];
  /** Indexes of the points drawn with emphasis. */
  alerts: number[];
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
  /** Only layers with points; a layer appears once. */
  points: PointColumns[];
  lines: MapLine[];
}

export const EMPTY_LAYER: MapLayerData = { points: [], lines: [] };

/** One line of a popup, in both languages: the label and the value (names and numbers read the same in both). */
export interface MapFact {
  label: string;
  labelEn: string;
  value: string;
  valueEn: string;
}

/** What a popup shows beyond the name: facts in display order and the hash route to the record ('' for none). */
export interface MapPointFacts {
  facts: MapFact[];
  link: string;
}

export const roundCoord = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

/** Distinct values in first-seen order and each value's index among them. */
export function dictionaryEncode(values: readonly string[]): { dict: string[]; index: number[] } {
  const positions = new Map<string, number>();
  const dict: string[] = [];
  const index = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    let at = positions.get(values[i]);
    if (at === undefined) {
      at = dict.length;
      positions.set(values[i], at);
      dict.push(values[i]);
    }
    index[i] = at;
  }
  return { dict, index };
}

/** Columns from plain arrays of one layer (a narrow SELECT's columns). */
export function columnsOf(layer: PointLayerId, columns: { ids: string[]; names: string[]; lat: number[]; lng: number[]; kind: string[]; level: string[]; alerts: number[] }): PointColumns {
  const kind = dictionaryEncode(columns.kind);
  const level = dictionaryEncode(columns.level);
  return { layer, ids: columns.ids, names: columns.names, lat: columns.lat, lng: columns.lng, kinds: kind.dict, kind: kind.index, levels: level.dict, level: level.index, alerts: columns.alerts };
}

/** Point i of a layer as one object: for a popup, a search hit or a selection, never for a whole layer before it is drawn. */
export function pointAt(columns: PointColumns, i: number): MapPoint {
  const { layer, ids, names, lat, lng, kinds, kind, levels, level, alerts } = columns;
  return { id: ids[i], layer, name: names[i], lat: lat[i], lng: lng[i], kind: kinds[kind[i]], level: levels[level[i]], alert: alerts.includes(i) };
}

/** A domain's points, grouped by layer in first-seen order, as columns. */
export function toColumns(points: readonly MapPoint[]): PointColumns[] {
  const groups = new Map<PointLayerId, MapPoint[]>();
  for (const p of points) {
    const group = groups.get(p.layer);
    if (group) group.push(p);
    else groups.set(p.layer, [p]);
  }
  return [...groups].map(([layer, rows]) =>
    columnsOf(layer, {
      ids: rows.map((p) => p.id),
      names: rows.map((p) => p.name),
      lat: rows.map((p) => roundCoord(p.lat)),
      lng: rows.map((p) => roundCoord(p.lng)),
      kind: rows.map((p) => p.kind),
      level: rows.map((p) => p.level),
      alerts: rows.flatMap((p, i) => (p.alert ? [i] : [])),
    }),
  );
}

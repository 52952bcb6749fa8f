import type { InputOf } from '../../../core/contract';
import type { HazardPoint } from '../../../core/contract/hazards-types';
import type { StationRecord } from '../../../core/contract/rain';
import type { MapLayerId } from '../../../core/contract/map-layers';

/**
 * How the map writes other domains' records: through their own contract methods, with
 * inputs built here as plain functions so tests can drive them against the real handlers.
 */

type LatLng = { lat: number; lng: number };

/** What a click on the map can create, and the layer that will show it. */
export const PLACEABLE = ['hazard', 'shelter', 'gauge', 'damage', 'marker'] as const;
export type Placeable = (typeof PLACEABLE)[number];
/** Placed with the map's own short form; damage opens the damage register's form instead. */
export type QuickPlaceable = Exclude<Placeable, 'damage'>;

/** Layers whose points can be dragged to a corrected place, and the method that stores it. */
export const MOVE_METHOD = {
  hazards: 'hazards.updatePoint',
  shelters: 'evac.updateShelter',
  rainGauges: 'rain.saveStation',
  waterGauges: 'rain.saveStation',
  markers: 'map.moveMarker',
} as const satisfies Partial<Record<MapLayerId | 'markers', string>>;
export type MovableLayer = keyof typeof MOVE_METHOD;

export function isMovable(layer: string): layer is MovableLayer {
  return Object.hasOwn(MOVE_METHOD, layer);
}

/** Coordinates as stored: six decimals is 0.1 m, finer than any click. */
export function rounded(at: LatLng): LatLng {
  return { lat: Number(at.lat.toFixed(6)), lng: Number(at.lng.toFixed(6)) };
}

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
const optionalNumber = (data: FormData, name: string) => (text(data, name) === '' ? null : Number(text(data, name)));

/** The add form's fields for a hazard point → `hazards.createPoint` (the rest keep the register's defaults). */
export function hazardCreateInput(data: FormData, at: LatLng): InputOf<'hazards.createPoint'> {
  return {
    name: text(data, 'name'),
    hazardType: text(data, 'hazardType') as InputOf<'hazards.createPoint'>['hazardType'],
    riskLevel: text(data, 'riskLevel') as InputOf<'hazards.createPoint'>['riskLevel'],
    address: text(data, 'address'),
    ...rounded(at),
    coordSystem: 'wgs84',
  };
}

export function shelterCreateInput(data: FormData, at: LatLng): InputOf<'evac.createShelter'> {
  return {
    name: text(data, 'name'),
    type: text(data, 'shelterType') as InputOf<'evac.createShelter'>['type'],
    address: text(data, 'address'),
    capacity: optionalNumber(data, 'capacity'),
    ...rounded(at),
  };
}

export function stationCreateInput(data: FormData, at: LatLng): InputOf<'rain.saveStation'> {
  const type = text(data, 'stationType') === 'water' ? 'water' : 'rain';
  return {
    code: text(data, 'code'),
    name: text(data, 'name'),
    type,
    warningM: type === 'water' ? optionalNumber(data, 'warningM') : null,
    ...rounded(at),
  };
}

export function markerCreateInput(data: FormData, at: LatLng): InputOf<'map.addMarker'> {
  return { name: text(data, 'name'), kind: text(data, 'kind') as InputOf<'map.addMarker'>['kind'], notes: text(data, 'notes'), ...rounded(at) };
}

/** `hazards.updatePoint` replaces every field: the point as read, with only the place changed. */
export function hazardMoveInput(point: HazardPoint, to: LatLng): InputOf<'hazards.updatePoint'> {
  return {
    id: point.id,
    expectedVersion: point.version,
    point: {
      name: point.name,
      hazardType: point.hazardType,
      address: point.address,
      community: point.community,
      ...rounded(to),
      coordSystem: 'wgs84',
      responsibleUnit: point.responsibleUnit,
      unitPhone: point.unitPhone,
      responsiblePerson: point.responsiblePerson,
      personPhone: point.personPhone,
      letterSigned: point.letterSigned,
      letterDate: point.letterDate,
      residents: point.residents,
      vulnerable: point.vulnerable,
      riskLevel: point.riskLevel,
      frequency: point.frequency,
      notes: point.notes,
      status: point.status,
    },
  };
}

/** `rain.saveStation` with an id updates the whole gauge: the record as read, with only the place changed. */
export function stationMoveInput(station: StationRecord, to: LatLng): InputOf<'rain.saveStation'> {
  return {
    id: station.id,
    expectedVersion: station.version,
    code: station.code,
    name: station.name,
    nameEn: station.nameEn,
    type: station.type,
    ...rounded(to),
    source: station.source,
    warningM: station.warningM,
    guaranteeM: station.guaranteeM,
    floodLimitM: station.floodLimitM,
    notes: station.notes,
  };
}

export function shelterMoveInput(id: string, to: LatLng): InputOf<'evac.updateShelter'> {
  return { id, patch: rounded(to) };
}

/** `hazards.saveRoute` for a new route through points already in walking order. */
export function routeInput(data: FormData, orderedIds: string[]): InputOf<'hazards.saveRoute'> {
  const every = Number(text(data, 'every') || '1');
  const assignees = text(data, 'assignees')
    .split(/[,，、\s]+/)
    .filter(Boolean);
  return {
    name: text(data, 'name'),
    pointIds: orderedIds,
    assignees,
    frequency: { kind: text(data, 'unit') === 'hours' ? 'hours' : 'days', every },
    notes: text(data, 'notes'),
  };
}

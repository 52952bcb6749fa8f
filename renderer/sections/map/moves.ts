import { act } from '../../api/hooks';
import { useUi } from '../../store/ui';
import { hazardMoveInput, rounded, shelterMoveInput, stationMoveInput } from './domain-inputs';
import type { Feature } from './model';

type LatLng = { lat: number; lng: number };

/**
 * Stores a dragged point's corrected place through the owning domain's update method.
 * Hazard points and gauges are updated whole, so the record is read fresh just before
 * writing: a field someone else changed a moment ago is not put back.
 */
export async function moveFeature(feature: Feature, to: LatLng): Promise<boolean> {
  if (feature.layer === 'markers') return (await act('map.moveMarker', { id: feature.id, ...rounded(to) })) !== undefined;
  switch (feature.layer) {
    case 'hazards': {
      const detail = await act('hazards.getPoint', { id: feature.id });
      return detail !== undefined && (await act('hazards.updatePoint', hazardMoveInput(detail.point, to))) !== undefined;
    }
    case 'shelters':
      return (await act('evac.updateShelter', shelterMoveInput(feature.id, to))) !== undefined;
    case 'rainGauges':
    case 'waterGauges': {
      const stations = await act('rain.listStations', { type: feature.layer === 'waterGauges' ? 'water' : 'rain' });
      if (!stations) return false;
      const station = stations.find((s) => s.id === feature.id);
      if (!station) {
        useUi.getState().reportError({ code: 'not_found', key: 'errors.notFound', message: `station ${feature.id} not found`, params: { entity: 'station', id: feature.id } });
        return false;
      }
      return (await act('rain.saveStation', stationMoveInput(station, to))) !== undefined;
    }
    default:
      return false;
  }
}

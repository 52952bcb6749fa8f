import { lazy } from 'react';
import { prefetchLayers } from './layers-query';

// Visiting the map loads this small entry first: the points are asked for now, in parallel with
// loading Leaflet and the map's own code (together some 330 kB to fetch and compile).
prefetchLayers();

const MapView = lazy(() => import('./MapView'));

export default function MapSection() {
  return <MapView />;
}

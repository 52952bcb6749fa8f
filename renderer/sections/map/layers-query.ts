import { useCallback, useEffect, useState } from 'react';
import type { MapLayers } from '../../../core/contract/map';
import { act } from '../../api/hooks';

/**
 * map.layers is the heaviest answer in the app (50k points are a few hundred milliseconds of
 * server work). It is asked for as soon as the map's small entry module loads, while Leaflet's
 * chunk still downloads and compiles; the view takes that answer on its first mount and asks
 * afresh on every later one.
 */
let early: Promise<MapLayers | undefined> | null = null;

export function prefetchLayers(): void {
  early ??= act('map.layers', {});
}

export function useLayers(): { data: MapLayers | undefined; reload(): void } {
  const [data, setData] = useState<MapLayers>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    const pending = early ?? act('map.layers', {});
    early = null;
    pending.then((value) => {
      if (live && value !== undefined) setData(value);
    });
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload };
}

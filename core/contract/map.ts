import { z } from 'zod';
import { read, write } from './define';
import { zCoordSystem, zId, zLat, zLng, zText } from './fields';
import { pointLayerIds, type MapLayerData, type MapPointFacts } from './map-layers';
import type { CoordSystem } from '../domain/geo/coords';
import type { TileFormat } from '../domain/geo/mbtiles';

/** An MBTiles file the user imported, stacked by `position` (lowest drawn first). */
export interface Tileset {
  id: string;
  name: string;
  kind: TileKind;
  format: TileFormat;
  coordSystem: CoordSystem;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] in WGS-84, when the file states it. */
  bounds: [number, number, number, number] | null;
  attribution: string;
  tileCount: number;
  sizeBytes: number;
  visible: boolean;
  opacity: number;
  position: number;
  /** Non-fatal metadata findings (e.g. no name, format stated wrongly), in both languages. */
  notes: { message: string; messageZh: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A point the map itself owns: placed by clicking, corrected by dragging. */
export interface MapMarker {
  id: string;
  name: string;
  kind: MarkerKind;
  lat: number;
  lng: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** Imported vector backgrounds: the unit boundary and, optionally, roads. */
export interface MapShape {
  kind: ShapeKind;
  name: string;
  /** A GeoJSON FeatureCollection in WGS-84. */
  geojson: unknown;
  /** True for the hand-drawn approximate boundary that ships with the app. */
  builtIn: boolean;
  approximate: boolean;
  featureCount: number;
}

/** The user's online tile URL as the UI sees it: the key itself never comes back, only whether one is set. */
export interface OnlineConfig {
  url: string;
  subdomains: string;
  keySet: boolean;
  attribution: string;
  maxZoom: number;
  coordSystem: CoordSystem;
  tileCacheMb: number;
  intranetHosts: string[];
}

export interface MapView {
  center: { lat: number; lng: number };
  zoom: number;
  /** False until someone saves a view: the map then opens on the whole unit boundary, not on centre and zoom. */
  viewSaved: boolean;
  shapes: MapShape[];
  tilesets: Tileset[];
  online: OnlineConfig;
}

/** Every domain's layers and the map's own markers (layer `markers`), as columns. */
export type MapLayers = MapLayerData;

export interface UploadState {
  uploadId: string;
  receivedBytes: number;
  sizeBytes: number;
}

export const tileKinds = ['base', 'overlay'] as const;
export type TileKind = (typeof tileKinds)[number];
export const markerKinds = ['hazard', 'shelter', 'gauge', 'note'] as const;
export type MarkerKind = (typeof markerKinds)[number];
export const shapeKinds = ['boundary', 'roads'] as const;
export type ShapeKind = (typeof shapeKinds)[number];

/** Chunks travel as base64 in JSON: 4 MiB of file is about 5.4 MiB of text. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_TILESET_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_GEOJSON_BYTES = 20 * 1024 * 1024;

export const mapContract = {
  'map.view': read<MapView>()(z.object({}), 'Centre, zoom, boundary and road shapes, imported tile sets'),
  'map.layers': read<MapLayers>()(z.object({}), 'Every layer from every domain plus the map’s own markers, WGS-84, as columns'),
  'map.pointFacts': read<MapPointFacts>()(
    // Evacuation sources are keyed by where people came from, not by a UUID.
    z.object({ layer: z.enum(pointLayerIds), id: z.string().min(1).max(1000) }),
    'What one point’s popup shows, in Chinese and English, and the link to its record',
  ),
  'map.saveView': write<MapView>()(z.object({ center: z.object({ lat: zLat, lng: zLng }), zoom: z.number().int().min(1).max(20) }), 'Store the unit’s view preset'),
  'map.importShape': write<MapShape>()(
    z.object({ kind: z.enum(shapeKinds), name: zText(100).min(1), text: z.string().min(1).max(MAX_GEOJSON_BYTES) }),
    'Replace the boundary or roads with a GeoJSON file (validated whole; nothing kept if any feature is bad)',
    { maxBodyBytes: MAX_GEOJSON_BYTES + 64 * 1024 },
  ),
  'map.removeShape': write<{ removed: boolean }>()(z.object({ kind: z.enum(shapeKinds) }), 'Go back to the built-in boundary / no roads'),
  'map.addMarker': write<MapMarker>()(
    z.object({ name: zText(100).min(1), kind: z.enum(markerKinds), lat: zLat, lng: zLng, notes: zText(2000).default('') }),
    'Place a map-owned marker (WGS-84)',
  ),
  'map.moveMarker': write<MapMarker>()(z.object({ id: zId, lat: zLat, lng: zLng }), 'Correct a marker’s position (the old one stays in the audit trail)'),
  'map.removeMarker': write<{ removed: boolean }>()(z.object({ id: zId }), 'Soft-delete a marker'),
  'map.uploadBegin': write<UploadState>()(
    z.object({ fileName: zText(255).min(1), sizeBytes: z.number().int().min(1).max(MAX_TILESET_BYTES) }),
    'Start a staged MBTiles upload',
  ),
  'map.uploadChunk': write<UploadState>()(
    z.object({ uploadId: zId, index: z.number().int().min(0), data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) }),
    'Append one base64 chunk, in order',
    { maxBodyBytes: Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 64 * 1024 },
  ),
  'map.uploadCommit': write<Tileset>()(
    z.object({ uploadId: zId, kind: z.enum(tileKinds).default('base'), coordSystem: zCoordSystem.default('wgs84'), name: zText(100).optional() }),
    'Check the staged file is a raster MBTiles and keep it; a bad file leaves nothing behind',
  ),
  'map.uploadCancel': write<{ removed: boolean }>()(z.object({ uploadId: zId }), 'Drop a staged upload'),
  'map.updateTileset': write<Tileset>()(
    z.object({
      id: zId,
      patch: z.object({ name: zText(100).min(1), kind: z.enum(tileKinds), coordSystem: zCoordSystem, visible: z.boolean(), opacity: z.number().min(0).max(1), position: z.number().int().min(0).max(1000) }).partial(),
    }),
    'Rename, restack, hide or change the opacity of a tile set',
  ),
  'map.removeTileset': write<{ removed: boolean }>()(z.object({ id: zId }), 'Stop using a tile set (soft delete)'),
  'map.saveOnline': write<OnlineConfig>()(
    z.object({
      url: zText(1000),
      subdomains: zText(40).default(''),
      /** Omitted: keep the stored key. Empty: remove it. The audit trail records only that it changed. */
      key: zText(200).optional(),
      attribution: zText(300).default(''),
      maxZoom: z.number().int().min(1).max(22).default(18),
      coordSystem: zCoordSystem.default('wgs84'),
      tileCacheMb: z.number().int().min(0).max(10_000).default(200),
      /** Omitted: keep the stored list. Hosts allowed to resolve to private addresses (an intranet WMTS). */
      intranetHosts: z.array(zText(253)).max(20).optional(),
    }),
    'Set or clear the online tile URL (tiles are fetched one by one as viewed, through a bounded local cache); administrators only, since the desk fetches from it',
    { access: ['admin'] },
  ),
};

export type { CoordSystem };

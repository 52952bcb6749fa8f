import { randomUUID } from 'node:crypto';
import { NotFound, ValidationError } from '../../core/errors';
import { validateGeoJson } from '../../core/domain/geo/geojson';
import type { MapMarker, MapShape, MapView, ShapeKind } from '../../core/contract/map';
import type { MapLayerData } from '../../core/contract/map-layers';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { markersRepo, shapesRepo, tilesetsRepo, type ShapeRow } from './map.repo';
import { settingsRepo } from '../platform/settings.repo';
import { damageMapLayer } from '../damage';
import { evacMapLayer } from '../evac';
import { hazardsMapLayer } from '../hazards';
import { rainMapLayer } from '../rain';
import { pointFacts } from './facts.handlers';
import { mapTileHandlers } from './tiles.handlers';
import { mapOnlineHandlers, onlineConfigOf, redacted } from './online.handlers';

const assets = import.meta.glob('../../assets/map/*.geojson', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const BUILT_IN_BOUNDARY = JSON.parse(assets['../../assets/map/huafu-boundary.geojson']) as { name: string; features: unknown[] };

/** Boundaries and road networks for a street office stay well below this; more would stall the map. */
const SHAPE_MAX_FEATURES = 5_000;

function toShape(row: ShapeRow): MapShape {
  return { kind: row.kind, name: row.name, geojson: JSON.parse(row.geojson), builtIn: false, approximate: false, featureCount: row.feature_count };
}

function view(ctx: HandlerContext): MapView {
  const { map } = ctx.settings();
  const shapes = shapesRepo(ctx.db).list().map(toShape);
  // Without an imported boundary the unit still has an outline: the approximate built-in one.
  if (!shapes.some((s) => s.kind === 'boundary')) {
    shapes.unshift({ kind: 'boundary', name: BUILT_IN_BOUNDARY.name, geojson: BUILT_IN_BOUNDARY, builtIn: true, approximate: true, featureCount: BUILT_IN_BOUNDARY.features.length });
  }
  return { center: { lat: map.centerLat, lng: map.centerLng }, zoom: map.zoom, viewSaved: map.viewSaved, shapes, tilesets: tilesetsRepo(ctx.db).list(), online: onlineConfigOf(map) };
}

function merge(...layers: MapLayerData[]): MapLayerData {
  return { points: layers.flatMap((l) => l.points).filter((columns) => columns.ids.length > 0), lines: layers.flatMap((l) => l.lines) };
}

/** Parses and checks a GeoJSON upload; any bad feature refuses the whole file. */
function parseShape(text: string): { geojson: unknown; featureCount: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError('errors.map.geojsonNotJson', 'The file is not valid JSON');
  }
  const result = validateGeoJson(parsed, { maxFeatures: SHAPE_MAX_FEATURES, maxIssues: 20 });
  const tooMany = result.issues.find((i) => i.code === 'too_many_features');
  if (tooMany) throw new ValidationError('errors.map.geojsonTooLarge', tooMany.message, { count: result.featureCount, max: SHAPE_MAX_FEATURES });
  if (!result.ok) {
    const issues = result.issues
      .filter((i) => i.severity === 'error')
      .map((i) => ({ path: i.path, message: i.message, messageZh: i.messageZh }));
    throw new ValidationError('errors.map.geojsonInvalid', `The GeoJSON has ${issues.length} problem(s)`, { count: issues.length }, issues);
  }
  // A bare geometry or single feature is stored as a collection, so the renderer sees one shape.
  const geojson =
    result.kind === 'FeatureCollection'
      ? parsed
      : { type: 'FeatureCollection', features: [result.kind === 'Feature' ? parsed : { type: 'Feature', properties: {}, geometry: parsed }] };
  return { geojson, featureCount: result.kind === 'FeatureCollection' ? result.featureCount : 1 };
}

function requireMarker(ctx: HandlerContext, id: string): MapMarker {
  const marker = markersRepo(ctx.db).get(id);
  if (!marker) throw new NotFound('map_marker', id);
  return marker;
}

export const mapHandlers = {
  'map.view': view,
  'map.layers': (ctx) => merge(hazardsMapLayer(ctx), evacMapLayer(ctx), rainMapLayer(ctx), damageMapLayer(ctx), { points: [markersRepo(ctx.db).columns()], lines: [] }),
  'map.pointFacts': pointFacts,
  'map.saveView': (ctx, { center, zoom }) => {
    const before = ctx.settings().map;
    const after = { ...before, centerLat: center.lat, centerLng: center.lng, zoom, viewSaved: true };
    settingsRepo(ctx.db).write('map', after, ctx.nowIso);
    // The section holds the online key: the audit trail must not.
    ctx.audit({ entity: 'settings', entityId: 'map', before: redacted(before), after: redacted(after) });
    return { ...view(ctx), center, zoom };
  },
  'map.importShape': (ctx, { kind, name, text }) => {
    const { geojson, featureCount } = parseShape(text);
    const repo = shapesRepo(ctx.db);
    const before = repo.get(kind);
    const id = before?.id ?? randomUUID();
    repo.upsert({ id, kind, name, geojson: JSON.stringify(geojson), featureCount, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'map_shape', entityId: id, before: before ? { kind, name: before.name, featureCount: before.feature_count } : null, after: { kind, name, featureCount } });
    return { kind, name, geojson, builtIn: false, approximate: false, featureCount };
  },
  'map.removeShape': (ctx, { kind }: { kind: ShapeKind }) => {
    const repo = shapesRepo(ctx.db);
    const before = repo.get(kind);
    if (!before) return { removed: false };
    repo.remove(kind);
    ctx.audit({ entity: 'map_shape', entityId: before.id, before: { kind, name: before.name, featureCount: before.feature_count }, after: null });
    return { removed: true };
  },
  'map.addMarker': (ctx, input) => {
    const marker: MapMarker = { id: randomUUID(), ...input, createdAt: ctx.nowIso, updatedAt: ctx.nowIso };
    markersRepo(ctx.db).insert(marker);
    ctx.audit({ entity: 'map_marker', entityId: marker.id, before: null, after: marker });
    return marker;
  },
  'map.moveMarker': (ctx, { id, lat, lng }) => {
    const before = requireMarker(ctx, id);
    const after: MapMarker = { ...before, lat, lng, updatedAt: ctx.nowIso };
    markersRepo(ctx.db).move(after);
    ctx.audit({ entity: 'map_marker', entityId: id, before, after });
    return after;
  },
  'map.removeMarker': (ctx, { id }) => {
    const before = requireMarker(ctx, id);
    markersRepo(ctx.db).remove(id, ctx.nowIso);
    ctx.audit({ entity: 'map_marker', entityId: id, before, after: null });
    return { removed: true };
  },
  ...mapTileHandlers,
  ...mapOnlineHandlers,
} satisfies HandlerMap<'map'>;

import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import { GeoJSON, MapContainer, Polygon, Polyline, ScaleControl, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { MapShape, Tileset } from '../../../core/contract/map';
import type { MapLine } from '../../../core/contract/map-layers';
import type { CoordSystem } from '../../../core/domain/geo/coords';
import { featureOf, fromDisplay, nameOf, shiftGeoJson, toDisplay, type DrawSet, type Feature } from './model';
import { KeyboardNav, type KeyboardNavProps } from './KeyboardNav';
import { PointsLayer } from './points-layer';
import { LAYER_COLOUR, type ToggleId } from './style';
import { attributionHtml } from './attribution';

export type Mode = 'browse' | 'add' | 'select' | 'measure';

export interface MapCanvasProps {
  center: { lat: number; lng: number };
  zoom: number;
  tilesets: Tileset[];
  /** The user's online base map, drawn beneath everything when no imported base map is shown. */
  online: { url: string; maxZoom: number } | null;
  shapes: MapShape[];
  /** No view saved yet: open on the whole boundary rather than on centre and zoom. */
  fitBoundary: boolean;
  lines: MapLine[];
  points: DrawSet;
  enabled: ReadonlySet<ToggleId>;
  system: CoordSystem;
  clusterAbove: number;
  mode: Mode;
  /** Vertices being drawn (select or measure), WGS-84. */
  sketch: { lat: number; lng: number }[];
  /** A point being dragged to a corrected place, WGS-84. */
  dragging: { id: string; lat: number; lng: number } | null;
  /** Keyboard focus and its handlers (see KeyboardNav). */
  nav: Omit<KeyboardNavProps, 'points'>;
  attribution: string;
  onReady(map: L.Map, layer: PointsLayer): void;
  onPick(feature: Feature): void;
  onClickAt(at: { lat: number; lng: number }): void;
  onCursor(at: { lat: number; lng: number } | null): void;
  onDragEnd(at: { lat: number; lng: number }): void;
  onFinishSketch(): void;
  onTileError(): void;
  onOnlineTileError(): void;
}

/** In Electron tiles come through the tiles:// protocol; in serve mode from the same origin. */
export function tileUrl(id: string): string {
  return window.flooddesk ? `tiles://${id}/{z}/{x}/{y}` : `/tiles/${id}/{z}/{x}/{y}`;
}

function Points({ points, clusterAbove, focusedId, onReady, onPick }: Pick<MapCanvasProps, 'points' | 'clusterAbove' | 'onReady' | 'onPick'> & { focusedId: string | null }) {
  const map = useMap();
  const layer = useRef<PointsLayer | null>(null);
  // The layer outlives renders: it reads the current set and handler through these.
  const latest = useRef({ points, onPick });
  latest.current = { points, onPick };
  useEffect(() => {
    const tooltip = L.tooltip({ direction: 'top', offset: [0, -8] });
    const created = new PointsLayer({
      clusterAbove,
      onPick: (k) => latest.current.onPick(featureOf(latest.current.points, k)),
      onHover: (k, at) => {
        if (k === null || !at) {
          tooltip.remove();
          return;
        }
        // Text, not HTML: names are typed by users.
        const label = document.createElement('span');
        label.textContent = nameOf(latest.current.points, k);
        tooltip.setLatLng(at).setContent(label).addTo(map);
      },
    });
    created.addTo(map);
    layer.current = created;
    onReady(map, created);
    return () => {
      created.remove();
      tooltip.remove();
    };
    // The layer lives as long as the map; data changes go through the effects below.
  }, [map]);
  useEffect(() => layer.current?.setPoints(points), [points]);
  useEffect(() => layer.current?.setClusterAbove(clusterAbove), [clusterAbove]);
  useEffect(() => layer.current?.setFocused(focusedId), [focusedId]);
  return null;
}

function Events({ system, mode, onClickAt, onCursor, onFinishSketch }: Pick<MapCanvasProps, 'system' | 'mode' | 'onClickAt' | 'onCursor' | 'onFinishSketch'>) {
  const map = useMap();
  useEffect(() => {
    // The zoom level on the element, for the status line's readers and for tests.
    const mark = () => {
      const container = map.getContainer();
      container.dataset.zoom = String(map.getZoom());
      container.dataset.bounds = map.getBounds().toBBoxString();
    };
    mark();
    map.on('zoomend moveend', mark);
    return () => {
      map.off('zoomend moveend', mark);
    };
  }, [map]);
  useEffect(() => {
    map.getContainer().classList.toggle('fd-drawing', mode !== 'browse');
    // Double-click finishes a polygon instead of zooming in.
    if (mode === 'select' || mode === 'measure') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  }, [map, mode]);
  useMapEvents({
    click: (e) => {
      if (mode !== 'browse') onClickAt(fromDisplay(e.latlng.lat, e.latlng.lng, system));
    },
    dblclick: () => {
      if (mode === 'select' || mode === 'measure') onFinishSketch();
    },
    mousemove: (e) => onCursor(fromDisplay(e.latlng.lat, e.latlng.lng, system)),
    mouseout: () => onCursor(null),
  });
  return null;
}

function DragHandle({ dragging, system, onDragEnd }: Pick<MapCanvasProps, 'dragging' | 'system' | 'onDragEnd'>) {
  const map = useMap();
  const end = useRef(onDragEnd);
  end.current = onDragEnd;
  useEffect(() => {
    if (!dragging) return;
    const at = toDisplay(dragging.lat, dragging.lng, system);
    const icon = L.divIcon({ className: 'fd-drag-handle', iconSize: [26, 26], html: '<span aria-hidden="true">✥</span>' });
    const marker = L.marker([at.lat, at.lng], { draggable: true, keyboard: true, icon, autoPan: true }).addTo(map);
    marker.on('dragend', () => {
      const p = marker.getLatLng();
      end.current(fromDisplay(p.lat, p.lng, system));
    });
    return () => {
      marker.remove();
    };
  }, [map, dragging, system]);
  return null;
}

/** The saved view, or until one is saved the whole unit boundary, fitted once on opening. */
function View({ center, zoom, fit }: { center: { lat: number; lng: number }; zoom: number; fit: L.LatLngBounds | null }) {
  const map = useMap();
  const fitted = useRef(false);
  useEffect(() => {
    if (!fit) map.setView([center.lat, center.lng], zoom);
    else if (!fitted.current && fit.isValid()) {
      map.fitBounds(fit);
      fitted.current = true;
    }
  }, [map, center.lat, center.lng, zoom, fit]);
  return null;
}

function Attribution({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    const html = attributionHtml(text);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(html);
    return () => {
      map.attributionControl.removeAttribution(html);
    };
  }, [map, text]);
  return null;
}

export function MapCanvas(props: MapCanvasProps) {
  const { tilesets, shapes, lines, enabled, system, sketch, mode } = props;
  const shifted = useMemo(() => shapes.filter((s) => enabled.has(s.kind)).map((s) => ({ ...s, geojson: shiftGeoJson(s.geojson, system) })), [shapes, enabled, system]);
  const sketchLatLngs = sketch.map((p) => {
    const d = toDisplay(p.lat, p.lng, system);
    return [d.lat, d.lng] as [number, number];
  });
  const start = toDisplay(props.center.lat, props.center.lng, system);
  const boundary = shapes.find((s) => s.kind === 'boundary');
  const fit = useMemo(() => (props.fitBoundary && boundary ? L.geoJSON(shiftGeoJson(boundary.geojson, system) as GeoJSON.GeoJsonObject).getBounds() : null), [props.fitBoundary, boundary, system]);
  return (
    <MapContainer center={[start.lat, start.lng]} zoom={props.zoom} preferCanvas className="fd-map" zoomControl keyboard attributionControl maxZoom={20}>
      <View center={start} zoom={props.zoom} fit={fit} />
      {props.online && (
        <TileLayer
          key={props.online.url}
          url={props.online.url}
          zIndex={0}
          minZoom={0}
          maxZoom={20}
          maxNativeZoom={props.online.maxZoom}
          crossOrigin="anonymous"
          eventHandlers={{ tileerror: props.onOnlineTileError }}
        />
      )}
      {tilesets.map((t) => (
        <TileLayer
          key={t.id}
          url={tileUrl(t.id)}
          opacity={t.opacity}
          zIndex={t.position + 1}
          minZoom={0}
          maxZoom={20}
          maxNativeZoom={t.maxzoom}
          crossOrigin="anonymous"
          eventHandlers={{ tileerror: props.onTileError }}
        />
      ))}
      {shifted.map((s) => (
        <GeoJSON
          key={`${s.kind}-${s.name}-${system}`}
          data={s.geojson as GeoJSON.GeoJsonObject}
          style={{ color: LAYER_COLOUR[s.kind], weight: s.kind === 'boundary' ? 3 : 1.5, fill: s.kind === 'boundary', fillOpacity: 0.04, dashArray: s.approximate ? '8 6' : undefined }}
          interactive={false}
        />
      ))}
      {lines
        .filter((l) => enabled.has(l.layer))
        .map((l) => (
          <Polyline key={l.id} positions={l.path.map(([lat, lng]) => { const d = toDisplay(lat, lng, system); return [d.lat, d.lng] as [number, number]; })} pathOptions={{ color: LAYER_COLOUR[l.layer], weight: 4, opacity: 0.85 }} />
        ))}
      {mode === 'select' && sketchLatLngs.length > 0 && <Polygon positions={sketchLatLngs} pathOptions={{ color: '#facc15', weight: 2, dashArray: '6 4', fillOpacity: 0.12 }} />}
      {mode === 'measure' && sketchLatLngs.length > 0 && <Polyline positions={sketchLatLngs} pathOptions={{ color: '#facc15', weight: 3 }} />}
      <Points points={props.points} clusterAbove={props.clusterAbove} focusedId={props.nav.focusedId} onReady={props.onReady} onPick={props.onPick} />
      <KeyboardNav points={props.points} {...props.nav} />
      <Events system={system} mode={mode} onClickAt={props.onClickAt} onCursor={props.onCursor} onFinishSketch={props.onFinishSketch} />
      <DragHandle dragging={props.dragging} system={system} onDragEnd={props.onDragEnd} />
      <Attribution text={props.attribution} />
      <ScaleControl position="bottomleft" imperial={false} />
    </MapContainer>
  );
}

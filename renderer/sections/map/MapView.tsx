import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { distanceMeters } from '../../../core/domain/hazards/points';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useUnitName } from '../../store/status';
import { useUi } from '../../store/ui';
import { downloadBlob } from '../../components/download';
import { exportPng, exportSelectionXlsx } from './export';
import { MapCanvas, type Mode } from './MapCanvas';
import { EMPTY_DRAW_SET, displaySystem, drawSet, findFeature, fromDisplay, layerCounts, search, selectInside, toDisplay, type Feature } from './model';
import type { PointsLayer } from './points-layer';
import { Popup } from './Popup';
import { LayersLegend } from './LayersLegend';
import { SelectionList } from './SelectionList';
import { TilesPanel } from './TilesPanel';
import { OnlinePanel, onlineTileUrl, templateHost } from './OnlinePanel';
import { LAYER_COLOUR, TOGGLES, TOGGLE_LABEL, type ToggleId } from './style';
import { AddForm, type Created } from './AddForm';
import { PatrolForm } from './PatrolForm';
import type { Placeable } from './domain-inputs';
import { moveFeature } from './moves';
import type { Direction } from './nav';
import type { RouteRecord } from '../../../core/contract/hazards-types';
import { useLayers } from './layers-query';

type LatLng = { lat: number; lng: number };

export default function MapView() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const unitName = useUnitName();
  const view = useQuery('map.view', {});
  const layers = useLayers();
  const settings = useQuery('settings.get', {});
  const [enabled, setEnabled] = useState<Set<ToggleId>>(() => new Set(TOGGLES));
  const [mode, setMode] = useState<Mode>('browse');
  const [sketch, setSketch] = useState<LatLng[]>([]);
  const [selection, setSelection] = useState<Feature[] | null>(null);
  const [adding, setAdding] = useState<LatLng | null>(null);
  const [addWhat, setAddWhat] = useState<Placeable>('hazard');
  const [added, setAdded] = useState<Created | null>(null);
  const [picked, setPicked] = useState<Feature | null>(null);
  const [pendingPick, setPendingPick] = useState<string | null>(null);
  const [moving, setMoving] = useState<Feature | null>(null);
  const [moveTo, setMoveTo] = useState<LatLng | null>(null);
  const [patrolFor, setPatrolFor] = useState<Feature[] | null>(null);
  const [patrolSaved, setPatrolSaved] = useState<RouteRecord | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [cursor, setCursor] = useState<LatLng | null>(null);
  const [query, setQuery] = useState('');
  const [tileErrors, setTileErrors] = useState(0);
  const [onlineErrors, setOnlineErrors] = useState(0);
  const mapRef = useRef<{ map: L.Map; layer: PointsLayer } | null>(null);

  const mapSettings = settings.data?.map;
  const onlineConfig = view.data?.online;
  const system = displaySystem(view.data, { url: onlineConfig?.url ?? '', system: onlineConfig?.coordSystem ?? 'wgs84' });
  const columns = layers.data?.points;
  // Only what the first draw needs is built before it: typed arrays, no object per point.
  const points = useMemo(() => (columns ? drawSet(columns, enabled, system) : EMPTY_DRAW_SET), [columns, enabled, system]);
  const counts = useMemo(() => layerCounts(columns), [columns]);
  const results = useMemo(() => search(columns, query), [columns, query]);
  const featureById = useCallback((id: string) => findFeature(columns, id), [columns]);
  const selectedHazards = useMemo(() => (selection ?? []).filter((f) => f.layer === 'hazards'), [selection]);
  const visibleTilesets = (view.data?.tilesets ?? []).filter((ts) => ts.visible);
  // The online map stands in for a base map only; it would not line up under one in another datum.
  const online = onlineConfig?.url && !visibleTilesets.some((ts) => ts.kind === 'base') ? { url: onlineTileUrl(onlineConfig.url), maxZoom: onlineConfig.maxZoom } : null;
  const shown = [...(online && onlineConfig ? [onlineConfig.attribution || templateHost(onlineConfig.url)] : []), ...visibleTilesets.map((ts) => ts.attribution || ts.name)];
  const attribution = shown.length ? shown.join(' · ') : t('map.attribution.none');
  // Roads are offered only once a road network is imported: with none, the toggle would draw nothing.
  const hasRoads = view.data?.shapes.some((s) => s.kind === 'roads') ?? false;
  const offered = useMemo(() => TOGGLES.filter((id) => id !== 'roads' || hasRoads), [hasRoads]);
  const measured = sketch.reduce((sum, p, i) => (i ? sum + distanceMeters(sketch[i - 1], p) : 0), 0);

  const reload = useCallback(() => {
    view.reload();
    layers.reload();
    setOnlineErrors(0);
  }, [view, layers]);

  // Stable, so the open popup is not rebuilt (and focus not reset) whenever the section renders.
  const closePopup = useCallback(() => setPicked(null), []);

  const cancelMode = useCallback(() => {
    setMode('browse');
    setSketch([]);
    setAdding(null);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        cancelMode();
        setMoving(null);
        setMoveTo(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cancelMode]);

  // A point just created is opened once the reloaded layers contain it: the user sees it was saved where they clicked.
  useEffect(() => {
    const feature = pendingPick ? featureById(pendingPick) : null;
    if (!feature) return;
    setPendingPick(null);
    setPicked(feature);
    setFocusedId(feature.id);
  }, [pendingPick, featureById]);

  function startMode(next: Mode) {
    setSketch([]);
    setAdding(null);
    setMode(mode === next ? 'browse' : next);
  }

  function finishSketch() {
    if (mode === 'select') {
      setSelection(selectInside(columns, enabled, sketch.map((p) => [p.lng, p.lat])));
      // A patrol form belongs to the selection it was opened from.
      setPatrolFor(null);
      setMode('browse');
      setSketch([]);
    } else if (mode === 'measure') setMode('browse');
  }

  function onClickAt(at: LatLng) {
    if (mode === 'add') setAdding(at);
    else if (mode === 'select' || mode === 'measure') setSketch((s) => [...s, at]);
  }

  function focus(feature: Feature) {
    const map = mapRef.current?.map;
    if (!map) return;
    const at = toDisplay(feature.lat, feature.lng, system);
    map.flyTo([at.lat, at.lng], Math.max(map.getZoom(), 17), { duration: 0.6 });
    setPicked(feature);
  }

  function onCreated(created: Created) {
    setEnabled((set) => new Set(set).add(created.layer));
    setAdded(created);
    setAdding(null);
    setMode('browse');
    setPendingPick(created.id);
    layers.reload();
  }

  async function confirmMove() {
    if (!moving || !moveTo) return;
    if (await moveFeature(moving, moveTo)) {
      setMoving(null);
      setMoveTo(null);
      setPicked(null);
      layers.reload();
    }
  }

  function onPatrolSaved(route: RouteRecord) {
    setPatrolFor(null);
    setPatrolSaved(route);
    setEnabled((set) => new Set(set).add('patrols'));
    layers.reload();
  }

  function focusPoint(id: string) {
    const feature = featureById(id);
    setFocusedId(id);
    if (feature) setAnnounce(`${feature.name} · ${t(TOGGLE_LABEL[feature.layer])}`);
  }

  async function saveView() {
    const map = mapRef.current?.map;
    if (!map) return;
    const c = map.getCenter();
    const wgs = fromDisplay(c.lat, c.lng, system);
    await act('map.saveView', { center: { lat: Number(wgs.lat.toFixed(6)), lng: Number(wgs.lng.toFixed(6)) }, zoom: Math.round(map.getZoom()) });
  }

  async function onExportPng() {
    const map = mapRef.current?.map;
    if (!map) return;
    const legend = offered.filter((id) => enabled.has(id)).map((id) => ({ label: t(TOGGLE_LABEL[id]), colour: LAYER_COLOUR[id] }));
    const now = new Date();
    const blob = await exportPng(map, {
      title: `${unitName} · ${t('map.title')}`,
      subtitle: now.toLocaleString(lang),
      legend,
      attribution,
      background: getComputedStyle(map.getContainer()).backgroundColor,
    });
    downloadBlob(blob, `flooddesk-map-${now.toISOString().slice(0, 16).replace(/[:T]/g, '')}.png`);
  }

  async function onExportSelection() {
    if (!selection) return;
    const blob = await exportSelectionXlsx(selection, [t('map.col.name'), t('map.col.layer'), t('map.col.lat'), t('map.col.lng')], (f) => t(TOGGLE_LABEL[f.layer]));
    downloadBlob(blob, 'flooddesk-map-selection.xlsx');
  }

  const toggle = (id: ToggleId) =>
    setEnabled((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="map-section" data-mode={mode}>
      <aside className="map-side" aria-label={t('map.tools')}>
        <h1>{t('map.title')}</h1>
        <div className="map-search" role="search">
          <label>
            {t('map.search')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && results[0] && focus(results[0])} placeholder={t('map.searchHint')} data-testid="map-search" />
          </label>
          {results.length > 0 && (
            <ul className="map-results">
              {results.map((f) => (
                <li key={f.id}>
                  <button type="button" className="ghost" onClick={() => focus(f)}>
                    {f.name} <small className="muted">{t(TOGGLE_LABEL[f.layer])}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <LayersLegend toggles={offered} enabled={enabled} onToggle={toggle} counts={counts} />
        <section className="map-block" aria-labelledby="map-tools-title">
          <h2 id="map-tools-title">{t('map.tools')}</h2>
          <div className="map-tool-row">
            {(['add', 'select', 'measure'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => startMode(m)} data-testid={`tool-${m}`}>
                {t(`map.tool.${m}`)}
              </button>
            ))}
          </div>
          <div className="map-tool-row">
            <button type="button" onClick={onExportPng} data-testid="export-png">
              {t('map.exportPng')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('common.print')}
            </button>
            <button type="button" onClick={saveView}>
              {t('map.saveView')}
            </button>
          </div>
          {mode !== 'browse' && (
            <p className="map-hint" role="status">
              {t(`map.hint.${mode}`)}
            </p>
          )}
          {(mode === 'select' || mode === 'measure') && sketch.length > 0 && (
            <div className="map-tool-row">
              {mode === 'measure' && <output data-testid="measure">{measured >= 1000 ? `${(measured / 1000).toFixed(2)} km` : `${Math.round(measured)} m`}</output>}
              <button type="button" className="primary" onClick={finishSketch} disabled={mode === 'select' && sketch.length < 3} data-testid="finish-sketch">
                {t('map.finish')}
              </button>
            </div>
          )}
          {adding && <AddForm at={adding} what={addWhat} onWhat={setAddWhat} onSaved={onCreated} onCancel={cancelMode} />}
          {added && added.warnings.length > 0 && (
            <div className="map-warn" role="status" data-testid="add-warnings">
              <p>{t('map.add.warnings')}</p>
              <ul>
                {added.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              <button type="button" className="ghost" onClick={() => setAdded(null)}>
                {t('common.close')}
              </button>
            </div>
          )}
          {moving && moveTo && (
            <div className="map-confirm" role="alertdialog" aria-label={t('map.move.confirm')}>
              <p>{t('map.move.confirm')}</p>
              <p className="mono small">
                {moving.name}: {moveTo.lat.toFixed(6)}, {moveTo.lng.toFixed(6)} ({Math.round(distanceMeters(moving, moveTo))} m)
              </p>
              <div className="map-tool-row">
                <button type="button" className="primary" onClick={confirmMove} autoFocus data-testid="confirm-move">
                  {t('common.save')}
                </button>
                <button type="button" onClick={() => (setMoving(null), setMoveTo(null))} data-testid="cancel-move">
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          <p id="map-kbd-help" className="muted small">
            {t('map.kbd.help')}
          </p>
        </section>
        {selection && (
          <SelectionList
            selection={selection}
            hazardCount={selectedHazards.length}
            onClose={() => (setSelection(null), setPatrolFor(null))}
            onFocus={focus}
            onExport={onExportSelection}
            onPatrol={() => (setPatrolFor(selectedHazards), setPatrolSaved(null))}
          />
        )}
        {patrolFor && <PatrolForm points={patrolFor} onSaved={onPatrolSaved} onClose={() => setPatrolFor(null)} />}
        {patrolSaved && (
          <section className="map-block map-patrol-saved" role="status" data-testid="patrol-saved">
            <p>{t('map.patrol.saved', { name: patrolSaved.name, count: patrolSaved.pointIds.length })}</p>
            <div className="map-tool-row">
              <a href="#/hazards/patrols" data-testid="patrol-link">
                {t('map.patrol.open')}
              </a>
              <button type="button" className="ghost" onClick={() => setPatrolSaved(null)}>
                {t('common.close')}
              </button>
            </div>
          </section>
        )}
        <TilesPanel view={view.data} onChanged={reload} />
        <OnlinePanel online={view.data?.online} onChanged={reload} />
      </aside>
      <div className="map-main">
        {view.data && (
          <MapCanvas
            center={view.data.center}
            zoom={view.data.zoom}
            fitBoundary={!view.data.viewSaved}
            tilesets={visibleTilesets}
            online={online}
            shapes={view.data.shapes}
            lines={layers.data?.lines ?? []}
            points={points}
            enabled={enabled}
            system={system}
            clusterAbove={mapSettings?.clusterAbove ?? 200}
            mode={mode}
            sketch={sketch}
            dragging={moving}
            nav={{
              focusedId,
              label: t('map.kbd.label'),
              instructionsId: 'map-kbd-help',
              onFocusPoint: focusPoint,
              onNothingThatWay: (dir: Direction) => setAnnounce(t('map.kbd.none', { dir: t(`map.kbd.dir.${dir}`) })),
              onOpen: (id) => setPicked(featureById(id)),
            }}
            attribution={attribution}
            onReady={(map, layer) => (mapRef.current = { map, layer })}
            onPick={(feature) => (setPicked(feature), setFocusedId(feature.id))}
            onClickAt={onClickAt}
            onCursor={setCursor}
            onDragEnd={setMoveTo}
            onFinishSketch={finishSketch}
            onTileError={() => setTileErrors((n) => n + 1)}
            onOnlineTileError={() => setOnlineErrors((n) => n + 1)}
          />
        )}
        {picked && mapRef.current && (
          <Popup map={mapRef.current.map} feature={picked} system={system} onClose={closePopup} onMove={(f) => (setMoving(f), setMoveTo(null), setPicked(null))} onRemoved={() => (setPicked(null), layers.reload())} />
        )}
        <p className="map-sr" aria-live="polite" aria-atomic="true" data-testid="map-live">
          {announce}
        </p>
        <div className="map-status" aria-live="off">
          <span className="mono" data-testid="cursor">
            {cursor ? `${cursor.lat.toFixed(5)}, ${cursor.lng.toFixed(5)} (WGS-84)` : '—'}
          </span>
          {system !== 'wgs84' && <span>{t('map.shifted', { system: system.toUpperCase() })}</span>}
          {tileErrors > 0 && <span>{t('map.tileErrors', { count: tileErrors })}</span>}
          {onlineErrors > 0 && <span data-testid="online-errors">{t('map.online.errors', { count: onlineErrors })}</span>}
        </div>
      </div>
    </section>
  );
}

import { useRef, useState, type ChangeEvent } from 'react';
import { UPLOAD_CHUNK_BYTES, type MapView, type ShapeKind } from '../../../core/contract/map';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bigArray) overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Imported MBTiles (stack, visibility, removal) and the boundary/roads GeoJSON. */
export function TilesPanel({ view, onChanged }: { view: MapView | undefined; onChanged(): void }) {
  const t = useT();
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | null>(null);
  const cancelled = useRef(false);
  const [shapeKind, setShapeKind] = useState<ShapeKind>('boundary');

  async function importMbtiles(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    cancelled.current = false;
    const begun = await act('map.uploadBegin', { fileName: file.name, sizeBytes: file.size });
    if (!begun) return;
    setProgress({ name: file.name, done: 0, total: file.size });
    try {
      for (let index = 0, offset = 0; offset < file.size; index++, offset += UPLOAD_CHUNK_BYTES) {
        if (cancelled.current) {
          await act('map.uploadCancel', { uploadId: begun.uploadId });
          return;
        }
        const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
        const sent = await act('map.uploadChunk', { uploadId: begun.uploadId, index, data: toBase64(bytes) });
        if (!sent) return;
        setProgress({ name: file.name, done: sent.receivedBytes, total: file.size });
      }
      const kept = await act('map.uploadCommit', { uploadId: begun.uploadId });
      if (!kept) await act('map.uploadCancel', { uploadId: begun.uploadId });
      onChanged();
    } finally {
      setProgress(null);
    }
  }

  async function importShape(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    if (await act('map.importShape', { kind: shapeKind, name: file.name.replace(/\.(geo)?json$/i, ''), text })) onChanged();
  }

  const tilesets = view?.tilesets ?? [];
  return (
    <section className="map-block" aria-labelledby="map-tiles-title">
      <h2 id="map-tiles-title">{t('map.tiles.title')}</h2>
      {tilesets.length === 0 && <p className="muted">{t('map.tiles.none')}</p>}
      <ul className="map-tilesets">
        {tilesets.map((ts) => (
          <li key={ts.id} data-testid="tileset">
            <label>
              <input type="checkbox" checked={ts.visible} onChange={async (e) => (await act('map.updateTileset', { id: ts.id, patch: { visible: e.target.checked } })) && onChanged()} />
              <span>{ts.name}</span>
            </label>
            <small className="muted">
              {t(ts.kind === 'base' ? 'map.tiles.base' : 'map.tiles.overlay')} · {ts.format.toUpperCase()} · z{ts.minzoom}–{ts.maxzoom} · {ts.coordSystem.toUpperCase()}
            </small>
            <select aria-label={t('map.tiles.coordSystem')} value={ts.coordSystem} onChange={async (e) => (await act('map.updateTileset', { id: ts.id, patch: { coordSystem: e.target.value as 'wgs84' } })) && onChanged()}>
              <option value="wgs84">WGS-84</option>
              <option value="gcj02">GCJ-02</option>
              <option value="bd09">BD-09</option>
            </select>
            <select aria-label={t('map.tiles.kind')} value={ts.kind} onChange={async (e) => (await act('map.updateTileset', { id: ts.id, patch: { kind: e.target.value as 'base' } })) && onChanged()}>
              <option value="base">{t('map.tiles.base')}</option>
              <option value="overlay">{t('map.tiles.overlay')}</option>
            </select>
            <button type="button" className="ghost" onClick={async () => window.confirm(t('map.tiles.confirmRemove', { name: ts.name })) && (await act('map.removeTileset', { id: ts.id })) && onChanged()}>
              {t('map.tiles.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label className="file-button">
        {t('map.tiles.import')}
        <input type="file" accept=".mbtiles" onChange={importMbtiles} disabled={!!progress} data-testid="mbtiles-input" />
      </label>
      {progress && (
        <div className="map-progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{t('map.tiles.uploading', { name: progress.name, pct: Math.round((100 * progress.done) / progress.total) })}</span>
          <button type="button" className="ghost" onClick={() => (cancelled.current = true)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <div className="map-shape-import">
        <select aria-label={t('map.shape.kind')} value={shapeKind} onChange={(e) => setShapeKind(e.target.value as ShapeKind)}>
          <option value="boundary">{t('map.layer.boundary')}</option>
          <option value="roads">{t('map.layer.roads')}</option>
        </select>
        <label className="file-button">
          {t('map.shape.import')}
          <input type="file" accept=".geojson,.json" onChange={importShape} data-testid="geojson-input" />
        </label>
      </div>
      {view?.shapes.some((s) => s.builtIn) && <p className="muted small">{t('map.shape.builtIn')}</p>}
    </section>
  );
}

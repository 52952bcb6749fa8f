import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import L from 'leaflet';
import type { CoordSystem } from '../../../core/domain/geo/coords';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { isMovable } from './domain-inputs';
import { toDisplay, type Feature } from './model';
import { TOGGLE_LABEL } from './style';

interface PopupProps {
  map: L.Map;
  feature: Feature;
  system: CoordSystem;
  onClose(): void;
  onMove(feature: Feature): void;
  onRemoved(): void;
}

/** A Leaflet popup whose content is React (so text is escaped and buttons are real buttons). */
export function Popup({ map, feature, system, onClose, onMove, onRemoved }: PopupProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [node] = useState(() => document.createElement('div'));
  useEffect(() => {
    const at = toDisplay(feature.lat, feature.lng, system);
    const popup = L.popup({ autoPan: true, maxWidth: 320, className: 'fd-popup' }).setLatLng([at.lat, at.lng]).setContent(node).openOn(map);
    popup.on('remove', onClose);
    // Keyboard users land in the popup; Escape (Leaflet's) closes it and focus goes back to the map.
    node.querySelector<HTMLElement>('h3')?.focus();
    return () => {
      popup.off('remove', onClose);
      popup.remove();
    };
  }, [map, feature, system, node, onClose]);

  return createPortal(
    <div
      className="fd-popup-body"
      data-testid="map-popup"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        onClose();
        map.getContainer().focus();
      }}
    >
      <h3 tabIndex={-1}>{feature.name}</h3>
      <p className="muted small">{t(TOGGLE_LABEL[feature.layer])}</p>
      {feature.type === 'point' ? (
        <>
          <dl className="facts">
            {feature.point.facts.map((f) => (
              <div key={f.label}>
                <dt>{lang === 'en' ? f.labelEn || f.label : f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          <div className="map-tool-row">
            {feature.point.link && <a href={feature.point.link}>{t('map.popup.open')}</a>}
            {isMovable(feature.layer) ? (
              <button type="button" onClick={() => onMove(feature)} title={t('map.popup.moveHint')} data-testid="popup-move">
                {t('map.popup.move')}
              </button>
            ) : (
              <small className="muted" title={t('map.popup.notMovable')}>
                {t('map.popup.notMovable')}
              </small>
            )}
          </div>
        </>
      ) : (
        <>
          <p>{t(`map.kind.${feature.marker.kind}`)}</p>
          {feature.marker.notes && <p>{feature.marker.notes}</p>}
          <p className="mono small">
            {feature.lat.toFixed(6)}, {feature.lng.toFixed(6)}
          </p>
          <div className="map-tool-row">
            <button type="button" onClick={() => onMove(feature)} title={t('map.popup.moveHint')} data-testid="popup-move">
              {t('map.popup.move')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={async () => window.confirm(t('map.popup.confirmRemove', { name: feature.name })) && (await act('map.removeMarker', { id: feature.id })) && onRemoved()}
            >
              {t('map.popup.remove')}
            </button>
          </div>
        </>
      )}
    </div>,
    node,
  );
}

import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import L from 'leaflet';
import { markerKinds } from '../../../core/contract/map';
import { DAMAGE_TYPES, type DamageTypeId } from '../../../core/domain/damage/catalogue';
import type { CoordSystem } from '../../../core/domain/geo/coords';
import { act, useQuery } from '../../api/hooks';
import { withDialogBoundary } from '../../components/ErrorBoundary';
import { safeNumber } from '../../format/safe';
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

/**
 * A Leaflet popup whose content is React (so text is escaped and buttons are real buttons).
 * The name shows at once; the facts and the link are read for this one point as it opens.
 */
function PointPopup({ map, feature, system, onClose, onMove, onRemoved }: PopupProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [node] = useState(() => document.createElement('div'));
  const popupRef = useRef<L.Popup | null>(null);
  const details = useQuery('map.pointFacts', { layer: feature.layer, id: feature.id });
  const facts = details.data?.facts ?? [];
  const link = details.data?.link ?? '';
  const markerKind = markerKinds.find((k) => k === feature.kind);
  const damageType = feature.layer === 'damage' && Object.hasOwn(DAMAGE_TYPES, feature.kind) ? DAMAGE_TYPES[feature.kind as DamageTypeId] : null;
  const title = damageType ? [damageType[lang === 'zh-CN' ? 'zh' : 'en'], feature.name].filter(Boolean).join(' · ') : feature.name;
  useEffect(() => {
    const at = toDisplay(feature.lat, feature.lng, system);
    const popup = L.popup({ autoPan: true, maxWidth: 320, className: 'fd-popup' }).setLatLng([at.lat, at.lng]).setContent(node).openOn(map);
    popupRef.current = popup;
    popup.on('remove', onClose);
    // Keyboard users land in the popup; Escape (Leaflet's) closes it and focus goes back to the map.
    node.querySelector<HTMLElement>('h3')?.focus();
    return () => {
      popupRef.current = null;
      popup.off('remove', onClose);
      popup.remove();
    };
  }, [map, feature, system, node, onClose]);
  // The facts arrive after the popup opened: Leaflet re-measures it, so it grows upwards and is panned into view whole.
  // It re-attaches the content to do so, which drops focus: a keyboard user keeps their place.
  useEffect(() => {
    const focused = document.activeElement instanceof HTMLElement && node.contains(document.activeElement) ? document.activeElement : null;
    popupRef.current?.update();
    focused?.focus();
  }, [details.data, lang, node]);

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
      <h3 tabIndex={-1}>{title}</h3>
      <p className="muted small">{t(TOGGLE_LABEL[feature.layer])}</p>
      {markerKind && <p>{t(`map.kind.${markerKind}`)}</p>}
      {details.loading && !details.data && <p className="muted small">{t('common.loading')}</p>}
      {facts.length > 0 && (
        <dl className="facts" data-testid="popup-facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{lang === 'en' ? f.labelEn : f.label}</dt>
              <dd>{lang === 'en' ? f.valueEn : f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {feature.layer !== 'markers' ? (
        <div className="map-tool-row">
          {link && <a href={link}>{t('map.popup.open')}</a>}
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
      ) : (
        <>
          <p className="mono small">
            {safeNumber(feature.lat, 6)}, {safeNumber(feature.lng, 6)}
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

export const Popup = withDialogBoundary('popup', PointPopup, (props) => props.onClose);

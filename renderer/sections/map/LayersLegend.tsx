import { useT } from '../../i18n';
import { LAYER_COLOUR, LEGEND_SCALES, TOGGLE_LABEL, type ToggleId } from './style';

/** Layer toggles that double as the legend: each row shows the layer's colour and count. */
export function LayersLegend({ toggles, enabled, onToggle, counts: perLayer }: { toggles: readonly ToggleId[]; enabled: ReadonlySet<ToggleId>; onToggle(id: ToggleId): void; counts: ReadonlyMap<ToggleId, number> }) {
  const t = useT();
  return (
    <fieldset className="map-block map-layers" data-testid="layers">
      <legend>{t('map.layers')}</legend>
      {toggles.map((id) => (
        <label key={id} className="map-layer">
          <input type="checkbox" checked={enabled.has(id)} onChange={() => onToggle(id)} data-layer={id} />
          <span className={`swatch swatch-${id}`} style={{ background: LAYER_COLOUR[id] }} aria-hidden="true" />
          <span>{t(TOGGLE_LABEL[id])}</span>
          {perLayer.has(id) && <small className="muted">{perLayer.get(id)}</small>}
        </label>
      ))}
      {LEGEND_SCALES.map((scale) => (
        <div key={scale.title} className="map-scale">
          <span className="muted small">{t(scale.title)}</span>
          {scale.items.map((item) => (
            <span key={item.key} className="map-scale-item">
              <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
              {t(item.key)}
            </span>
          ))}
        </div>
      ))}
      <p className="muted small">{t('map.legend.shapes')}</p>
    </fieldset>
  );
}

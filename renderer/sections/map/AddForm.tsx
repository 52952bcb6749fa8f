import { useState } from 'react';
import '../hazards/hazards.css';
import '../damage/damage.css';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVELS, RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { SHELTER_TYPES } from '../../../core/contract/evac';
import { markerKinds } from '../../../core/contract/map';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { RecordForm } from '../damage/RecordForm';
import { hazardCreateInput, markerCreateInput, PLACEABLE, shelterCreateInput, stationCreateInput, type Placeable, type QuickPlaceable } from './domain-inputs';
import type { ToggleId } from './style';

type LatLng = { lat: number; lng: number };

export interface Created {
  id: string;
  layer: ToggleId;
  /** Location or near-duplicate warnings the owning domain returned, already in the user's language. */
  warnings: string[];
}

interface AddFormProps {
  at: LatLng;
  what: Placeable;
  onWhat(what: Placeable): void;
  onSaved(created: Created): void;
  onCancel(): void;
}

/** Saves through the owning domain's own method, so the record is a real one there, not a map note. */
async function save(what: QuickPlaceable, data: FormData, at: LatLng, lang: 'zh-CN' | 'en'): Promise<Created | undefined> {
  switch (what) {
    case 'hazard': {
      const out = await act('hazards.createPoint', hazardCreateInput(data, at));
      if (!out) return undefined;
      const warnings = [
        ...out.warnings.location.map((w) => (lang === 'en' ? w.message : w.messageZh)),
        ...out.warnings.duplicates.map((d) => `${d.name} (${Math.round(d.distanceM)} m)`),
      ];
      return { id: out.point.id, layer: 'hazards', warnings };
    }
    case 'shelter': {
      const out = await act('evac.createShelter', shelterCreateInput(data, at));
      return out && { id: out.id, layer: 'shelters', warnings: [] };
    }
    case 'gauge': {
      const out = await act('rain.saveStation', stationCreateInput(data, at));
      return out && { id: out.id, layer: out.type === 'water' ? 'waterGauges' : 'rainGauges', warnings: [] };
    }
    default: {
      const out = await act('map.addMarker', markerCreateInput(data, at));
      return out && { id: out.id, layer: 'markers', warnings: [] };
    }
  }
}

/** The click-to-add panel: first what the point is, then only the fields that record needs. */
export function AddForm({ at, what, onWhat, onSaved, onCancel }: AddFormProps) {
  const t = useT();
  return (
    <div className="map-add" onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid="add-form" data-what={what}>
      <p className="mono small">
        {at.lat.toFixed(6)}, {at.lng.toFixed(6)} (WGS-84)
      </p>
      <fieldset className="map-what">
        <legend>{t('map.add.what')}</legend>
        {PLACEABLE.map((w) => (
          <label key={w}>
            <input type="radio" name="what" value={w} checked={what === w} onChange={() => onWhat(w)} autoFocus={what === w} data-what={w} />
            {t(`map.add.what.${w}`)}
          </label>
        ))}
      </fieldset>
      {what === 'damage' ? (
        // Keyed by the point: a new click starts a new record rather than moving a half-typed one.
        <RecordForm key={`${at.lat},${at.lng}`} entryId={null} fromMap={{ at, onSaved: (record) => onSaved({ id: record.id, layer: 'damage', warnings: [] }), onCancel }} />
      ) : (
        <QuickForm at={at} what={what} onSaved={onSaved} onCancel={onCancel} />
      )}
    </div>
  );
}

/** The map's own short form for a hazard point, shelter, gauge or marker. */
function QuickForm({ at, what, onSaved, onCancel }: { at: LatLng; what: QuickPlaceable; onSaved(created: Created): void; onCancel(): void }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [gaugeType, setGaugeType] = useState<'rain' | 'water'>('rain');
  const [busy, setBusy] = useState(false);
  const pick = (pair: { zh: string; en: string }) => (lang === 'en' ? pair.en : pair.zh);

  async function submit(form: HTMLFormElement) {
    setBusy(true);
    const created = await save(what, new FormData(form), at, lang);
    setBusy(false);
    if (created) onSaved(created);
  }

  return (
    <form className="map-add-fields" onSubmit={(e) => (e.preventDefault(), submit(e.currentTarget))}>
      {what === 'gauge' && (
        <>
          <label>
            {t('map.add.gaugeType')}
            <select name="stationType" value={gaugeType} onChange={(e) => setGaugeType(e.target.value === 'water' ? 'water' : 'rain')}>
              <option value="rain">{t('map.layer.rainGauges')}</option>
              <option value="water">{t('map.layer.waterGauges')}</option>
            </select>
          </label>
          <label>
            {t('map.add.code')}
            <input name="code" required maxLength={40} pattern="[^\s,]+" title={t('map.add.codeHint')} />
          </label>
        </>
      )}
      <label>
        {t('map.add.name')}
        <input name="name" required maxLength={what === 'gauge' ? 60 : 100} />
      </label>
      {what === 'hazard' && (
        <>
          <label>
            {t('map.add.hazardType')}
            <select name="hazardType" required defaultValue="">
              <option value="" disabled>
                {t('map.add.choose')}
              </option>
              {HAZARD_TYPE_IDS.map((id) => (
                <option key={id} value={id}>
                  {pick(HAZARD_TYPE_LABELS[id])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('map.add.risk')}
            <select name="riskLevel" defaultValue="medium">
              {RISK_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {pick(RISK_LEVEL_LABELS[r])}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {what === 'shelter' && (
        <>
          <label>
            {t('map.add.shelterType')}
            <select name="shelterType" defaultValue="school">
              {SHELTER_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`evac.shelterType.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('map.add.capacity')}
            <input name="capacity" type="number" min={0} max={100000} step={1} inputMode="numeric" />
          </label>
        </>
      )}
      {what === 'gauge' && gaugeType === 'water' && (
        <label>
          {t('map.add.warningM')}
          <input name="warningM" type="number" min={-1000} max={10000} step={0.01} inputMode="decimal" />
        </label>
      )}
      {(what === 'hazard' || what === 'shelter') && (
        <label>
          {t('map.add.address')}
          <input name="address" maxLength={200} />
        </label>
      )}
      {what === 'marker' && (
        <>
          <label>
            {t('map.add.kind')}
            <select name="kind" defaultValue="note">
              {markerKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`map.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('map.add.notes')}
            <input name="notes" maxLength={2000} />
          </label>
        </>
      )}
      <div className="map-tool-row">
        <button type="submit" className="primary" disabled={busy} data-testid="add-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

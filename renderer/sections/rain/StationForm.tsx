import { useState, type FormEvent } from 'react';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';

const EMPTY = { code: '', name: '', type: 'rain' as 'rain' | 'water', lat: '', lng: '', source: '', warningM: '', guaranteeM: '', floodLimitM: '' };
const num = (s: string) => (s.trim() === '' ? null : Number(s));

/** Adding a gauge: needed before its readings can be entered or imported. */
export function StationForm({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY);
  const field = (key: keyof typeof EMPTY) => ({ name: `station-${key}`, value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });

  async function save(e: FormEvent) {
    e.preventDefault();
    const saved = await act('rain.saveStation', {
      code: form.code,
      name: form.name,
      type: form.type,
      lat: num(form.lat),
      lng: num(form.lng),
      source: form.source,
      warningM: num(form.warningM),
      guaranteeM: num(form.guaranteeM),
      floodLimitM: num(form.floodLimitM),
    });
    if (saved) {
      setForm(EMPTY);
      onSaved();
    }
  }

  return (
    <details className="card rain-admin">
      <summary>
        <h2>{t('rain.stationsAdmin.title')}</h2>
      </summary>
      <form className="form-grid" onSubmit={save}>
        <label>
          {t('rain.stationsAdmin.code')}
          <input required maxLength={40} {...field('code')} />
        </label>
        <label>
          {t('rain.stationsAdmin.name')}
          <input required maxLength={60} {...field('name')} />
        </label>
        <label>
          {t('rain.stationsAdmin.type')}
          <select {...field('type')}>
            <option value="rain">{t('rain.stationsAdmin.typeRain')}</option>
            <option value="water">{t('rain.stationsAdmin.typeWater')}</option>
          </select>
        </label>
        <label>
          {t('rain.stationsAdmin.lat')}
          <input type="number" step="any" {...field('lat')} />
        </label>
        <label>
          {t('rain.stationsAdmin.lng')}
          <input type="number" step="any" {...field('lng')} />
        </label>
        <label>
          {t('rain.stationsAdmin.source')}
          <input maxLength={60} {...field('source')} />
        </label>
        {form.type === 'water' && (
          <>
            <label>
              {t('rain.stationsAdmin.warning')}
              <input type="number" step="0.01" {...field('warningM')} />
            </label>
            <label>
              {t('rain.stationsAdmin.guarantee')}
              <input type="number" step="0.01" {...field('guaranteeM')} />
            </label>
            <label>
              {t('rain.stationsAdmin.floodLimit')}
              <input type="number" step="0.01" {...field('floodLimitM')} />
            </label>
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('rain.stationsAdmin.add')}
          </button>
        </div>
      </form>
    </details>
  );
}

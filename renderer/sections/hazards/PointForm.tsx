import { useEffect, useState, type FormEvent } from 'react';
import type { PointInput, PointWarnings } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVELS, RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { COORD_SYSTEMS, COORD_SYSTEM_LABELS, type CoordSystem } from '../../../core/domain/geo/coords';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { useLabel } from './labels';
import { LabelledOptions } from './LabelledOptions';
import { LocateButton } from './LocateButton';
import { goHazards, hazardHref } from './route';

type Draft = Omit<PointInput, 'lat' | 'lng' | 'residents' | 'vulnerable' | 'frequency'> & {
  lat: string;
  lng: string;
  residents: string;
  vulnerable: string;
  freqKind: 'days' | 'hours';
  freqEvery: string;
};

const EMPTY: Draft = {
  name: '', hazardType: 'basement', address: '', community: '', lat: '', lng: '', coordSystem: 'wgs84',
  responsibleUnit: '', unitPhone: '', responsiblePerson: '', personPhone: '', letterSigned: false, letterDate: null,
  residents: '0', vulnerable: '0', riskLevel: 'medium', freqKind: 'days', freqEvery: '7', notes: '', status: 'active',
};

/** A blank coordinate is not 0: NaN goes out as null, which the server refuses as "must be a number". */
const coordinate = (typed: string) => (typed.trim() === '' ? NaN : Number(typed));

function toInput(d: Draft): PointInput {
  const { freqKind, freqEvery, ...rest } = d;
  return { ...rest, lat: coordinate(d.lat), lng: coordinate(d.lng), residents: Number(d.residents) || 0, vulnerable: Number(d.vulnerable) || 0, frequency: { kind: freqKind, every: Number(freqEvery) } };
}

/** Create or edit a point. Warnings (outside the area, a same-name point nearby) are shown once and saved past on a second press. */
export function PointForm({ id }: { id: string | null }) {
  const t = useT();
  const label = useLabel();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [warnings, setWarnings] = useState<PointWarnings | null>(null);
  const [busy, setBusy] = useState(false);
  // Sent back with the edit: a save over someone else's newer change is refused, not applied.
  const [loadedVersion, setLoadedVersion] = useState(1);

  useEffect(() => {
    if (!id) return;
    act('hazards.getPoint', { id }).then((detail) => {
      const p = detail?.point;
      if (!p) return;
      const { frequency, lastInspectionMs: _l, lastResult: _r, nextDueMs: _n, createdAt: _c, updatedAt: _u, id: _id, version, ...rest } = p;
      setLoadedVersion(version);
      setDraft({ ...rest, lat: String(p.lat), lng: String(p.lng), coordSystem: 'wgs84', residents: String(p.residents), vulnerable: String(p.vulnerable), freqKind: frequency.kind, freqEvery: String(frequency.every) });
    });
  }, [id]);

  const field = <K extends keyof Draft>(k: K) => ({
    value: (draft[k] ?? '') as string,
    onChange: (e: { target: { value: string } }) => {
      setWarnings(null);
      setDraft((d) => ({ ...d, [k]: e.target.value }));
    },
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const input = toInput(draft);
      if (!warnings) {
        const found = await act('hazards.checkPoint', { id, name: input.name, lat: input.lat, lng: input.lng, coordSystem: input.coordSystem });
        if (!found) return;
        if (found.location.length || found.duplicates.length) return setWarnings(found);
      }
      const saved = id ? await act('hazards.updatePoint', { id, point: input, expectedVersion: loadedVersion }) : await act('hazards.createPoint', input);
      if (saved) goHazards({ view: 'point', id: saved.point.id });
    } finally {
      setBusy(false);
    }
  }

  const hasWarnings = warnings && (warnings.location.length > 0 || warnings.duplicates.length > 0);
  return (
    <form className="card form-grid hz-form" onSubmit={submit} aria-labelledby="hz-form-title" onKeyDown={(e) => e.key === 'Escape' && history.back()}>
      <h2 id="hz-form-title">{id ? t('hazards.editPoint') : t('hazards.newPoint')}</h2>
      <label>
        {t('hazards.name')}
        <input name="name" required maxLength={100} autoFocus {...field('name')} />
      </label>
      <label>
        {t('hazards.type')}
        <select name="hazardType" {...field('hazardType')}>
          <LabelledOptions values={HAZARD_TYPE_IDS} labels={HAZARD_TYPE_LABELS} />
        </select>
      </label>
      <label>
        {t('hazards.risk')}
        <select name="riskLevel" {...field('riskLevel')}>
          <LabelledOptions values={RISK_LEVELS} labels={RISK_LEVEL_LABELS} />
        </select>
      </label>
      <label>
        {t('hazards.address')}
        <input name="address" maxLength={200} {...field('address')} />
      </label>
      <label>
        {t('hazards.community')}
        <input name="community" maxLength={50} {...field('community')} />
      </label>
      <label>
        {t('hazards.coordSystem')}
        <select name="coordSystem" value={draft.coordSystem} onChange={(e) => (setWarnings(null), setDraft((d) => ({ ...d, coordSystem: e.target.value as CoordSystem })))}>
          <LabelledOptions values={COORD_SYSTEMS} labels={COORD_SYSTEM_LABELS} />
        </select>
      </label>
      <label>
        {t('hazards.lat')}
        <input name="lat" required inputMode="decimal" {...field('lat')} />
      </label>
      <label>
        {t('hazards.lng')}
        <input name="lng" required inputMode="decimal" {...field('lng')} />
      </label>
      <LocateButton
        onFix={(fix) => (setWarnings(null), setDraft((d) => ({ ...d, lat: fix.lat.toFixed(7), lng: fix.lng.toFixed(7), coordSystem: 'wgs84' })))}
      />
      <label>
        {t('hazards.responsibleUnit')}
        <input name="responsibleUnit" maxLength={100} {...field('responsibleUnit')} />
      </label>
      <label>
        {t('hazards.unitPhone')}
        <input name="unitPhone" type="tel" maxLength={40} {...field('unitPhone')} />
      </label>
      <label>
        {t('hazards.responsiblePerson')}
        <input name="responsiblePerson" maxLength={50} {...field('responsiblePerson')} />
      </label>
      <label>
        {t('hazards.personPhone')}
        <input name="personPhone" type="tel" maxLength={40} {...field('personPhone')} />
      </label>
      <label className="hz-check">
        <input type="checkbox" name="letterSigned" checked={draft.letterSigned} onChange={(e) => setDraft((d) => ({ ...d, letterSigned: e.target.checked }))} />
        {t('hazards.letterSigned')}
      </label>
      <label>
        {t('hazards.letterDate')}
        <input name="letterDate" type="date" value={draft.letterDate ?? ''} onChange={(e) => setDraft((d) => ({ ...d, letterDate: e.target.value || null }))} />
      </label>
      <label>
        {t('hazards.residents')}
        <input name="residents" type="number" min={0} {...field('residents')} />
      </label>
      <label>
        {t('hazards.vulnerable')}
        <input name="vulnerable" type="number" min={0} {...field('vulnerable')} />
      </label>
      <label>
        {t('hazards.frequency')}
        <span className="hz-inline">
          <input name="freqEvery" type="number" min={0.25} step="any" aria-label={t('hazards.frequency')} {...field('freqEvery')} />
          <select name="freqKind" aria-label={t('hazards.frequencyUnit')} {...field('freqKind')}>
            <option value="days">{t('hazards.days')}</option>
            <option value="hours">{t('hazards.hours')}</option>
          </select>
        </span>
      </label>
      <label>
        {t('hazards.status')}
        <select name="status" {...field('status')}>
          <option value="active">{t('hazards.status.active')}</option>
          <option value="retired">{t('hazards.status.retired')}</option>
        </select>
      </label>
      <label className="hz-wide">
        {t('hazards.notes')}
        <textarea name="notes" rows={3} maxLength={2000} {...field('notes')} />
      </label>
      {hasWarnings && (
        <div className="hz-wide hz-warnings" role="alert" data-testid="hz-point-warnings">
          <strong>{t('hazards.warningsTitle')}</strong>
          <ul>
            {warnings.location.map((w) => (
              <li key={w.code}>{label({ zh: w.messageZh, en: w.message })}</li>
            ))}
            {warnings.duplicates.map((d) => (
              <li key={d.id}>
                {t('hazards.duplicateNear', { name: d.name, m: d.distanceM })} <a href={hazardHref({ view: 'point', id: d.id })}>{t('hazards.open')}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="hz-save-point">
          {hasWarnings ? t('hazards.saveAnyway') : t('common.save')}
        </button>
        <a className="button" href={id ? hazardHref({ view: 'point', id }) : hazardHref({ view: 'list' })}>
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}

import type { ReactNode } from 'react';
import type { DamagePlace, DamageRecord } from '../../../core/contract/damage';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { DAMAGE_TYPE_IDS, DAMAGE_TYPES, INDICATORS, UNITS, type DamageTypeId, type QuantityId } from '../../../core/domain/damage/catalogue';
import type { Quantities } from '../../../core/domain/damage/quantities';
import { COORD_SYSTEMS, COORD_SYSTEM_LABELS, type CoordSystem } from '../../../core/domain/geo/coords';
import { formatLocal, zonedToUtc } from '../../../core/time';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { LabelledOptions } from '../hazards/LabelledOptions';
import { PhotoPicker } from '../hazards/PhotoPicker';
import { errorId, type FieldErrors } from './submit';

/** What the form holds: numbers as typed, so a half-typed figure is never turned into something else. */
export interface Draft {
  occurredAt: string;
  type: DamageTypeId;
  quantities: Partial<Record<QuantityId, string>>;
  lossWan: string;
  placeName: string;
  hazardPointId: string | null;
  hazardName: string;
  lat: string;
  lng: string;
  coordSystem: CoordSystem;
  description: string;
  photos: PhotoMeta[];
}

const LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm";

export const localInput = (ms: number, zone: string) => formatLocal(ms, LOCAL_INPUT, zone);

export function emptyDraft(nowMs: number, zone: string): Draft {
  return { occurredAt: localInput(nowMs, zone), type: 'house_severe', quantities: {}, lossWan: '', placeName: '', hazardPointId: null, hazardName: '', lat: '', lng: '', coordSystem: 'wgs84', description: '', photos: [] };
}

const text = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');

export function draftFromRecord(r: DamageRecord, zone: string): Draft {
  const quantities: Draft['quantities'] = {};
  for (const [key, value] of Object.entries(r.quantities) as [QuantityId, number][]) quantities[key] = text(value);
  return {
    occurredAt: localInput(r.occurredAtMs, zone), type: r.type, quantities, lossWan: text(r.lossWan), placeName: r.place.name, hazardPointId: r.place.hazardPointId,
    hazardName: '', lat: text(r.place.lat), lng: text(r.place.lng), coordSystem: 'wgs84', description: r.description, photos: [],
  };
}

/** Only the figures the chosen type counts are sent: a field left over from another type would be refused. */
export function figuresOf(d: Draft): Quantities {
  const out: Quantities = {};
  for (const key of DAMAGE_TYPES[d.type].quantities) {
    const value = d.quantities[key]?.trim();
    if (value) out[key] = Number(value);
  }
  return out;
}

export const occurredMs = (d: Draft, zone: string) => zonedToUtc(d.occurredAt.slice(0, 10), d.occurredAt.slice(11, 16), zone);

const coordinate = (value: string) => (value.trim() === '' ? null : Number(value));

export function placeOf(d: Draft) {
  return { name: d.placeName.trim(), hazardPointId: d.hazardPointId, lat: coordinate(d.lat), lng: coordinate(d.lng), coordSystem: d.coordSystem };
}

export const samePlace = (a: ReturnType<typeof placeOf>, b: DamagePlace) =>
  a.coordSystem === 'wgs84' && a.name === b.name && a.hazardPointId === b.hazardPointId && a.lat === b.lat && a.lng === b.lng;

export type SetDraft = (patch: Partial<Draft>) => void;

export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  if (!errors[name]) return null;
  return (
    <span className="dmg-field-error" id={errorId(name)} data-testid="dmg-field-error">
      {errors[name]}
    </span>
  );
}

/** A labelled field with its problem beneath it. */
export function Field({ label, name, errors, wide, children }: { label: string; name: string; errors: FieldErrors; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'hz-wide' : undefined}>
      {label}
      {children}
      <FieldError errors={errors} name={name} />
    </label>
  );
}

export const invalid = (errors: FieldErrors, name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': errorId(name) } : {});

/** Type, the type's own figures with their units, and the loss: the catalogue decides which fields show. */
export function FiguresFields({ draft, set, errors }: { draft: Draft; set: SetDraft; errors: FieldErrors }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const side = lang === 'zh-CN' ? 'zh' : 'en';
  return (
    <>
      <Field label={t('damage.type')} name="type" errors={errors}>
        <select name="type" value={draft.type} onChange={(e) => set({ type: e.target.value as DamageTypeId })} {...invalid(errors, 'type')}>
          {DAMAGE_TYPE_IDS.map((id) => (
            <option key={id} value={id}>
              {DAMAGE_TYPES[id][side]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="hz-wide dmg-figures" data-testid="dmg-figures" aria-describedby="dmg-figures-hint">
        <legend>{t('damage.figures')}</legend>
        <small id="dmg-figures-hint" className="muted">
          {t('damage.quantitiesHint')}
        </small>
        <div className="dmg-figure-grid">
          {DAMAGE_TYPES[draft.type].quantities.map((key) => {
            const unit = UNITS[INDICATORS[key].unit];
            const name = `quantities.${key}`;
            return (
              <Field key={key} label={INDICATORS[key][side]} name={name} errors={errors}>
                <span className="dmg-with-unit">
                  <input
                    name={name}
                    type="number"
                    min={0}
                    step={unit.decimals ? 10 ** -unit.decimals : 1}
                    inputMode={unit.decimals ? 'decimal' : 'numeric'}
                    required={DAMAGE_TYPES[draft.type].required.includes(key)}
                    value={draft.quantities[key] ?? ''}
                    onChange={(e) => set({ quantities: { ...draft.quantities, [key]: e.target.value } })}
                    {...invalid(errors, name)}
                  />
                  <span className="dmg-unit">{unit[side]}</span>
                </span>
              </Field>
            );
          })}
        </div>
        <FieldError errors={errors} name="quantities" />
      </fieldset>
      <Field label={t('damage.loss')} name="lossWan" errors={errors}>
        <input name="lossWan" type="number" min={0} step={0.0001} inputMode="decimal" value={draft.lossWan} onChange={(e) => set({ lossWan: e.target.value })} {...invalid(errors, 'lossWan')} />
      </Field>
    </>
  );
}

/** Words, a point, or a hazard point picked by name (its position is used when no point is typed). */
export function PlaceFields({ draft, set, errors }: { draft: Draft; set: SetDraft; errors: FieldErrors }) {
  const t = useT();
  const points = useQuery('hazards.listPoints', { sort: 'pinyin', limit: 1000 });
  const pickHazard = (name: string) => {
    const point = points.data?.rows.find((p) => p.name === name);
    set({ hazardName: name, hazardPointId: point?.id ?? null, placeName: point && !draft.placeName ? point.name : draft.placeName });
  };
  const linked = draft.hazardPointId !== null;
  return (
    <fieldset className="hz-wide dmg-figures">
      <legend>{t('damage.place')}</legend>
      <div className="dmg-figure-grid">
        <Field label={t('damage.placeName')} name="place.name" errors={errors}>
          <input name="placeName" maxLength={200} value={draft.placeName} onChange={(e) => set({ placeName: e.target.value })} {...invalid(errors, 'place.name')} />
        </Field>
        <Field label={t('damage.hazardPoint')} name="place.hazardPointId" errors={errors}>
          <input name="hazardPoint" list="dmg-hazard-points" value={draft.hazardName} onChange={(e) => pickHazard(e.target.value)} aria-describedby={linked ? 'dmg-hazard-linked' : undefined} />
          <datalist id="dmg-hazard-points">
            {points.data?.rows.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
          {linked && (
            <small id="dmg-hazard-linked" className="muted" data-testid="dmg-hazard-linked">
              {t('damage.hazardLinked')}
            </small>
          )}
        </Field>
        <Field label={t('damage.coordSystem')} name="place.coordSystem" errors={errors}>
          <select name="coordSystem" value={draft.coordSystem} onChange={(e) => set({ coordSystem: e.target.value as CoordSystem })}>
            <LabelledOptions values={COORD_SYSTEMS} labels={COORD_SYSTEM_LABELS} />
          </select>
        </Field>
        <Field label={t('damage.lat')} name="place.lat" errors={errors}>
          <input name="lat" inputMode="decimal" value={draft.lat} onChange={(e) => set({ lat: e.target.value })} {...invalid(errors, 'place.lat')} />
        </Field>
        <Field label={t('damage.lng')} name="place.lng" errors={errors}>
          <input name="lng" inputMode="decimal" value={draft.lng} onChange={(e) => set({ lng: e.target.value })} {...invalid(errors, 'place.lng')} />
        </Field>
      </div>
    </fieldset>
  );
}

/** Problems with no field of their own on this form, still in plain words. */
export function OtherErrors({ errors, type }: { errors: FieldErrors; type: DamageTypeId }) {
  const t = useT();
  const placed = [...PLACED_FIELDS, ...DAMAGE_TYPES[type].quantities.map((key) => `quantities.${key}`)];
  const rest = Object.entries(errors).filter(([name]) => !placed.includes(name));
  if (!rest.length) return null;
  return (
    <div className="hz-wide dmg-field-error" role="alert">
      {t('damage.fieldErrors')}
      <ul>
        {rest.map(([name, message]) => (
          <li key={name}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The fields every form here places next to an input; the rest are listed by OtherErrors. */
const PLACED_FIELDS: readonly string[] = ['type', 'quantities', 'lossWan', 'place.name', 'place.hazardPointId', 'place.coordSystem', 'place.lat', 'place.lng', 'occurredAtMs', 'description', 'eventId', 'reason'];

/** What a record and a correction of it both state: when, the figures, where, what was seen, and photos. */
export function DraftFields({ draft, set, errors, autoFocus }: { draft: Draft; set: SetDraft; errors: FieldErrors; autoFocus?: boolean }) {
  const t = useT();
  return (
    <>
      <Field label={t('damage.occurredAt')} name="occurredAtMs" errors={errors}>
        <input name="occurredAt" type="datetime-local" required value={draft.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} autoFocus={autoFocus} {...invalid(errors, 'occurredAtMs')} />
      </Field>
      <FiguresFields draft={draft} set={set} errors={errors} />
      <PlaceFields draft={draft} set={set} errors={errors} />
      <Field label={t('damage.description')} name="description" errors={errors} wide>
        <textarea name="description" rows={3} maxLength={2000} value={draft.description} onChange={(e) => set({ description: e.target.value })} {...invalid(errors, 'description')} />
      </Field>
      <div className="hz-wide">
        <span className="muted">{t('damage.photos')}</span>
        <PhotoPicker label={t('damage.addPhotos')} photos={draft.photos} onChange={(photos) => set({ photos })} testId="dmg-photo" />
      </div>
    </>
  );
}

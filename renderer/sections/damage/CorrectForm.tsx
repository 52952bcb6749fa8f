import { useEffect, useState, type FormEvent } from 'react';
import type { DamageRecord } from '../../../core/contract/damage';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { draftFromRecord, DraftFields, Field, figuresOf, invalid, occurredMs, OtherErrors, placeOf, samePlace, type Draft } from './fields';
import { useDamageFormat } from './format';
import { damageHref, goDamage } from './route';
import { useFormSubmit } from './submit';

/** The patch holds only what differs from the version the user started from: figures sent replace the record's as a whole. */
function patchOf(r: DamageRecord, d: Draft, zone: string) {
  const quantities = figuresOf(d);
  const lossWan = d.lossWan.trim() === '' ? 0 : Number(d.lossWan);
  const occurredAtMs = occurredMs(d, zone);
  const place = placeOf(d);
  const description = d.description.trim();
  return {
    ...(d.type !== r.type ? { type: d.type } : {}),
    ...(d.type !== r.type || JSON.stringify(quantities) !== JSON.stringify(r.quantities) ? { quantities } : {}),
    ...(lossWan !== r.lossWan ? { lossWan } : {}),
    // The form shows minutes: a record stored with seconds is not "changed" by being opened.
    ...(Math.floor(occurredAtMs / 60_000) !== Math.floor(r.occurredAtMs / 60_000) ? { occurredAtMs } : {}),
    ...(samePlace(place, r.place) ? {} : { place }),
    ...(description !== r.description ? { description } : {}),
  };
}

/** A correction is a new version with a reason, prefilled with the figures as they stand. */
export function CorrectForm({ id }: { id: string }) {
  const t = useT();
  const { zone } = useDamageFormat();
  const [record, setRecord] = useState<DamageRecord | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useFormSubmit();
  const set = (patch: Partial<Draft>) => setDraft((d) => d && { ...d, ...patch });

  useEffect(() => {
    act('damage.get', { id }).then((detail) => {
      if (!detail) return;
      setRecord(detail.record);
      setDraft(draftFromRecord(detail.record, zone));
    });
  }, [id, zone]);

  if (!record || !draft) return <p className="muted">{t('common.loading')}</p>;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!record || !draft) return;
    // The version the form was filled from: a save over another desk's newer change is refused (409), and the typing stays.
    const saved = await submit('damage.correct', { id, expectedVersion: record.version, reason: reason.trim(), patch: patchOf(record, draft, zone), photoIds: draft.photos.map((p) => p.id) });
    if (saved) goDamage({ view: 'record', id });
  }

  return (
    <form className="card form-grid dmg-form" onSubmit={onSubmit} aria-labelledby="dmg-correct-title" data-testid="dmg-correct-form" onKeyDown={(e) => e.key === 'Escape' && history.back()}>
      <h2 id="dmg-correct-title">
        {t('damage.correctTitle')} · {t('damage.version', { n: record.version + 1 })}
      </h2>
      <DraftFields draft={draft} set={set} errors={errors} autoFocus />
      <Field label={t('damage.correctReason')} name="reason" errors={errors} wide>
        <input name="reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} {...invalid(errors, 'reason')} />
      </Field>
      <OtherErrors errors={errors} type={draft.type} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !reason.trim()} data-testid="dmg-save-correction">
          {t('damage.saveCorrection')}
        </button>
        <a className="button" href={damageHref({ view: 'record', id })}>
          {t('damage.cancel')}
        </a>
      </div>
    </form>
  );
}

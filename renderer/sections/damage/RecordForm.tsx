import { useEffect, useState, type FormEvent } from 'react';
import type { DamageRecord } from '../../../core/contract/damage';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { EventPicker } from '../../components/EventPicker';
import { useDamageEvent } from './EventSelect';
import { DraftFields, emptyDraft, FieldError, figuresOf, localInput, occurredMs, OtherErrors, placeOf, type Draft } from './fields';
import { useDamageFormat } from './format';
import { damageHref, goDamage } from './route';
import { useFormSubmit } from './submit';

const lossOf = (d: Draft) => (d.lossWan.trim() === '' ? 0 : Number(d.lossWan));

/** A record started from a clicked map point: the form sits in the map's side panel and hands the saved record back. */
export interface MapPointOrigin {
  at: { lat: number; lng: number };
  onSaved(record: DamageRecord): void;
  onCancel(): void;
}

/**
 * A new record, typed from scratch, from a duty log entry (`entryId`: the call's time, event and
 * words are filled in, and the record stays linked to the entry) or from a point clicked on the
 * map (`fromMap`: the point is filled in and the record's source is that map point).
 */
export function RecordForm({ entryId, fromMap }: { entryId: string | null; fromMap?: MapPointOrigin }) {
  const t = useT();
  const { zone } = useDamageFormat();
  // The event the register was looking at; EventPicker starts on the open one when there is none.
  const [eventId, setEventId] = useState(useDamageEvent.getState().eventId);
  const [draft, setDraft] = useState<Draft>(() => {
    const empty = emptyDraft(Date.now(), zone);
    return fromMap ? { ...empty, lat: fromMap.at.lat.toFixed(6), lng: fromMap.at.lng.toFixed(6) } : empty;
  });
  // Set when the entry already has a record: the second one is sent only once the user says so.
  const [existing, setExisting] = useState<number | null>(null);
  const { errors, busy, submit } = useFormSubmit();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    if (!entryId) return;
    act('duty.logHistory', { entryId }).then((versions) => {
      const entry = versions?.[versions.length - 1];
      if (!entry) return;
      setDraft((d) => ({ ...d, occurredAt: localInput(entry.receivedAtMs, zone), description: entry.content }));
      if (entry.eventId) setEventId(entry.eventId);
    });
  }, [entryId, zone]);

  async function save(allowSecond: boolean) {
    if (!eventId) return;
    const figures = {
      eventId,
      type: draft.type,
      quantities: figuresOf(draft),
      lossWan: lossOf(draft),
      occurredAtMs: occurredMs(draft, zone),
      place: placeOf(draft),
      description: draft.description.trim(),
      photoIds: draft.photos.map((p) => p.id),
    };
    const saved = entryId
      ? await submit('damage.recordFromLogEntry', { ...figures, entryId, allowSecond }, (body) => {
          if (body.key !== 'errors.damage.alreadyFromEntry') return false;
          setExisting(Number(body.params?.count ?? 1));
          return true;
        })
      : await submit('damage.record', { ...figures, source: { kind: fromMap ? 'map_point' : 'manual' } });
    if (saved && fromMap) fromMap.onSaved(saved);
    else if (saved) goDamage({ view: 'record', id: saved.id });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setExisting(null);
    void save(false);
  }

  return (
    <form className="card form-grid dmg-form" onSubmit={onSubmit} aria-labelledby="dmg-form-title" data-testid="dmg-form" onKeyDown={(e) => e.key === 'Escape' && (fromMap ? fromMap.onCancel() : history.back())}>
      <h2 id="dmg-form-title">{entryId ? t('damage.fromLogTitle') : t('damage.newTitle')}</h2>
      {entryId && <p className="hz-wide muted">{t('damage.fromLogNote')}</p>}
      <div>
        <EventPicker value={eventId} onChange={setEventId} defaultToOpen label={t('damage.event')} name="eventId" testId="dmg-form-event" />
        <FieldError errors={errors} name="eventId" />
      </div>
      <DraftFields draft={draft} set={set} errors={errors} />
      <OtherErrors errors={errors} type={draft.type} />
      {existing !== null && (
        <div className="hz-wide hz-warnings" role="alert" data-testid="dmg-another">
          <p>{t('damage.another', { count: existing })}</p>
          <button type="button" onClick={() => save(true)} disabled={busy} autoFocus data-testid="dmg-record-another">
            {t('damage.recordAnother')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !eventId} data-testid="dmg-save">
          {t('damage.save')}
        </button>
        {fromMap ? (
          <button type="button" onClick={fromMap.onCancel}>
            {t('damage.cancel')}
          </button>
        ) : (
          <a className="button" href={damageHref({ view: 'list' })}>
            {t('damage.cancel')}
          </a>
        )}
      </div>
    </form>
  );
}

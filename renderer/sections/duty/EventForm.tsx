import { useState, type FormEvent } from 'react';
import { eventKinds, type EventKind, type EventRecord } from '../../../core/contract/system';
import { eventDisplayName } from '../../../core/domain/events/name';
import { formatLocal } from '../../../core/time';
import { isInstant } from '../../format/safe';
import { useT } from '../../i18n';
import { fromLocalInput, toLocalInput, useZone } from './format';
import { useDutyWrite } from './store';

interface Draft {
  kind: EventKind;
  year: string;
  number: string;
  name: string;
  nameEn: string;
  startedAt: string;
  endedAt: string;
  notes: string;
}

const known = (kind: unknown): kind is EventKind => (eventKinds as readonly unknown[]).includes(kind);

/** A stored row as the form's strings; an unreadable time shows as empty, to be typed again, not as a crash. */
function draftOf(event: EventRecord | null, zone: string, nowMs: number): Draft {
  if (!event) return { kind: 'typhoon', year: formatLocal(nowMs, 'yyyy', zone), number: '', name: '', nameEn: '', startedAt: toLocalInput(nowMs, zone), endedAt: '', notes: '' };
  const local = (ms: unknown) => (isInstant(ms) ? toLocalInput(ms, zone) : '');
  return {
    kind: known(event.kind) ? event.kind : 'other',
    year: event.typhoonYear === null ? '' : String(event.typhoonYear),
    number: event.typhoonNumber === null ? '' : String(event.typhoonNumber),
    name: String(event.name ?? ''),
    nameEn: String(event.nameEn ?? ''),
    startedAt: local(event.startedAtMs),
    endedAt: local(event.endedAtMs),
    notes: String(event.notes ?? ''),
  };
}

/** The typed values as the contract wants them; a typhoon's number only on a typhoon. */
function fieldsOf(draft: Draft, zone: string) {
  const typhoon = draft.kind === 'typhoon' && draft.year.trim() !== '' && draft.number.trim() !== '';
  return {
    kind: draft.kind,
    name: draft.name,
    nameEn: draft.nameEn,
    typhoonYear: typhoon ? Number(draft.year) : null,
    typhoonNumber: typhoon ? Number(draft.number) : null,
    startedAtMs: fromLocalInput(draft.startedAt, zone) ?? 0,
    notes: draft.notes,
  };
}

/**
 * Create or edit one event. A save over someone else's newer change is refused (409): the shared
 * banner says so and everything typed stays in the form; choosing the event again in the list
 * loads the other change.
 */
export function EventForm({ event, onSaved, onCancel }: { event: EventRecord | null; onSaved(saved: EventRecord): void; onCancel(): void }) {
  const t = useT();
  const zone = useZone();
  const write = useDutyWrite();
  const [draft, setDraft] = useState(() => draftOf(event, zone, Date.now()));
  const [version, setVersion] = useState(event?.version ?? 1);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const field = <K extends keyof Draft>(key: K) => ({
    name: key,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: e.target.value }));
    },
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const fields = fieldsOf(draft, zone);
    const result = event
      ? await write('events.update', {
          id: event.id,
          // The end is only on the form of an ended event: clearing it reopens the event.
          patch: { ...fields, ...(event.endedAtMs === null ? {} : { endedAtMs: draft.endedAt ? (fromLocalInput(draft.endedAt, zone) ?? null) : null }) },
          expectedVersion: version,
        })
      : await write('events.create', fields);
    setBusy(false);
    if (result) {
      setVersion(result.version);
      setSaved(true);
      onSaved(result);
    }
  }

  const typhoon = draft.kind === 'typhoon';
  const preview = fieldsOf(draft, zone);
  const previewText = draft.name.trim() ? t('events.namePreview', { zh: eventDisplayName(preview, 'zh'), en: eventDisplayName(preview, 'en') }) : '';
  return (
    <form className="card form-grid event-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-labelledby="event-form-title" data-testid="event-form">
      <h2 id="event-form-title">{event ? t('events.edit') : t('events.new')}</h2>
      <label>
        {t('events.kind')}
        <select autoFocus {...field('kind')}>
          {eventKinds.map((k) => (
            <option key={k} value={k}>
              {t(`events.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {typhoon && (
        <>
          <label>
            {t('events.typhoonYear')}
            <input type="number" inputMode="numeric" min={1949} max={2200} required {...field('year')} />
          </label>
          <label>
            {t('events.typhoonNumber')}
            <input type="number" inputMode="numeric" min={1} max={99} required {...field('number')} />
          </label>
        </>
      )}
      <label>
        {typhoon ? t('events.typhoonName') : t('events.name')}
        <input required maxLength={100} {...field('name')} />
      </label>
      <label>
        {typhoon ? t('events.typhoonNameEn') : t('events.nameEn')}
        <input maxLength={200} lang="en" {...field('nameEn')} />
      </label>
      <label>
        {t('events.startedAt')}
        <input type="datetime-local" required {...field('startedAt')} />
      </label>
      {event && event.endedAtMs !== null && (
        <label>
          {t('events.endedAt')}
          <input type="datetime-local" {...field('endedAt')} />
        </label>
      )}
      <label className="wide">
        {t('events.notes')}
        <textarea rows={2} maxLength={5000} {...field('notes')} />
      </label>
      <p className="wide muted event-preview" data-testid="event-preview">
        {previewText}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="event-save">
          {t('events.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('events.cancel')}
        </button>
        {saved && (
          <span role="status" className="ok-text" data-testid="event-saved">
            {t('events.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LogEntry } from '../../../core/contract/dutyShared';
import { incidentFromLogEntry, INCIDENT_SUMMARY_CHARS } from '../../../core/domain/duty/incidents';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useDutyQuery, useDutyWrite } from './store';
import { full, useZone } from './format';

/**
 * A call that turns out to be an incident to report up the chain: opened from the entry, prefilled
 * from it and linked to it, with the 初报 clock running from when the call came in. Once opened,
 * the entry shows its incident instead of the button (the server refuses a second one).
 */
export function LogIncident({ entry }: { entry: LogEntry }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const write = useDutyWrite();
  const linked = useDutyQuery('duty.logEntryIncidents', { entryId: entry.entryId });
  const [form, setForm] = useState<ReturnType<typeof incidentFromLogEntry> | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  const formOpen = form !== null;
  useEffect(() => {
    if (formOpen) titleInput.current?.focus();
  }, [formOpen]);

  if (!linked.data) return null;
  if (linked.data.length) {
    return (
      <div className="log-incident" data-testid="log-incident-linked">
        <strong>{t('duty.logInc.linked')}</strong>
        <ul>
          {linked.data.map((incident) => (
            <li key={incident.id}>
              {incident.title} · {full(incident.receivedAtMs, zone)} · {incident.due ? code('duty.inc.stage', incident.due.stage) : t('duty.inc.closed')}
            </li>
          ))}
        </ul>
        <a href="#/duty/incidents">{t('duty.logInc.goto')}</a>
      </div>
    );
  }

  const cancel = () => {
    setForm(null);
    openButton.current?.focus();
  };

  function escape(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    cancel();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form && (await write('duty.openIncident', form))) setForm(null);
  }

  if (!form) {
    return (
      <button
        ref={openButton}
        type="button"
        data-testid="log-open-incident"
        onClick={() => setForm(incidentFromLogEntry(entry, { from: t('duty.logInc.from'), action: t('duty.logInc.action') }))}
      >
        {t('duty.logInc.open')}
      </button>
    );
  }

  return (
    <form className="stack log-incident" onSubmit={submit} onKeyDown={escape} aria-labelledby="log-incident-title" data-testid="log-incident-form">
      <h3 id="log-incident-title">{t('duty.logInc.title')}</h3>
      <p className="muted">{full(form.receivedAtMs, zone)}</p>
      <label>
        {t('duty.inc.title')}
        <input ref={titleInput} name="incidentTitle" required maxLength={100} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      </label>
      <label>
        {t('duty.inc.location')}
        <input name="incidentLocation" maxLength={200} value={form.location} onChange={(e) => setForm({ ...form, location: e.target.value })} />
      </label>
      <label>
        {t('duty.inc.summary')}
        <textarea name="incidentSummary" rows={4} maxLength={INCIDENT_SUMMARY_CHARS} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!form.title.trim()}>
          {t('duty.inc.open')}
        </button>
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

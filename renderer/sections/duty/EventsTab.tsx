import { useEffect, useRef, useState } from 'react';
import type { EventRecord } from '../../../core/contract/system';
import { useEventName } from '../../components/EventPicker';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { EventForm } from './EventForm';
import { EventLinks } from './EventLinks';
import { fromLocalInput, full, toLocalInput, useZone } from './format';
import { useDutyQuery, useDutyWrite } from './store';
import './events.css';

/** Open events first (the one the desk is working), then the ended ones, each newest first. */
const ordered = (events: EventRecord[]) => [...events.filter((e) => e.endedAtMs === null), ...events.filter((e) => e.endedAtMs !== null)];

/** Closing is setting the end; asked once more, since new records stop going to the event. */
function CloseEvent({ event, name, onDone }: { event: EventRecord; name: string; onDone(): void }) {
  const t = useT();
  const zone = useZone();
  const write = useDutyWrite();
  const [asking, setAsking] = useState(false);
  const [at, setAt] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="danger"
        data-testid="event-close"
        onClick={() => {
          setAt(toLocalInput(Date.now(), zone));
          setAsking(true);
        }}
      >
        {t('events.close')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="event-close-text" className="event-close" data-testid="event-close-confirm" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p id="event-close-text">{t('events.closeConfirm', { name })}</p>
      <label>
        {t('events.closeAt')}
        <input type="datetime-local" name="endedAt" value={at} onChange={(e) => setAt(e.target.value)} />
      </label>
      <div className="form-actions">
        <button
          ref={confirm}
          type="button"
          className="danger"
          data-testid="event-close-do"
          onClick={async () => {
            const endedAtMs = fromLocalInput(at, zone) ?? Date.now();
            if (await write('events.update', { id: event.id, patch: { endedAtMs }, expectedVersion: event.version })) onDone();
            setAsking(false);
          }}
        >
          {t('events.closeDo')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('events.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The events of the desk: list, the chosen one's form, its closing, and what is recorded under it. */
export default function EventsTab() {
  const t = useT();
  const zone = useZone();
  const nameOf = useEventName();
  const code = useCodeLabel();
  const openId = useStatus((s) => s.status?.openEvent?.id ?? null);
  const list = useDutyQuery('events.list', { includeEnded: true }).data;
  // 'new', an event's id, or nothing chosen yet (then the current event is shown).
  const [chosen, setChosen] = useState<string | null>(null);
  // Choosing an event again loads it afresh (after a conflict, that shows the other desk's change).
  const [loads, setLoads] = useState(0);
  const events = list ? ordered(list) : [];
  const selectedId = chosen ?? openId ?? events[0]?.id ?? null;
  const selected = selectedId === 'new' ? null : (events.find((e) => e.id === selectedId) ?? null);

  const choose = (id: string) => {
    setChosen(id);
    setLoads((n) => n + 1);
  };

  return (
    <div className="duty-events grid-2">
      <section className="card" aria-labelledby="events-list-title">
        <div className="events-head">
          <h2 id="events-list-title">{t('events.list')}</h2>
          <button type="button" className="primary" onClick={() => choose('new')} data-testid="event-new">
            {t('events.new')}
          </button>
        </div>
        <p className="muted">{t('events.intro')}</p>
        {list && !list.length && <p className="muted">{t('events.none')}</p>}
        <ul className="event-list" data-testid="event-list">
          {events.map((e) => (
            <StoredRow key={e.id} method="events.list" rowId={e.id} name={e.name} as="li">
              {() => (
                <li>
                  <button type="button" className={`event-row${e.id === selectedId ? ' selected' : ''}`} aria-current={e.id === selectedId || undefined} data-testid="event-row" data-event-id={e.id} onClick={() => choose(e.id)}>
                    <strong>{nameOf(e)}</strong>
                    <span className={`pill ${e.endedAtMs === null ? 'status-open' : 'status-closed'}`}>{e.endedAtMs === null ? t('events.open') : t('events.ended')}</span>
                    <small className="muted">
                      {code('events.kind', e.kind)} · {t('events.period', { from: plain(full(e.startedAtMs, zone)), to: e.endedAtMs === null ? '…' : plain(full(e.endedAtMs, zone)) })}
                    </small>
                  </button>
                </li>
              )}
            </StoredRow>
          ))}
        </ul>
      </section>

      <div className="stack events-detail">
        {(selectedId === 'new' || selected) && (
          <EventForm
            key={`${selectedId}#${loads}`}
            event={selected}
            onSaved={(saved) => setChosen(saved.id)}
            onCancel={() => setChosen(null)}
          />
        )}
        {selected && selected.endedAtMs === null && <CloseEvent key={`${selected.id}#${selected.version}`} event={selected} name={nameOf(selected)} onDone={() => setChosen(selected.id)} />}
        {selected && <EventLinks eventId={selected.id} />}
      </div>
    </div>
  );
}
